/**
 * CMS Physician Fee Schedule relative value file, PPRRVU: the CSV (banner lines, then a
 * header spread over stacked rows whose last row starts `HCPCS,MOD,DESCRIPTION`) and the
 * fixed-width text (`HDR` notice lines, then one 171-character row per code and modifier).
 *
 * Kept: DESCRIPTION as the short descriptor (CMS prints the CPT short descriptor there, so the
 * pack is the user's, never bundled) and the payment indicators of the row without a modifier.
 * Rows with a modifier (26, TC, 53) are read and checked but not kept, as in the bundled pack.
 * A global period of ZZZ ("always billed with another service") marks the code as add-on.
 *
 * Fixed-width columns (0-based, end exclusive; checked against RVU25A rows and the CSV of
 * RVU25D): HCPCS 0-5, MOD 5-7, DESCRIPTION 7-57, STATUS 57, PCTC 102, GLOB DAYS 103-106,
 * MULT PROC 115, BILAT 116, ASST 117, CO-SURG 118, TEAM 119, ENDO BASE 120-132.
 */
import type { PackCode, PfsColumn } from '../pack/types';
import { checkCode, codeEntry, Converted, ImportContext, monthNumber, yearMonthIn } from './common';
import { PFS_FIXED_RE } from './detect';
import { ImportError } from './errors';
import { baseName } from './input';
import { cleanCode, cleanText, delimited, isBlank, lines, normHeader, rest } from './reader';

const COLUMNS: PfsColumn[] = ['status', 'pctc', 'globalDays', 'multipleProcedure', 'bilateral', 'assistant', 'coSurgeon', 'team', 'endoscopicBase'];

/** Header names of each column: the last header row's cell, or it joined to the cell above. */
const HEADERS: Record<PfsColumn | 'hcpcs' | 'mod' | 'description', string[]> = {
  hcpcs: ['hcpcs', 'hcpcs code'],
  mod: ['mod', 'modifier'],
  description: ['description', 'descriptor'],
  status: ['status code', 'status'],
  pctc: ['pctc ind', 'pctc', 'pc/tc ind', 'pc/tc indicator'],
  globalDays: ['glob days', 'global days', 'global'],
  multipleProcedure: ['mult proc', 'mult surg', 'multiple procedure'],
  bilateral: ['bilat surg', 'bilateral surgery'],
  assistant: ['asst surg', 'assistant surgery'],
  coSurgeon: ['co- surg', 'co-surg', 'co surg', 'co-surgery'],
  team: ['team surg', 'team surgery'],
  endoscopicBase: ['endo base', 'endoscopic base'],
};

const GLOBAL_RE = /^(\d{3}|XXX|YYY|ZZZ|MMM)$/;

function releaseFromBanner(banner: string): string | undefined {
  const m = /((?:19|20)\d{2})\s+National Physician Fee Schedule Relative Value File\s+(January|April|July|October)/i.exec(banner);
  return m ? `${m[1]}-${String(monthNumber(m[2])!).padStart(2, '0')}` : undefined;
}

function release(ctx: ImportContext, banner: string): string {
  const fromBanner = releaseFromBanner(banner);
  if (fromBanner) return fromBanner;
  if (ctx.options.release) return ctx.options.release;
  const ym = yearMonthIn(baseName(ctx.input.file));
  if (ym) {
    ctx.warnings.push('release taken from the file name (the file does not state it)');
    return `${ym.year}-${String(ym.month).padStart(2, '0')}`;
  }
  ctx.warnings.push('release unknown: neither the file nor its name states it (name it like PPRRVU2025_Oct or give the release)');
  return 'unknown';
}

interface PfsRow {
  code: string;
  mod: string;
  description: string;
  values: string[];
  line: number;
}

function collect(ctx: ImportContext, rel: string, rowsIn: Iterable<PfsRow>): Converted {
  const codes: Record<string, PackCode> = {};
  const pfsRows: Record<string, string[]> = {};
  const firstLine = new Map<string, number>();
  let rows = 0;
  let modifierRows = 0;
  for (const r of rowsIn) {
    rows++;
    if (r.mod) {
      modifierRows++;
      if (r.description && !codes[r.code]?.shortDescriptor) codeEntry(codes, r.code).shortDescriptor = r.description;
      continue;
    }
    const seen = firstLine.get(r.code);
    if (seen !== undefined) throw new ImportError(ctx.input.file, r.line, `${r.code} appears twice without a modifier (first on line ${seen})`);
    firstLine.set(r.code, r.line);
    const entry = codeEntry(codes, r.code);
    if (r.description) entry.shortDescriptor = r.description;
    if (r.values[2] === 'ZZZ') entry.addOn = true;
    pfsRows[r.code] = r.values;
  }
  if (!rows) throw new ImportError(ctx.input.file, undefined, 'no data rows after the header');
  const year = /^\d{4}/.test(rel) ? Number(rel.slice(0, 4)) : undefined;
  return {
    title: `Medicare PFS relative values ${rel} (${baseName(ctx.input.file)})`,
    asOf: rel === 'unknown' ? undefined : rel,
    codeSetYear: year,
    source: {
      title: 'CMS PFS relative value file (PPRRVU)',
      files: [baseName(ctx.input.file)],
      license: 'other',
      note: `CMS public data; its DESCRIPTION column holds CPT short descriptors (AMA copyright). Rows with a modifier read: ${modifierRows}, not kept as indicators.`,
    },
    data: { codes, pfs: { release: rel, columns: COLUMNS, rows: pfsRows } },
    rows,
  };
}

function checkValues(ctx: ImportContext, values: string[], line: number): void {
  const [status, pctc, glob] = values;
  if (!/^[A-Z]$/.test(status)) throw new ImportError(ctx.input.file, line, `status code "${status}" is not one letter`);
  if (!/^\d$/.test(pctc)) throw new ImportError(ctx.input.file, line, `PC/TC indicator "${pctc}" is not a digit`);
  if (!GLOBAL_RE.test(glob)) throw new ImportError(ctx.input.file, line, `global days "${glob}" is not 000/010/090/XXX/YYY/ZZZ/MMM`);
  for (let i = 3; i <= 7; i++) if (!/^\d$/.test(values[i])) throw new ImportError(ctx.input.file, line, `${COLUMNS[i]} indicator "${values[i]}" is not a digit`);
}

export function importPfsCsv(ctx: ImportContext): Converted {
  const { file, text } = ctx.input;
  const records = delimited(text, file, { delimiter: ',', quotes: true, meter: ctx.meter });
  const before: string[][] = [];
  let at: Record<string, number> | undefined;
  let width = 0;
  for (let n = records.next(); !n.done; n = records.next()) {
    const r = n.value;
    const cells = r.fields.map(normHeader);
    if (cells[0] === 'hcpcs' && cells.includes('mod') && cells.includes('description')) {
      const above = before[before.length - 1] ?? [];
      at = {};
      width = cells.length;
      for (const [name, aliases] of Object.entries(HEADERS)) {
        const idx = cells.findIndex((c, i) => aliases.includes(normHeader(`${above[i] ?? ''} ${c}`)) || aliases.includes(c));
        if (idx < 0) throw new ImportError(file, r.line, `no "${aliases[0].toUpperCase()}" column in the header`);
        at[name] = idx;
      }
      break;
    }
    before.push(r.fields);
    if (before.length > 40) break;
  }
  if (!at) throw new ImportError(file, 1, 'no header row starting HCPCS, MOD, DESCRIPTION within the first 40 rows');
  const cols = at;
  const rel = release(ctx, before.map((r) => r.join(' ')).join('\n'));
  function* rows(): Generator<PfsRow> {
    for (const r of rest(records)) {
      if (isBlank(r.fields)) continue;
      if (r.fields.length < width) {
        throw new ImportError(file, r.line, `${r.fields.length} fields where the header has ${width}${r.ended ? '' : ' (the file looks cut off)'}`);
      }
      const raw = r.fields[cols.hcpcs];
      const code = checkCode(ctx, raw, cleanCode(raw), r.line);
      const values = COLUMNS.map((c) => r.fields[cols[c]].trim().toUpperCase());
      checkValues(ctx, values, r.line);
      yield { code, mod: cleanCode(r.fields[cols.mod]), description: cleanText(r.fields[cols.description]), values, line: r.line };
    }
  }
  return collect(ctx, rel, rows());
}

export function importPfsFixed(ctx: ImportContext): Converted {
  const { file, text } = ctx.input;
  const rel = release(ctx, '');
  function* rows(): Generator<PfsRow> {
    let inData = false;
    for (const { text: l, line, ended } of lines(text, ctx.meter)) {
      if (l.trim() === '') continue;
      if (!inData && l.startsWith('HDR')) continue;
      inData = true;
      if (!PFS_FIXED_RE.test(l)) {
        throw new ImportError(file, line, `not a PPRRVU fixed-width row (code in columns 1-5, status in 58, global days in 104-106)${ended ? '' : '; the file looks cut off'}`);
      }
      const raw = l.slice(0, 5);
      const code = checkCode(ctx, raw, cleanCode(raw), line);
      const values = [l[57], l[102], l.slice(103, 106), l[115], l[116], l[117], l[118], l[119], l.slice(120, 132).trim()].map((v) => (v ?? '').trim().toUpperCase());
      checkValues(ctx, values, line);
      yield { code, mod: l.slice(5, 7).trim().toUpperCase(), description: cleanText(l.slice(7, 57)), values, line };
    }
  }
  return collect(ctx, rel, rows());
}
