/**
 * Which problems a coder sees in a file with more of them than VS Code shows (1,000 per file, and
 * squiggles for the first 500 handed over): those nearest the lines on screen, nearest first.
 */
import { strict as assert } from 'assert';
import { findingsNear } from '../../src/core/findingsNear';

/** One finding per listed line, in document order. */
const onLines = (lines: number[]) => lines.map((line) => ({ line, range: { startLine: line, startCharacter: 0, endLine: line, endCharacter: 5 } }));
const lines = (found: readonly { line: number }[]) => found.map((f) => f.line);
const every = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

describe('Problems shown in a file with more than can be shown', () => {
  it('are all shown when they fit', () => {
    const findings = onLines([1, 5, 9]);
    assert.equal(findingsNear(findings, [{ first: 100, last: 120 }], 3), findings);
  });

  it('are those on the lines on screen, then the nearest above and below, nearest first', () => {
    const findings = onLines(every(0, 1000));
    assert.deepEqual(lines(findingsNear(findings, [{ first: 500, last: 503 }], 8)), [500, 501, 502, 503, 504, 499, 505, 498]);
  });

  it('near the end of the file, come from above', () => {
    const findings = onLines(every(0, 100));
    assert.deepEqual(lines(findingsNear(findings, [{ first: 98, last: 130 }], 5)), [98, 99, 97, 96, 95]);
  });

  it('are the top of the file when it is not on screen', () => {
    assert.deepEqual(lines(findingsNear(onLines(every(0, 50)), [], 3)), [0, 1, 2]);
  });

  it('share the limit between two views of the file (a split editor), taking turns', () => {
    const shown = lines(findingsNear(onLines(every(0, 1000)), [{ first: 10, last: 10 }, { first: 900, last: 900 }], 4));
    assert.deepEqual(shown, [10, 900, 11, 901]);
  });

  it('take a finding once when two views overlap, and fill the limit', () => {
    const shown = findingsNear(onLines(every(0, 100)), [{ first: 50, last: 50 }, { first: 50, last: 50 }], 6);
    assert.deepEqual(lines(shown), [50, 52, 51, 48, 49, 53]);
  });

  it('in a file written on one line (as X12 is sent), are those nearest the cursor along the line', () => {
    const findings = Array.from({ length: 5000 }, (_, k) => ({ line: 0, range: { startLine: 0, startCharacter: 10 * k, endLine: 0, endCharacter: 10 * k + 5 } }));
    const shown = findingsNear(findings, [{ first: 0, last: 0, focus: { line: 0, character: 25_003 } }], 4);
    assert.deepEqual(shown.map((f) => f.range.startCharacter), [25_000, 25_010, 24_990, 25_020]);
    assert.deepEqual(lines(findingsNear(findings, [{ first: 0, last: 0 }], 2)), [0, 0], 'without a cursor on screen: the top');
  });

  it('are nearest the cursor where the lines on screen hold more than can be shown, and as before where they fit', () => {
    const findings = onLines(every(0, 1000).flatMap((line) => [line, line, line]));
    const shown = findingsNear(findings, [{ first: 500, last: 509, focus: { line: 505, character: 0 } }], 7);
    assert.deepEqual(lines(shown), [505, 505, 505, 506, 506, 506, 504]);
    const fits = onLines(every(0, 1000));
    assert.deepEqual(lines(findingsNear(fits, [{ first: 500, last: 503, focus: { line: 502, character: 0 } }], 8)), [500, 501, 502, 503, 504, 499, 505, 498]);
  });

  it('keep several problems of one line together', () => {
    const findings = onLines([3, 40, 40, 40, 41, 90]);
    assert.deepEqual(lines(findingsNear(findings, [{ first: 40, last: 40 }], 4)), [40, 40, 40, 41]);
  });
});
