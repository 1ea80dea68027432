// OPPS Addendum B status indicators, one column per quarter, plus the SI legend.
// Descriptors (CPT short descriptors are AMA copyright) are read past, never kept.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readCsvObjects } from './csv.mjs';
import { CODE_RE, makePack } from './pack.mjs';
import { sortedMap } from './json.mjs';

export const OPPS_DIR = 'cms-opps-addendum-b';
const ADDENDUM_RE = /^opps_addendum_b_(\d{4}-(?:01|04|07|10))\.csv$/;
const LEGEND_FILE = `${OPPS_DIR}/opps_status_indicators.csv`;

/** Codes come with stray NBSPs and spaces (cp1252 files): drop all whitespace, upper-case. */
const cleanCode = (s) => s.replace(/[\s\u00a0]/g, '').toUpperCase();
const cleanText = (s) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

export function buildOppsPack(rawDir, notes) {
  const dir = join(rawDir, OPPS_DIR);
  const names = readdirSync(dir).filter((f) => ADDENDUM_RE.test(f)).sort();
  if (names.length === 0) throw new Error(`${dir}: no opps_addendum_b_<quarter>.csv files`);
  const quarters = names.map((f) => ADDENDUM_RE.exec(f)[1]);

  /** code -> array of SI per quarter */
  const status = new Map();
  const files = [];
  const perQuarter = [];
  quarters.forEach((quarter, qi) => {
    const file = `${OPPS_DIR}/${names[qi]}`;
    files.push(file);
    const { header, records } = readCsvObjects(join(rawDir, file), { encoding: 'cp1252' });
    for (const col of ['HCPCSCode', 'StatusIndicator']) {
      if (!header.includes(col)) throw new Error(`${file}: missing column ${col}`);
    }
    const seen = new Map();
    let dirtyCodes = 0;
    let duplicates = 0;
    const labels = new Set();
    for (const r of records) {
      const at = `${file}:${r.__line}`;
      const code = cleanCode(r.HCPCSCode);
      if (code !== r.HCPCSCode) dirtyCodes++;
      if (!CODE_RE.test(code)) throw new Error(`${at}: unexpected code "${r.HCPCSCode}"`);
      const si = cleanText(r.StatusIndicator).toUpperCase();
      if (!si) throw new Error(`${at}: empty status indicator for ${code}`);
      if (r.Source !== undefined) labels.add(r.Source.trim());
      if (seen.has(code)) {
        if (seen.get(code) !== si) throw new Error(`${at}: ${code} listed twice with different SI (${seen.get(code)}, ${si})`);
        duplicates++;
        continue;
      }
      seen.set(code, si);
      let row = status.get(code);
      if (!row) status.set(code, (row = new Array(quarters.length).fill(null)));
      row[qi] = si;
    }
    const cCodes = [...seen].filter(([, si]) => si === 'C').map(([c]) => c);
    perQuarter.push({ quarter, file, codes: seen.size, c: cCodes.length, dirtyCodes, duplicates, labels: [...labels].sort() });

    // The SI=C count (and set) must equal the derived inpatient-only list of the same quarter.
    const ipoFile = `${OPPS_DIR}/inpatient_only_si_C_${quarter}.csv`;
    const ipo = readCsvObjects(join(rawDir, ipoFile)).records.map((r) => cleanCode(r.hcpcs));
    if (ipo.length !== cCodes.length) {
      throw new Error(`OPPS ${quarter}: ${cCodes.length} codes with SI=C in ${file}, but ${ipo.length} rows in ${ipoFile}`);
    }
    const ipoSet = new Set(ipo);
    const diff = cCodes.filter((c) => !ipoSet.has(c));
    if (diff.length || ipoSet.size !== ipo.length) {
      throw new Error(`OPPS ${quarter}: SI=C codes differ from ${ipoFile}: ${diff.slice(0, 10).join(', ')}`);
    }
  });

  // Legend: values are padded with spaces in the source.
  const legendRows = readCsvObjects(join(rawDir, LEGEND_FILE)).records;
  const legend = legendRows.map((r) => ({
    indicator: cleanText(r.StatusIndicator),
    paid: cleanText(r.Paid),
    description: cleanText(r.Description),
  }));
  const known = new Set(legend.map((l) => l.indicator));
  if (known.size !== legend.length) throw new Error(`${LEGEND_FILE}: duplicate indicators`);
  const used = new Map();
  for (const row of status.values()) for (const si of row) if (si) used.set(si, (used.get(si) ?? 0) + 1);
  const unknown = [...used.keys()].filter((si) => !known.has(si)).sort();
  const unused = [...known].filter((si) => !used.has(si)).sort();

  for (const q of perQuarter) {
    notes.push(
      `opps ${q.quarter}: ${q.codes} codes, SI=C ${q.c} (matches inpatient_only_si_C_${q.quarter}.csv), ` +
        `codes cleaned of spaces/NBSP ${q.dirtyCodes}, duplicate rows ${q.duplicates}, Source label ${q.labels.join('/')}` +
        (q.labels.length === 1 && q.labels[0] === q.quarter ? '' : ` (file name says ${q.quarter}; file name wins)`),
    );
  }
  notes.push(`opps: ${status.size} distinct codes over ${quarters.length} quarters`);
  if (unknown.length) notes.push(`opps: status indicators used but not in the legend: ${unknown.join(', ')}`);
  if (unused.length) notes.push(`opps: legend indicators not used in any quarter: ${unused.join(', ')}`);

  const last = quarters[quarters.length - 1];
  const pack = makePack(
    {
      id: 'opps-addendum-b',
      title: `OPPS status indicators (Addendum B), ${quarters[0]} to ${last} (CMS)`,
      asOf: last,
      source: {
        title: 'CMS OPPS Addendum B status indicators by quarter, with the status-indicator legend',
        files: [...files, LEGEND_FILE],
        license: 'public-domain',
        note:
          'Status indicators only (SI "C" = inpatient only). The Addendum B short descriptors are deliberately left out: ' +
          'for CPT codes they are AMA copyright. The quarter of each column is taken from the file name.',
      },
    },
    { opps: { quarters, status: sortedMap(status), legend } },
  );
  return { pack, status, quarters };
}
