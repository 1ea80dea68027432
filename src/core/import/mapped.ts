/**
 * A user's own list (local charge codes, a payer's code list) as CSV/TSV or JSON, read through
 * a ColumnMapping: `{ "code": "CPT Code", "shortDescriptor": "Description" }`. Columns are named
 * by header text (case and spacing ignored) or by 1-based position.
 */
import type { CodeStatus } from '../model';
import type { PackCode } from '../pack/types';
import { codeShape } from '../codes/shapes';
import { codeEntry, Converted, ImportContext } from './common';
import { ImportError, lineAt } from './errors';
import { baseName } from './input';
import { cleanCode, cleanText, delimited, isBlank, normHeader, rest } from './reader';
import type { ColumnMapping, ColumnRef } from './types';

const TEXT_FIELDS = ['shortDescriptor', 'mediumDescriptor', 'longDescriptor', 'plainLanguage', 'summary', 'procedureDetails', 'section', 'coverage'] as const;
const MAPPABLE = [...TEXT_FIELDS, 'status', 'effectiveDate', 'terminationDate', 'commonModifiers', 'addOn'] as const;
type Mappable = (typeof MAPPABLE)[number];

const DUPLICATES = ['error', 'first', 'last'];

function checkMapping(file: string, mapping: ColumnMapping): void {
  if (mapping.code === undefined || mapping.code === '') throw new ImportError(file, undefined, 'the column mapping needs "code"');
  if (mapping.duplicates !== undefined && !DUPLICATES.includes(mapping.duplicates)) {
    throw new ImportError(file, undefined, `"duplicates": ${JSON.stringify(mapping.duplicates)} is not "error", "first" or "last"`);
  }
}

/**
 * The codes read so far and where each was first seen. A list that names a code twice is
 * usually a mistake (two descriptors, one silently lost), so a second row is an error unless
 * the mapping says which row to keep.
 */
interface Rows {
  codes: Record<string, PackCode>;
  firstAt: Map<string, number>;
  /** Rows whose code was already read, kept on purpose (`duplicates` first/last). */
  repeated: number;
  /** "line 2" for delimited text, "record 2" for JSON. */
  where: (n: number) => string;
}

function newRows(where: (n: number) => string): Rows {
  return { codes: {}, firstAt: new Map(), repeated: 0, where };
}

/** Sets one field from a cell, converting where the field is not text. */
function setField(file: string, line: number, entry: PackCode, field: Mappable, raw: unknown): void {
  if (raw === undefined || raw === null) return;
  const value = typeof raw === 'string' ? cleanText(raw) : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
  if (value === undefined) throw new ImportError(file, line, `${field}: a value that is not text`);
  if (value === '') return;
  switch (field) {
    case 'status': {
      const v = value.toLowerCase();
      const status: CodeStatus | undefined = ['active', 'a', 'yes', 'y'].includes(v) ? 'active' : ['deleted', 'd', 'inactive', 'terminated'].includes(v) ? 'deleted' : undefined;
      if (!status) throw new ImportError(file, line, `status "${value}" is not active or deleted`);
      entry.status = status;
      return;
    }
    case 'effectiveDate':
    case 'terminationDate': {
      let iso = value;
      if (/^\d{8}$/.test(value)) iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}`;
      const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
      if (us) iso = `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new ImportError(file, line, `${field} "${value}" is not a date (YYYY-MM-DD, YYYYMMDD or MM/DD/YYYY)`);
      entry[field] = iso;
      return;
    }
    case 'commonModifiers': {
      const mods = value.split(/[\s,;|]+/).map((m) => m.toUpperCase()).filter(Boolean);
      for (const m of mods) if (!/^[A-Z0-9]{2}$/.test(m)) throw new ImportError(file, line, `modifier "${m}" is not two letters or digits`);
      if (mods.length) entry.commonModifiers = mods;
      return;
    }
    case 'addOn': {
      const v = value.toLowerCase();
      if (['y', 'yes', 'true', '1', 'x'].includes(v)) entry.addOn = true;
      else if (!['n', 'no', 'false', '0'].includes(v)) throw new ImportError(file, line, `addOn "${value}" is not yes or no`);
      return;
    }
    default:
      entry[field] = value;
  }
}

function packOf(ctx: ImportContext, mapping: ColumnMapping, codes: Record<string, PackCode>, rows: number, kind: string): Converted {
  const title = mapping.title ?? `Codes from ${baseName(ctx.input.file)}`;
  return {
    title,
    source: { title, files: [baseName(ctx.input.file)], license: mapping.license ?? 'other', note: `Read from ${kind} with a column mapping.` },
    data: { codes },
    rows,
  };
}

/** Adds a row; returns false when the row was skipped as not a code. */
function addRow(ctx: ImportContext, mapping: ColumnMapping, rows: Rows, line: number, rawCode: unknown, get: (f: Mappable) => unknown): boolean {
  const { file } = ctx.input;
  const text = typeof rawCode === 'number' ? String(rawCode) : typeof rawCode === 'string' ? rawCode : '';
  const code = cleanCode(text);
  if (!code) return false;
  if (!codeShape(code)) {
    if (mapping.skipInvalidCodes) return false;
    throw new ImportError(file, line, `"${text.trim()}" is not a CPT or HCPCS code (set skipInvalidCodes to leave such rows out)`);
  }
  const first = rows.firstAt.get(code);
  if (first !== undefined) {
    const keep = mapping.duplicates ?? 'error';
    if (keep === 'error') {
      throw new ImportError(file, line, `${code} is listed a second time (first at ${rows.where(first)}); set "duplicates": "first" or "last" in the mapping if the list repeats codes on purpose`);
    }
    rows.repeated++;
    if (keep === 'first') return true;
  } else {
    rows.firstAt.set(code, line);
  }
  const entry = codeEntry(rows.codes, code);
  for (const field of MAPPABLE) if (mapping[field] !== undefined) setField(file, line, entry, field, get(field));
  return true;
}

function noteRepeated(ctx: ImportContext, mapping: ColumnMapping, rows: Rows, unit: string): void {
  if (!rows.repeated) return;
  const kept = mapping.duplicates === 'first' ? 'the first kept' : 'later ones overwrite the fields they fill';
  ctx.warnings.push(`${rows.repeated} ${unit} repeat a code listed earlier (${kept})`);
}

export function importMappedCsv(ctx: ImportContext, mapping: ColumnMapping): Converted {
  const { file, text } = ctx.input;
  checkMapping(file, mapping);
  const firstLine = text.slice(0, Math.max(0, text.search(/\r|\n/)) || text.length);
  const delimiter = mapping.delimiter ?? (['\t', ';', '|'].find((d) => firstLine.split(d).length > firstLine.split(',').length) ?? ',');
  const records = delimited(text, file, { delimiter, quotes: delimiter === ',' || delimiter === ';', meter: ctx.meter });
  const hasHeader = mapping.header !== false;
  const index = new Map<string, number>();
  let headerLine = 0;
  if (hasHeader) {
    for (let n = records.next(); !n.done; n = records.next()) {
      if (isBlank(n.value.fields)) continue;
      n.value.fields.forEach((h, i) => {
        const key = normHeader(h);
        if (!index.has(key)) index.set(key, i);
      });
      headerLine = n.value.line;
      break;
    }
  }
  const column = (ref: ColumnRef, what: string): number => {
    if (typeof ref === 'number') {
      if (!Number.isInteger(ref) || ref < 1) throw new ImportError(file, undefined, `column ${ref} for ${what}: positions start at 1`);
      return ref - 1;
    }
    const i = index.get(normHeader(ref));
    if (i === undefined) throw new ImportError(file, headerLine || 1, `no column "${ref}" (for ${what}) in the header`);
    return i;
  };
  const codeAt = column(mapping.code, 'code');
  const at = new Map<Mappable, number>();
  for (const f of MAPPABLE) if (mapping[f] !== undefined) at.set(f, column(mapping[f]!, f));
  const read = newRows((n) => `line ${n}`);
  let rows = 0;
  let skipped = 0;
  for (const r of rest(records)) {
    if (isBlank(r.fields)) continue;
    if (addRow(ctx, mapping, read, r.line, r.fields[codeAt], (f) => r.fields[at.get(f)!])) rows++;
    else skipped++;
  }
  if (skipped) ctx.warnings.push(`${skipped} rows without a CPT/HCPCS code left out`);
  noteRepeated(ctx, mapping, read, 'rows');
  if (!rows) throw new ImportError(file, headerLine || 1, 'no rows with a CPT or HCPCS code');
  return packOf(ctx, mapping, read.codes, rows, 'delimited text');
}

export function importMappedJson(ctx: ImportContext, mapping: ColumnMapping): Converted {
  const { file, text } = ctx.input;
  checkMapping(file, mapping);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    throw new ImportError(file, m ? lineAt(text, Number(m[1])) : undefined, `not valid JSON (${(e as Error).message})`);
  }
  let list: unknown = value;
  if (!Array.isArray(list) && typeof list === 'object' && list !== null) {
    const obj = list as Record<string, unknown>;
    list = mapping.records !== undefined ? obj[mapping.records] : Object.values(obj).find((v) => Array.isArray(v));
  }
  if (!Array.isArray(list)) throw new ImportError(file, 1, `no array of records${mapping.records ? ` under "${mapping.records}"` : ''}`);
  const key = (ref: ColumnRef): string => String(ref);
  const read = newRows((n) => `record ${n}`);
  let rows = 0;
  let skipped = 0;
  list.forEach((item, i) => {
    if (typeof item !== 'object' || item === null) throw new ImportError(file, undefined, `record ${i + 1} is not an object`);
    const rec = item as Record<string, unknown>;
    const get = (ref: ColumnRef): unknown => rec[key(ref)] ?? rec[Object.keys(rec).find((k) => normHeader(k) === normHeader(key(ref))) ?? ''];
    // JSON has no line per record; the record number is given instead.
    try {
      if (addRow(ctx, mapping, read, i + 1, get(mapping.code), (f) => get(mapping[f]!))) rows++;
      else skipped++;
    } catch (e) {
      if (e instanceof ImportError) throw new ImportError(file, undefined, `record ${i + 1}: ${e.reason}`);
      throw e;
    }
  });
  if (skipped) ctx.warnings.push(`${skipped} records without a CPT/HCPCS code left out`);
  noteRepeated(ctx, mapping, read, 'records');
  if (!rows) throw new ImportError(file, 1, 'no records with a CPT or HCPCS code');
  return packOf(ctx, mapping, read.codes, rows, 'JSON');
}
