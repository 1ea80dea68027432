/** EditedText: slices of a text kept as a base plus edits equal slices of the edited string. */
import { strict as assert } from 'assert';
import { EditedText } from '../../src/core/text/editedText';
import { LineIndex } from '../../src/core/text/lineIndex';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('edited text', () => {
  it('reads every slice and the whole text as the edited string, over 600 edits (past the rebuild)', () => {
    const r = rng(3);
    const pieces = ['a', 'bc', '\n', '\r\n', '\r', '99213,', '"x"', ''];
    let plain = 'first line\nsecond,line\r\nthird';
    let edited = EditedText.of(plain);
    let lines = new LineIndex(plain);
    for (let i = 0; i < 600; i++) {
      const start = Math.floor(r() * (plain.length + 1));
      const oldEnd = start + Math.floor(r() * Math.min(6, plain.length - start + 1));
      let text = '';
      for (let k = Math.floor(r() * 3); k > 0; k--) text += pieces[Math.floor(r() * pieces.length)];
      plain = plain.slice(0, start) + text + plain.slice(oldEnd);
      edited = edited.apply({ start, oldEnd, text });
      lines = LineIndex.edited(lines, edited, start, oldEnd, start + text.length);
      assert.equal(edited.length, plain.length, `edit ${i}: length`);
      for (let k = 0; k < 5; k++) {
        const a = Math.floor(r() * (plain.length + 1));
        const b = a + Math.floor(r() * (plain.length - a + 1));
        assert.equal(edited.slice(a, b), plain.slice(a, b), `edit ${i}: slice ${a}-${b}`);
      }
      const fresh = new LineIndex(plain);
      assert.equal(lines.lineCount, fresh.lineCount, `edit ${i}: line count`);
      for (let l = 0; l < fresh.lineCount; l++) {
        assert.equal(lines.lineStart(l), fresh.lineStart(l), `edit ${i}: line ${l}`);
        assert.equal(lines.lineEnd(l), fresh.lineEnd(l), `edit ${i}: end of line ${l}`);
      }
      if (i % 100 === 99) assert.equal(edited.toString(), plain, `edit ${i}: whole text`);
    }
  });
});
