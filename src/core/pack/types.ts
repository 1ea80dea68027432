/**
 * The data-pack format (schema version 1): a JSON file that carries any subset of
 * codes, modifiers, places of service, section ranges, OPPS status history and PFS
 * indicators. Bundled packs and packs converted from user files share it; the JSON
 * Schema in `data/pack.schema.json` describes the same shape for pack authors.
 *
 * Public contract: change only additively.
 */
import type { CodeRecord, Modifier, PlaceOfService, SectionRange, StatusIndicatorInfo } from '../model';

export const PACK_FORMAT = 'cpt-lens-pack';
export const PACK_SCHEMA_VERSION = 1;

/** A code entry in a pack: a CodeRecord without the derived parts (code comes from the key). */
export type PackCode = Omit<CodeRecord, 'code' | 'system' | 'pfs' | 'opps' | 'sources'> & {
  system?: CodeRecord['system'];
};

export interface PackSource {
  /** What the data is, in words. */
  title: string;
  /** The file(s) it was built from. */
  files?: string[];
  /** `public-domain` (CMS), `project` (written by this project), `licensed` (user's own licensed data). */
  license: 'public-domain' | 'project' | 'licensed' | 'other';
  note?: string;
}

/**
 * OPPS Addendum B status indicators, columnar: `quarters[i]` is the quarter of the i-th
 * character group. Each code maps to an array of the same length (`null`: not in that release).
 */
export interface PackOpps {
  quarters: string[];
  status: Record<string, (string | null)[]>;
  legend?: StatusIndicatorInfo[];
}

/** PFS payment indicators, columnar to stay small: `columns` names each position of a row. */
export interface PackPfs {
  release: string;
  columns: PfsColumn[];
  /** Code -> values in `columns` order (rows with a modifier such as 26/TC are not kept). */
  rows: Record<string, string[]>;
}

export type PfsColumn =
  | 'status'
  | 'pctc'
  | 'globalDays'
  | 'multipleProcedure'
  | 'bilateral'
  | 'assistant'
  | 'coSurgeon'
  | 'team'
  | 'endoscopicBase';

export interface DataPack {
  $schema?: string;
  format: typeof PACK_FORMAT;
  schemaVersion: number;
  /** Stable id, shown as the source of each field: `hcpcs-2025-10`. */
  id: string;
  title: string;
  /** Release or as-of date of the data: `2025-10`, `2026-04-01`. */
  asOf?: string;
  codeSetYear?: number;
  source: PackSource;
  codes?: Record<string, PackCode>;
  modifiers?: Record<string, Omit<Modifier, 'code' | 'source'>>;
  placesOfService?: Record<string, Omit<PlaceOfService, 'code'>>;
  sections?: SectionRange[];
  opps?: PackOpps;
  pfs?: PackPfs;
  /** NCCI procedure-to-procedure edits (optional, added in schema version 1 without a version change). */
  ptp?: PackPtp;
  /** NCCI medically unlikely edits. */
  mue?: PackMue;
  /** Set on a pack converted from a user's file by `src/core/import`: what it was made from. */
  imported?: PackImportInfo;
}

/** NCCI setting of a PTP table: practitioner services or hospital outpatient services. */
export type PtpSetting = 'practitioner' | 'hospital';

/** Modifier indicator of a PTP edit: 0 never bypassed, 1 an NCCI-associated modifier may bypass it, 9 not applicable. */
export type PtpModifierIndicator = 0 | 1 | 9;

/**
 * One edit, columnar to stay small (the CMS tables hold well over a million rows):
 * `[column2, effective, deletion, modifierIndicator, rationale]` where the dates are
 * integers `YYYYMMDD`, `deletion` is null while the edit is in force, and `rationale`
 * indexes `PackPtp.rationales`.
 */
export type PackPtpRow = [column2: string, effective: number, deletion: number | null, modifier: PtpModifierIndicator, rationale: number];

/** NCCI PTP edits: column 1 code -> its edits. */
export interface PackPtp {
  /** The NCCI release the edits come from, e.g. `2026-07` (version 32.2). */
  release?: string;
  setting?: PtpSetting;
  /** Distinct "PTP Edit Rationale" texts, referred to by index. */
  rationales: string[];
  edits: Record<string, PackPtpRow[]>;
}

/** NCCI MUE table: practitioner, outpatient hospital or DME supplier services. */
export type MueSetting = 'practitioner' | 'outpatient-hospital' | 'dme';

/**
 * One MUE: `[value, adjudicationIndicator, rationale]`. The adjudication indicator is
 * 1 (line edit), 2 (date of service edit: policy) or 3 (date of service edit: clinical);
 * `rationale` indexes `PackMue.rationales`.
 */
export type PackMueRow = [value: number, adjudication: number, rationale: number];

export interface PackMue {
  /** Effective date of the table, e.g. `2026-07-01`. */
  release?: string;
  setting?: MueSetting;
  rationales: string[];
  values: Record<string, PackMueRow>;
}

/** Provenance of a converted pack; the extension keys its cache by `sha256`. */
export interface PackImportInfo {
  /** Importer format id, e.g. `cms-pfs-rvu`. */
  format: string;
  /** The file's name (no directory). */
  file: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  /** Version of the importer that converted it; a newer importer converts again. */
  importerVersion: number;
  encoding?: string;
  /** Non-fatal notes of the conversion (rows skipped on request, guesses made). */
  warnings?: string[];
}
