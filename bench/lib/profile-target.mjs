// The profiled process of bench/profile.mjs (run under `node --cpu-prof`): loads the engine, checks
// the input once to warm up, then checks it RUNS more times, and writes the hrtime window of those
// checks so that the analysis keeps only their samples.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { INPUTS } from './inputs.mjs';
import { ROOT } from './util.mjs';

const [kind, windowFile, runs = '3'] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const m = require(path.join(ROOT, 'out', 'bench', 'engine.cjs'));
if (kind === 'startup') {
  // Cold start instead: loading the bundled packs and constructing the Engine, once.
  const start = process.hrtime.bigint();
  const t0 = performance.now();
  const { packs } = await m.loadPacks(m.bundledPackFiles(ROOT));
  const engine = new m.Engine(packs);
  const ms = performance.now() - t0;
  const end = process.hrtime.bigint();
  if (!engine.knows('64866')) throw new Error('no data');
  const bytes = m.BUNDLED_PACKS.reduce((n, f) => n + fs.statSync(path.join(ROOT, 'data', 'packs', f)).size, 0);
  fs.writeFileSync(windowFile, JSON.stringify({ startUs: Number(start / 1000n), endUs: Number(end / 1000n), runs: 1, ms, bytes, what: 'loadPacks + new Engine' }));
  process.exit(0);
}
const { packs } = await m.loadPacks(m.bundledPackFiles(ROOT));
const engine = new m.Engine(packs);
const text = fs.readFileSync(INPUTS[kind], 'utf8');
const fileName = { csv: 'charges.csv', x12: 'claims.837p', fhir: 'bundle.json' }[kind];
engine.check(text, { fileName });
const start = process.hrtime.bigint();
const t0 = performance.now();
for (let i = 0; i < Number(runs); i++) engine.check(text, { fileName });
const ms = performance.now() - t0;
const end = process.hrtime.bigint();
fs.writeFileSync(windowFile, JSON.stringify({ startUs: Number(start / 1000n), endUs: Number(end / 1000n), runs: Number(runs), ms, bytes: Buffer.byteLength(text) }));
