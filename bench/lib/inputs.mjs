// Builds the benchmark inputs by repetition from the real samples (../shared/samples/real, see
// its SOURCES.md) into the git-ignored bench/inputs/. Deterministic; rebuilt when missing or when
// INPUTS_VERSION changes.
import fs from 'node:fs';
import path from 'node:path';
import { INPUTS_DIR, SAMPLES_DIR } from './util.mjs';

const INPUTS_VERSION = 3;

export const CSV_ROWS = 100_000;
export const X12_CLAIMS = 10_000;
export const FHIR_MIN_BYTES = 5 * 1024 * 1024;
export const CLAIM_CSV_LINES = 200_000;

export const INPUTS = {
  csv: path.join(INPUTS_DIR, 'charges-100k.csv'),
  x12: path.join(INPUTS_DIR, 'claims-10k.837p'),
  fhir: path.join(INPUTS_DIR, 'eob-bundle.json'),
};

/** A claim file as CSV, for the row edits of a file whose rows carry claim ids (not a full-check input). */
export const CLAIM_CSV = path.join(INPUTS_DIR, 'claims-200k.csv');

/**
 * The peer comparison's inputs: the same generators at about 1 MB each. cspell takes 10-25 s per
 * run on the full inputs here (its start-up alone is 5-15 s on this 2-core machine), so three runs
 * of both tools on all three full inputs take about 3.5 minutes, too much next to the rest in
 * `npm run bench`'s 5 minutes. `--full-peer` compares on the full inputs.
 */
export const PEER_INPUTS = {
  csv: path.join(INPUTS_DIR, 'peer', 'charges-3k.csv'),
  x12: path.join(INPUTS_DIR, 'peer', 'claims-750.837p'),
  fhir: path.join(INPUTS_DIR, 'peer', 'eob-bundle-12.json'),
};
const PEER_SIZE = { csv: 3_000, x12: 750, fhir: 12 };
const FULL_SIZE = { csv: CSV_ROWS, x12: X12_CLAIMS, fhir: undefined };

const sample = (name) => {
  const f = path.join(SAMPLES_DIR, name);
  if (!fs.existsSync(f)) throw new Error(`bench: sample ${f} is missing (set CPT_LENS_SAMPLES to the folder of the real samples)`);
  return fs.readFileSync(f, 'utf8');
};

/**
 * Price-transparency CSV: the two banner/header lines of the Sutter Lakeside standard-charges file,
 * then its data rows repeated, in order, until CSV_ROWS data rows.
 */
function buildCsv(count = CSV_ROWS) {
  const text = sample('sutter_lakeside_standardcharges.csv');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  const head = lines.slice(0, 2); // "Date of Last Update,..." and the header row
  const rows = lines.slice(2);
  const out = [...head];
  for (let i = 0; i < count; i++) out.push(rows[i % rows.length]);
  return out.join(eol) + eol;
}

/**
 * 837P: the envelope and billing/subscriber loops of ProfessionalClaim1, then its patient loop
 * (HL 23 ... CLM ... seven SV1 lines) repeated X12_CLAIMS times with fresh HL and CLM ids; SE01
 * counts the segments again, so ISA/GS/ST/SE/GE/IEA stay consistent.
 */
function buildX12(count = X12_CLAIMS) {
  const text = sample('837p_professional_claim1.txt');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const at = (re) => lines.findIndex((l) => re.test(l.trim()));
  const patient = at(/^HL\*3\*/);
  const se = at(/^SE\*/);
  if (patient < 0 || se < 0) throw new Error('bench: unexpected 837P sample layout');
  const before = lines.slice(0, patient);
  const loop = lines.slice(patient, se);
  const after = lines.slice(se);
  const out = [...before];
  for (let i = 0; i < count; i++) {
    const hl = 3 + i;
    for (const l of loop) {
      out.push(l
        .replace(/^(\s*)HL\*3\*2\*/, `$1HL*${hl}*2*`)
        .replace(/^(\s*)CLM\*26463774\*/, `$1CLM*${26463774 + i}*`));
    }
  }
  const st = out.findIndex((l) => /^ST\*/.test(l.trim()));
  const segments = out.length - st + 1; // ST .. SE inclusive
  for (const l of after) out.push(/^\s*SE\*/.test(l) ? l.replace(/SE\*\d+\*/, `SE*${segments}*`) : l);
  return out.join(eol) + (text.endsWith('\n') ? eol : '');
}

/** FHIR Bundle (searchset) of copies of the BFD carrier EOB, as written (HAPI layout), each with its own id. */
function buildFhir(count) {
  const eob = sample('fhir_eob_carrier_multiline_bfd.json').trim();
  const copies = count ?? Math.ceil(FHIR_MIN_BYTES / eob.length) + 1;
  const entries = [];
  for (let i = 0; i < copies; i++) {
    const id = `carrier-${9991831999 + i}`;
    const resource = eob.replace('"id" : "carrier-9991831999"', `"id" : "${id}"`).replace(/\n/g, '\n    ');
    entries.push(`  {\n    "fullUrl" : "https://example.invalid/v2/fhir/ExplanationOfBenefit/${id}",\n    "resource" : ${resource}\n  }`);
  }
  return `{\n  "resourceType" : "Bundle",\n  "id" : "bench-eob-bundle",\n  "type" : "searchset",\n  "total" : ${copies},\n  "entry" : [\n${entries.join(',\n')}\n  ]\n}\n`;
}

/**
 * Claim lines as CSV, one row per service line: the seven SV1 lines of ProfessionalClaim1 with
 * their claim's id (CLM01, fresh per copy), LX number, procedure and modifiers (SV1-01), units
 * (SV1-04), place of service (SV1-05, else CLM05-1) and date (DTP*472), repeated in claims of
 * seven lines until CLAIM_CSV_LINES lines. What a billing engineer exports from a claim system.
 */
function buildClaimCsv(count = CLAIM_CSV_LINES) {
  const text = sample('837p_professional_claim1.txt');
  const segments = text.split('~').map((s) => s.trim().split('*'));
  const clm = segments.find((s) => s[0] === 'CLM');
  if (!clm) throw new Error('bench: unexpected 837P sample layout (no CLM)');
  const claimPos = clm[5].split(':')[0];
  const lines = [];
  let line;
  for (const s of segments) {
    if (s[0] === 'LX') line = { number: s[1] };
    else if (s[0] === 'SV1' && line) {
      const [, code, ...modifiers] = s[1].split(':');
      Object.assign(line, { code, modifiers, units: s[4], pos: s[5] || claimPos, charge: s[2] });
    } else if (s[0] === 'DTP' && s[1] === '472' && line?.code) {
      const d = s[3];
      lines.push({ ...line, date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` });
      line = undefined;
    }
  }
  if (!lines.length) throw new Error('bench: unexpected 837P sample layout (no service lines)');
  const out = ['Claim ID,Line,CPT,Modifier 1,Modifier 2,Modifier 3,Modifier 4,Units,POS,Date of Service,Charge'];
  for (let i = 0; out.length <= count; i++) {
    for (const l of lines) {
      if (out.length > count) break;
      const m = [0, 1, 2, 3].map((k) => l.modifiers[k] ?? '');
      out.push([26463774 + i, l.number, l.code, ...m, l.units, l.pos, l.date, l.charge].join(','));
    }
  }
  return out.join('\n') + '\n';
}

const BUILDERS = { csv: buildCsv, x12: buildX12, fhir: buildFhir, claimCsv: buildClaimCsv };

/** Writes the inputs that are missing or from an older generator; returns { set: { kind: {file, bytes} } }. */
export function ensureInputs({ log = () => {} } = {}) {
  fs.mkdirSync(INPUTS_DIR, { recursive: true });
  const stamp = path.join(INPUTS_DIR, '.version');
  const fresh = fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === String(INPUTS_VERSION);
  const out = { full: {}, peer: {}, edits: {} };
  const sets = [['full', INPUTS, FULL_SIZE], ['peer', PEER_INPUTS, PEER_SIZE], ['edits', { claimCsv: CLAIM_CSV }, { claimCsv: CLAIM_CSV_LINES }]];
  for (const [set, files, sizes] of sets) {
    for (const [kind, file] of Object.entries(files)) {
      if (!fresh || !fs.existsSync(file)) {
        const t0 = performance.now();
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, BUILDERS[kind](sizes[kind]));
        log(`built ${path.relative(process.cwd(), file)} in ${(performance.now() - t0).toFixed(0)} ms`);
      }
      out[set][kind] = { file, bytes: fs.statSync(file).size };
    }
  }
  fs.writeFileSync(stamp, `${INPUTS_VERSION}\n`);
  return out;
}
