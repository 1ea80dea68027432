/**
 * Accuracy of recognition over the real samples in ../shared/samples/real, scored against the
 * hand-made labels in test/fixtures/labels: precision >= 0.99 and recall >= 0.97 over code
 * contexts per file, and no report on a labelled non-code. Runs the CLI's path: bytes ->
 * decodeText -> engine.recognize(text, { fileName }) -> the `codes --format json` rows.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { engineOn, SHARED } from '../helpers/engine';
import { decodeText, looksBinary } from '../../../src/core/text/decode';
import { occurrenceRow, Row } from '../../../src/cli/rows';
import { expand, Expanded, loadFixtures } from './labels';

const SAMPLES = path.join(SHARED, 'samples', 'real');
const PRECISION = 0.99;
const RECALL = 0.97;

interface Score {
  file: string;
  expected: number;
  reported: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  nonCodeHits: string[];
  examples: string[];
}

type Zones = Map<number, Expanded['nonCodes']>;

function byLine(zones: Expanded['nonCodes']): Zones {
  const m: Zones = new Map();
  for (const z of zones) {
    const list = m.get(z.line);
    if (list) list.push(z);
    else m.set(z.line, [z]);
  }
  return m;
}

function inZone(zones: Zones, r: Row): string | undefined {
  for (const z of zones.get(r.line) ?? []) if (r.column >= z.start && r.column < z.end) return z.label;
  return undefined;
}

export function score(file: string, rows: Row[], labels: Expanded): Score {
  let tp = 0;
  let fp = 0;
  const found = new Set<string>();
  const nonCodeHits: string[] = [];
  const examples: string[] = [];
  const nonCodes = byLine(labels.nonCodes);
  const allowed = byLine(labels.allowed);
  for (const r of rows) {
    const k = `${r.line}:${r.column}`;
    const want = labels.expected.get(k);
    const nonCode = inZone(nonCodes, r);
    if (nonCode !== undefined) nonCodeHits.push(`${k} ${r.code} on non-code "${nonCode}"`);
    if (want) {
      if (want.code === r.code && want.modifiers.join('-') === r.modifiers.join('-')) {
        tp++;
        found.add(k);
      } else {
        fp++;
        examples.push(`${k} got ${r.code}-${r.modifiers.join('-')} want ${want.code}-${want.modifiers.join('-')}`);
      }
      continue;
    }
    if (nonCode === undefined && (inZone(allowed, r) !== undefined || labels.allowLines.some(([a, b]) => r.line >= a && r.line <= b))) continue;
    fp++;
    if (examples.length < 8) examples.push(`${k} unexpected ${r.code} "${r.text}"`);
  }
  const fn = labels.expected.size - found.size;
  for (const [k, v] of labels.expected) {
    if (!found.has(k) && examples.length < 12) examples.push(`${k} missed ${v.code}-${v.modifiers.join('-')}`);
  }
  const reportedInScope = tp + fp;
  return {
    file, expected: labels.expected.size, reported: rows.length, tp, fp, fn,
    precision: reportedInScope === 0 ? 1 : tp / reportedInScope,
    recall: labels.expected.size === 0 ? 1 : tp / labels.expected.size,
    nonCodeHits, examples,
  };
}

describe('accuracy on the real samples (labels in test/fixtures/labels)', function () {
  const fixtures = loadFixtures();
  const scores: Score[] = [];
  const engine = engineOn();

  before(function () {
    if (!fs.existsSync(SAMPLES)) {
      console.warn(`SKIPPED: accuracy scoring needs ${SAMPLES} (../shared), which is absent here`);
      this.skip();
    }
  });

  after(function () {
    if (!scores.length) return;
    const pad = (s: string | number, n: number): string => String(s).padEnd(n);
    const lines = [
      `${pad('file', 42)}${pad('expected', 10)}${pad('reported', 10)}${pad('TP', 7)}${pad('FP', 5)}${pad('FN', 5)}${pad('precision', 11)}${pad('recall', 8)}non-code hits`,
      ...scores.map((s) => `${pad(s.file, 42)}${pad(s.expected, 10)}${pad(s.reported, 10)}${pad(s.tp, 7)}${pad(s.fp, 5)}${pad(s.fn, 5)}${pad(s.precision.toFixed(4), 11)}${pad(s.recall.toFixed(4), 8)}${s.nonCodeHits.length}`),
    ];
    console.log(`\n${lines.join('\n')}\n`);
  });

  for (const fx of fixtures) {
    it(`${fx.sample}: precision >= ${PRECISION}, recall >= ${RECALL}, no labelled non-code reported`, function () {
      const file = path.join(SAMPLES, fx.sample);
      if (!fs.existsSync(file)) {
        console.warn(`SKIPPED: ${fx.sample} is absent from ${SAMPLES}`);
        this.skip();
      }
      const bytes = fs.readFileSync(file);
      assert.ok(!looksBinary(bytes));
      const { text } = decodeText(bytes);
      const labels = expand(fx, text);
      assert.deepEqual(labels.problems, [], 'labels must match the file');
      const rows = engine.recognize(text, { fileName: file }).map((o) => occurrenceRow(file, o));
      const s = score(fx.sample, rows, labels);
      scores.push(s);
      const detail = `${fx.sample}: ${s.examples.join('; ')}`;
      assert.deepEqual(s.nonCodeHits, [], detail);
      assert.ok(s.precision >= PRECISION, `precision ${s.precision.toFixed(4)}: ${detail}`);
      assert.ok(s.recall >= RECALL, `recall ${s.recall.toFixed(4)}: ${detail}`);
    });
  }
});
