/**
 * The code card: what a coder reads about a code, as a list of labelled parts in the
 * order the hover shows them. Renderers (Markdown, text, HTML) only lay it out.
 */
import type { CodeRecord, IsoDate } from '../model';
import type { Catalog } from '../catalog/catalog';
import { inpatientStatus, InpatientStatus, quarterLabel } from '../catalog/inpatient';
import { isCpt, systemLabel } from '../codes/shapes';
import { meaning, modifierVerdict } from '../codes/pfsMeaning';

export interface CardOptions {
  /** The date of service of the line, when the document says it. */
  dateOfService?: IsoDate;
  /** Today, for lines without a date of service. */
  today: IsoDate;
  /** Modifiers written at this occurrence, in order. */
  modifiersWritten?: string[];
}

export interface CardPart {
  id: string;
  label: string;
  /** One paragraph of text, or a list of items. */
  text?: string;
  items?: string[];
  /** Pack the data came from. */
  source?: string;
  /** Marks a part a coder must not miss (inpatient-only, a forbidden modifier). */
  warning?: boolean;
}

export interface Card {
  code: string;
  system: string;
  codeSetYear?: number;
  /** Long descriptor, else short, else a description of what is missing. */
  title: string;
  /** True when no descriptor text is loaded (CPT descriptors are licensed). */
  noLicensedText: boolean;
  inpatient?: InpatientStatus;
  /** The date the inpatient status was computed for. */
  statusDate: IsoDate;
  parts: CardPart[];
}

/** Said on a card without CPT text; the renderer appends the setting's name. */
export const LICENSED_TEXT_HINT = 'CPT descriptors are AMA copyright and not bundled. Load your licensed CPT data files with the setting';
export const DATA_FILES_SETTING = 'cptLens.data.files';

export function buildCard(record: CodeRecord, catalog: Catalog, options: CardOptions): Card {
  const statusDate = options.dateOfService ?? options.today;
  const inpatient = inpatientStatus(record, statusDate, catalog.quarters());
  const title = record.longDescriptor ?? record.shortDescriptor ?? record.mediumDescriptor;
  const parts: CardPart[] = [];
  const src = record.sources ?? {};
  const add = (part: CardPart | undefined): void => {
    if (part && (part.text || part.items?.length)) parts.push(part);
  };

  if (inpatient) add(inpatientPart(record, inpatient, statusDate, options.dateOfService !== undefined, catalog.quarters()[0], src.opps));
  else if (record.inpatientOnlyNote) {
    add({ id: 'inpatientOnly', label: 'Inpatient only', text: record.inpatientOnlyNote.note, warning: true, source: src.inpatientOnlyNote });
  }
  add(statusPart(record));
  if (record.shortDescriptor && record.longDescriptor && record.shortDescriptor !== record.longDescriptor) {
    add({ id: 'shortDescriptor', label: 'Short descriptor', text: record.shortDescriptor, source: src.shortDescriptor });
  }
  add({ id: 'summary', label: 'Summary', text: record.summary, source: src.summary });
  add({ id: 'plainLanguage', label: 'In simple words', text: record.plainLanguage, source: src.plainLanguage });
  const section = [record.section, record.subsection].filter(Boolean).join(' › ');
  add({ id: 'section', label: 'Section', text: section || undefined, source: src.section });
  add(writtenModifiersPart(record, catalog, options.modifiersWritten ?? []));
  add(commonModifiersPart(record, catalog));
  add(paymentPart(record));
  add(oppsPart(record, catalog, inpatient?.quarter));
  add({ id: 'specialties', label: 'Specialties', items: record.specialties, source: src.specialties });
  add({ id: 'placesOfService', label: 'Places of service', items: record.placesOfService, source: src.placesOfService });
  add({ id: 'documentation', label: 'Documentation', text: record.documentation, source: src.documentation });
  add({ id: 'medicalNecessity', label: 'Medical necessity', text: record.medicalNecessity, source: src.medicalNecessity });
  add({ id: 'procedureDetails', label: 'Procedure details', text: record.procedureDetails, source: src.procedureDetails });
  add({ id: 'examples', label: 'Examples', items: record.examples, source: src.examples });
  if (record.inpatientOnlyNote && inpatient) {
    add({ id: 'inpatientOnlyNote', label: 'Inpatient-only note', text: record.inpatientOnlyNote.note, source: src.inpatientOnlyNote });
  }
  add(hcpcsPart(record));

  return {
    code: record.code,
    system: systemLabel(record.system),
    codeSetYear: record.codeSetYear,
    title: title ?? (isCpt(record.system) ? 'CPT descriptor not loaded' : 'No descriptor in the loaded data'),
    noLicensedText: !title && isCpt(record.system),
    inpatient,
    statusDate,
    parts,
  };
}

function inpatientPart(
  record: CodeRecord,
  s: InpatientStatus,
  date: IsoDate,
  fromLine: boolean,
  oldestQuarter: string | undefined,
  source?: string,
): CardPart | undefined {
  const when = fromLine ? `on the date of service ${date}` : `today (${date}; the line has no date of service)`;
  const release = `OPPS Addendum B ${s.quarter}`;
  if (s.inpatientOnly) {
    const oldest = s.since !== undefined && s.since === oldestQuarter;
    const since = s.since ? ` On the list since ${quarterLabel(s.since)}${oldest ? ' or earlier (the oldest release loaded)' : ''}.` : '';
    const leaves = s.leavesIn ? ` It leaves the list in ${quarterLabel(s.leavesIn)} (${s.leavesIn} release).` : '';
    return {
      id: 'inpatientOnly',
      label: 'Inpatient only (CMS)',
      text: `Medicare pays this procedure only as an inpatient service ${when}: status indicator C in ${release}.${since}${leaves} It is not paid on an outpatient claim.`,
      warning: true,
      source,
    };
  }
  if (s.lastListed) {
    return {
      id: 'inpatientOnly',
      label: 'Inpatient only: removed',
      text: `Not inpatient only ${when} (status indicator ${record.opps?.byQuarter[s.quarter] ?? 'none'} in ${release}); it was on the list until ${quarterLabel(s.lastListed)}.`,
      source,
    };
  }
  return undefined;
}

function statusPart(record: CodeRecord): CardPart | undefined {
  const bits: string[] = [];
  if (record.status) bits.push(record.status === 'active' ? 'Active' : 'Deleted');
  if (record.effectiveDate) bits.push(`effective ${record.effectiveDate}`);
  if (record.terminationDate) bits.push(`terminated ${record.terminationDate}`);
  if (record.replacedBy?.length) bits.push(`replaced by ${record.replacedBy.join(', ')}`);
  if (record.addOn) bits.push('add-on code');
  if (!bits.length) return undefined;
  return { id: 'status', label: 'Status', text: bits.join('; '), source: record.sources?.status, warning: record.status === 'deleted' };
}

function writtenModifiersPart(record: CodeRecord, catalog: Catalog, written: string[]): CardPart | undefined {
  if (!written.length) return undefined;
  let warning = false;
  const items = written.map((m) => {
    const mod = catalog.modifier(m);
    const verdict = modifierVerdict(m, record.pfs);
    const name = mod ? mod.name : 'not a known modifier';
    if (!mod || verdict.allowed === false) warning = true;
    const fit = verdict.allowed === false ? ` — not allowed on ${record.code}: ${verdict.reason}` : verdict.allowed ? ` — allowed (${verdict.reason})` : '';
    return `${m}: ${name}${fit}`;
  });
  return { id: 'modifiersWritten', label: 'Modifiers on this line', items, warning };
}

function commonModifiersPart(record: CodeRecord, catalog: Catalog): CardPart | undefined {
  const items = (record.commonModifiers ?? []).map((m) => `${m}: ${catalog.modifier(m)?.name ?? 'modifier'}`);
  if (!items.length && !record.modifierNote) return undefined;
  return {
    id: 'commonModifiers',
    label: 'Common modifiers',
    items: items.length ? items : undefined,
    text: record.modifierNote,
    source: record.sources?.commonModifiers,
  };
}

function paymentPart(record: CodeRecord): CardPart | undefined {
  const p = record.pfs;
  if (!p) return undefined;
  const items = [
    `PFS status ${p.status}: ${meaning.status(p.status)}`,
    `Global days ${p.globalDays}: ${meaning.globalDays(p.globalDays)}`,
    `PC/TC ${p.pctc}: ${meaning.pctc(p.pctc)}`,
    `Modifier 51 (multiple procedures) ${p.multipleProcedure}: ${meaning.multipleProcedure(p.multipleProcedure)}`,
    `Modifier 50 (bilateral) ${p.bilateral}: ${meaning.bilateral(p.bilateral)}`,
    `Modifiers 80/82 (assistant) ${p.assistant}: ${meaning.assistant(p.assistant)}`,
    `Modifier 62 (co-surgeons) ${p.coSurgeon}: ${meaning.coSurgeon(p.coSurgeon)}`,
    `Modifier 66 (team) ${p.team}: ${meaning.team(p.team)}`,
  ];
  if (p.endoscopicBase) items.push(`Endoscopic base code ${p.endoscopicBase}`);
  return { id: 'pfs', label: `Payment indicators (CMS PFS ${p.release})`, items, source: record.sources?.pfs };
}

function hcpcsPart(record: CodeRecord): CardPart | undefined {
  const bits: string[] = [];
  if (record.coverage) bits.push(`Medicare coverage code ${record.coverage}`);
  if (record.betos) bits.push(`BETOS ${record.betos}`);
  if (!bits.length) return undefined;
  return { id: 'hcpcs', label: 'HCPCS', text: bits.join('; '), source: record.sources?.coverage };
}

function oppsPart(record: CodeRecord, catalog: Catalog, quarter: string | undefined): CardPart | undefined {
  const history = record.opps?.byQuarter;
  if (!history || !quarter) return undefined;
  const si = history[quarter];
  const info = si ? catalog.statusIndicator(si) : undefined;
  const now = si ? `${si}${info ? ` (${info.description.trim()})` : ''} in the ${quarter} release` : `not in the ${quarter} release`;
  const items = catalog.quarters().map((q) => `${q}: ${history[q] ?? '—'}`);
  return { id: 'opps', label: 'OPPS status indicator (CMS Addendum B)', text: now, items, source: record.sources?.opps };
}
