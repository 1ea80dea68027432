/**
 * CMS NCCI edits.
 *
 * PTP (procedure-to-procedure), tab-separated text as CMS ships it (`ccipra-v322r0-f1.txt`
 * practitioner, `ccioph-...` outpatient hospital): a few header lines (an AMA notice,
 * "Column1/Column2 Edits", a header spread over four lines), then one edit per line:
 *
 *     Column 1  Column 2  *=in existence prior to 1996  Effective Date  Deletion Date (*=no data)  Modifier 0/1/9  PTP Edit Rationale
 *
 * Decided for a last row cut off (no line end and fewer than seven fields or a bad value, as in
 * the 12,000-character excerpt of v32.2): by default an ImportError naming that line, because a
 * cut file is missing the rest of its edits and loading it would silently under-report; with
 * `truncatedLastRow: 'skip'` that row alone is left out and the summary says so. A bad row
 * anywhere else is always an error.
 *
 * The release: the `release` option, else the NCCI version in the file name (`v322` = 32.2;
 * version NN.Q takes effect in quarter Q+1 of year 1994+NN, so 32.2 = 2026-07).
 *
 * MUE: CSV with a quoted multi-line AMA notice first, then a header whose first cell holds a
 * line break (`"HCPCS/\nCPT Code"`, `Practitioner Services MUE Values`, `MUE Adjudication
 * Indicator`, `MUE Rationale`), then one row per code. The setting comes from the value
 * column's header (Practitioner / Outpatient Hospital / DME Supplier); the date from the file
 * name (`Eff_07-01-2026`) or the `release` option.
 */
import type { MueSetting, PackMueRow, PackPtpRow, PtpModifierIndicator, PtpSetting } from '../pack/types';
import { checkCode, Converted, ImportContext } from './common';
import { ImportError } from './errors';
import { baseName } from './input';
import { cleanCode, cleanText, delimited, DelimitedRecord, isBlank, normHeader, rest } from './reader';

function ptpRelease(ctx: ImportContext): string | undefined {
  if (ctx.options.release) return ctx.options.release;
  const m = /v(\d{2})(\d)r\d/i.exec(baseName(ctx.input.file));
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (minor > 3) return undefined;
  return `${1994 + major}-${String(minor * 3 + 1).padStart(2, '0')}`;
}

function ptpSetting(ctx: ImportContext): PtpSetting | undefined {
  if (ctx.options.ptpSetting) return ctx.options.ptpSetting;
  const name = baseName(ctx.input.file).toLowerCase();
  if (name.startsWith('ccipra') || name.includes('practitioner')) return 'practitioner';
  if (name.startsWith('ccioph') || name.includes('hospital')) return 'hospital';
  return undefined;
}

const YMD_RE = /^\d{8}$/;

export function importPtp(ctx: ImportContext): Converted {
  const { file, text } = ctx.input;
  const records = delimited(text, file, { delimiter: '\t', quotes: false, meter: ctx.meter });
  const rationales: string[] = [];
  const rationaleIndex = new Map<string, number>();
  const edits: Record<string, PackPtpRow[]> = {};
  let rows = 0;
  let headerDone = false;
  let pendingError: ImportError | undefined;
  for (const r of rest(records)) {
    if (pendingError) throw pendingError; // a bad row that was not the last
    if (isBlank(r.fields)) continue;
    const f = r.fields.map((x) => x.trim());
    if (!headerDone) {
      if (!/^[0-9A-Z]{5}$/.test(cleanCode(f[0])) || !/^[0-9A-Z]{5}$/.test(cleanCode(f[1] ?? ''))) continue; // header lines
      headerDone = true;
    }
    let problem = checkPtpRow(f);
    if (!problem && !r.ended && rows > 0) {
      // A last row without a line end is complete only if it has all seven fields and a rationale seen before.
      if (f.length < 7) problem = `${f.length} fields where an edit has 7`;
      else if (!rationaleIndex.has(cleanText(f[6]))) problem = `the rationale "${cleanText(f[6])}" is incomplete`;
    }
    if (problem) {
      const error = new ImportError(file, r.line, `${problem}${r.ended ? '' : '; this last row has no line end: the file is cut off (download it again)'}`);
      if (r.ended) throw error;
      if (ctx.options.truncatedLastRow === 'skip') {
        ctx.warnings.push(`line ${r.line}: last row cut off (${problem}): left out`);
        continue;
      }
      pendingError = error;
      continue;
    }
    const c1 = checkCode(ctx, f[0], cleanCode(f[0]), r.line, 'code (column 1)');
    const c2 = checkCode(ctx, f[1], cleanCode(f[1]), r.line, 'code (column 2)');
    const rationale = cleanText(f[6] ?? '');
    let ri = rationaleIndex.get(rationale);
    if (ri === undefined) {
      ri = rationales.length;
      rationales.push(rationale);
      rationaleIndex.set(rationale, ri);
    }
    (edits[c1] ??= []).push([c2, Number(f[3]), f[4] === '*' || f[4] === '' ? null : Number(f[4]), Number(f[5]) as PtpModifierIndicator, ri]);
    rows++;
  }
  if (pendingError) throw pendingError;
  if (!headerDone) throw new ImportError(file, 1, 'no edit rows (column 1 code, column 2 code, ...) found');
  const release = ptpRelease(ctx);
  const setting = ptpSetting(ctx);
  return {
    title: `NCCI PTP edits${setting ? ` (${setting})` : ''}${release ? ` ${release}` : ''} (${baseName(file)})`,
    asOf: release,
    source: { title: 'CMS NCCI procedure-to-procedure edits', files: [baseName(file)], license: 'public-domain' },
    data: { ptp: { release, setting, rationales, edits } },
    rows,
  };
}

/** Why a PTP row is not a complete edit, or undefined when it is one. */
function checkPtpRow(f: string[]): string | undefined {
  if (f.length < 6) return `${f.length} fields where an edit has 7`;
  if (!/^[0-9A-Z]{5}$/.test(cleanCode(f[1]))) return `column 2 "${f[1]}" is not a code`;
  if (f[2] !== '' && f[2] !== '*') return `"prior to 1996" is "${f[2]}", not * or empty`;
  if (!YMD_RE.test(f[3])) return `effective date "${f[3]}" is not YYYYMMDD`;
  if (f[4] !== '*' && f[4] !== '' && !YMD_RE.test(f[4])) return `deletion date "${f[4]}" is not YYYYMMDD or *`;
  if (f[5] !== '0' && f[5] !== '1' && f[5] !== '9') return `modifier indicator "${f[5]}" is not 0, 1 or 9`;
  return undefined;
}

const MUE_SETTINGS: [string, MueSetting][] = [
  ['practitioner', 'practitioner'],
  ['outpatient hospital', 'outpatient-hospital'],
  ['facility', 'outpatient-hospital'],
  ['dme', 'dme'],
];

export function importMue(ctx: ImportContext): Converted {
  const { file, text } = ctx.input;
  const records = delimited(text, file, { delimiter: ',', quotes: true, meter: ctx.meter });
  let header: DelimitedRecord | undefined;
  let valueAt = -1;
  let adjAt = -1;
  let ratAt = -1;
  for (let n = records.next(); !n.done; n = records.next()) {
    const cells = n.value.fields.map(normHeader);
    if (cells[0]?.replace(/ /g, '').startsWith('hcpcs/cptcode')) {
      header = n.value;
      valueAt = cells.findIndex((c) => c.includes('mue value'));
      adjAt = cells.findIndex((c) => c.includes('adjudication'));
      ratAt = cells.findIndex((c) => c.includes('rationale'));
      if (valueAt < 0 || adjAt < 0) throw new ImportError(file, n.value.line, 'the header has no "MUE Values" or "MUE Adjudication Indicator" column');
      break;
    }
  }
  if (!header) throw new ImportError(file, 1, 'no header row starting "HCPCS/CPT Code"');
  const valueHeader = normHeader(header.fields[valueAt]);
  const setting = ctx.options.mueSetting ?? MUE_SETTINGS.find(([k]) => valueHeader.includes(k))?.[1];
  const rationales: string[] = [];
  const rationaleIndex = new Map<string, number>();
  const values: Record<string, PackMueRow> = {};
  const firstLine = new Map<string, number>();
  let rows = 0;
  for (const r of rest(records)) {
    if (isBlank(r.fields)) continue;
    const f = r.fields;
    const cut = r.ended ? '' : ' (the file looks cut off)';
    if (f.length < Math.max(valueAt, adjAt, ratAt) + 1) throw new ImportError(file, r.line, `${f.length} fields where the header has ${header.fields.length}${cut}`);
    const code = checkCode(ctx, f[0], cleanCode(f[0]), r.line);
    const value = f[valueAt].trim();
    if (!/^\d+$/.test(value)) throw new ImportError(file, r.line, `MUE value "${value}" of ${code} is not a whole number${cut}`);
    const adj = /^\s*([123])\b/.exec(f[adjAt]);
    if (!adj) throw new ImportError(file, r.line, `adjudication indicator "${f[adjAt].trim()}" of ${code} does not start with 1, 2 or 3${cut}`);
    const rationale = ratAt >= 0 ? cleanText(f[ratAt]) : '';
    let ri = rationaleIndex.get(rationale);
    if (ri === undefined) {
      ri = rationales.length;
      rationales.push(rationale);
      rationaleIndex.set(rationale, ri);
    }
    const seen = firstLine.get(code);
    if (seen !== undefined) throw new ImportError(file, r.line, `${code} appears twice (first on line ${seen})`);
    firstLine.set(code, r.line);
    values[code] = [Number(value), Number(adj[1]), ri];
    rows++;
  }
  if (!rows) throw new ImportError(file, header.line, 'no MUE rows after the header');
  let release = ctx.options.release;
  const m = /eff[_ -]?(\d{2})[-_](\d{2})[-_](\d{4})/i.exec(baseName(file));
  if (!release && m) release = `${m[3]}-${m[1]}-${m[2]}`;
  return {
    title: `NCCI MUE values${setting ? ` (${setting})` : ''}${release ? ` ${release}` : ''} (${baseName(file)})`,
    asOf: release,
    source: { title: 'CMS NCCI medically unlikely edits', files: [baseName(file)], license: 'public-domain' },
    data: { mue: { release, setting, rationales, values } },
    rows,
  };
}
