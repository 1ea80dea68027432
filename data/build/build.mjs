#!/usr/bin/env node
// Builds the bundled data packs of CPT Lens into data/packs/ from the raw CMS files.
//
//   node data/build/build.mjs          (or: npm run data)
//
// Raw files are read in place from ../shared/data/raw (relative to the repo root) or from
// $CPT_LENS_RAW; the seed record from ../shared/seed/64866.txt or $CPT_LENS_SEED.
// Output is deterministic: sorted codes, fixed property order, no timestamps.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsvObjects } from './csv.mjs';
import { buildHcpcsPack } from './hcpcs.mjs';
import { stringify, sortedMap } from './json.mjs';
import { buildOppsPack } from './opps.mjs';
import { CPT_SHAPED_RE, makePack } from './pack.mjs';
import { buildPfsPack } from './pfs.mjs';
import { buildCptModifiersPack, buildPosPack, buildSectionsPack } from './reference.mjs';
import { parseSeedRecord } from './seed.mjs';
import { validate } from './validate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const packsDir = join(repoRoot, 'data', 'packs');
const schemaPath = join(repoRoot, 'data', 'pack.schema.json');
/** Uncompressed budget of data/packs; the .vsix (zip) must stay under 5 MB in all. */
const MAX_TOTAL_BYTES = 4_500_000;

function fail(msg) {
  console.error(`data build failed: ${msg}`);
  process.exit(1);
}

function locateRaw() {
  const fromEnv = process.env.CPT_LENS_RAW;
  const dir = fromEnv ? resolve(fromEnv) : resolve(repoRoot, '..', 'shared', 'data', 'raw');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    fail(
      `raw data folder not found: ${dir}\n` +
        (fromEnv ? '  ($CPT_LENS_RAW points there.)\n' : '  Expected ../shared/data/raw beside the repository, or set $CPT_LENS_RAW.\n') +
        '  See data/build/README.md and data/SOURCES.md for where the raw files come from.',
    );
  }
  return dir;
}

function locateSeed() {
  const fromEnv = process.env.CPT_LENS_SEED;
  const file = fromEnv ? resolve(fromEnv) : resolve(repoRoot, '..', 'shared', 'seed', '64866.txt');
  if (!existsSync(file)) fail(`seed record not found: ${file} (set $CPT_LENS_SEED)`);
  return file;
}

function buildSeedPack(seedFile, notes) {
  const { code, record } = parseSeedRecord(readFileSync(seedFile, 'utf8'), seedFile);
  notes.push(`seed: ${code} with ${Object.keys(record).length} fields (${Object.keys(record).join(', ')})`);
  return makePack(
    {
      id: `seed-${code}`,
      title: `Reference record for ${code}`,
      codeSetYear: record.codeSetYear,
      source: {
        title: `The CPT Lens reference record for ${code}`,
        files: [`shared/seed/${code}.txt`],
        license: 'other',
        note:
          "The seed record is the reference record bundled by the project's brief; every field is parsed from its text. " +
          'The CPT short descriptor is deliberately absent (AMA copyright). The path above is relative to the shared folder, not the raw folder.',
      },
    },
    { codes: sortedMap([[code, record]]) },
  );
}

/** Every string value in a JSON value (keys excluded). */
function* strings(v) {
  if (typeof v === 'string') yield v;
  else if (Array.isArray(v)) for (const x of v) yield* strings(x);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) yield* strings(x);
}

/** CPT short descriptors from the raw files that carry them, for the "no AMA text" guard. */
function cptDescriptors(rawDir) {
  const set = new Set();
  const pfs = 'cms-pfs-rvu/PPRRVU2025_Oct.csv';
  if (existsSync(join(rawDir, pfs))) {
    for (const r of readCsvObjects(join(rawDir, pfs), { headerRow: 9 }).records) {
      if (CPT_SHAPED_RE.test(r.HCPCS.trim()) && r.DESCRIPTION.trim()) set.add(r.DESCRIPTION.trim().toLowerCase());
    }
  }
  const dir = join(rawDir, 'cms-opps-addendum-b');
  for (const f of readdirSync(dir).filter((f) => /^opps_addendum_b_.*\.csv$/.test(f))) {
    for (const r of readCsvObjects(join(dir, f), { encoding: 'cp1252' }).records) {
      const code = r.HCPCSCode.replace(/[\s\u00a0]/g, '');
      if (CPT_SHAPED_RE.test(code) && r.ShortDescriptor.trim()) set.add(r.ShortDescriptor.trim().toLowerCase());
    }
  }
  return set;
}

/** Checks the schema cannot express: columnar widths. */
function structuralChecks(pack) {
  const errs = [];
  if (pack.opps) {
    const n = pack.opps.quarters.length;
    for (const [code, row] of Object.entries(pack.opps.status)) {
      if (row.length !== n) errs.push(`opps.status.${code}: ${row.length} entries for ${n} quarters`);
      if (row.every((x) => x === null)) errs.push(`opps.status.${code}: no quarter has a value`);
    }
    if ([...pack.opps.quarters].sort().join() !== pack.opps.quarters.join()) errs.push('opps.quarters: not sorted');
  }
  if (pack.pfs) {
    const n = pack.pfs.columns.length;
    for (const [code, row] of Object.entries(pack.pfs.rows)) {
      if (row.length !== n) errs.push(`pfs.rows.${code}: ${row.length} values for ${n} columns`);
    }
  }
  return errs.slice(0, 20);
}

function main() {
  const rawDir = locateRaw();
  const seedFile = locateSeed();
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const notes = [];

  const opps = buildOppsPack(rawDir, notes);
  const pfs = buildPfsPack(rawDir, notes);
  const hcpcs = buildHcpcsPack(rawDir, notes);
  const seed = buildSeedPack(seedFile, notes);

  /** [file name, pack, pretty] */
  const outputs = [
    ['seed-64866.cptlens-pack.json', seed, true],
    ['hcpcs-2025-10.cptlens-pack.json', hcpcs, false],
    ['cpt-modifiers.cptlens-pack.json', buildCptModifiersPack(notes), true],
    ['place-of-service.cptlens-pack.json', buildPosPack(rawDir, notes), true],
    ['cpt-sections.cptlens-pack.json', buildSectionsPack(rawDir, notes), true],
    ['opps-addendum-b.cptlens-pack.json', opps.pack, false],
    ['pfs-indicators-2025-10.cptlens-pack.json', pfs.pack, false],
  ];

  // Cross-checks between sources (reported, not fatal).
  const lastQ = opps.quarters.length - 1;
  const oppsLatest = [...opps.status].filter(([, row]) => row[lastQ] !== null).map(([c]) => c);
  const inPfs = new Set(pfs.rows.keys());
  const oppsNotPfs = oppsLatest.filter((c) => !inPfs.has(c));
  const oppsLatestSet = new Set(oppsLatest);
  const pfsNotOpps = [...inPfs].filter((c) => !oppsLatestSet.has(c));
  const hcpcsActive = [...hcpcs.codes].filter(([, r]) => r.status === 'active').map(([c]) => c);
  const hcpcsNotOpps = hcpcsActive.filter((c) => !oppsLatestSet.has(c));
  const hcpcsCodes = new Set(hcpcs.codes.keys());
  const levelIIOppsNotHcpcs = oppsLatest.filter((c) => /^[A-Z]/.test(c) && !hcpcsCodes.has(c));
  const head = (list) => `${list.length}${list.length ? ` (e.g. ${list.slice(0, 8).join(', ')})` : ''}`;
  notes.push(
    `cross: codes in OPPS ${opps.quarters[lastQ]} but not in PFS 2025-10: ${head(oppsNotPfs)}`,
    `cross: codes in PFS 2025-10 but not in OPPS ${opps.quarters[lastQ]}: ${head(pfsNotOpps)}`,
    `cross: active HCPCS II codes (2025-10) not in OPPS ${opps.quarters[lastQ]}: ${head(hcpcsNotOpps)}`,
    `cross: Level II codes in OPPS ${opps.quarters[lastQ]} not in the HCPCS 2025-10 file: ${head(levelIIOppsNotHcpcs)}`,
  );
  for (const code of seed.codes.keys()) {
    const row = opps.status.get(code);
    notes.push(
      `cross: seed ${code} OPPS SI by quarter: ${row ? opps.quarters.map((q, i) => `${q}=${row[i] ?? '-'}`).join(' ') : 'absent'}; ` +
        `PFS: ${pfs.rows.get(code)?.join('/') ?? 'absent'}`,
    );
  }

  // Write, then validate what is on disk.
  mkdirSync(packsDir, { recursive: true });
  const cptText = cptDescriptors(rawDir);
  const summary = [];
  let total = 0;
  const problems = [];
  for (const [name, pack, pretty] of outputs) {
    const text = stringify(pack, { pretty });
    const file = join(packsDir, name);
    writeFileSync(file, text);
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    const errors = [...validate(parsed, schema), ...structuralChecks(parsed)];
    if (errors.length) problems.push(`${name} does not match data/pack.schema.json:\n    ${errors.join('\n    ')}`);
    if (`${parsed.id}.cptlens-pack.json` !== name) problems.push(`${name}: id "${parsed.id}" does not match the file name`);
    if (name !== 'seed-64866.cptlens-pack.json') {
      // Text on CPT-shaped codes, OPPS, PFS, sections and CPT modifiers must not repeat a CPT
      // short descriptor. (HCPCS Level II text is CMS's own, even where CMS reused CPT wording.)
      const guarded = [
        Object.entries(parsed.codes ?? {}).filter(([c]) => CPT_SHAPED_RE.test(c)),
        parsed.opps,
        parsed.pfs,
        parsed.sections,
        Object.values(parsed.modifiers ?? {}).filter((m) => m.kind === 'CPT'),
      ];
      const leaked = [...new Set(strings(guarded))].filter((s) => cptText.has(s.toLowerCase()));
      if (leaked.length) problems.push(`${name}: holds text equal to CPT short descriptors: ${leaked.slice(0, 10).map((s) => JSON.stringify(s)).join(', ')}`);
    }
    const bytes = Buffer.byteLength(text);
    total += bytes;
    const count =
      (parsed.codes ? Object.keys(parsed.codes).length : 0) ||
      (parsed.opps ? Object.keys(parsed.opps.status).length : 0) ||
      (parsed.pfs ? Object.keys(parsed.pfs.rows).length : 0) ||
      (parsed.placesOfService ? Object.keys(parsed.placesOfService).length : 0) ||
      (parsed.sections ? parsed.sections.length : 0) ||
      0;
    const what = parsed.codes
      ? 'codes'
      : parsed.opps
        ? 'codes'
        : parsed.pfs
          ? 'codes'
          : parsed.placesOfService
            ? 'places'
            : parsed.sections
              ? 'ranges'
              : 'entries';
    const mods = parsed.modifiers ? Object.keys(parsed.modifiers).length : 0;
    summary.push({
      name,
      count: count ? `${count} ${what}` : '',
      modifiers: mods ? `${mods} modifiers` : '',
      bytes,
      sha256: createHash('sha256').update(text).digest('hex').slice(0, 16),
    });
  }

  const produced = new Set(outputs.map(([n]) => n));
  const stale = readdirSync(packsDir).filter((f) => f.endsWith('.cptlens-pack.json') && !produced.has(f));

  console.log(`raw:  ${rawDir}`);
  console.log(`seed: ${seedFile}`);
  console.log(`out:  ${relative(process.cwd(), packsDir) || '.'}`);
  console.log('');
  for (const n of notes) console.log(`  ${n}`);
  console.log('');
  const w = Math.max(...summary.map((s) => s.name.length));
  for (const s of summary) {
    console.log(
      `  ${s.name.padEnd(w)}  ${String(s.bytes).padStart(9)} B  ${s.sha256}  ${[s.count, s.modifiers].filter(Boolean).join(', ')}`,
    );
  }
  console.log(`  ${'total'.padEnd(w)}  ${String(total).padStart(9)} B  (limit ${MAX_TOTAL_BYTES} B)`);
  if (stale.length) console.log(`\n  warning: packs in data/packs not produced by this build: ${stale.join(', ')}`);

  if (total > MAX_TOTAL_BYTES) problems.push(`data/packs totals ${total} bytes, over the ${MAX_TOTAL_BYTES}-byte budget`);
  if (problems.length) fail(`\n  ${problems.join('\n  ')}`);
}

try {
  main();
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
