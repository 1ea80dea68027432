/**
 * Shared helpers of the hardening tests: range invariants checked against an independent line
 * split, fast-check arbitraries for hostile text, the real samples (read in place), and a
 * linear-growth check that compares two sizes in one run instead of absolute times.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { performance, PerformanceObserver } from 'perf_hooks';
import fc from 'fast-check';
import type { CodeOccurrence, Finding, Range } from '../../../src/core/model';
import { SHARED } from '../helpers/engine';

/** Line lengths the way VS Code splits a document: LF, CRLF and a lone CR end a line. */
export function lineLengths(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push(i - start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  out.push(text.length - start);
  return out;
}

/** The reason a range does not lie inside the document, or undefined when it does. */
export function rangeProblem(r: Range, lengths: readonly number[]): string | undefined {
  const ints = [r.startLine, r.startCharacter, r.endLine, r.endCharacter];
  if (!ints.every((n) => Number.isInteger(n) && n >= 0)) return `not non-negative integers: ${JSON.stringify(r)}`;
  if (r.startLine >= lengths.length || r.endLine >= lengths.length) return `line past the last (${lengths.length} lines): ${JSON.stringify(r)}`;
  if (r.startCharacter > lengths[r.startLine]) return `start character past the line's length ${lengths[r.startLine]}: ${JSON.stringify(r)}`;
  if (r.endCharacter > lengths[r.endLine]) return `end character past the line's length ${lengths[r.endLine]}: ${JSON.stringify(r)}`;
  if (r.endLine < r.startLine || (r.endLine === r.startLine && r.endCharacter < r.startCharacter)) return `end before start: ${JSON.stringify(r)}`;
  return undefined;
}

/** Every range of the occurrences (code, modifiers, place of service) lies inside the text. */
export function assertOccurrencesInside(text: string, occurrences: readonly CodeOccurrence[], what = ''): void {
  const lengths = lineLengths(text);
  for (const o of occurrences) {
    const ranges: [string, Range | undefined][] = [['code', o.range], ['place of service', o.facts.placeOfServiceRange], ...o.modifiers.map((m): [string, Range] => [`modifier ${m.code}`, m.range])];
    for (const [name, r] of ranges) {
      if (!r) continue;
      const problem = rangeProblem(r, lengths);
      assert.equal(problem, undefined, `${what} ${o.code} ${name}: ${problem}`);
    }
  }
}

export function assertFindingsInside(text: string, findings: readonly Finding[], what = ''): void {
  const lengths = lineLengths(text);
  for (const f of findings) {
    const ranges = [f.range, ...(f.related ?? []).map((r) => r.range), ...(f.fixes ?? []).map((x) => x.range)];
    for (const r of ranges) {
      const problem = rangeProblem(r, lengths);
      assert.equal(problem, undefined, `${what} finding ${f.rule} on ${f.code}: ${problem}`);
    }
  }
}

/** Pieces hostile text is made of: code shapes, every separator the recognizers look at, and broken characters. */
const PIECES = [
  '99213', '64866', 'J1100', '0001F', 'G0121', '27447', '-25', '-RT-LT', '-59', ':25', ' 25 ', 'HC:99213:25', 'HC>00142>QK',
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *250101*1200*^*00501*000000001*0*P*:~',
  'GS*HC*S*R*20250101*1200*1*X*005010X222A1~', 'ST*837*0001*005010X222A1~', 'CLM*1*100***11:B:1*Y*A*Y*Y~', 'LX*1~',
  'SV1*HC:99213:25*100*UN*1***1~', 'SV2*0450*HC:99283*500*UN*1~', 'DTP*472*D8*20250101~', 'SE*', '~', '*', ':', '>', '^',
  ',', ';', '|', '\t', '"', '""', "'", '\n', '\r\n', '\r', ' ', '{', '}', '[', ']', '"code":', '"system":"http://www.ama-assn.org/go/cpt"',
  '{"code":"99213"}', '"modifier":[{"coding":[{"code":"25"}]}]', '<', '>', '</', '/>', '<ProcedureCode>', '</ProcedureCode>', '<![CDATA[',
  ']]>', '<!--', '-->', '<?xml', '?>', '&amp;', 'code', 'CPT', 'HCPCS', 'modifier', 'pos', 'Place of Service', 'CPT/HCPCS,Description,Charge\n',
  '\u0000', '\ud800', '\udc00', '\udbff\udfff', '\ufeff', '\u2028', '\u00a0', '€', '#', '$CPT#', '12345-6789', '$1,234.56', '2025-01-01',
];

/** Text made of hostile pieces and random characters (lone surrogates included). */
export const hostileText = (maxPieces = 60): fc.Arbitrary<string> =>
  fc.array(fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 }) },
  ), { maxLength: maxPieces }).map((parts) => parts.join(''));

export type Mutation =
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'flip'; at: number; code: number }
  | { op: 'truncate'; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: hostileText(4) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), code: fc.integer({ min: 0, max: 0xffff }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

/** Applies mutations to decoded text (`at` is taken modulo the current length). */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  for (const m of mutations) {
    const at = text.length ? m.at % (text.length + 1) : 0;
    switch (m.op) {
      case 'delete': text = text.slice(0, at) + text.slice(at + m.length); break;
      case 'insert': text = text.slice(0, at) + m.text + text.slice(at); break;
      case 'duplicate': text = text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length); break;
      case 'flip': text = text.slice(0, at) + String.fromCharCode(m.code) + text.slice(at + 1); break;
      case 'truncate': text = text.slice(0, at); break;
    }
  }
  return text;
}

export const SAMPLES_DIR = path.join(SHARED, 'samples', 'real');

/** The real sample documents (not SOURCES.md), or none when ../shared is absent. */
export function sampleFiles(): string[] {
  if (!fs.existsSync(SAMPLES_DIR)) return [];
  return fs.readdirSync(SAMPLES_DIR).filter((f) => f !== 'SOURCES.md').sort().map((f) => path.join(SAMPLES_DIR, f));
}

/** Skips a test with a clear message when the real samples are absent. */
export function needSamples(ctx: Mocha.Context): string[] {
  const files = sampleFiles();
  if (!files.length) {
    console.warn(`SKIPPED: ${ctx.test?.title ?? ctx.currentTest?.title}: needs ../shared/samples/real, which is absent here`);
    ctx.skip();
  }
  return files;
}

/** GC pauses seen by a PerformanceObserver (start and duration in ms, performance.now() time). */
const pauses: { start: number; duration: number }[] = [];
let observer: PerformanceObserver | undefined;

/**
 * This process's CPU time of `fn` in ms, with and without the collector's pauses: the smallest of
 * `runs` runs, each after a full GC when `gc` is exposed. The collector's cost jumps when a run
 * outgrows V8's young generation (a cliff, not a curve), and it is not always reported as a pause.
 */
export async function bestTime(fn: () => void, runs = 3): Promise<{ cpu: number; mutator: number }> {
  if (!observer) {
    observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) pauses.push({ start: e.startTime, duration: e.duration });
    });
    observer.observe({ entryTypes: ['gc'] });
  }
  const best = { cpu: Infinity, mutator: Infinity };
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < runs; i++) {
    gc?.();
    await new Promise((r) => setImmediate(r));
    pauses.length = 0;
    const from = performance.now();
    const cpu = process.cpuUsage();
    fn();
    const d = process.cpuUsage(cpu);
    const to = performance.now();
    await new Promise((r) => setImmediate(r)); // the observer's entries arrive after the run
    const collector = pauses.filter((p) => p.start >= from && p.start <= to).reduce((sum, p) => sum + p.duration, 0);
    const ms = (d.user + d.system) / 1000;
    best.cpu = Math.min(best.cpu, ms);
    best.mutator = Math.min(best.mutator, Math.max(0, ms - collector));
  }
  return best;
}

export interface LinearResult {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * Measures whether work grows linearly: `run(build(n))` and `run(build(4n))` in one process; the
 * larger may take at most `factor` times as long (8x for 4x the input: generous for caches, and half
 * of a quadratic algorithm's 16x). `n` is doubled first until the small run takes long enough to
 * measure, up to 1 MB for the larger. Run it in a single-threaded process (see `linearWorker.ts`): its CPU time then counts
 * neither other processes nor helper threads. A pair is measured up to three times and one good
 * pair passes; a quadratic algorithm fails every time.
 */
export async function measureLinear(name: string, build: (n: number) => string, run: (text: string) => void, n0: number, factor = 8): Promise<LinearResult> {
  let n = n0;
  let a = build(n);
  run(a); // warm up the JIT
  let small = (await bestTime(() => run(a), 2)).cpu;
  // Up to a document of 1 MB: beyond that, a shape that yields an occurrence every few characters
  // measures V8's collector on a heap of millions of objects.
  while (small < 60 && n < n0 * 256 && build(2 * n).length * 4 <= 1_000_000) {
    n *= 2;
    a = build(n);
    small = (await bestTime(() => run(a), 2)).cpu;
  }
  const b = build(4 * n);
  run(b);
  const tries: string[] = [];
  const linear = (s: number, l: number): boolean => l <= factor * Math.max(s, 5);
  for (let attempt = 0; attempt < 3; attempt++) {
    const s = await bestTime(() => run(a), 3);
    const l = await bestTime(() => run(b), 2);
    tries.push(`${s.cpu.toFixed(1)} -> ${l.cpu.toFixed(1)} ms (without GC pauses ${s.mutator.toFixed(1)} -> ${l.mutator.toFixed(1)} ms)`);
    // A quadratic algorithm fails both: its own work grows 16x, and the total with it.
    if (linear(s.cpu, l.cpu) || linear(s.mutator, l.mutator)) return { name, ok: true, detail: `${a.length} then ${b.length} chars: ${tries.join(', ')}` };
  }
  return { name, ok: false, detail: `${name}: ${a.length} then ${b.length} chars took ${tries.join(', ')}: over ${factor}x for 4x the input` };
}
