/**
 * Time grows linearly with input for every recognizer, the rules and the importers: each shape
 * (`linearShapes.ts`) is run at n and 4n in one process and the larger may take at most 8x as long
 * (a quadratic algorithm takes 16x). Measured in a child process started with `--single-threaded`,
 * so CPU time counts only the work itself, not other processes or the collector's helper threads.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import fc from 'fast-check';
import type { LinearResult } from './helpers';
import { QUADRATIC, SHAPES } from './linearShapes';

const WORKER = path.join(__dirname, 'linearWorker.js');

function measure(request: { shapes?: string[]; units?: [string, string][] }): LinearResult[] {
  const child = spawnSync(process.execPath, ['--single-threaded', '--expose-gc', '--no-flush-bytecode', '--max-semi-space-size=32', WORKER, JSON.stringify(request)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 170_000 });
  assert.equal(child.status, 0, `linear worker failed: ${child.error ?? ''}${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as LinearResult[];
}

describe('hardening: time grows linearly with input', function () {
  this.timeout(180_000);
  let results: Map<string, LinearResult>;

  before(() => {
    results = new Map(measure({ shapes: [...SHAPES.map((s) => s.name), QUADRATIC.name] }).map((r) => [r.name, r]));
  });

  for (const shape of SHAPES) {
    it(shape.name, () => {
      const r = results.get(shape.name)!;
      assert.ok(r.ok, r.detail);
    });
  }

  it('the check itself catches a quadratic algorithm (so it cannot pass by accident)', () => {
    const r = results.get(QUADRATIC.name)!;
    assert.ok(!r.ok, `a quadratic scan passed: ${r.detail}`);
  });

  it('documents of random repeated units in every kind', () => {
    const units = fc.sample(fc.tuple(
      fc.string({ unit: fc.constantFrom('<', '>', '/', 'a', '"', '{', '[', ']', '}', ',', '*', '~', ':', '\n', '9', '9213', '99213', 'HC:', 'SV1*', '<!--', 'ISA*'), minLength: 8, maxLength: 40 }),
      fc.constantFrom('csv', 'x12', 'json', 'xml', 'text'),
    ), 6);
    const failed = measure({ units }).filter((r) => !r.ok);
    assert.deepEqual(failed.map((r) => r.detail), []);
  });
});
