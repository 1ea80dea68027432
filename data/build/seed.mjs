// Parser for the project's reference-record text layout (shared/seed/64866.txt):
//
//   <year> CPT code <code>
//   (<Status>) Effective Date: <date|N/A> <Section> - <Subsection>[ Feed]
//   <summary>
//   Modifiers ... -22 (Name), -51 (Name) ...           -> commonModifiers + modifierNote
//   <medical necessity>
//   In simple words: <plain language>
//   <Long descriptor>.<Procedure details...>
//   Example 1: <ex>., <ex>., <ex>.
//   <documentation>
//   ** As of <Month> <day>, <year>, <inpatient-only note>
//   - Specialties:<a>, <b>, ...
//   - Place of Service:<a>, <b>, ...
//
// Labelled lines are recognized by their prefix; the unlabelled ones by where they stand
// relative to the labelled ones. Anything that does not fit the layout is an error.

const MONTHS = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6,
  july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** `December 1st, 2024` | `12/01/2024` | `2024-12-01` -> `2024-12-01`; otherwise undefined. */
export function parseDate(text) {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return `${m[3]}-${pad(m[1])}-${pad(m[2])}`;
  m = /^([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(t);
  if (m && MONTHS[m[1].toLowerCase()]) return `${m[3]}-${pad(MONTHS[m[1].toLowerCase()])}-${pad(m[2])}`;
  return undefined;
}

/** The code system a code's shape says. */
export function systemOf(code, family) {
  if (family === 'HCPCS' || /^[A-Z]\d{4}$/.test(code)) return 'HCPCS-II';
  // Five digits, or four digits + A (vaccine product/administration codes such as 0001A): Category I.
  if (/^\d{5}$|^\d{4}A$/.test(code)) return 'CPT-I';
  const m = /^\d{4}([FTUM])$/.exec(code);
  if (m) return { F: 'CPT-II', T: 'CPT-III', U: 'CPT-PLA', M: 'CPT-MAAA' }[m[1]];
  throw new Error(`seed: cannot tell the code system of ${code}`);
}

/** Splits a list on commas that are not inside parentheses. */
function splitList(text) {
  const out = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

const DATE_TOKEN = String.raw`N\/A|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}|[A-Z][a-z]+\.? \d{1,2}(?:st|nd|rd|th)?, \d{4}`;
const HEADER1 = /^(\d{4})\s+(CPT|HCPCS)\s+code\s+([0-9A-Z]{5})$/i;
const HEADER2 = new RegExp(String.raw`^\((\w+)\)\s+Effective Date:\s*(${DATE_TOKEN})\s+(.+)$`);
/** Page chrome that the source web page leaves at the end of the heading line. */
const HEADING_CHROME = /\s+Feed$/;

/**
 * Parses one reference record. Returns `{ code, record }` where `record` is a PackCode
 * (CodeRecord without `code`).
 */
export function parseSeedRecord(text, label = 'seed') {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const fail = (msg) => {
    throw new Error(`${label}: ${msg}`);
  };
  if (lines.length < 2) fail('too short');

  const h1 = HEADER1.exec(lines[0]);
  if (!h1) fail(`line 1 is not "<year> CPT code <code>": ${lines[0]}`);
  const code = h1[3].toUpperCase();
  const h2 = HEADER2.exec(lines[1]);
  if (!h2) fail(`line 2 is not "(<Status>) Effective Date: <date> <Section> - <Subsection>": ${lines[1]}`);

  const statusWord = h2[1].toLowerCase();
  const status = { active: 'active', deleted: 'deleted' }[statusWord];
  if (!status) fail(`unknown status "${h2[1]}"`);
  let effectiveDate;
  if (h2[2] !== 'N/A') {
    effectiveDate = parseDate(h2[2]);
    if (!effectiveDate) fail(`cannot read effective date "${h2[2]}"`);
  }
  const heading = h2[3].replace(HEADING_CHROME, '').trim();
  const dash = heading.indexOf(' - ');
  const section = dash >= 0 ? heading.slice(0, dash).trim() : heading;
  const subsection = dash >= 0 ? heading.slice(dash + 3).trim() : undefined;

  const r = {
    system: systemOf(code, h1[2].toUpperCase()),
    codeSetYear: Number(h1[1]),
    status,
  };
  if (effectiveDate) r.effectiveDate = effectiveDate;
  r.section = section;
  if (subsection) r.subsection = subsection;

  // Unlabelled lines go to the slot of the phase the labelled lines have reached.
  const slotOfPhase = {
    head: 'summary',
    modifiers: 'medicalNecessity',
    plain: 'descriptor',
    examples: 'documentation',
  };
  let phase = 'head';
  const slots = {};
  const examples = [];
  const put = (slot, value, lineNo) => {
    if (slots[slot] !== undefined) fail(`line ${lineNo}: a second ${slot} line: ${value}`);
    slots[slot] = value;
  };

  for (let i = 2; i < lines.length; i++) {
    const line = lines[i];
    const no = i + 1;
    let m;
    if (/^Modifiers\b/.test(line)) {
      put('modifierNote', line, no);
      phase = 'modifiers';
    } else if ((m = /^In simple words:\s*(.*)$/i.exec(line))) {
      put('plainLanguage', m[1], no);
      phase = 'plain';
    } else if ((m = /^Example \d+:\s*(.*)$/i.exec(line))) {
      // Several examples on one line, separated by "., ".
      for (const part of m[1].split(/\.,\s+/)) {
        const ex = part.trim();
        if (ex) examples.push(/[.!?]$/.test(ex) ? ex : `${ex}.`);
      }
      phase = 'examples';
    } else if ((m = /^\*\*\s*(.*?)\s*\**$/.exec(line))) {
      const note = m[1];
      const d = /^As of ([A-Za-z]+\.? \d{1,2}(?:st|nd|rd|th)?, \d{4})/.exec(note);
      if (!d) fail(`line ${no}: inpatient note without an "As of <date>": ${line}`);
      const asOf = parseDate(d[1]);
      if (!asOf) fail(`line ${no}: cannot read date "${d[1]}"`);
      if (slots.inpatientOnlyNote) fail(`line ${no}: a second "**" note`);
      slots.inpatientOnlyNote = { asOf, note };
    } else if ((m = /^-\s*Specialties:\s*(.*)$/i.exec(line))) {
      put('specialties', splitList(m[1]), no);
    } else if ((m = /^-\s*Place of Service:\s*(.*)$/i.exec(line))) {
      put('placesOfService', splitList(m[1]), no);
    } else {
      put(slotOfPhase[phase], line, no);
    }
  }

  if (slots.summary) r.summary = slots.summary;
  if (slots.plainLanguage) r.plainLanguage = slots.plainLanguage;
  if (slots.descriptor) {
    // "<Long descriptor>.<Details>" (the source glues them) or "<Long descriptor>. <Details>".
    const d = slots.descriptor;
    const m = /^(.+?)\.(?:(?=[A-Z])|\s+(?=[A-Z]))(.*)$/.exec(d);
    if (m) {
      r.longDescriptor = m[1].trim();
      if (m[2].trim()) r.procedureDetails = m[2].trim();
    } else {
      r.longDescriptor = d.replace(/\.$/, '');
    }
  }
  if (slots.modifierNote) {
    const mods = [...slots.modifierNote.matchAll(/(?:^|[\s,(])-([0-9A-Z]{2})\b/g)].map((x) => x[1]);
    if (mods.length) r.commonModifiers = [...new Set(mods)];
    r.modifierNote = slots.modifierNote;
  }
  if (slots.medicalNecessity) r.medicalNecessity = slots.medicalNecessity;
  if (examples.length) r.examples = examples;
  if (slots.documentation) r.documentation = slots.documentation;
  if (slots.inpatientOnlyNote) r.inpatientOnlyNote = slots.inpatientOnlyNote;
  if (slots.specialties) r.specialties = slots.specialties;
  if (slots.placesOfService) r.placesOfService = slots.placesOfService;
  return { code, record: r };
}
