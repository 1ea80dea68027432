/**
 * The public shape of importing: which formats there are, the options, the column mapping
 * for a user's own CSV/JSON, and what an import returns. Public contract: change only additively.
 */
import type { DataPack, MueSetting, PtpSetting } from '../pack/types';
import type { Encoding } from '../text/decode';
import type { Meter } from './reader';

export type ImportFormat =
  | 'cptlens-pack' // a *.cptlens-pack.json file
  | 'ama-descriptors' // AMA CPT LONGULT.txt / MEDU.txt / SHORTU.txt
  | 'ama-consumer' // AMA consumer-friendly descriptors (ConsumerDescriptor.txt)
  | 'ama-clinician' // AMA clinician descriptors (ClinicianDescriptor.txt)
  | 'cms-pfs-rvu' // CMS PFS relative value file PPRRVU*.csv
  | 'cms-pfs-rvu-fixed' // the same, fixed-width PPRRVU*.txt
  | 'cms-opps-addendum-b' // CMS OPPS Addendum B CSV
  | 'cms-hcpcs' // CMS HCPCS Level II HCPC*_ANWEB*.csv
  | 'cms-hcpcs-fixed' // CMS HCPCS Level II fixed-width 320-character ANWEB text
  | 'ncci-ptp' // CMS NCCI procedure-to-procedure edits (tab-delimited text)
  | 'ncci-mue' // CMS NCCI medically unlikely edits (CSV)
  | 'mapped-csv' // any CSV/TSV with a ColumnMapping
  | 'mapped-json'; // any JSON array of objects with a ColumnMapping

/** Human names of the formats, for "found: ..." messages. */
export const FORMAT_LABELS: Record<ImportFormat, string> = {
  'cptlens-pack': 'CPT Lens data pack',
  'ama-descriptors': 'AMA CPT descriptor file',
  'ama-consumer': 'AMA CPT consumer-friendly descriptors',
  'ama-clinician': 'AMA CPT clinician descriptors',
  'cms-pfs-rvu': 'CMS PFS relative value file (PPRRVU, CSV)',
  'cms-pfs-rvu-fixed': 'CMS PFS relative value file (PPRRVU, fixed-width text)',
  'cms-opps-addendum-b': 'CMS OPPS Addendum B',
  'cms-hcpcs': 'CMS HCPCS Level II file (CSV)',
  'cms-hcpcs-fixed': 'CMS HCPCS Level II file (fixed-width ANWEB text)',
  'ncci-ptp': 'CMS NCCI procedure-to-procedure edits',
  'ncci-mue': 'CMS NCCI medically unlikely edits',
  'mapped-csv': 'CSV with a column mapping',
  'mapped-json': 'JSON with a column mapping',
};

/** A column: its header text (case and spacing ignored) or its 1-based position. */
export type ColumnRef = string | number;

/**
 * How to read a user's own CSV/TSV/JSON (local charge codes, payer lists). Only `code` is
 * required; each other entry names the column that fills that field of the code card.
 */
export interface ColumnMapping {
  code: ColumnRef;
  shortDescriptor?: ColumnRef;
  mediumDescriptor?: ColumnRef;
  longDescriptor?: ColumnRef;
  plainLanguage?: ColumnRef;
  summary?: ColumnRef;
  procedureDetails?: ColumnRef;
  section?: ColumnRef;
  status?: ColumnRef;
  effectiveDate?: ColumnRef;
  terminationDate?: ColumnRef;
  coverage?: ColumnRef;
  /** A column of modifiers ("22, 51" or "22 51") -> commonModifiers. */
  commonModifiers?: ColumnRef;
  /** A yes/no column -> addOn. */
  addOn?: ColumnRef;
  /** Field separator; detected from the header line when absent (comma, tab, semicolon, pipe). */
  delimiter?: string;
  /** False when the file has no header row (then columns are positions). Default true. */
  header?: boolean;
  /** JSON: the property that holds the array of records, when the file is an object. */
  records?: string;
  /** Rows whose code cell is not a CPT/HCPCS code are skipped (and counted) instead of failing the file. */
  skipInvalidCodes?: boolean;
  /**
   * A code on a second row: an error naming that row (`error`, the default), or kept on purpose
   * for lists that repeat codes: `first` ignores the later rows, `last` lets each later row
   * overwrite the fields it fills.
   */
  duplicates?: 'error' | 'first' | 'last';
  /** Pack title and licence for the converted data. */
  title?: string;
  license?: 'licensed' | 'other' | 'public-domain';
}

export interface ImportOptions {
  /** Use this format instead of detecting one (detection still checks the content fits). */
  format?: ImportFormat;
  /** Required for mapped-csv / mapped-json. */
  mapping?: ColumnMapping;
  /** Pack id; default `file:<file name>`. */
  id?: string;
  /** OPPS quarter (`2026-04`) when neither the content nor the file name says it. */
  quarter?: string;
  /** PFS / HCPCS / NCCI release (`2025-10`) when neither the content nor the file name says it. */
  release?: string;
  /** CPT code-set year of AMA files. */
  codeSetYear?: number;
  /** AMA descriptor file: which descriptor it holds, when content and name leave it open. */
  descriptorKind?: 'short' | 'medium' | 'long';
  /**
   * NCCI PTP: a last row cut off mid-record (no line end and incomplete) is an error naming its
   * line (`error`, the default), or is left out with a warning in the summary (`skip`).
   */
  truncatedLastRow?: 'error' | 'skip';
  /** PTP / MUE setting when the file does not say it. */
  ptpSetting?: PtpSetting;
  mueSetting?: MueSetting;
  /** Counts the reader's work (tests of linearity). */
  meter?: Meter;
}

export interface ImportSummary {
  format: ImportFormat;
  formatLabel: string;
  /** File name as given. */
  file: string;
  encoding: Encoding;
  /** Distinct procedure codes the pack says something about. */
  codes: number;
  modifiers: number;
  /** NCCI PTP edits and MUE values. */
  ptpEdits?: number;
  mueValues?: number;
  /** Release or as-of date (`2025-10`, `2026-07-01`). */
  asOf?: string;
  /** OPPS quarters covered, oldest first. */
  quarters?: string[];
  /** Code-set year of descriptors. */
  year?: number;
  /** Which card fields the file fills, e.g. ["shortDescriptor", "pfs"]. */
  fields: string[];
  /** Data rows read. */
  rows: number;
  warnings: string[];
  /** SHA-256 of the bytes, the cache key's main part. */
  sha256: string;
}

export interface ImportResult {
  pack: DataPack;
  summary: ImportSummary;
}
