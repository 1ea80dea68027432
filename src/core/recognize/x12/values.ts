/**
 * Reading the values of X12 elements in place, `text[start, end)`, without a substring for the
 * common shapes, and handing out one string per distinct value: a claim file repeats the same
 * few codes, modifiers, places of service and dates thousands of times, and every string kept in
 * an occurrence is work for the garbage collector. Each reader answers exactly what its general
 * counterpart (`codeAt` of cell.ts, `parseUnits`/`parsePos`/`parseDate` of facts.ts) answers for
 * the substring; uncommon shapes go to that counterpart.
 */
import type { CodeSystem, IsoDate } from '../../model';
import { codeAt } from '../cell';
import { parseDate, parsePos, parseUnits, POS_CODES } from '../facts';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The number `text[start, end)` spells when it is all digits (at most 15: exact in a double), else -1. */
function digitsValue(text: string, start: number, end: number): number {
  let v = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (!isDigit(c)) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

/** A code as written, as normalized, and its system. */
export interface WrittenCode {
  readonly text: string;
  readonly code: string;
  readonly system: CodeSystem;
}

/** Recently seen codes, by a hash of their five characters (a miss only costs a substring). */
const CODE_SLOTS = 512;
const codeSlots: (WrittenCode | undefined)[] = new Array<WrittenCode | undefined>(CODE_SLOTS).fill(undefined);

/** The code `text[start, start+5)` when it has a code's shape (as `codeAt`), else undefined. */
export function writtenCodeAt(text: string, start: number): WrittenCode | undefined {
  if (start + 5 > text.length) return undefined;
  const c0 = text.charCodeAt(start);
  const c1 = text.charCodeAt(start + 1);
  const c2 = text.charCodeAt(start + 2);
  const c3 = text.charCodeAt(start + 3);
  const c4 = text.charCodeAt(start + 4);
  const slot = ((((c0 * 31 + c1) * 31 + c2) * 31 + c3) * 31 + c4) & (CODE_SLOTS - 1);
  const seen = codeSlots[slot];
  if (seen) {
    const t = seen.text;
    if (t.charCodeAt(0) === c0 && t.charCodeAt(1) === c1 && t.charCodeAt(2) === c2 && t.charCodeAt(3) === c3 && t.charCodeAt(4) === c4) return seen;
  }
  const found = codeAt(text, start);
  if (!found) return undefined;
  const written = text.slice(start, start + 5);
  const entry: WrittenCode = { text: written, code: found.code === written ? written : found.code, system: found.system };
  codeSlots[slot] = entry;
  return entry;
}

/** Two-character modifiers upper-cased, by their ASCII character codes. */
const modifierStrings: (string | undefined)[] = new Array<string | undefined>(128 * 128).fill(undefined);
const upperAscii = (c: number): number => (c >= 97 && c <= 122 ? c - 32 : c);

/** `text.slice(start, start + 2).toUpperCase()`, one string per distinct ASCII modifier. */
export function modifierAt(text: string, start: number): string {
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  if (a >= 128 || b >= 128) return text.slice(start, start + 2).toUpperCase();
  const key = (upperAscii(a) << 7) | upperAscii(b);
  return (modifierStrings[key] ??= String.fromCharCode(upperAscii(a), upperAscii(b)));
}

/** `parseUnits(text.slice(start, end))`: whole numbers of up to 12 digits read in place. */
export function unitsAt(text: string, start: number, end: number): number | undefined {
  if (start >= end) return undefined;
  if (end - start <= 12) {
    const v = digitsValue(text, start, end);
    if (v >= 0) return v;
  }
  return parseUnits(text.slice(start, end));
}

/** `parsePos(text.slice(start, end))`: one or two digits read in place. */
export function placeOfServiceAt(text: string, start: number, end: number): string | undefined {
  if (start >= end) return undefined;
  const a = text.charCodeAt(start);
  if (end - start === 1 && isDigit(a)) return POS_CODES[a - 48];
  if (end - start === 2 && isDigit(a)) {
    const b = text.charCodeAt(start + 1);
    if (isDigit(b)) return POS_CODES[(a - 48) * 10 + (b - 48)];
  }
  return parsePos(text.slice(start, end));
}

/** Recently seen `CCYYMMDD` dates (D8, the usual DTP03) by their number, and what they parse to. */
const DATE_SLOTS = 256;
const dateKeys = new Int32Array(DATE_SLOTS).fill(-1);
const dateValues: (IsoDate | undefined)[] = new Array<IsoDate | undefined>(DATE_SLOTS).fill(undefined);

/** `parseDate(text.slice(start, end))`, one string per distinct eight-digit date. */
export function dateAt(text: string, start: number, end: number): IsoDate | undefined {
  if (end - start === 8) {
    const key = digitsValue(text, start, end);
    if (key >= 0) {
      const slot = (key ^ (key >>> 8)) & (DATE_SLOTS - 1);
      if (dateKeys[slot] === key) return dateValues[slot];
      const value = parseDate(text.slice(start, end));
      dateKeys[slot] = key;
      dateValues[slot] = value;
      return value;
    }
  }
  return parseDate(text.slice(start, end));
}
