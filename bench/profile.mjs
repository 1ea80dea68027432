#!/usr/bin/env node
// CPU profile of the full check (engine.check) of the 100,000-row CSV and the 10,000-claim 837P:
//
//   node bench/profile.mjs [csv x12 fhir startup] [--runs=3] [--top=25]
//
// (`startup` profiles loading the bundled packs and constructing the Engine instead.)
//
// Each input is checked in a process run with `node --cpu-prof` (raw profiles in out/bench/profiles/,
// open them in Chrome DevTools > Performance), after one warm-up check. The analysis keeps the samples
// of the timed checks only, maps bundle positions back to src/ through the esbuild source map, and
// prints the functions with the most self time (function, src file:line, self %, total %) as Markdown.
// bench/PROFILE.md holds a commented copy of its output.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { buildEngineBundle, ENGINE_BUNDLE } from './lib/build.mjs';
import { ensureInputs } from './lib/inputs.mjs';
import { ROOT } from './lib/util.mjs';

const argv = process.argv.slice(2);
const kinds = argv.filter((a) => !a.startsWith('--'));
const value = (name, d) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? d;
const runs = Number(value('runs', 3));
const top = Number(value('top', 25));
const PROFILES = path.join(ROOT, 'out', 'bench', 'profiles');

await buildEngineBundle();
ensureInputs({ log: (m) => process.stderr.write(`${m}\n`) });
fs.mkdirSync(PROFILES, { recursive: true });
const sourceMap = new SourceMap(JSON.parse(fs.readFileSync(`${ENGINE_BUNDLE}.map`, 'utf8')));
const bundleUrl = `file://${ENGINE_BUNDLE}`;
const bundleLines = fs.readFileSync(ENGINE_BUNDLE, 'utf8').split('\n');

function original(callFrame) {
  if (callFrame.url !== bundleUrl && callFrame.url !== ENGINE_BUNDLE) {
    const where = callFrame.url ? `${callFrame.url.replace(/^file:\/\//, '').replace(`${ROOT}/`, '')}:${callFrame.lineNumber + 1}` : '(native)';
    return { file: where, line: undefined };
  }
  const e = sourceMap.findEntry(callFrame.lineNumber, callFrame.columnNumber);
  if (!e || !e.originalSource) return { file: 'out/bench/engine.cjs', line: callFrame.lineNumber + 1 };
  const file = path.relative(ROOT, path.resolve(path.dirname(ENGINE_BUNDLE), e.originalSource.replace(/^file:\/\//, '')));
  return { file, line: e.originalLine + 1 };
}

function mapLine(callFrame, bundleLine) {
  if (callFrame.url !== bundleUrl && callFrame.url !== ENGINE_BUNDLE) return undefined;
  // The first mapped column of the line: column 0 is indentation, which maps to the line before.
  const column = Math.max(0, (bundleLines[bundleLine - 1] ?? '').search(/\S/));
  const e = sourceMap.findEntry(bundleLine - 1, column);
  return e?.originalSource ? e.originalLine + 1 : undefined;
}

function analyze(profile, window) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Sample times: startTime + cumulative deltas; keep those inside the timed window.
  const self = new Map();
  let t = profile.startTime;
  let kept = 0;
  const inWindow = (ts) => ts >= window.startUs && ts <= window.endUs;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (!inWindow(t)) continue;
    kept += dt;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  // Aggregate by function (name + original location); inclusive time without double-counting recursion.
  const fns = new Map();
  const keyOf = (n) => {
    const o = original(n.callFrame);
    const name = n.callFrame.functionName || '(anonymous)';
    return { key: `${name}@${o.file}:${o.line ?? ''}`, name, where: o.line ? `${o.file}:${o.line}` : o.file };
  };
  const keys = new Map(profile.nodes.map((n) => [n.id, keyOf(n)]));
  for (const [id, us] of self) {
    const k = keys.get(id);
    const f = fns.get(k.key) ?? fns.set(k.key, { ...k, self: 0, total: 0, lines: new Map() }).get(k.key);
    f.self += us;
    // Hottest lines (positionTicks) inside the function.
    const node = byId.get(id);
    const ticks = (node.positionTicks ?? []).reduce((a, p) => a + p.ticks, 0);
    for (const p of node.positionTicks ?? []) {
      const line = mapLine(node.callFrame, p.line);
      if (line !== undefined) f.lines.set(line, (f.lines.get(line) ?? 0) + (us * p.ticks) / ticks);
    }
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const ck = keys.get(cur);
      if (seen.has(ck.key)) continue;
      seen.add(ck.key);
      const g = fns.get(ck.key) ?? fns.set(ck.key, { ...ck, self: 0, total: 0, lines: new Map() }).get(ck.key);
      g.total += us;
    }
  }
  const list = [...fns.values()].filter((f) => !['(root)', '(program)'].includes(f.name) || f.self > 0);
  return { keptUs: kept, list };
}

const report = [];
for (const kind of kinds.length ? kinds : ['csv', 'x12']) {
  const name = `${kind}.cpuprofile`;
  const windowFile = path.join(PROFILES, `${kind}.window.json`);
  for (const f of fs.readdirSync(PROFILES)) if (f === name) fs.rmSync(path.join(PROFILES, f));
  process.stderr.write(`profiling the full check of ${kind} (${runs} checks after a warm-up) ...\n`);
  const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${PROFILES}`, `--cpu-prof-name=${name}`, '--cpu-prof-interval=250',
    path.join(ROOT, 'bench', 'lib', 'profile-target.mjs'), kind, windowFile, String(runs)], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`profile of ${kind} failed`);
  const profile = JSON.parse(fs.readFileSync(path.join(PROFILES, name), 'utf8'));
  const window = JSON.parse(fs.readFileSync(windowFile, 'utf8'));
  const { keptUs, list } = analyze(profile, window);
  if (keptUs < 0.5 * (window.endUs - window.startUs)) throw new Error(`only ${(keptUs / 1000).toFixed(0)} ms of samples fall in the ${((window.endUs - window.startUs) / 1000).toFixed(0)} ms window: clocks differ?`);
  const pct = (us) => `${((100 * us) / keptUs).toFixed(1)}%`;
  const lines = [];
  lines.push(window.what
    ? `### ${kind}: ${window.what} (${(window.bytes / 1e6).toFixed(1)} MB of packs) in ${window.ms.toFixed(0)} ms, ${(keptUs / 1000).toFixed(0)} ms sampled`
    : `### ${kind}: ${(window.bytes / 1e6).toFixed(1)} MB, ${window.runs} checks in ${window.ms.toFixed(0)} ms (${(window.ms / window.runs).toFixed(0)} ms each), ${(keptUs / 1000).toFixed(0)} ms sampled`);
  lines.push('', '| # | function | src file:line | self | total | hottest lines (self) |', '|---|---|---|---|---|---|');
  list.sort((a, b) => b.self - a.self).slice(0, top).forEach((f, i) => {
    const hot = [...f.lines].sort((a, b) => b[1] - a[1]).slice(0, 3).filter(([, us]) => us / keptUs >= 0.005).map(([l, us]) => `${l} (${pct(us)})`).join(', ');
    lines.push(`| ${i + 1} | \`${f.name}\` | ${f.where} | ${pct(f.self)} | ${pct(f.total)} | ${hot} |`);
  });
  lines.push('', `Most inclusive time (src functions):`, '');
  const inclusive = list.filter((f) => f.where.startsWith('src/')).sort((a, b) => b.total - a.total).slice(0, 12);
  lines.push(inclusive.map((f) => `\`${f.name}\` ${pct(f.total)}`).join(' · '));
  report.push(lines.join('\n'));
}
process.stdout.write(`${report.join('\n\n')}\n`);
