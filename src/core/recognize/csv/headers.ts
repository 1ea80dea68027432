/**
 * Header mapping for CSV/TSV files: which column holds codes, modifiers, place of service,
 * units, dates of service, setting, claim ids, free text; which row is the header.
 *
 * Decisions:
 * - The header is the first row (among the first 60) with a cell naming a code column. Rows
 *   above it are a banner (CMS notices, the HPT key/value preamble): only their long prose cells
 *   are read as free text.
 * - Code columns by name: `CPT`, `HCPCS`, `HCPC`, `CPT-4`, `CPT/HCPCS`, `CPT(R)/HCPCS Code`,
 *   `Procedure Code`, `billing_code`, `code|1`, ... A `code|N` / `billing_code` / `Code` column
 *   with a sibling type column (`code|N|type`, `billing_code_type`, `Code Type`) is read per row:
 *   only a CPT or HCPCS type yields a code (RC, NDC, MS-DRG, LOCAL, CDT... yield nothing).
 * - Generic names (`Code`, `Procedure Code`, `Service Code`) without a type column count only when
 *   the content agrees (most values code-shaped), since they often hold internal charge numbers.
 * - `Procedure` alone, `Charge Code`, `CDM`, `ID`: internal numbers, never codes. Columns whose
 *   name mentions a date, an effective/termination date, an amount or a description of a code
 *   (`CPT-4 Eff Date`, `CPT Description`) are not code columns.
 * - Free-text columns (description, notes, comments, names of services) are read with the
 *   plain-text rules (known codes only). Every other column (amounts, NDC, revenue code, IDs,
 *   ZIPs, rates, dates) yields nothing.
 */
import type { CsvRow } from './tokenize';
import { fieldText } from './tokenize';

export type ColumnRole = 'code' | 'codeType' | 'modifier' | 'pos' | 'units' | 'date' | 'setting' | 'claimId' | 'lineNumber' | 'billType' | 'text' | 'other';

export interface Column {
  index: number;
  name: string;
  role: ColumnRole;
  /** For a code column read per row: the index of its type column. */
  typeColumn?: number;
  /** A code column named only generically: confirmed by content before use. */
  generic?: boolean;
}

/** What the recognizer keeps about a CSV document between edits: enough to re-read any row. */
export interface CsvContext {
  delimiter: number;
  /** 0-based row number of the header row, or -1 for a headerless file. */
  headerRow: number;
  /** Offset where the first data row starts. */
  dataStart: number;
  columns: Column[];
  /** Indices of columns by role, filled from `columns`. */
  codeColumns: number[];
  modifierColumns: number[];
  textColumns: number[];
  fact: Partial<Record<'pos' | 'units' | 'date' | 'setting' | 'claimId' | 'lineNumber' | 'billType', number>>;
  /** Whether column roles were decided from the content of data rows (a file without a header, a column named only `Code`). */
  sampled?: boolean;
}

/** Lower case, trimmed, `®`/`(R)`/`(TM)` and quotes removed, runs of spaces/underscores to one space, no spaces around `|`. */
export function normalizeHeader(raw: string): string {
  let s = raw.toLowerCase().replace(/\u00ae|\(r\)|\(tm\)|\u2122/g, '');
  s = s.replace(/[_\s]+/g, ' ').replace(/\s*\|\s*/g, '|').replace(/\s*\/\s*/g, '/').trim();
  return s.replace(/[:#.]+$/, '').trim();
}

const CODE_NAMES = new Set([
  'cpt', 'cpts', 'hcpcs', 'hcpc', 'hcpcs code', 'hcpc code', 'hcpcs codes', 'cpt code', 'cpt codes', 'cpt code(s)', 'cpt-4', 'cpt4', 'cpt-4 code',
  'cpt4 code', 'cpt/hcpcs', 'cpt/hcpcs code', 'cpt/hcpcs codes', 'hcpcs/cpt', 'hcpcs/cpt code', 'cpt or hcpcs', 'cpt or hcpcs code',
  'cpt-hcpcs', 'cpt hcpcs', 'cpt hcpcs code', 'hcpcs cd', 'hcpc cd', 'cpt cd', 'hcpcs cpt', 'hcpcs cpt code', 'cpt/hcpc', 'cpt/hcpc code',
  'hcpc/cpt', 'hcpcs level ii', 'hcpcs level ii code', 'hcpcs/cpt-4', 'cpt-4/hcpcs', 'cpt®/hcpcs', 'procedure code', 'procedure cd',
  'proc code', 'proc cd', 'px code', 'billing code', 'service code', 'code', 'codes', 'cpt/hcpcs/drg', 'cpt hcpcs code', 'hcpcs/cpt codes',
  'billing code(s)', 'hcpcs code/cpt code', 'procedure code (cpt/hcpcs)', 'cpt code/hcpcs', 'cpt® code', 'cpt/hcpcs cd',
]);
/** Names that could hold anything (internal ids): used only when the content agrees. */
const GENERIC_CODE_NAMES = new Set(['procedure code', 'procedure cd', 'proc code', 'proc cd', 'px code', 'service code', 'code', 'codes', 'billing code']);

const TYPE_NAMES = new Set(['code type', 'codetype', 'type', 'billing code type', 'code system', 'procedure code type', 'coding system']);

const MODIFIER_NAMES = new Set([
  'mod', 'mods', 'modifier', 'modifiers', 'modifier(s)', 'cpt modifier', 'hcpcs modifier', 'hcpcs mod', 'mod cd', 'modifier code', 'modifier codes',
  'hcpcs modifier 1', 'hcpcs modifier 2', 'proc mod', 'procedure modifier', 'procedure modifiers', 'cpt mod',
]);

function isModifierName(n: string): boolean {
  if (MODIFIER_NAMES.has(n)) return true;
  // modifier1..4, modifier 1, mod1, mod 2, mod_1, modifier #1, hcpcs modifier 1, modifier|1
  const m = n.replace(/[ #|-]/g, '');
  for (const base of ['modifier', 'mod', 'hcpcsmodifier', 'cptmodifier', 'hcpcsmod', 'cptmod', 'procmod']) {
    if (m.length === base.length + 1 && m.startsWith(base) && m.charCodeAt(base.length) >= 49 && m.charCodeAt(base.length) <= 57) return true;
  }
  return false;
}

const POS_NAMES = new Set(['pos', 'place of service', 'place of service code', 'pos code', 'place of svc', 'pos cd', 'facility code', 'place of service (pos)']);
const UNITS_NAMES = new Set(['units', 'unit', 'qty', 'quantity', 'service units', 'units of service', 'billed units', 'svc units', 'unit count', 'days or units', 'days/units']);
const DATE_NAMES = new Set(['date of service', 'dos', 'service date', 'svc date', 'from date', 'from dos', 'date of svc', 'service from date', 'dos from', 'line service date', 'date']);
const SETTING_NAMES = new Set(['setting', 'service setting', 'patient setting', 'care setting', 'inpatient/outpatient', 'ip/op', 'patient type', 'patient class']);
const CLAIM_NAMES = new Set(['claim id', 'claim', 'claim number', 'claim no', 'claim #', 'claimid', 'claim nbr', 'icn', 'claim control number', 'patient control number']);
const LINE_NAMES = new Set(['line', 'line number', 'line no', 'line #', 'claim line', 'line nbr', 'service line', 'line num']);
const BILL_TYPE_NAMES = new Set(['bill type', 'type of bill', 'tob', 'bill type code']);

/** Free-text columns: descriptions and notes, read with the plain-text rules. */
function isTextName(n: string): boolean {
  if (n.includes('date') || n.includes('amount') || n.includes('charge|') || n.includes('price')) return false;
  return n.includes('desc') || n.includes('note') || n.includes('comment') || n.includes('remark') || n.includes('narrative') ||
    n === 'service' || n === 'item' || n === 'service name' || n === 'procedure name' || n === 'charge name' || n === 'item name' ||
    n === 'test name' || n === 'name' || n === 'label' || n === 'long description' || n === 'short description' || n === 'text';
}

function codeRole(n: string): boolean {
  if (CODE_NAMES.has(n)) return true;
  // `code|1`, `code|2`: the CMS HPT template.
  if (n.startsWith('code|') && /^code\|\d+$/.test(n)) return true;
  return false;
}

/** The role of a column by its header text alone. */
export function roleOf(n: string): ColumnRole {
  if (!n) return 'other';
  if (codeRole(n)) return 'code';
  if (/^code\|\d+\|type$/.test(n) || TYPE_NAMES.has(n)) return 'codeType';
  if (isModifierName(n)) return 'modifier';
  if (POS_NAMES.has(n)) return 'pos';
  if (UNITS_NAMES.has(n)) return 'units';
  if (DATE_NAMES.has(n)) return 'date';
  if (SETTING_NAMES.has(n)) return 'setting';
  if (CLAIM_NAMES.has(n)) return 'claimId';
  if (LINE_NAMES.has(n)) return 'lineNumber';
  if (BILL_TYPE_NAMES.has(n)) return 'billType';
  if (isTextName(n)) return 'text';
  return 'other';
}

/** Whether a row reads as a header: at least one code column by name. */
export function headerColumns(text: string, row: CsvRow): Column[] | undefined {
  const columns: Column[] = [];
  let codes = 0;
  for (let k = 0; k < row.count; k++) {
    const name = normalizeHeader(fieldText(text, row, k));
    // A header cell is short; a long prose cell (a banner's notice) is never a header.
    const role: ColumnRole = name.length > 60 ? 'other' : roleOf(name);
    if (role === 'code' && !GENERIC_CODE_NAMES.has(name)) codes++;
    if (role === 'code' && GENERIC_CODE_NAMES.has(name)) codes += 0.5;
    columns.push({ index: k, name, role, generic: role === 'code' && GENERIC_CODE_NAMES.has(name) ? true : undefined });
  }
  if (codes < 0.5) return undefined;
  // A header names its columns: most non-empty cells are short labels, not numbers.
  let labels = 0;
  let filled = 0;
  for (const c of columns) {
    if (!c.name) continue;
    filled++;
    if (!/^[\d$.,\s-]+$/.test(c.name)) labels++;
  }
  if (labels < filled * 0.8) return undefined;
  linkTypeColumns(columns);
  return columns;
}

/** Pairs each code column with its type column: `code|1` with `code|1|type`, `Code` with `Code Type`. */
function linkTypeColumns(columns: Column[]): void {
  const types = columns.filter((c) => c.role === 'codeType');
  for (const c of columns) {
    if (c.role !== 'code') continue;
    const exact = types.find((t) => t.name === `${c.name}|type` || t.name === `${c.name} type` || t.name === `${c.name}type`);
    // A lone type column describes a lone generic code column; a bare `Type` never overrides `CPT`.
    const lone = types.length === 1 && columns.filter((x) => x.role === 'code').length === 1 ? types[0] : undefined;
    const near = exact ?? (lone && (c.generic || lone.name !== 'type') ? lone : undefined);
    if (near) {
      c.typeColumn = near.index;
      c.generic = undefined; // the type column says what the code is
    }
  }
  // A type column with no code column to describe is just another column.
  for (const t of types) if (!columns.some((c) => c.typeColumn === t.index)) t.role = 'other';
}

/** Fills the role indices of a context from its columns. */
export function indexColumns(ctx: Omit<CsvContext, 'codeColumns' | 'modifierColumns' | 'textColumns' | 'fact'>): CsvContext {
  const full = ctx as CsvContext;
  full.codeColumns = [];
  full.modifierColumns = [];
  full.textColumns = [];
  full.fact = {};
  for (const c of ctx.columns) {
    switch (c.role) {
      case 'code': full.codeColumns.push(c.index); break;
      case 'modifier': full.modifierColumns.push(c.index); break;
      case 'text': full.textColumns.push(c.index); break;
      case 'pos': case 'units': case 'date': case 'setting': case 'claimId': case 'lineNumber': case 'billType':
        if (full.fact[c.role] === undefined) full.fact[c.role] = c.index;
        break;
      default: break;
    }
  }
  return full;
}

/** Code sets whose codes are not procedure codes (HPT `code|N|type`, TiC `billing_code_type`). */
const OTHER_CODE_SETS = new Set([
  'RC', 'REV', 'REVENUE', 'REVENUE CODE', 'NDC', 'DRG', 'MS-DRG', 'APR-DRG', 'MS-LTC-DRG', 'TRIS-DRG', 'R-DRG', 'S-DRG', 'LOCAL', 'CDM', 'ICD',
  'ICD-9', 'ICD-10', 'ICD-10-PCS', 'ICD-10-CM', 'ICD10', 'CDT', 'HIPPS', 'APC', 'EAPG', 'CMG', 'CSTM-ALL', 'CUSTOM', 'INTERNAL', 'DX', 'POS', 'MOD',
]);

/**
 * Whether a per-row code type says CPT or HCPCS (true), another code set (false), or nothing
 * known (undefined: the value's shape decides, so an unrelated `Type` column cannot hide codes).
 */
export function typeAllowsCode(type: string): boolean | undefined {
  const t = type.trim().toUpperCase();
  if (!t) return undefined;
  if (t.includes('CPT') || t.includes('HCPC')) return true;
  if (OTHER_CODE_SETS.has(t) || t.endsWith('DRG') || t.startsWith('ICD')) return false;
  return undefined;
}
