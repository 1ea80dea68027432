/** A short `cpt-lens check` keeps V8 to baseline code; a long one, or one of unknown size, may optimize. */
import { strict as assert } from 'assert';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { inputBytes, isShortRun, SHORT_RUN_BYTES } from '../../../src/cli/tiering';

describe('cpt-lens tiers V8 by the size of what it reads', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'cpt-lens-tiering-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('counts every file the run reads', () => {
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.837p');
    writeFileSync(a, 'CPT\n64866\n');
    writeFileSync(b, 'x'.repeat(1000));
    assert.equal(inputBytes([a, b]), 10 + 1000);
    assert.equal(inputBytes([]), 0);
  });

  it('does not know the size of a missing file or of standard input', () => {
    assert.equal(inputBytes([path.join(dir, 'missing.csv')]), undefined);
    assert.equal(inputBytes(['-']), undefined);
  });

  it('a run under the break-even size is short; at or over it, or of unknown size, it is not', () => {
    assert.equal(isShortRun(0), true);
    assert.equal(isShortRun(1_048_100), true, 'a 1 MB charge file');
    assert.equal(isShortRun(SHORT_RUN_BYTES - 1), true);
    assert.equal(isShortRun(SHORT_RUN_BYTES), false);
    assert.equal(isShortRun(13_000_000), false, 'a 13 MB claim file');
    assert.equal(isShortRun(undefined), false);
  });
});
