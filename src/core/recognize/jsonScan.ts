/**
 * A streaming JSON(C) visitor that keeps offsets: the subset of `jsonc-parser`'s `visit` the
 * JSON recognizer uses, with the same callback shapes.
 *
 * Why not `jsonc-parser` itself: its package's `main` is a UMD build whose factory receives
 * `require` as a parameter, so esbuild (platform node, `main` before `module`) leaves
 * `require("./impl/format")` unresolved and the bundled CLI and extension fail to load; its ESM
 * build cannot be loaded by Node's `require` (extensionless imports), which the unit tests need.
 * Once scripts/build.mjs sets `mainFields: ['module', 'main']`, `visit` from 'jsonc-parser' is a
 * drop-in replacement for `visitJson` (same callbacks and offsets).
 *
 * One pass, no regular expressions, tolerant of comments, trailing commas and errors (an
 * unexpected character is skipped). Strings are copied only for property names and for values.
 */

export interface JsonVisitor {
  onObjectBegin?: (offset: number) => void;
  onObjectProperty?: (property: string, offset: number, length: number) => void;
  onObjectEnd?: (offset: number) => void;
  onArrayBegin?: (offset: number) => void;
  onArrayEnd?: (offset: number) => void;
  /** A string (offset at the opening quote, length with the quotes), number, boolean or null. */
  onLiteralValue?: (value: unknown, offset: number, length: number) => void;
}

export function visitJson(text: string, v: JsonVisitor): void {
  const n = text.length;
  // Containers: true = object, false = array. In an object, whether the next string is a key.
  const stack: boolean[] = [];
  let expectKey = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 32: case 9: case 10: case 13: case 0xfeff: case 44: // whitespace, BOM, comma
        if (c === 44 && stack.length && stack[stack.length - 1]) expectKey = true;
        i++;
        continue;
      case 58: // :
        expectKey = false;
        i++;
        continue;
      case 47: { // comments
        if (text.charCodeAt(i + 1) === 47) {
          while (i < n && text.charCodeAt(i) !== 10) i++;
        } else if (text.charCodeAt(i + 1) === 42) {
          const end = text.indexOf('*/', i + 2);
          i = end < 0 ? n : end + 2;
        } else i++;
        continue;
      }
      case 123: // {
        v.onObjectBegin?.(i);
        stack.push(true);
        expectKey = true;
        i++;
        continue;
      case 91: // [
        v.onArrayBegin?.(i);
        stack.push(false);
        expectKey = false;
        i++;
        continue;
      case 125: case 93: { // } ]
        if (stack.length) {
          const isObject = stack.pop();
          if (isObject) v.onObjectEnd?.(i);
          else v.onArrayEnd?.(i);
        }
        expectKey = false;
        i++;
        continue;
      }
      case 34: { // string
        const start = i;
        let j = i + 1;
        let escaped = false;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === 92) {
            escaped = true;
            j += 2;
            continue;
          }
          if (d === 34 || d === 10) break;
          j++;
        }
        const end = Math.min(j + 1, n);
        const raw = text.slice(start + 1, Math.min(j, n));
        const value = escaped ? unescape(raw) : raw;
        if (expectKey && stack.length && stack[stack.length - 1]) {
          v.onObjectProperty?.(value, start, end - start);
          expectKey = false;
        } else {
          v.onLiteralValue?.(value, start, end - start);
        }
        i = end;
        continue;
      }
      default: {
        // number, true, false, null (or junk): a run of word characters
        const start = i;
        let j = i;
        while (j < n) {
          const d = text.charCodeAt(j);
          if ((d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 45 || d === 43 || d === 46) j++;
          else break;
        }
        if (j === start) {
          i++;
          continue;
        }
        const word = text.slice(start, j);
        let value: unknown;
        if (word === 'true') value = true;
        else if (word === 'false') value = false;
        else if (word === 'null') value = null;
        else {
          const num = Number(word);
          value = Number.isNaN(num) ? undefined : num;
        }
        if (value !== undefined) v.onLiteralValue?.(value, start, j - start);
        i = j;
        continue;
      }
    }
  }
  while (stack.length) {
    if (stack.pop()) v.onObjectEnd?.(n);
    else v.onArrayEnd?.(n);
  }
}

function unescape(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
