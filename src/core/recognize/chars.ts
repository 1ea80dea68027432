/** Character classes and small look-behind helpers shared by the recognizers. */

export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
export const isUpperCode = (c: number): boolean => c >= 65 && c <= 90;
const isLowerCode = (c: number): boolean => c >= 97 && c <= 122;

/** Letters, digits and `_`: the characters a code or an identifier is made of. */
export const isWordChar = (c: number): boolean => isDigitCode(c) || isUpperCode(c) || isLowerCode(c) || c === 95;

/**
 * The word before `pos`, skipping spaces and light punctuation (`:`, `#`, `.`, `(`), on the same line.
 * Undefined at the line start or when something else separates them.
 */
export function previousWord(text: string, pos: number): { word: string; start: number } | undefined {
  let i = pos - 1;
  let skipped = 0;
  while (i >= 0 && skipped < 4) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 58 || c === 35 || c === 46 || c === 40 || c === 174) {
      i--;
      skipped++;
      continue;
    }
    break;
  }
  if (i < 0 || !isWordChar(text.charCodeAt(i))) {
    // "CPT®" and "CPT(R)" end in a symbol; look past it once.
    return undefined;
  }
  const end = i + 1;
  while (i >= 0 && isWordChar(text.charCodeAt(i))) i--;
  return { word: text.slice(i + 1, end), start: i + 1 };
}
