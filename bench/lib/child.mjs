// In-process measurements, each run in a fresh Node process started by bench/run.mjs with
// --expose-gc:  node --expose-gc bench/lib/child.mjs SECTION OUT.json [options as JSON]
// Sections:
//   check    full check (engine.check) of each input against the floor and the format parse,
//            then the incremental re-check of one edited CSV row against the full check
//   latency  hover and completion with every bundled pack plus the imported PFS RVU file
//   startup  one cold start: require the engine, load the bundled packs, construct the Engine, heap
//   rawload  the start-up baseline: read and JSON.parse the same pack files, heap
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { INPUTS } from './inputs.mjs';
import { latency, rng, summarize } from './stats.mjs';
import { ROOT } from './util.mjs';

const require = createRequire(import.meta.url);
const [section, outFile, optionsJson] = process.argv.slice(2);
const options = optionsJson ? JSON.parse(optionsJson) : {};
const ENGINE_BUNDLE = path.join(ROOT, 'out', 'bench', 'engine.cjs');
const RVU_FILE = path.resolve(ROOT, '..', 'shared', 'data', 'raw', 'cms-pfs-rvu', 'PPRRVU2025_Oct.csv');

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const gc = () => { globalThis.gc(); globalThis.gc(); };
const now = () => performance.now();
const log = (msg) => process.stderr.write(`  ${msg}\n`);

/** Code-shaped tokens with no context at all: the floor of any recognizer. */
const FLOOR_RE = /\b(?:\d{4}[0-9FTUMA]|[A-V]\d{4})\b/g;
function floorPass(text) {
  FLOOR_RE.lastIndex = 0;
  let n = 0;
  while (FLOOR_RE.exec(text)) n++;
  return n;
}

/** The format's own parse, a second baseline: papaparse for CSV, JSON.parse for FHIR, a segment/element split for X12. */
function formatParse(kind, text, Papa) {
  if (kind === 'csv') return Papa.parse(text, { header: false, skipEmptyLines: false }).data.length;
  if (kind === 'fhir') return JSON.parse(text).entry.length;
  let n = 0;
  for (const segment of text.split('~')) n += segment.split('*').length;
  return n;
}
const PARSE_LABEL = { csv: 'papaparse', fhir: 'JSON.parse', x12: "split('~')/split('*')" };
const FILE_NAMES = { csv: 'charges.csv', x12: 'claims.837p', fhir: 'bundle.json' };

async function loadEngineModule() {
  return require(ENGINE_BUNDLE);
}

async function bundledEngine(m, extra = []) {
  const { packs, errors } = await m.loadPacks(m.bundledPackFiles(ROOT));
  if (errors.length) throw new Error(`pack errors: ${errors.map((e) => e.message).join('; ')}`);
  return new m.Engine([...packs, ...extra]);
}

// ---------------------------------------------------------------------------------------------
async function sectionCheck() {
  const m = await loadEngineModule();
  const Papa = require('papaparse');
  const engine = await bundledEngine(m);
  const runs = options.runs ?? 5;
  const warmup = options.warmup ?? 1;
  const out = { inputs: {} };
  for (const kind of ['csv', 'x12', 'fhir']) {
    const file = INPUTS[kind];
    const bytes = fs.statSync(file).size;
    let text = fs.readFileSync(file, 'utf8');
    const samples = { check: [], floor: [], parse: [] };
    let counts;
    // Rounds interleave the three, so that a slower spell of the machine hits all of them.
    for (let r = 0; r < warmup + runs; r++) {
      gc();
      let t = now();
      const floorMatches = floorPass(text);
      const floorMs = now() - t;
      gc();
      t = now();
      const parsed = formatParse(kind, text, Papa);
      const parseMs = now() - t;
      gc();
      t = now();
      const result = engine.check(text, { fileName: FILE_NAMES[kind] });
      const checkMs = now() - t;
      counts = { occurrences: result.occurrences.length, findings: result.findings.length, floorMatches, parsed };
      if (r >= warmup) {
        samples.floor.push(floorMs);
        samples.parse.push(parseMs);
        samples.check.push(checkMs);
      }
      log(`${kind} round ${r + 1}${r < warmup ? ' (warm-up)' : ''}: check ${checkMs.toFixed(0)} ms, floor ${floorMs.toFixed(0)} ms, ${PARSE_LABEL[kind]} ${parseMs.toFixed(0)} ms`);
    }
    out.inputs[kind] = {
      file: path.relative(ROOT, file),
      bytes,
      counts,
      parseLabel: PARSE_LABEL[kind],
      check: summarize(samples.check),
      floor: summarize(samples.floor),
      parse: summarize(samples.parse),
      samples,
    };
    if (kind === 'csv') out.incremental = incremental(m, engine, text, out.inputs.csv.check.median, options.incrementalIterations ?? 300);
    text = undefined;
    gc();
  }
  return out;
}

/** Splits one CSV row (no line breaks inside quotes in this file) into [start, end) cell offsets. */
function cellOffsets(row) {
  const cells = [];
  let i = 0;
  while (i <= row.length) {
    const start = i;
    if (row[i] === '"') {
      i++;
      while (i < row.length && !(row[i] === '"' && row[i + 1] !== '"')) i += row[i] === '"' ? 2 : 1;
      i++;
    }
    while (i < row.length && row[i] !== ',') i++;
    cells.push([start, i]);
    i++;
  }
  return cells;
}

/**
 * Incremental re-check of one edited row of the 100,000-row CSV. What exists today: the recognizer's
 * row path (analyzeCsv once, then recognizeCsvRows for the changed rows with the kept header context),
 * and the rules on those occurrences (engine.findings). Neither the Engine nor the extension offers an
 * incremental check yet: the extension re-recognizes the whole document on every version.
 */
function incremental(m, engine, text, fullCheckMs, iterations) {
  const { analyzeCsv, recognizeCsvRows } = m.recognizeModule;
  const lines = new m.LineIndex(text);
  const ctx = analyzeCsv(text, engine);
  const codeColumn = ctx.codeColumns[0];
  // The edit: the code cell of the first row with a 5-character code from the middle of the file on.
  let line = Math.floor(lines.lineCount / 2);
  let start;
  let end;
  let cell;
  for (; line < lines.lineCount; line++) {
    start = lines.lineStart(line);
    end = lines.lineEnd(line);
    const cells = cellOffsets(text.slice(start, end));
    const c = cells[codeColumn];
    if (c && /^[0-9A-Z]{5}$/.test(text.slice(start + c[0], start + c[1]))) {
      cell = c;
      break;
    }
  }
  if (cell === undefined) throw new Error('no row with a code in the CSV');
  const oldCode = text.slice(start + cell[0], start + cell[1]);
  const newCode = oldCode === '64866' ? '99213' : '64866';
  // Same length: the line starts of the old text hold for the new one.
  const newText = text.slice(0, start + cell[0]) + newCode + text.slice(start + cell[1]);
  const rowEnd = lines.lineStart(line + 1);
  const rowPath = (lineIndex) => {
    const occurrences = recognizeCsvRows(newText, ctx, engine, lineIndex, start, rowEnd);
    const findings = engine.findings(occurrences, newText, {}, lineIndex);
    return { occurrences, findings };
  };
  // Correctness: the row path gives what a full check of the edited text gives on that row.
  const full = engine.check(newText, { fileName: 'charges.csv' });
  const fullRow = full.occurrences.filter((o) => o.range.startLine === line).map((o) => o.code).join(' ');
  const rowOnly = rowPath(lines);
  const agree = rowOnly.occurrences.map((o) => o.code).join(' ') === fullRow &&
    rowOnly.findings.length === full.findings.filter((f) => f.range.startLine === line).length;
  const rowSamples = [];
  const withIndexSamples = [];
  for (let i = 0; i < 20; i++) rowPath(lines);
  for (let i = 0; i < iterations; i++) {
    let t = now();
    rowPath(lines);
    rowSamples.push(now() - t);
  }
  // A general edit (one that changes lengths or lines) also needs a new LineIndex of the whole text
  // today: there is no way to patch one.
  for (let i = 0; i < 5; i++) {
    const t = now();
    rowPath(new m.LineIndex(newText));
    withIndexSamples.push(now() - t);
  }
  const row = latency(rowSamples);
  const withIndex = summarize(withIndexSamples);
  log(`incremental: row path p50 ${row.p50.toFixed(3)} ms, with a new LineIndex ${withIndex.median.toFixed(1)} ms; full check ${fullCheckMs.toFixed(0)} ms; agrees with a full check: ${agree}`);
  return {
    status: 'partial',
    note: 'no incremental check API in the Engine or the extension yet (the extension re-recognizes the whole document per version); measured: the recognizer row path that exists (analyzeCsv context kept, recognizeCsvRows on the edited row, engine.findings on its occurrences)',
    edit: { line: line + 1, from: oldCode, to: newCode },
    agreesWithFullCheck: agree,
    occurrencesOnRow: rowOnly.occurrences.length,
    rowPath: row,
    rowPathWithNewLineIndex: withIndex,
    fullCheckMs,
  };
}

// ---------------------------------------------------------------------------------------------
/** Position inside a range, as vscode.Range.contains(position) decides it. */
function contains(r, line, character) {
  if (line < r.startLine || line > r.endLine) return false;
  if (line === r.startLine && character < r.startCharacter) return false;
  if (line === r.endLine && character > r.endCharacter) return false;
  return true;
}
const commandUri = (command, args) => `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;

/** What src/extension/hover.ts does for a position, minus the vscode objects. */
function hover(m, engine, occurrences, line, character) {
  for (const o of occurrences) {
    const modifier = o.modifiers.find((mo) => contains(mo.range, line, character));
    if (modifier) return `modifier ${modifier.code}`;
    if (!contains(o.range, line, character)) continue;
    const card = engine.card(o.code, { dateOfService: o.facts.dateOfService, modifiersWritten: o.modifiers.map((mo) => mo.code) });
    if (!card) return undefined;
    const args = { code: o.code, dateOfService: o.facts.dateOfService, modifiers: o.modifiers.map((mo) => mo.code) };
    return m.cardToMarkdown(card, { links: { details: commandUri('cptLens.showCard', args), copy: commandUri('cptLens.copyCode', { code: o.code }) } });
  }
  return undefined;
}

/** The hover baseline: the same occurrence scan, then the raw pack entries of the code dumped as JSON. */
function hoverBaseline(rawIndex, occurrences, line, character) {
  for (const o of occurrences) {
    if (!contains(o.range, line, character)) continue;
    return JSON.stringify(rawIndex.get(o.code) ?? null);
  }
  return undefined;
}

function timeLoop(fn, warmup, iterations) {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const t = now();
    fn(i);
    samples.push(now() - t);
  }
  return latency(samples);
}

async function sectionLatency() {
  const m = await loadEngineModule();
  const extra = [];
  const out = {};
  if (fs.existsSync(RVU_FILE)) {
    const bytes = fs.readFileSync(RVU_FILE);
    const t = now();
    const { pack, summary } = m.importModule.importData(bytes, RVU_FILE);
    out.rvu = { file: path.relative(ROOT, RVU_FILE), importMs: now() - t, codes: summary.codes, format: summary.format };
    extra.push(pack);
  } else {
    out.rvu = { missing: path.relative(ROOT, RVU_FILE) };
  }
  let t = now();
  const engine = await bundledEngine(m, extra);
  out.loadMs = now() - t;
  const packs = [...(await m.loadPacks(m.bundledPackFiles(ROOT))).packs, ...extra];
  out.packs = packs.map((p) => p.id);
  // Raw entries per code, for the baselines.
  const rawIndex = new Map();
  const add = (code, what, v) => {
    let e = rawIndex.get(code);
    if (!e) rawIndex.set(code, (e = {}));
    e[what] = v;
  };
  for (const p of packs) {
    for (const [c, v] of Object.entries(p.codes ?? {})) add(c, `${p.id}:codes`, v);
    for (const [c, v] of Object.entries(p.pfs?.rows ?? {})) add(c, `${p.id}:pfs`, v);
    for (const [c, v] of Object.entries(p.opps?.status ?? {})) add(c, `${p.id}:opps`, v);
  }
  // The document: the 100,000-row CSV, recognized once (the extension caches per version).
  const text = fs.readFileSync(INPUTS.csv, 'utf8');
  const occurrences = engine.recognize(text, { fileName: 'charges.csv' });
  const random = rng(8);
  const positions = Array.from({ length: 512 }, () => {
    const o = occurrences[Math.floor(random() * occurrences.length)];
    return [o.range.startLine, o.range.startCharacter + ((o.range.endCharacter - o.range.startCharacter) >> 1)];
  });
  const iterations = options.hoverIterations ?? 2000;
  t = now();
  const first = hover(m, engine, occurrences, ...positions[0]);
  out.hoverFirstMs = now() - t;
  if (!first || !first.includes('**')) throw new Error('hover returned no card');
  out.hover = timeLoop((i) => hover(m, engine, occurrences, ...positions[i % positions.length]), 200, iterations);
  out.hoverBaseline = timeLoop((i) => hoverBaseline(rawIndex, occurrences, ...positions[i % positions.length]), 200, iterations);
  // Where the hover's time goes: finding the occurrence (a linear scan, as hover.ts does) vs the card.
  const hit = positions.map(([line, character]) => occurrences.find((o) => contains(o.range, line, character)));
  out.hoverScanOnly = timeLoop((i) => occurrences.find((o) => contains(o.range, ...positions[i % positions.length])), 50, Math.min(iterations, 500));
  out.hoverCardOnly = timeLoop((i) => {
    const o = hit[i % hit.length];
    const card = engine.card(o.code, { dateOfService: o.facts.dateOfService, modifiersWritten: o.modifiers.map((mo) => mo.code) });
    return card && m.cardToMarkdown(card);
  }, 50, Math.min(iterations, 500));
  out.hoverDocument = { file: path.relative(ROOT, INPUTS.csv), occurrences: occurrences.length, positions: positions.length };
  // Completion: the prefix index and the word index, first call (builds the index) and warm.
  const codes = [...engine.catalog.codes()];
  const described = [];
  for (const [code, e] of rawIndex) {
    const texts = Object.values(e).map((v) => (v && typeof v === 'object' ? [v.shortDescriptor, v.longDescriptor].filter(Boolean).join(' ') : '')).join(' ').toLowerCase();
    if (texts.trim()) described.push([code, texts]);
  }
  const naivePrefix = (p) => codes.filter((c) => c.startsWith(p)).slice(0, 200);
  const naiveSearch = (q) => {
    const words = q.toLowerCase().split(/\s+/);
    return described.filter(([, s]) => words.every((w) => s.includes(w))).slice(0, 20).map(([c]) => c);
  };
  const completionIterations = options.completionIterations ?? 500;
  out.completion = [];
  const ops = [
    { name: "prefix('6486')", run: () => engine.search.prefix('6486', 200), base: () => naivePrefix('6486'), baseLabel: 'linear startsWith scan' },
    { name: "prefix('J1')", run: () => engine.search.prefix('J1', 200), base: () => naivePrefix('J1'), baseLabel: 'linear startsWith scan' },
    { name: "search('facial nerve anastomosis')", run: () => engine.search.search('facial nerve anastomosis'), base: () => naiveSearch('facial nerve anastomosis'), baseLabel: 'linear substring scan' },
  ];
  for (const op of ops) {
    t = now();
    const result = op.run();
    const firstMs = now() - t;
    const hits = result.length;
    out.completion.push({
      name: op.name,
      firstMs,
      hits,
      top: result.slice(0, 3).map((h) => (typeof h === 'string' ? h : h.code)),
      stats: timeLoop(op.run, 20, completionIterations),
      baseline: timeLoop(op.base, 5, Math.max(20, completionIterations / 5)),
      baselineLabel: op.baseLabel,
    });
  }
  gc();
  out.heapUsedWithRvu = process.memoryUsage().heapUsed;
  log(`hover p50 ${out.hover.p50.toFixed(3)} ms p99 ${out.hover.p99.toFixed(3)} ms; ` +
    out.completion.map((c) => `${c.name} p99 ${c.stats.p99.toFixed(3)} ms`).join('; '));
  return out;
}

// ---------------------------------------------------------------------------------------------
async function sectionStartup() {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let t = now();
  const m = require(ENGINE_BUNDLE);
  const requireMs = now() - t;
  gc();
  const heapModule = process.memoryUsage().heapUsed;
  t = now();
  const { packs, errors } = await m.loadPacks(m.bundledPackFiles(ROOT));
  const loadMs = now() - t;
  t = now();
  const engine = new m.Engine(packs);
  const engineMs = now() - t;
  gc();
  const heapLoaded = process.memoryUsage().heapUsed;
  // Keep them reachable until measured.
  if (!engine.knows('64866') || errors.length) throw new Error('the bundled data did not load');
  return { requireMs, loadMs, engineMs, totalMs: loadMs + engineMs, heapBefore, heapModule, heapLoaded, heapDelta: heapLoaded - heapModule, packs: packs.length };
}

async function sectionRawLoad() {
  const { BUNDLED_PACKS } = require(ENGINE_BUNDLE);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t = now();
  const parsed = await Promise.all(BUNDLED_PACKS.map(async (name) => JSON.parse(await fs.promises.readFile(path.join(ROOT, 'data', 'packs', name), 'utf8'))));
  const loadMs = now() - t;
  gc();
  const heapLoaded = process.memoryUsage().heapUsed;
  const bytes = BUNDLED_PACKS.reduce((n, name) => n + fs.statSync(path.join(ROOT, 'data', 'packs', name)).size, 0);
  if (parsed.length !== BUNDLED_PACKS.length) throw new Error('unreachable');
  return { loadMs, heapDelta: heapLoaded - heapBefore, bytes, files: BUNDLED_PACKS.length };
}

const SECTIONS = { check: sectionCheck, latency: sectionLatency, startup: sectionStartup, rawload: sectionRawLoad };
const result = await SECTIONS[section]();
fs.writeFileSync(outFile, JSON.stringify(result));
