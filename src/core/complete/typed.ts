/** Reading what is typed at the cursor: code prefixes, words, modifiers after a code, line bounds. */
import { codeShape } from '../codes/shapes';
import type { CompletionContext, QueryMode } from './types';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
export const isAlnum = (c: number): boolean => isDigit(c) || isLetter(c);

const HCPCS_LETTERS = 'ABCDEGHJKLMPQRSTUV';

/** Whether `s` can be the start of a code: `6`, `6486`, `64866`, `0042T`, `J`, `j11`. */
export function isCodePrefix(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 5) return false;
  const c0 = s.charCodeAt(0);
  if (isLetter(c0)) {
    if (!HCPCS_LETTERS.includes(s[0].toUpperCase())) return false;
    for (let i = 1; i < n; i++) if (!isDigit(s.charCodeAt(i))) return false;
    return true;
  }
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) continue;
    // A letter only as the fifth character of a CPT II/III/PLA/MAAA or vaccine code.
    return i === 4 && codeShape(s.toUpperCase()) !== undefined;
  }
  return true;
}

/** How a typed query reads: a code prefix, words (at least two letters), nothing, or neither (undefined). */
export function queryMode(typed: string): QueryMode | undefined {
  const t = typed.trim();
  if (!t) return 'empty';
  if (isCodePrefix(t)) return 'prefix';
  let letters = 0;
  for (let i = 0; i < t.length; i++) if (isLetter(t.charCodeAt(i))) letters++;
  return letters >= 2 ? 'words' : undefined;
}

export function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

export function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** The end of the run of letters and digits starting at `offset` (no further than `limit`). */
export function alnumEnd(text: string, offset: number, limit = text.length): number {
  let i = offset;
  while (i < limit && isAlnum(text.charCodeAt(i))) i++;
  return i;
}

/** The start of the run of letters and digits ending at `offset` (no further back than `limit`). */
export function alnumStart(text: string, offset: number, limit = 0): number {
  let i = offset;
  while (i > limit && isAlnum(text.charCodeAt(i - 1))) i--;
  return i;
}

export interface ModifierSite {
  /** The code the modifier goes on. */
  code: string;
  /** Where the modifier being typed starts and ends. */
  start: number;
  end: number;
  /** Modifiers written between the code and this one. */
  written: string[];
}

/**
 * A modifier being typed right after a code: `64866-|`, `64866-2|`, `64866-22-|` (and with `:`
 * when `colon`). The code must start at `from` or after a character that is not a letter or digit.
 */
export function modifierAfterCode(text: string, offset: number, from: number, to: number, colon = false): ModifierSite | undefined {
  const start = alnumStart(text, offset, from);
  if (offset - start > 2) return undefined;
  const end = alnumEnd(text, offset, to);
  if (end - start > 2) return undefined;
  const written: string[] = [];
  let i = start;
  for (let guard = 0; guard < 6; guard++) {
    const sep = i > from ? text.charCodeAt(i - 1) : -1;
    if (sep !== 45 && !(colon && sep === 58)) return undefined;
    const runEnd = i - 1;
    const runStart = alnumStart(text, runEnd, from);
    const length = runEnd - runStart;
    if (length === 2) {
      written.unshift(text.slice(runStart, runEnd).toUpperCase());
      i = runStart;
      continue;
    }
    if (length !== 5) return undefined;
    const code = text.slice(runStart, runEnd).toUpperCase();
    if (!codeShape(code)) return undefined;
    return { code, start, end, written };
  }
  return undefined;
}

/** A context found in a slice of the text that starts at offset `by`, in the text's offsets. */
export function shifted(found: CompletionContext | undefined, by: number): CompletionContext | undefined {
  return found && { ...found, range: { start: found.range.start + by, end: found.range.end + by } };
}
