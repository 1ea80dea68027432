#!/usr/bin/env node
// `npm run bench`: the benchmark (not a test). See bench/README.md.
//
//   node bench/run.mjs [--quick] [--skip=peer,package,activation,...] [--kinds=csv,x12,fhir] [--full-peer] [--profile-editing] [--out=FILE]
//   (--skip takes check, incremental, latency, startup, package, activation, editing, peer; --kinds limits the full check's inputs)
//   (--profile-editing: CPU-profiles the extension host during the keystrokes into out/bench/profiles/ and says whose work the time was)
//
// Builds (esbuild: dist/ like `npm run build`, plus out/bench/engine.cjs, the engine bundled from
// src/ for in-process measurements), generates the inputs from the real samples into bench/inputs/
// (git-ignored), runs every measurement after a warm-up several times, and prints a table plus
// bench/results.json: median and spread, each figure's ratio against a baseline measured in the same
// run, the targets of issue 8, the machine and the commit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildEngineBundle } from './lib/build.mjs';
import { ensureInputs, INPUTS, PEER_INPUTS } from './lib/inputs.mjs';
import { summarize } from './lib/stats.mjs';
import { BENCH_DIR, ROOT, SAMPLES_DIR } from './lib/util.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const skip = new Set((value('skip') ?? '').split(',').filter(Boolean));
const quick = flag('quick');
const OUT = path.resolve(value('out') ?? path.join(BENCH_DIR, 'results.json'));
const BUDGET_MS = 5 * 60_000;
const started = Date.now();
const elapsed = () => Date.now() - started;
const log = (msg) => process.stderr.write(`[bench ${(elapsed() / 1000).toFixed(0).padStart(3)} s] ${msg}\n`);
const now = () => performance.now();

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts });
  return r;
}

function machine() {
  const cpus = os.cpus();
  const git = (args) => sh('git', args).stdout?.trim();
  return {
    date: new Date().toISOString(),
    commit: git(['rev-parse', 'HEAD']),
    dirty: !!git(['status', '--porcelain', '--untracked-files=no', '--', 'src', 'data/packs', 'scripts', 'package.json']),
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model,
    availableParallelism: os.availableParallelism?.(),
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadAverageAtStart: os.loadavg().map((x) => +x.toFixed(2)),
  };
}

/** Runs a section of bench/lib/child.mjs in a fresh `node --expose-gc` and returns its JSON. */
function child(section, options = {}) {
  const out = path.join(os.tmpdir(), `cpt-lens-bench-${process.pid}-${section}-${Math.random().toString(36).slice(2)}.json`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', path.join(BENCH_DIR, 'lib', 'child.mjs'), section, out, JSON.stringify(options)], {
    cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`bench section ${section} failed (exit ${r.status ?? r.signal})`);
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  return result;
}

/** Wall time of a whole process; stdout to a file so the pipe does not count. */
function timeProcess(cmd, args, okCodes) {
  const outFile = path.join(os.tmpdir(), `cpt-lens-bench-${process.pid}-proc.out`);
  const fd = fs.openSync(outFile, 'w');
  const t = now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = now() - t;
  fs.closeSync(fd);
  const stdout = fs.readFileSync(outFile, 'utf8');
  fs.rmSync(outFile, { force: true });
  if (!okCodes.includes(r.status)) throw new Error(`${path.basename(args[0] ?? cmd)} exited ${r.status ?? r.signal}: ${(r.stderr || stdout).slice(0, 2000)}`);
  return { ms, status: r.status, stdout, stderr: r.stderr };
}

// ---------------------------------------------------------------------------------------------
if (value('render')) {
  // Prints the table of an earlier results.json again (after a change to the table's layout).
  const earlier = JSON.parse(fs.readFileSync(value('render'), 'utf8'));
  earlier.rows = tableRows(earlier);
  earlier.table = renderTable(earlier);
  process.stdout.write(`${earlier.table}\n\n${renderFacts(earlier)}\n`);
  process.exit(0);
}
const results = { machine: machine(), options: { quick, skip: [...skip] }, sections: {}, pending: {} };
/** Writes what is measured so far, so that a failure later keeps it. */
const save = () => fs.writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');

log('building: node scripts/build.mjs (dist/) and out/bench/engine.cjs');
{
  const r = sh(process.execPath, ['scripts/build.mjs']);
  if (r.status !== 0) throw new Error(`node scripts/build.mjs failed:\n${r.stderr}`);
  await buildEngineBundle();
}
log(`inputs from ${path.relative(ROOT, SAMPLES_DIR) || SAMPLES_DIR} into bench/inputs/`);
results.inputs = ensureInputs({ log });

// Full check + floor + format parse, and the incremental row path.
if (!skip.has('check')) {
  log('full check of each input (engine.check) against the floor and the format parse');
  const kinds = value('kinds')?.split(',').filter(Boolean);
  // Five warm-up rounds: after two, the CSV check still fell from 127 to 65 ms over the timed rounds
  // (code tiering up, the heap settling to its working size). Nine timed rounds: on this VM a
  // process's speed changes within minutes.
  results.sections.check = child('check', { runs: quick ? 3 : 9, warmup: quick ? 1 : 5, incrementalIterations: quick ? 5 : 10, kinds, incremental: !skip.has('incremental') });
}

save();

// Hover and completion latency.
if (!skip.has('latency')) {
  log('hover and completion latency (bundled packs + PFS RVU)');
  results.sections.latency = child('latency', { hoverIterations: quick ? 500 : 2000, completionIterations: quick ? 100 : 300 });
}

save();

// Start-up: fresh processes, alternating the engine and the raw JSON.parse baseline.
if (!skip.has('startup')) {
  const runs = quick ? 3 : 5;
  log(`start-up: ${runs} fresh processes each for the engine and for the raw JSON.parse baseline`);
  const engine = [];
  const raw = [];
  child('startup'); // warm-up: file cache
  // Each engine process then builds completion's search index ahead of use, a slice at a time
  // (Engine.warmSearch, since session 11); as many others build it in one go, the baseline.
  const whole = [];
  for (let i = 0; i < runs; i++) {
    engine.push(child('startup', { searchIndex: 'sliced' }));
    raw.push(child('rawload'));
    whole.push(child('startup', { searchIndex: 'whole' }).searchIndex);
  }
  results.sections.startup = {
    loadAndEngineMs: summarize(engine.map((r) => r.totalMs)),
    loadPacksMs: summarize(engine.map((r) => r.loadMs)),
    engineConstructorMs: summarize(engine.map((r) => r.engineMs)),
    requireMs: summarize(engine.map((r) => r.requireMs)),
    heapLoadedBytes: summarize(engine.map((r) => r.heapLoaded)),
    heapDeltaBytes: summarize(engine.map((r) => r.heapDelta)),
    rawLoadMs: summarize(raw.map((r) => r.loadMs)),
    rawHeapDeltaBytes: summarize(raw.map((r) => r.heapDelta)),
    packBytes: raw[0].bytes,
    packFiles: raw[0].files,
    searchIndexSliced: {
      longestTurnMs: summarize(engine.map((r) => r.searchIndex.longestTurnMs)),
      totalMs: summarize(engine.map((r) => r.searchIndex.totalMs)),
      turns: engine[0].searchIndex.turns,
    },
    searchIndexWholeMs: summarize(whole.map((r) => r.totalMs)),
  };
}

save();

// Sizes: `npm run package` (minified bundle + .vsix).
if (!skip.has('package')) {
  log('package: npm run package');
  const r = sh('npm', ['run', 'package']);
  const vsix = path.join(ROOT, 'cpt-lens.vsix');
  // The extension ships as two bundles: dist/extension.js (activation) and dist/features.js (the engine).
  const bundles = ['extension.js', 'features.js'].map((f) => path.join(ROOT, 'dist', f)).filter((f) => fs.existsSync(f));
  const sizes = { bundleBytes: bundles.reduce((n, f) => n + fs.statSync(f).size, 0), bundleFiles: bundles.map((f) => path.basename(f)), bundleMinified: true };
  if (r.status === 0 && fs.existsSync(vsix)) {
    sizes.vsixBytes = fs.statSync(vsix).size;
    sizes.vsixFrom = 'npm run package';
  } else {
    // The same package with the README's relative image links resolved against a placeholder URL.
    const reason = `${r.stdout}\n${r.stderr}`.split('\n').find((l) => /ERROR/.test(l))?.trim() ?? `exit ${r.status}`;
    const alt = path.join(ROOT, 'out', 'bench', 'cpt-lens.vsix');
    const r2 = sh(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', alt,
      '--baseContentUrl', 'https://example.invalid/cpt-lens', '--baseImagesUrl', 'https://example.invalid/cpt-lens']);
    if (r2.status === 0) {
      sizes.vsixBytes = fs.statSync(alt).size;
      sizes.vsixFrom = `vsce package with --baseContentUrl/--baseImagesUrl (npm run package failed: ${reason})`;
    } else {
      results.pending.vsix = `npm run package failed: ${reason}`;
    }
    sizes.packageError = reason;
  }
  results.sections.sizes = sizes;
}

save();

// Without the package step, the windows below load dist/ as `npm run build` makes it from the tree.
if (skip.has('package') && !(skip.has('activation') && skip.has('editing'))) sh(process.execPath, ['scripts/build.mjs']);

// Activation in a real VS Code (code-server + Chromium), with the minified bundle the .vsix ships.
if (!skip.has('activation')) {
  const { measureActivation } = await import('./lib/activation.mjs');
  const runs = quick ? 2 : 3;
  log(`activation: ${runs} windows of code-server (VS Code 1.100.3) through test/harness/`);
  // Stop opening windows (15-30 s each) when the peer comparison after them (about 1-2 minutes)
  // would no longer fit in the 5 minutes.
  const a = await measureActivation({ runs, log, deadline: started + BUDGET_MS - 150_000 });
  results.sections.activation = a;
  if (a.pending) results.pending.activation = a.pending;
}

save();

// Keystrokes in a real VS Code: a row edit of the claim CSV to its next problems.
if (!skip.has('editing')) {
  const { measureEditing } = await import('./lib/editing.mjs');
  log('editing: one window of code-server (VS Code 1.100.3), edit to problems in the claim CSV');
  const e = await measureEditing({ edits: quick ? 8 : 20, log, profileDir: flag('profile-editing') ? path.join(ROOT, 'out', 'bench', 'profiles') : undefined });
  results.sections.editing = e;
  if (e.pending) results.pending.editing = e.pending;
}

save();

// Peer: cspell vs the cpt-lens CLI, whole processes (the CLI as `npm run build` makes it).
if (!skip.has('peer')) {
  if (!skip.has('package')) sh(process.execPath, ['scripts/build.mjs']);
  const files = flag('full-peer') ? INPUTS : PEER_INPUTS;
  const runs = 5;
  const cspell = (file, summary = false) => timeProcess(process.execPath, [
    path.join(ROOT, 'node_modules', 'cspell', 'bin.mjs'), 'lint', '--no-progress', ...(summary ? [] : ['--no-summary']), '--no-cache',
    '--no-config-search', '--no-gitignore', '-c', path.join('bench', 'cspell.bench.json'), path.relative(ROOT, file),
  ], [0, 1]);
  const cptLens = (file) => timeProcess(process.execPath, [path.join(ROOT, 'bin', 'cpt-lens.js'), 'check', path.relative(ROOT, file), '--format', 'json'], [0, 1]);
  log(`peer: cspell vs cpt-lens check, whole processes, ${runs} runs per file (${flag('full-peer') ? 'the full inputs' : 'the ~1 MB peer inputs'})`);
  const tiny = path.join(SAMPLES_DIR, '837p_professional_claim1.txt');
  fs.copyFileSync(tiny, path.join(ROOT, 'bench', 'inputs', 'peer-warmup.txt'));
  const tinyCopy = path.join(ROOT, 'bench', 'inputs', 'peer-warmup.txt');
  // Warm-up (file cache), timed: each tool's start-up on the 2 KB sample, for the notes.
  const startup = { cspell: [cspell(tinyCopy).ms], cptLens: [cptLens(tinyCopy).ms] };
  const peer = { startup: { file: path.relative(ROOT, tiny), cspell: summarize(startup.cspell), cptLens: summarize(startup.cptLens) } };
  for (const [kind, file] of Object.entries(files)) {
    const samples = { cspell: [], cptLens: [] };
    let cspellIssues;
    let cptLensFindings;
    for (let i = 0; i < runs; i++) {
      if (i >= 2 && elapsed() > BUDGET_MS - 40_000) {
        log(`  ${kind}: ${i} runs only, to stay within the time budget`);
        break;
      }
      const c = cspell(file, i === 0);
      if (i === 0) {
        const m = /Files checked: (\d+), Issues found: (\d+)/.exec(c.stdout + c.stderr);
        if (!m || m[1] !== '1') throw new Error(`cspell did not check ${file}: ${(c.stdout + c.stderr).slice(-500)}`);
        cspellIssues = Number(m[2]);
      }
      const l = cptLens(file);
      if (i === 0) cptLensFindings = JSON.parse(l.stdout).length ?? null;
      samples.cspell.push(c.ms);
      samples.cptLens.push(l.ms);
      log(`  ${kind} run ${i + 1}: cspell ${c.ms.toFixed(0)} ms, cpt-lens ${l.ms.toFixed(0)} ms`);
    }
    peer[kind] = {
      file: path.relative(ROOT, file), bytes: fs.statSync(file).size, cspellIssues, cptLensRows: cptLensFindings,
      cspell: summarize(samples.cspell), cptLens: summarize(samples.cptLens), samples,
    };
  }
  results.sections.peer = peer;
}

save();

// Leave dist/ as `npm run build` makes it.
sh(process.execPath, ['scripts/build.mjs']);

// ---------------------------------------------------------------------------------------------
results.machine.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(2));
results.totalSeconds = +(elapsed() / 1000).toFixed(1);
results.rows = tableRows(results);
results.table = renderTable(results);
fs.writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
process.stdout.write(`\n${results.table}\n`);
process.stdout.write(`\n${renderFacts(results)}\n`);
log(`done in ${results.totalSeconds} s; results in ${path.relative(process.cwd(), OUT)}`);

// ---------------------------------------------------------------------------------------------
function fmtMs(ms) {
  if (ms === undefined || Number.isNaN(ms)) return 'n/a';
  if (ms < 0.01) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}
function fmtMB(b) {
  return `${(b / 1e6).toFixed(1)} MB`;
}
function fmtCount(n) {
  return Math.round(n).toLocaleString('en-US');
}
function fmtRatio(x) {
  if (x === undefined || !Number.isFinite(x)) return 'n/a';
  return x >= 100 ? `${x.toFixed(0)}×` : x >= 10 ? `${x.toFixed(1)}×` : x >= 0.1 ? `${x.toFixed(2)}×` : `${x.toPrecision(2)}×`;
}
function spread(s, f = fmtMs) {
  return `${f(s.min)} – ${f(s.max)}`;
}
function mbps(bytes, ms) {
  return `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`;
}

/** One row per figure: what, value, spread, baseline, ratio, target, verdict. */
function tableRows(r) {
  const rows = [];
  const add = (row) => rows.push(row);
  const verdict = (ok) => (ok === undefined ? '' : ok ? 'met' : 'NOT met');
  const c = r.sections.check;
  const names = { csv: 'CSV 100,000 rows', x12: '837P 10,000 claims', fhir: 'FHIR Bundle' };
  if (c) {
    for (const kind of ['csv', 'x12', 'fhir']) {
      const i = c.inputs[kind];
      if (!i) continue;
      const ratio = i.check.median / i.floor.median;
      add({
        figure: `Full check, ${names[kind]} (${fmtMB(i.bytes)})`,
        value: `${fmtMs(i.check.median)} = ${mbps(i.bytes, i.check.median)}`,
        spread: spread(i.check),
        baseline: `floor regex ${fmtMs(i.floor.median)} (${mbps(i.bytes, i.floor.median)})`,
        ratio: fmtRatio(ratio), ratioValue: ratio,
        target: '≤ 3× floor', verdict: verdict(ratio <= 3),
      });
      if (i.returned) {
        const young = i.check.median - i.returned.median;
        add({
          figure: `  of which: until \`check\` returned / the scavenge of what it left young`,
          value: `${fmtMs(i.returned.median)} / ${fmtMs(young)}`, spread: '',
          baseline: '', ratio: fmtRatio(i.returned.median / i.floor.median), ratioValue: i.returned.median / i.floor.median,
          target: '', verdict: '',
        });
      }
      const fresh = c.freshPage?.microsPerFault;
      if (i.faults && fresh) {
        // What the check pays this machine for memory it touches first (its result, copied to fresh
        // pages of V8's heap), and the ratio without it. For reading, not a target: the floor keeps nothing.
        const faultMs = (i.faults.median * fresh) / 1000;
        const rest = (i.check.median - faultMs) / i.floor.median;
        add({
          figure: `  of which: first touches of fresh memory (${fmtCount(i.faults.median)} page faults × ${fresh.toFixed(1)} µs, this machine's cost; the floor: ${fmtCount(i.floorFaults.median)})`,
          value: `≈ ${fmtMs(faultMs)}`, spread: '',
          baseline: `the rest: ${fmtMs(i.check.median - faultMs)}`, ratio: fmtRatio(rest), ratioValue: rest,
          target: '', verdict: '',
        });
      }
      const pr = i.check.median / i.parse.median;
      add({
        figure: `  same, against the format parse`,
        value: '', spread: '',
        baseline: `${i.parseLabel} ${fmtMs(i.parse.median)} (${mbps(i.bytes, i.parse.median)})`,
        ratio: fmtRatio(pr), ratioValue: pr,
        target: kind === 'csv' ? '≤ 1.5× papaparse' : '', verdict: kind === 'csv' ? verdict(pr <= 1.5) : '',
      });
      if (i.walk) {
        add({
          figure: kind === 'fhir'
            ? `  same, against the JSON walk alone (core/recognize/json/walk.ts with no recognizer, and its line index)`
            : `  same, against the segment walk alone (past each segment's indentation, its id, indexOf to its terminator; and the line index)`,
          value: '', spread: '',
          baseline: `${kind === 'fhir' ? 'JSON' : 'segment'} walk ${fmtMs(i.walk.median)} = ${fmtRatio(i.walk.median / i.floor.median)} floor`,
          ratio: fmtRatio(i.check.median / i.walk.median), ratioValue: i.check.median / i.walk.median,
          target: '', verdict: '',
        });
      }
      if (i.scan) {
        const sr = i.check.median / i.scan.median;
        add({
          figure: `  same, against one JS pass over every character`,
          value: '', spread: '',
          baseline: `charCodeAt loop ${fmtMs(i.scan.median)} = ${fmtRatio(i.scan.median / i.floor.median)} floor`,
          ratio: fmtRatio(sr), ratioValue: sr,
          target: '', verdict: '',
        });
      }
    }
    const inc = c.incremental;
    if (inc?.sameLines) {
      const edits = [['same line count (a code replaced)', inc.sameLines], ['line count changes (a row inserted/removed)', inc.newLine]];
      // Since session 5 the full check includes the scavenges of its result; against the time
      // until it returned (what earlier sessions divided by) the ratio is given too.
      const returned = c.inputs.csv?.returned?.median;
      for (const [label, stats] of edits) {
        const ratio = stats.p50 / inc.fullCheckMs;
        add({
          figure: `Incremental: 1 edited CSV row, CheckSession.tryRowEdit, ${label}${inc.agreesWithFullCheck ? '' : ' (DISAGREES with a full check)'}`,
          value: `${fmtMs(stats.p50)} p50`, spread: `p99 ${fmtMs(stats.p99)}`,
          baseline: `full check ${fmtMs(inc.fullCheckMs)}${returned ? ` (${(stats.p50 / returned * 100).toPrecision(2)}% of its ${fmtMs(returned)} until it returned)` : ''}`,
          ratio: `${(ratio * 100).toPrecision(2)}%`, ratioValue: ratio,
          target: '≤ 1% of full', verdict: verdict(ratio <= 0.01 && inc.agreesWithFullCheck),
        });
      }
      const run = inc.longRun;
      if (run) {
        add({
          figure: `Incremental: the slowest of ${run.edits} row edits in a row (the session folds its edits every 256)`,
          value: fmtMs(run.max), spread: `p50 ${fmtMs(run.p50)}, ${run.over10ms} over 10 ms`,
          baseline: `full check ${fmtMs(inc.fullCheckMs)}`,
          ratio: fmtRatio(run.max / inc.fullCheckMs), ratioValue: run.max / inc.fullCheckMs,
          target: '', verdict: '',
        });
      }
    }
  }
  const ve = r.sections.check?.envelopeEdit;
  if (ve) {
    const ratio = ve.sameLines.p50 / ve.fullCheckMs;
    add({
      figure: `Incremental: a control number or a count typed in the 837P's envelope (ISA13, SE01; a full check until session 12)${ve.agreesWithFullCheck ? '' : ' (DISAGREES with a full check)'}`,
      value: `${fmtMs(ve.sameLines.p50)} p50`, spread: `p99 ${fmtMs(ve.sameLines.p99)}`,
      baseline: `full check ${fmtMs(ve.fullCheckMs)}`,
      ratio: `${(ratio * 100).toPrecision(2)}%`, ratioValue: ratio,
      target: '', verdict: ve.agreesWithFullCheck ? '' : 'DISAGREES',
    });
  }
  const le = r.sections.check?.lineBreakEdit;
  if (le) {
    const ratio = le.sameLines.p50 / le.fullCheckMs;
    add({
      figure: `Incremental: Enter typed after a terminator in the middle of the 837P written on one line (${fmtMB(le.bytes)}), and taken out (a full check until session 12)${le.agreesWithFullCheck ? '' : ' (DISAGREES with a full check)'}`,
      value: `${fmtMs(le.sameLines.p50)} p50`, spread: `p99 ${fmtMs(le.sameLines.p99)}`,
      baseline: `full check ${fmtMs(le.fullCheckMs)}`,
      ratio: `${(ratio * 100).toPrecision(2)}%`, ratioValue: ratio,
      target: '', verdict: le.agreesWithFullCheck ? '' : 'DISAGREES',
    });
  }
  const ce = r.sections.check?.claimRowEdit;
  const ee = r.sections.check?.entryEdit;
  const oe = r.sections.check?.oneLineEdit;
  const editsInClaims = [
    [ce, (x) => `1 edited row of a claim CSV (${fmtMB(x.bytes)}, ${x.occurrences.toLocaleString('en-US')} service lines; its claim's rules run again), a code replaced`],
    [ee, (x) => `a code replaced in one entry of the FHIR Bundle (${fmtMB(x.bytes)}; the entry is read again, its claim's rules run again)`],
    [oe, (x) => `a modifier typed in the 837P written on one line (${fmtMB(x.bytes)}; its claim is read again and every later code moves along the line)`],
  ];
  for (const [x, what] of editsInClaims) {
    if (!x) continue;
    const ratio = x.sameLines.p50 / x.fullCheck.median;
    add({
      figure: `Incremental: ${what(x)}${x.agreesWithFullCheck ? '' : ' (DISAGREES with a full check)'}`,
      value: `${fmtMs(x.sameLines.p50)} p50`, spread: `p99 ${fmtMs(x.sameLines.p99)}; the first edit after a full check ${fmtMs(x.firstMs)}`,
      baseline: `full check ${fmtMs(x.fullCheck.median)}`,
      ratio: `${(ratio * 100).toPrecision(2)}%`, ratioValue: ratio,
      target: '', verdict: x.agreesWithFullCheck ? '' : 'DISAGREES',
    });
  }
  const editedFiles = [['the claim CSV', ce], ['the 837P on one line', oe], ['the FHIR Bundle', ee]];
  const completions = editedFiles.filter(([, x]) => x?.completion);
  if (completions.length) {
    add({
      figure: `Completion context at the edit, in the edited file (since session 10): ${completions.map(([name]) => name).join(' / ')}`,
      value: completions.map(([, x]) => fmtMs(x.completion.p50)).join(' / ') + ' p50',
      spread: `p99 ${completions.map(([, x]) => fmtMs(x.completion.p99)).join(' / ')}${completions.every(([, x]) => x.completion.first !== undefined) ? `; first ${completions.map(([, x]) => fmtMs(x.completion.first)).join(' / ')}` : ''}`,
      baseline: `the edited text joined and read whole: ${completions.map(([, x]) => fmtMs(x.completion.wholeText.p50)).join(' / ')}`,
      ratio: completions.map(([, x]) => fmtRatio(x.completion.p50 / x.completion.wholeText.p50)).join(' / '),
      ratioValue: Math.max(...completions.map(([, x]) => x.completion.p50 / x.completion.wholeText.p50)), target: '≤ 10 ms (completion)',
      verdict: completions.every(([, x]) => x.completion.p99 <= 10) ? 'met' : 'NOT met',
    });
  }
  const hovers = editedFiles.filter(([, x]) => x?.hover);
  if (hovers.length) {
    add({
      figure: `Hover right after an edit, in the edited file (since session 10; the edit drops hover's index of far modifiers and places of service): ${hovers.map(([name]) => name).join(' / ')}`,
      value: hovers.map(([, x]) => fmtMs(x.hover.afterEdit.p50)).join(' / ') + ' p50',
      spread: `p99 ${hovers.map(([, x]) => fmtMs(x.hover.afterEdit.p99)).join(' / ')}`,
      baseline: `the next hover at the same place: ${hovers.map(([, x]) => fmtMs(x.hover.again.p50)).join(' / ')}`,
      ratio: hovers.map(([, x]) => fmtRatio(x.hover.afterEdit.p50 / x.hover.again.p50)).join(' / '),
      ratioValue: Math.max(...hovers.map(([, x]) => x.hover.afterEdit.p50 / x.hover.again.p50)), target: '', verdict: '',
    });
  }
  const p = r.sections.peer;
  if (p) {
    for (const kind of ['csv', 'x12', 'fhir']) {
      const i = p[kind];
      if (!i) continue;
      const speedup = i.cspell.median / i.cptLens.median;
      add({
        figure: `Peer: \`cpt-lens check\` process, ${names[kind].split(' ')[0]} ${fmtMB(i.bytes)}`,
        value: fmtMs(i.cptLens.median), spread: spread(i.cptLens),
        baseline: `cspell ${fmtMs(i.cspell.median)} (${spread(i.cspell)})`,
        ratio: `${fmtRatio(speedup)} faster`, ratioValue: speedup,
        target: '≥ 10× faster', verdict: verdict(speedup >= 10),
      });
    }
  }
  const l = r.sections.latency;
  if (l) {
    const hr = l.hover.p99 / l.hoverBaseline.p99;
    add({
      figure: `Hover (${l.hoverDocument.occurrences.toLocaleString('en-US')}-occurrence CSV, all packs + PFS RVU)`,
      value: `p50 ${fmtMs(l.hover.p50)}, p99 ${fmtMs(l.hover.p99)}`, spread: `max ${fmtMs(l.hover.max)}; first ${fmtMs(l.hoverFirstMs)}`,
      baseline: `raw entries as JSON: p99 ${fmtMs(l.hoverBaseline.p99)}`,
      ratio: fmtRatio(hr), ratioValue: hr,
      target: 'p99 ≤ 1 ms', verdict: verdict(l.hover.p99 <= 1),
    });
    if (l.hoverScanOnly && l.hoverCardOnly) {
      add({
        figure: '  of which: finding the occurrence (occurrenceAt) / card + Markdown',
        value: `p50 ${fmtMs(l.hoverScanOnly.p50)} / ${fmtMs(l.hoverCardOnly.p50)}`,
        spread: `p99 ${fmtMs(l.hoverScanOnly.p99)} / ${fmtMs(l.hoverCardOnly.p99)}`,
        baseline: '', ratio: '', target: '', verdict: '',
      });
    }
    for (const op of l.completion) {
      const ratio = op.stats.p99 / op.baseline.p99;
      add({
        figure: `Completion ${op.name}`,
        value: `p50 ${fmtMs(op.stats.p50)}, p99 ${fmtMs(op.stats.p99)}`, spread: `max ${fmtMs(op.stats.max)}; first ${fmtMs(op.firstMs)}`,
        baseline: `${op.baselineLabel}: p99 ${fmtMs(op.baseline.p99)}`,
        ratio: fmtRatio(ratio), ratioValue: ratio,
        target: 'p99 ≤ 10 ms', verdict: verdict(op.stats.p99 <= 10),
      });
    }
  }
  const s = r.sections.startup;
  if (s) {
    const ratio = s.loadAndEngineMs.median / s.rawLoadMs.median;
    add({
      figure: `Start-up: load ${s.packFiles} bundled packs + new Engine`,
      value: fmtMs(s.loadAndEngineMs.median), spread: spread(s.loadAndEngineMs),
      baseline: `read + JSON.parse ${fmtMs(s.rawLoadMs.median)}`,
      ratio: fmtRatio(ratio), ratioValue: ratio, target: '', verdict: '',
    });
    if (s.searchIndexSliced) {
      const w = s.searchIndexSliced;
      const wr = w.longestTurnMs.median / s.searchIndexWholeMs.median;
      add({
        figure: `Completion's search index built ahead of use in a fresh process (Engine.warmSearch, ${w.turns} turns): the longest turn, what a hover or keystroke may wait`,
        value: `${fmtMs(w.longestTurnMs.median)} (all turns ${fmtMs(w.totalMs.median)})`, spread: spread(w.longestTurnMs),
        baseline: `built in one go (one turn) ${fmtMs(s.searchIndexWholeMs.median)}`,
        ratio: fmtRatio(wr), ratioValue: wr, target: '', verdict: '',
      });
    }
    const hr = s.heapDeltaBytes.median / s.rawHeapDeltaBytes.median;
    add({
      figure: 'Heap with the bundled packs loaded (after gc)',
      value: `${fmtMB(s.heapLoadedBytes.median)} used (+${fmtMB(s.heapDeltaBytes.median)} data)`, spread: spread(s.heapDeltaBytes, fmtMB),
      baseline: `JSON.parse of the packs: +${fmtMB(s.rawHeapDeltaBytes.median)}`,
      ratio: fmtRatio(hr), ratioValue: hr, target: '', verdict: '',
    });
  }
  const z = r.sections.sizes;
  if (z) {
    add({ figure: `Bundle ${(z.bundleFiles ?? ['extension.js']).map((f) => `dist/${f}`).join(' + ')} (minified)`, value: fmtMB(z.bundleBytes), spread: '', baseline: '', ratio: '', target: '', verdict: '' });
    if (z.vsixBytes !== undefined) {
      const ratio = z.vsixBytes / 5e6;
      add({ figure: `.vsix${z.vsixFrom === 'npm run package' ? '' : ' (see note)'}`, value: fmtMB(z.vsixBytes), spread: '', baseline: 'target 5 MB', ratio: fmtRatio(ratio), ratioValue: ratio, target: '≤ 5 MB', verdict: verdict(z.vsixBytes <= 5e6) });
    }
  }
  const a = r.sections.activation;
  if (a && a.runs.length) {
    const act = summarize(a.runs.map((x) => x.activateMs));
    const base = summarize(a.runs.map((x) => x.baselineMs).filter((x) => x !== undefined));
    const ratio = act.median / base.median;
    add({
      figure: `Activation in VS Code 1.100 (${a.runs.length} window${a.runs.length === 1 ? "" : "s"})`,
      value: fmtMs(act.median), spread: spread(act),
      baseline: `built-in Grunt extension ${fmtMs(base.median)}`,
      ratio: fmtRatio(ratio), ratioValue: ratio,
      target: '≤ 50 ms', verdict: verdict(act.median <= 50),
    });
    const loaded = a.runs.map((x) => x.dataLoadedMs).filter((x) => x !== undefined);
    if (loaded.length) {
      const d = summarize(loaded);
      const dr = d.median / act.median;
      add({
        figure: '  data ready after activation (lazy, "Data loaded in")',
        value: fmtMs(d.median), spread: spread(d),
        baseline: 'activation', ratio: fmtRatio(dr), ratioValue: dr, target: '', verdict: '',
      });
    }
  } else if (r.pending.activation) {
    add({ figure: 'Activation in VS Code', value: 'pending', spread: '', baseline: '', ratio: '', target: '≤ 50 ms', verdict: r.pending.activation });
  }
  const ed = r.sections.editing;
  const [small, ...large] = ed?.files ?? [];
  if (small && large.length) {
    const what = { 'claims.csv': 'the claim CSV', 'charges.csv': 'the 100,000-row charge CSV', 'claims.837p': 'the 10,000-claim 837P (an SV1)', 'claims-one-line.837p': 'the same 837P written on one line (an SV1; since session 10 its claim is read again)', 'bundle.json': 'the FHIR Bundle (an HCPCS coding; since session 9 its entry is read again)' };
    for (const f of large) {
      const ratio = f.edit.p50 / small.edit.p50;
      add({
        figure: `Keystroke to problems in VS Code 1.100: a code typed over in a row of ${what[f.name] ?? f.name} (${fmtMB(f.bytes)}, ${f.problems.toLocaleString('en-US')} problems shown${f.problems >= 1000 ? ' (VS Code shows 1,000 per file: those nearest the view)' : ''}; first problems ${fmtMs(f.firstMs)} after opening${f.openedMs === undefined ? '' : `, of which VS Code's opening ${fmtMs(f.openedMs)}`})`,
        value: `${fmtMs(f.edit.p50)} p50${f.changed ? ` (the edit reached the extension host after ${fmtMs(f.changed.p50)})` : ''}${f.hostMsPerEdit?.['CPT Lens'] === undefined ? '' : `; CPT Lens's own extension-host time ${fmtMs(f.hostMsPerEdit['CPT Lens'])} per keystroke`}`,
        spread: `${fmtMs(f.edit.min)} – ${fmtMs(f.edit.max)}`,
        baseline: `the same in a claim CSV of 7 lines: ${fmtMs(small.edit.p50)} p50`,
        ratio: fmtRatio(ratio), ratioValue: ratio, target: '', verdict: '',
      });
    }
  } else if (r.pending.editing) {
    add({ figure: 'Keystroke to problems in VS Code', value: 'pending', spread: '', baseline: '', ratio: '', target: '', verdict: r.pending.editing });
  }
  return rows;
}

function renderTable(r) {
  const head = ['Figure', 'Median', 'Spread (min – max)', 'Baseline (same run)', 'Ratio', 'Target', ''];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const row of r.rows) lines.push(`| ${[row.figure, row.value, row.spread, row.baseline, row.ratio, row.target, row.verdict].join(' | ')} |`);
  return lines.join('\n');
}

function renderFacts(r) {
  const m = r.machine;
  const notes = [
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; load average ${m.loadAverageAtStart.join('/')} at start, ${m.loadAverageAtEnd.join('/')} at end.`,
    `Commit ${m.commit?.slice(0, 12)}${m.dirty ? ' (with uncommitted changes)' : ''}; ${r.totalSeconds} s in all.`,
  ];
  const fp = r.sections.check?.freshPage;
  if (fp) notes.push(`Fresh memory: ${fp.microsPerFault.toFixed(1)} µs per page fault (a ${fmtMB(fp.bufferBytes)} buffer written once per 4 KB page: ${fmtCount(fp.faultsPerRound)} faults).`);
  const l = r.sections.latency;
  if (l) notes.push(`Latency data: ${l.packs.join(', ')}${l.rvu.importMs ? ` (PFS RVU imported in ${fmtMs(l.rvu.importMs)}, ${l.rvu.codes} codes)` : ` (PFS RVU file missing: ${l.rvu.missing}; bundled only)`}.`);
  if (r.sections.sizes?.vsixFrom && r.sections.sizes.vsixFrom !== 'npm run package') notes.push(`.vsix: ${r.sections.sizes.vsixFrom}.`);
  const a = r.sections.activation;
  if (a?.runs?.length) {
    const parts = a.runs.map((x) => `require ${fmtMs(x.requireMs)} + activate() ${fmtMs(x.activateCallMs)}`).join('; ');
    notes.push(`Activation: the extension host's own marks (will/didLoadExtensionCode + will/didActivateExtension), per window: ${parts}; activated by ${[...new Set(a.runs.map((x) => x.reason).filter(Boolean))].join(', ')}.`);
  }
  const p = r.sections.peer;
  if (p?.startup) notes.push(`Peer start-up (the warm-up run on a 2 KB file): cpt-lens ${fmtMs(p.startup.cptLens.median)}, cspell ${fmtMs(p.startup.cspell.median)}; on the ~1 MB peer inputs (sized so that cspell fits the 5-minute budget) start-up is most of both tools' time.`);
  for (const [k, v] of Object.entries(r.pending)) notes.push(`Pending ${k}: ${v}`);
  return notes.join('\n');
}
