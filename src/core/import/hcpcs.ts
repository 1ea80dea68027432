/**
 * CMS HCPCS Level II release: the CSV (`HCPC2025_OCT_ANWEB_v4.csv`, header HCPC, SEQNUM,
 * RECID, LONG DESCRIPTION, ...) and the fixed-width 320-character ANWEB text
 * (`HCPC2020_ANWEB_w_disclaimer.txt`, cp1252, a free-text disclaimer first).
 *
 * Records: RECID 3 = procedure code, 4 = its continuation (more long-descriptor text),
 * 7 = modifier, 8 = its continuation. Continuations follow their record; their text is joined
 * with a space (checked against the 2025 CSV, where CMS has joined them: 2,799 of 3,049 codes
 * match exactly, the rest were reworded since 2020).
 *
 * Fixed-width layout (1-based columns, from the CMS record layout and checked against the 2020
 * file and the 2025 CSV): HCPC 1-5 (modifiers right-aligned), SEQNUM 6-10, RECID 11,
 * LONG DESCRIPTION 12-91, SHORT DESCRIPTION 92-119, PRICE1-4 120-127, MULT_PI 128, CIM1-3 129-146,
 * MCM1-3 147-170, STATUTE 171-180, LABCERT1-8 181-204, XREF1-5 205-229, COV 230, ASC_GRP 231-232,
 * ASC_DT 233-240, OPPS 241-243, OPPS_PI 244, OPPS_DT 245-252, PROCNOTE 253-256, BETOS 257-259,
 * TOS1-5 261-265, ANEST_BU 266-268, ADD DT 269-276, ACT EFF DT 277-284, TERM DT 285-292,
 * ACTION CD 293. Continuation records end after column 91.
 *
 * The release: the file name (`HCPC2025_OCT`, `HCPC2020` = January), else the `release`
 * option, else the latest action-effective date's quarter (noted as a guess). A code whose
 * termination date is before the release is "deleted".
 */
import type { Modifier } from '../model';
import type { PackCode } from '../pack/types';
import { codeShape } from '../codes/shapes';
import { Converted, ImportContext, isoFromYmd, quarterOf, yearMonthIn } from './common';
import { HCPCS_FIXED_RE } from './detect';
import { ImportError } from './errors';
import { baseName } from './input';
import { cleanCode, cleanText, delimited, isBlank, lines, normHeader, rest } from './reader';

interface HcpcsRecord {
  code: string;
  recid: string;
  seq: string;
  long: string;
  short: string;
  xrefs: string[];
  cov: string;
  betos: string;
  addDt: string;
  effDt: string;
  termDt: string;
  line: number;
}

const MODIFIER_NAME_MAX = 60;

function build(ctx: ImportContext, records: Iterable<HcpcsRecord>, fixed: boolean): Converted {
  const { file } = ctx.input;
  const codes: Record<string, PackCode> = {};
  const modifiers: Record<string, Omit<Modifier, 'code' | 'source'>> = {};
  const longText = new Map<string, string>();
  let parent: HcpcsRecord | undefined;
  let rows = 0;
  let latestEff = '';
  let cptShaped = 0;
  const pending: HcpcsRecord[] = [];
  for (const r of records) {
    rows++;
    if (r.recid === '4' || r.recid === '8') {
      const want = r.recid === '4' ? '3' : '7';
      if (!parent || parent.code !== r.code || parent.recid !== want) {
        throw new ImportError(file, r.line, `continuation record (RECID ${r.recid}) of ${r.code} does not follow its RECID ${want} record`);
      }
      if (r.long) longText.set(r.code + r.recid, `${longText.get(r.code + r.recid) ?? ''} ${r.long}`);
      continue;
    }
    if (r.recid !== '3' && r.recid !== '7') throw new ImportError(file, r.line, `RECID "${r.recid}" is not 3, 4, 7 or 8`);
    parent = r;
    pending.push(r);
    if (r.effDt > latestEff) latestEff = r.effDt;
  }
  if (!pending.length) throw new ImportError(file, undefined, 'no HCPCS records found');
  const named = yearMonthIn(baseName(file));
  const yearOnly = /HCPC((?:19|20)\d{2})/i.exec(baseName(file));
  let release: string;
  if (named) release = quarterOf(named.year, named.month);
  else if (yearOnly) release = `${yearOnly[1]}-01`;
  else if (ctx.options.release) release = ctx.options.release;
  else {
    release = latestEff ? quarterOf(Number(latestEff.slice(0, 4)), Number(latestEff.slice(4, 6))) : 'unknown';
    ctx.warnings.push(`release not stated: taken as ${release}, the quarter of the latest action effective date`);
  }
  const releaseStart = `${release}-01`;
  for (const r of pending) {
    const long = (r.long + (longText.get(r.code + (r.recid === '3' ? '4' : '8')) ?? '')).trim();
    const effectiveDate = isoFromYmd(ctx, r.addDt, r.line, 'ADD DT');
    const terminationDate = isoFromYmd(ctx, r.termDt, r.line, 'TERM DT');
    isoFromYmd(ctx, r.effDt, r.line, 'ACT EFF DT');
    if (r.recid === '3') {
      if (!codeShape(r.code)) throw new ImportError(file, r.line, `"${r.code}" is not an HCPCS code`);
      if (codeShape(r.code) !== 'HCPCS-II') cptShaped++;
      const entry: PackCode = { status: terminationDate && terminationDate < releaseStart ? 'deleted' : 'active' };
      if (effectiveDate) entry.effectiveDate = effectiveDate;
      if (terminationDate) entry.terminationDate = terminationDate;
      const xrefs = r.xrefs.filter((x) => codeShape(x));
      if (xrefs.length) entry.replacedBy = [...new Set(xrefs)];
      if (r.short) entry.shortDescriptor = r.short;
      if (long) entry.longDescriptor = long;
      if (r.cov) entry.coverage = r.cov;
      if (r.betos) entry.betos = r.betos;
      codes[r.code] = entry;
    } else {
      if (!/^[A-Z0-9]{2}$/.test(r.code)) throw new ImportError(file, r.line, `"${r.code}" is not a two-character modifier`);
      const m: Omit<Modifier, 'code' | 'source'> = { kind: 'HCPCS', name: long && long.length <= MODIFIER_NAME_MAX ? long : r.short || long };
      if (long) m.description = long;
      if (effectiveDate) m.effectiveDate = effectiveDate;
      if (terminationDate) m.terminationDate = terminationDate;
      modifiers[r.code] = m;
    }
  }
  if (cptShaped) ctx.warnings.push(`${cptShaped} CPT-shaped codes in the file were read as given`);
  return {
    title: `HCPCS Level II ${release} (${baseName(file)})`,
    asOf: release,
    codeSetYear: Number(release.slice(0, 4)) || undefined,
    source: { title: `CMS HCPCS Level II file${fixed ? ' (fixed-width)' : ''}`, files: [baseName(file)], license: 'public-domain' },
    data: { codes, modifiers },
    rows,
  };
}

export function importHcpcsCsv(ctx: ImportContext): Converted {
  const { file, text } = ctx.input;
  const records = delimited(text, file, { delimiter: ',', quotes: true, meter: ctx.meter });
  const first = records.next();
  if (first.done) throw new ImportError(file, 1, 'no header row');
  const header = first.value.fields.map(normHeader);
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new ImportError(file, first.value.line, `no "${name.toUpperCase()}" column in the header`);
    return i;
  };
  const at = {
    hcpc: col('hcpc'), seq: col('seqnum'), recid: col('recid'), long: col('long description'), short: col('short description'),
    cov: col('cov'), betos: col('betos'), add: col('add dt'), eff: col('act eff dt'), term: col('term dt'),
    xref: [1, 2, 3, 4, 5].map((i) => col(`xref${i}`)),
  };
  function* rows(): Generator<HcpcsRecord> {
    for (const r of rest(records)) {
      if (isBlank(r.fields)) continue;
      if (r.fields.length < header.length) {
        throw new ImportError(file, r.line, `${r.fields.length} fields where the header has ${header.length}${r.ended ? '' : ' (the file looks cut off)'}`);
      }
      const f = r.fields;
      yield {
        code: cleanCode(f[at.hcpc]), recid: f[at.recid].trim(), seq: f[at.seq].trim(), long: cleanText(f[at.long]), short: cleanText(f[at.short]),
        xrefs: at.xref.map((i) => cleanCode(f[i])).filter(Boolean), cov: f[at.cov].trim(), betos: f[at.betos].trim(),
        addDt: f[at.add].trim(), effDt: f[at.eff].trim(), termDt: f[at.term].trim(), line: r.line,
      };
    }
  }
  return build(ctx, rows(), false);
}

export function importHcpcsFixed(ctx: ImportContext): Converted {
  const { file, text } = ctx.input;
  function* rows(): Generator<HcpcsRecord> {
    let inData = false;
    for (const { text: l, line, ended } of lines(text, ctx.meter)) {
      if (!inData) {
        if (!(l.length >= 250 && HCPCS_FIXED_RE.test(l))) continue; // the disclaimer
        inData = true;
      }
      if (l.trim() === '') continue;
      const recid = l[10];
      const full = recid === '3' || recid === '7';
      if (!HCPCS_FIXED_RE.test(l) || (full ? l.length < 293 : l.length < 12)) {
        throw new ImportError(file, line, `not an HCPCS record (code, sequence, record id 3/4/7/8${full ? ', 320 characters' : ''})${ended ? '' : '; the file looks cut off'}`);
      }
      const s = (from: number, to: number): string => l.slice(from - 1, to).trim();
      yield {
        code: cleanCode(l.slice(0, 5)), seq: l.slice(5, 10), recid, long: cleanText(l.slice(11, 91)), short: full ? cleanText(l.slice(91, 119)) : '',
        xrefs: full ? [205, 210, 215, 220, 225].map((c) => cleanCode(s(c, c + 4))).filter(Boolean) : [],
        cov: full ? s(230, 230) : '', betos: full ? s(257, 259) : '',
        addDt: full ? s(269, 276) : '', effDt: full ? s(277, 284) : '', termDt: full ? s(285, 292) : '', line,
      };
    }
    if (!inData) throw new ImportError(file, 1, 'no fixed-width HCPCS records found');
  }
  return build(ctx, rows(), true);
}
