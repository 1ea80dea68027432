/**
 * Parsing the value of one code slot: a CSV cell in a code column, an XML attribute, a JSON
 * string under a code key. The slot says "this is a procedure code", so a code-shaped value
 * is reported even when the loaded data does not know it (confidence 'context').
 *
 * Decisions:
 * - Case is normalized (`j3490` -> `J3490`); surrounding spaces, tabs and form feeds are ignored.
 * - A slot may hold several codes separated by spaces, `,`, `;`, `|` or `/` (`99213, 99214`) and
 *   a range `99213-99215` (both ends reported).
 * - Modifiers written after the code: `-25`, `-25-59`, `:25`, or glued (`71101LT`, `8707059`,
 *   `G8978GPCH`). Glued modifiers split off only when every two-character part is a modifier the
 *   data knows; a single trailing letter (`97001G`, a modifier cut by a fixed-width export) is
 *   dropped and the code kept.
 * - Tokens that are not codes (`72` spilled from a neighbouring amount in `72  87169`, `N/A`, `0`)
 *   are skipped; a token that merely contains a code (`164866`, `99213.00`) yields nothing.
 * - No allocation per character: substrings are taken only of five-character candidates.
 */
import type { CodeSystem } from '../model';
import { codeShape, isModifierShape } from '../codes/shapes';
import { isDigitCode, isUpperCode } from './chars';

export interface ModifierKnowledge {
  isModifier(code: string): boolean;
}

/** One code found in a slot: offsets into the document text, end exclusive. */
export interface CellCode {
  start: number;
  end: number;
  code: string;
  system: CodeSystem;
  /** Modifiers written with the code, with their offsets. */
  modifiers: { code: string; start: number; end: number }[];
}

const isLowerCode = (c: number): boolean => c >= 97 && c <= 122;
const isAlnum = (c: number): boolean => isDigitCode(c) || isUpperCode(c) || isLowerCode(c);
const upper = (c: number): number => (isLowerCode(c) ? c - 32 : c);

/** Separators between codes in one slot. `-` is handled apart (modifier or range). */
function isSlotSeparator(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11 || c === 160 || c === 44 || c === 59 || c === 124 || c === 47 || c === 10 || c === 13;
}

/** The normalized code `text[start, start+5)` if it has a code's shape, else undefined. */
export function codeAt(text: string, start: number): { code: string; system: CodeSystem } | undefined {
  if (start + 5 > text.length) return undefined;
  for (let k = 0; k < 5; k++) if (!isAlnum(text.charCodeAt(start + k))) return undefined;
  let code = text.slice(start, start + 5);
  if (isLowerCode(code.charCodeAt(0)) || isLowerCode(code.charCodeAt(4))) code = code.toUpperCase();
  const system = codeShape(code);
  return system && { code, system };
}

/** Codes written in the slot `text[start, end)`. */
export function parseCodeCell(text: string, start: number, end: number, data: ModifierKnowledge, reportInvalid?: InvalidReporter): CellCode[] {
  const out: CellCode[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSlotSeparator(c) || c === 45 || c === 34) {
      i++;
      continue;
    }
    // A token: a run of characters up to the next separator.
    const tokenStart = i;
    while (i < end && !isSlotSeparator(text.charCodeAt(i))) i++;
    const before = out.length;
    parseToken(text, tokenStart, i, data, out);
    if (reportInvalid && out.length === before && looksLikeCodeAttempt(text, tokenStart, i)) reportInvalid(tokenStart, i);
  }
  return out;
}

/** Called with the offsets of a value in a code slot that is not a valid code (`J34901`). */
export type InvalidReporter = (start: number, end: number) => void;

/**
 * A token written where a code belongs that is meant as one but has no valid shape: five to seven
 * letters and digits (`J34901`, `0001Z`, `FDSAE`), not a local code (W-Z, the old HCPCS Level III
 * letters) and, past five characters, mostly digits. Words (`NONE`), short numbers and amounts are not.
 */
export function looksLikeCodeAttempt(text: string, start: number, end: number): boolean {
  const n = end - start;
  if (n < 5 || n > 7) return false;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) digits++;
    else if (!isAlnum(c)) return false;
  }
  const first = upper(text.charCodeAt(start));
  if (first >= 87 && first <= 90) return false; // W X Y Z
  return n === 5 || digits >= 4;
}

/** One token: `99213`, `99213-25-59`, `9464076`, `G8978GPCH`, `99213-99215`, `97001G`. */
function parseToken(text: string, start: number, end: number, data: ModifierKnowledge, out: CellCode[]): void {
  let i = start;
  const first = out.length;
  while (i < end) {
    if (end - i < 5) return;
    const found = codeAt(text, i);
    if (!found) return;
    const code: CellCode = { start: i, end: i + 5, code: found.code, system: found.system, modifiers: [] };
    let j = i + 5;
    if (j < end && isAlnum(text.charCodeAt(j))) {
      // Glued modifiers or a dropped letter; anything else means the token is not a code.
      let hyphen = j;
      while (hyphen < end && text.charCodeAt(hyphen) !== 45 && text.charCodeAt(hyphen) !== 58) hyphen++;
      const glued = hyphen - j;
      if (glued === 1 && isUpperCode(upper(text.charCodeAt(j))) && !isDigitCode(text.charCodeAt(j))) {
        j = hyphen;
      } else if (glued % 2 === 0 && glued <= 8) {
        const mods: CellCode['modifiers'] = [];
        for (let k = j; k < hyphen; k += 2) {
          const mod = String.fromCharCode(upper(text.charCodeAt(k)), upper(text.charCodeAt(k + 1)));
          if (!data.isModifier(mod)) return;
          mods.push({ code: mod, start: k, end: k + 2 });
        }
        code.modifiers = mods;
        j = hyphen;
      } else {
        return;
      }
    }
    // Modifiers after `-` or `:`; a five-character code after `-` is the end of a range.
    while (j < end && (text.charCodeAt(j) === 45 || text.charCodeAt(j) === 58)) {
      let k = j + 1;
      while (k < end && isAlnum(text.charCodeAt(k))) k++;
      const len = k - (j + 1);
      if (len === 2) {
        const mod = text.slice(j + 1, k).toUpperCase();
        if (!isModifierShape(mod)) break;
        code.modifiers.push({ code: mod, start: j + 1, end: k });
        j = k;
      } else if (len === 5 && text.charCodeAt(j) === 45 && codeAt(text, j + 1)) {
        break;
      } else if (len === 0) {
        j = k;
      } else {
        if (out.length === first && code.modifiers.length === 0) {
          // `99213-1234`: a longer hyphenated number, not a code.
          return;
        }
        break;
      }
    }
    out.push(code);
    if (j < end && text.charCodeAt(j) === 45) j++;
    i = j;
    if (i < end && !codeAt(text, i)) return;
  }
}
