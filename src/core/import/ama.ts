/**
 * AMA CPT data files, as licensees receive them. The layouts assumed (see docs/data-formats.md):
 *
 * Descriptor files (LONGULT.txt, MEDU.txt, SHORTU.txt): an optional notice of free text
 * first (copyright, how to buy), then one line per code:
 *
 *     <code><TAB or one space><descriptor>
 *
 * LONGULT ("long, upper/lower case, tab") separates with a tab; MEDU and SHORTU ("upper case")
 * with one space. Which descriptor a file holds is taken from its file name when the name says
 * SHORT, MED or LONG and the text fits (short descriptors are at most 28 characters, medium at
 * most 48), else from the text: tab-separated -> long; otherwise the longest line decides
 * (<= 28 short, <= 48 medium, else long). A code on two consecutive lines is one descriptor
 * wrapped over two lines (joined with a space); a code repeated elsewhere is an error.
 *
 * Consumer-friendly descriptors (ConsumerDescriptor.txt): tab-separated with a header row
 * `Concept Id<TAB>CPT Code<TAB>Consumer Friendly Descriptor`; the text becomes plainLanguage.
 *
 * Clinician descriptors (ClinicianDescriptor.txt): tab-separated with a header row
 * `Concept Id<TAB>CPT Code<TAB>Clinician Descriptor Id<TAB>Clinician Descriptor`, one row per
 * descriptor, several per code; they become procedureDetails (one paragraph each, file order).
 *
 * The AMA text is the user's licensed data: it is converted on the user's machine and never
 * leaves it; the packs say `license: "licensed"`.
 */
import type { PackCode } from '../pack/types';
import { checkCode, codeEntry, Converted, ImportContext } from './common';
import { AMA_LINE_RE } from './detect';
import { ImportError } from './errors';
import { baseName } from './input';
import { delimited, isBlank, lines, normHeader } from './reader';

type Kind = 'short' | 'medium' | 'long';
const FIELD: Record<Kind, 'shortDescriptor' | 'mediumDescriptor' | 'longDescriptor'> = {
  short: 'shortDescriptor',
  medium: 'mediumDescriptor',
  long: 'longDescriptor',
};
const LIMIT: Record<Kind, number> = { short: 28, medium: 48, long: Infinity };

function yearIn(text: string): number | undefined {
  const m = /\bCPT\b[^0-9\n]{0,20}((?:19|20)\d{2})\b/i.exec(text);
  return m ? Number(m[1]) : undefined;
}

export function importAmaDescriptors(ctx: ImportContext): Converted {
  const { file, text } = ctx.input;
  const entries = new Map<string, { text: string; line: number }>();
  let last: string | undefined;
  let inData = false;
  let tabs = 0;
  let spaces = 0;
  let longest = 0;
  let rows = 0;
  const notice: string[] = [];
  for (const { text: l, line } of lines(text, ctx.meter)) {
    if (l.trim() === '') continue;
    const m = AMA_LINE_RE.exec(l.replace(/^\ufeff/, ''));
    if (!m) {
      if (!inData) {
        notice.push(l);
        continue;
      }
      throw new ImportError(file, line, 'expected a code, a tab or space, and a descriptor (AMA descriptor file layout)');
    }
    inData = true;
    rows++;
    const code = checkCode(ctx, m[1], m[1], line);
    if (m[2] === '\t') tabs++;
    else spaces++;
    const value = m[3].trim();
    const prev = entries.get(code);
    if (prev) {
      if (last !== code) throw new ImportError(file, line, `${code} appears again (first on line ${prev.line})`);
      prev.text = `${prev.text} ${value}`;
    } else entries.set(code, { text: value, line });
    longest = Math.max(longest, entries.get(code)!.text.length);
    last = code;
  }
  if (!entries.size) throw new ImportError(file, 1, 'no descriptor lines (a code, a tab or space, a descriptor) found');
  const name = baseName(file).toUpperCase();
  const hinted: Kind | undefined = name.startsWith('SHORT') ? 'short' : name.startsWith('MED') ? 'medium' : name.startsWith('LONG') ? 'long' : undefined;
  let kind: Kind;
  if (ctx.options.descriptorKind) kind = ctx.options.descriptorKind;
  else if (hinted && longest <= LIMIT[hinted]) kind = hinted;
  else if (tabs > spaces) kind = 'long';
  else kind = longest <= LIMIT.short ? 'short' : longest <= LIMIT.medium ? 'medium' : 'long';
  if (hinted && hinted !== kind) ctx.warnings.push(`the file name suggests ${hinted} descriptors, but a descriptor has ${longest} characters: read as ${kind} descriptors`);
  const codes: Record<string, PackCode> = {};
  for (const [code, e] of entries) codeEntry(codes, code)[FIELD[kind]] = e.text;
  const year = ctx.options.codeSetYear ?? yearIn(notice.join('\n'));
  return {
    title: `CPT ${kind} descriptors${year ? ` ${year}` : ''} (${baseName(file)})`,
    codeSetYear: year,
    source: { title: `AMA CPT ${kind} descriptor file`, files: [baseName(file)], license: 'licensed', note: 'Your licensed AMA CPT data, converted on this machine.' },
    data: { codes },
    rows,
  };
}

/** ConsumerDescriptor.txt and ClinicianDescriptor.txt: tab-separated with a header row. */
export function importAmaTable(ctx: ImportContext, kind: 'consumer' | 'clinician'): Converted {
  const { file, text } = ctx.input;
  let header: string[] | undefined;
  let codeAt = -1;
  let textAt = -1;
  const values = new Map<string, string[]>();
  let rows = 0;
  for (const r of delimited(text, file, { delimiter: '\t', quotes: false, meter: ctx.meter })) {
    if (isBlank(r.fields)) continue;
    if (!header) {
      const cells = r.fields.map(normHeader);
      const c = cells.indexOf('cpt code');
      const t = kind === 'consumer' ? cells.findIndex((x) => x.includes('consumer')) : cells.indexOf('clinician descriptor');
      if (c >= 0 && t >= 0) {
        header = cells;
        codeAt = c;
        textAt = t;
      }
      continue;
    }
    if (r.fields.length < header.length) {
      throw new ImportError(file, r.line, `${r.fields.length} fields where the header has ${header.length}${r.ended ? '' : ' (the file looks cut off)'}`);
    }
    rows++;
    const raw = r.fields[codeAt];
    const code = checkCode(ctx, raw, raw.trim().toUpperCase(), r.line);
    const value = r.fields[textAt].trim();
    if (!value) continue;
    const list = values.get(code);
    if (list) list.push(value);
    else values.set(code, [value]);
  }
  if (!header) throw new ImportError(file, 1, `no header row with "CPT Code" and "${kind === 'consumer' ? 'Consumer Friendly Descriptor' : 'Clinician Descriptor'}"`);
  const codes: Record<string, PackCode> = {};
  let repeated = 0;
  for (const [code, list] of values) {
    if (kind === 'consumer') {
      codeEntry(codes, code).plainLanguage = list[0];
      if (list.length > 1) repeated++;
    } else codeEntry(codes, code).procedureDetails = list.join('\n\n');
  }
  if (repeated) ctx.warnings.push(`${repeated} codes have more than one consumer-friendly descriptor: the first is used`);
  const label = kind === 'consumer' ? 'consumer-friendly descriptors' : 'clinician descriptors';
  const year = ctx.options.codeSetYear;
  return {
    title: `CPT ${label}${year ? ` ${year}` : ''} (${baseName(file)})`,
    codeSetYear: year,
    source: { title: `AMA CPT ${label}`, files: [baseName(file)], license: 'licensed', note: 'Your licensed AMA CPT data, converted on this machine.' },
    data: { codes },
    rows,
  };
}
