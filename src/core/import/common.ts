/** What importers share: their context, their result, and small checks. */
import { codeShape } from '../codes/shapes';
import type { DataPack, PackCode, PackSource } from '../pack/types';
import { ImportError } from './errors';
import type { DecodedInput } from './input';
import type { Meter } from './reader';
import type { ImportOptions } from './types';

export interface ImportContext {
  input: DecodedInput;
  options: ImportOptions;
  /** Notes for the summary: guesses made, rows skipped on request. */
  warnings: string[];
  meter?: Meter;
}

/** What a format's importer returns; `importData` adds the pack head and the summary. */
export interface Converted {
  title: string;
  asOf?: string;
  codeSetYear?: number;
  /** Quarters the data covers (OPPS), oldest first. */
  quarters?: string[];
  source: PackSource;
  data: Pick<DataPack, 'codes' | 'modifiers' | 'opps' | 'pfs' | 'ptp' | 'mue'>;
  /** Rows read, for the summary. */
  rows: number;
}

/** Throws ImportError at `line` unless `code` has the shape of a CPT or HCPCS code. */
export function checkCode(ctx: ImportContext, raw: string, code: string, line: number, what = 'code'): string {
  if (!codeShape(code)) throw new ImportError(ctx.input.file, line, `"${raw.trim()}" is not a CPT or HCPCS ${what}`);
  return code;
}

/** `20250101` -> `2025-01-01`; blank -> undefined; anything else an ImportError. */
export function isoFromYmd(ctx: ImportContext, ymd: string, line: number, column: string): string | undefined {
  const s = ymd.trim();
  if (!s) return undefined;
  if (!/^\d{8}$/.test(s)) throw new ImportError(ctx.input.file, line, `${column} "${s}" is not a date YYYYMMDD`);
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  const month = Number(s.slice(4, 6));
  const day = Number(s.slice(6, 8));
  if (month < 1 || month > 12 || day < 1 || day > 31) throw new ImportError(ctx.input.file, line, `${column} "${s}" is not a valid date`);
  return iso;
}

/** Adds fields to a code entry, creating it. */
export function codeEntry(codes: Record<string, PackCode>, code: string): PackCode {
  return (codes[code] ??= {});
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

export function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase()];
}

/** The CMS quarter (`YYYY-01|04|07|10`) a year and month fall in. */
export function quarterOf(year: number, month: number): string {
  const q = Math.floor((month - 1) / 3) * 3 + 1;
  return `${year}-${String(q).padStart(2, '0')}`;
}

/**
 * A year and month named in text: `2026-04`, `2026_04`, `Jan 2026`, `January2026`, `2026 October`,
 * `25_OCT` / `2025_Oct` (CMS file names). Undefined when nothing is found.
 */
export function yearMonthIn(text: string): { year: number; month: number } | undefined {
  let m = /(?:^|[^0-9])((?:19|20)\d{2})[-_ .]?(0[1-9]|1[0-2])(?![0-9])/.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  const names = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
  m = new RegExp(`(?:^|[^a-z])(${names})[-_ ,.]*((?:19|20)?\\d{2})(?![0-9])`, 'i').exec(text);
  if (m) return { year: fullYear(m[2]), month: monthNumber(m[1].slice(0, 3))! };
  m = new RegExp(`(?:^|[^0-9])((?:19|20)?\\d{2})[-_ ,.]*(${names})(?![a-z])`, 'i').exec(text);
  if (m) return { year: fullYear(m[1]), month: monthNumber(m[2].slice(0, 3))! };
  return undefined;
}

function fullYear(s: string): number {
  return s.length === 2 ? 2000 + Number(s) : Number(s);
}

export const QUARTER_RE = /^\d{4}-(01|04|07|10)$/;
