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
}
