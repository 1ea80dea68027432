/**
 * CMS OPPS Addendum B as CSV: one row per HCPCS code with its status indicator (SI "C" =
 * inpatient only). Works with CMS's own export (banner lines before a header `HCPCS Code,
 * Short Descriptor, SI, APC, ...`) and with the common one-line-header form
 * (`HCPCSCode,ShortDescriptor,StatusIndicator,...,Source`).
 *
 * Real files are cp1252 and carry stray non-breaking spaces in code cells (`A4341\u00a0`):
 * codes are cleaned of all spaces before they are checked.
 *
 * The quarter: a `Source` column (`2026-04`; a month such as `2026-02` is read as the quarter
 * it falls in, 2026-01), else a date in the banner lines, else the file name, else the
 * `quarter` option. Several quarters in one file (a `Source` column that changes) become
 * several columns of the pack. A file name naming another quarter than the content is noted.
 */
import type { PackCode } from '../pack/types';
import { checkCode, codeEntry, Converted, ImportContext, QUARTER_RE, quarterOf, yearMonthIn } from './common';
import { OPPS_CODE_HEADERS, OPPS_SI_HEADERS } from './detect';
import { ImportError } from './errors';
import { baseName } from './input';
import { cleanCode, cleanText, delimited, isBlank, normHeader, rest } from './reader';

function quarterFrom(text: string): string | undefined {
  const ym = yearMonthIn(text);
  return ym ? quarterOf(ym.year, ym.month) : undefined;
}

export function importOpps(ctx: ImportContext): Converted {
  const { file, text } = ctx.input;
  const records = delimited(text, file, { delimiter: ',', quotes: true, meter: ctx.meter });
  const banner: string[] = [];
  let codeAt = -1;
  let siAt = -1;
  let descAt = -1;
  let sourceAt = -1;
  let headerLine = 0;
  for (let n = records.next(); !n.done; n = records.next()) {
    const cells = n.value.fields.map(normHeader);
    const c = cells.findIndex((x) => OPPS_CODE_HEADERS.has(x));
    const s = cells.findIndex((x) => OPPS_SI_HEADERS.has(x));
    if (c >= 0 && s >= 0) {
      codeAt = c;
      siAt = s;
      descAt = cells.findIndex((x) => x === 'shortdescriptor' || x === 'short descriptor');
      sourceAt = cells.indexOf('source');
      headerLine = n.value.line;
      break;
    }
    banner.push(n.value.fields.join(' '));
    if (banner.length > 40) break;
  }
  if (codeAt < 0) throw new ImportError(file, 1, 'no header row with an HCPCS code column and a status indicator column');

  const fallback = ctx.options.quarter ?? quarterFrom(banner.join(' ')) ?? quarterFrom(baseName(file));
  if (ctx.options.quarter && !QUARTER_RE.test(ctx.options.quarter)) throw new ImportError(file, undefined, `quarter "${ctx.options.quarter}" is not YYYY-01/04/07/10`);
  const byQuarter = new Map<string, Map<string, string>>();
  const codes: Record<string, PackCode> = {};
  let rows = 0;
  let cleaned = 0;
  let duplicates = 0;
  let notes = 0;
  let lastSource: string | undefined;
  let lastQuarter: string | undefined;
  for (const r of rest(records)) {
    if (isBlank(r.fields)) continue;
    const raw = r.fields[codeAt] ?? '';
    const code = cleanCode(raw);
    const si = cleanText(r.fields[siAt] ?? '').toUpperCase();
    if (!code && !si) continue;
    if (r.fields.length <= Math.max(codeAt, siAt)) {
      // A footnote line under the table (CMS adds notices) has text in its first cell only.
      if (!si && code.length > 5) {
        notes++;
        continue;
      }
      throw new ImportError(file, r.line, `the row ends before the status indicator column${r.ended ? '' : ' (the file looks cut off)'}`);
    }
    checkCode(ctx, raw, code, r.line);
    if (code !== raw) cleaned++;
    if (!si) throw new ImportError(file, r.line, `${code} has no status indicator`);
    if (!/^[A-Z][0-9A-Z]?$/.test(si)) throw new ImportError(file, r.line, `status indicator "${si}" of ${code} is not an OPPS status indicator`);
    let quarter = fallback;
    const source = sourceAt >= 0 ? r.fields[sourceAt]?.trim() : '';
    if (source) {
      if (source !== lastSource) {
        lastQuarter = quarterFrom(source);
        lastSource = source;
      }
      if (!lastQuarter) throw new ImportError(file, r.line, `Source "${source}" names no year and month`);
      quarter = lastQuarter;
    }
    if (!quarter) throw new ImportError(file, r.line, 'cannot tell the quarter: no Source column, no date in the banner or the file name; give the quarter (YYYY-MM)');
    rows++;
    let table = byQuarter.get(quarter);
    if (!table) byQuarter.set(quarter, (table = new Map()));
    const prev = table.get(code);
    if (prev !== undefined) {
      if (prev !== si) throw new ImportError(file, r.line, `${code} is listed twice in ${quarter} with different status indicators (${prev}, ${si})`);
      duplicates++;
      continue;
    }
    table.set(code, si);
    if (descAt >= 0) {
      const d = cleanText(r.fields[descAt] ?? '');
      if (d) codeEntry(codes, code).shortDescriptor = d;
    }
  }
  if (!rows) throw new ImportError(file, headerLine, 'no data rows after the header');
  const quarters = [...byQuarter.keys()].sort();
  const named = quarterFrom(baseName(file));
  if (named && !quarters.includes(named)) ctx.warnings.push(`the file name says ${named}, the content says ${quarters.join(', ')}: the content is used`);
  if (cleaned) ctx.warnings.push(`${cleaned} code cells held spaces or non-breaking spaces (cleaned)`);
  if (duplicates) ctx.warnings.push(`${duplicates} repeated rows with the same status indicator`);
  if (notes) ctx.warnings.push(`${notes} footnote lines under the table skipped`);
  const status: Record<string, (string | null)[]> = {};
  quarters.forEach((q, i) => {
    for (const [code, si] of byQuarter.get(q)!) (status[code] ??= new Array<string | null>(quarters.length).fill(null))[i] = si;
  });
  const last = quarters[quarters.length - 1];
  return {
    title: `OPPS Addendum B ${quarters.length > 1 ? `${quarters[0]} to ${last}` : last} (${baseName(file)})`,
    asOf: last,
    quarters,
    source: {
      title: 'CMS OPPS Addendum B: status indicators',
      files: [baseName(file)],
      license: 'other',
      note: 'CMS public data; its short descriptors of CPT codes are AMA copyright.',
    },
    data: { codes, opps: { quarters, status } },
    rows,
  };
}
