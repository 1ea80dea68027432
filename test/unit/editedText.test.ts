/** EditedText: slices of a text kept as a base plus edits equal slices of the edited string. */
import { strict as assert } from 'assert';
import { EditedText, editedPieces } from '../../src/core/text/editedText';
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

  it('builds the whole text from at most two pieces per edit and one more, of the base and the edits', () => {
    const r = rng(11);
    const base = 'CPT,Description\n' + '99213,Office visit\n'.repeat(200);
    let plain = base;
    const edits: { start: number; oldEnd: number; text: string }[] = [];
    for (let i = 0; i < 200; i++) {
      const start = Math.floor(r() * (plain.length + 1));
      const oldEnd = start + Math.floor(r() * Math.min(30, plain.length - start + 1));
      const text = ['', 'x', '64866,', '\n', 'J1100\n'][Math.floor(r() * 5)];
      plain = plain.slice(0, start) + text + plain.slice(oldEnd);
      edits.push({ start, oldEnd, text });
      const pieces = editedPieces(base, edits, 0, plain.length);
      assert.equal(pieces.join(''), plain, `after edit ${i}`);
      assert.ok(pieces.length <= 2 * edits.length + 1, `after edit ${i}: ${pieces.length} pieces`);
    }
  });

  it('rebuilds the whole text without copying it once per edit (256 copies of a large file were 30 s of a keystroke)', () => {
    const base = '99213,Office visit,$120.00\n'.repeat(2_000);
    let edited = EditedText.of(base);
    let plain = base;
    for (let i = 0; i < 255; i++) {
      const start = (i * 7919) % plain.length;
      const edit = { start, oldEnd: start + 1, text: 'ab' };
      plain = plain.slice(0, start) + edit.text + plain.slice(edit.oldEnd);
      edited = edited.apply(edit);
    }
    // Which whole-size strings get sliced while the text is rebuilt: the base alone, in pieces.
    const sliced = new Set<string>();
    const slice = String.prototype.slice;
    String.prototype.slice = function (this: string, start?: number, end?: number): string {
      if (this.length >= base.length) sliced.add(this);
      return slice.call(this, start, end);
    };
    let whole: string;
    try {
      whole = edited.toString();
    } finally {
      String.prototype.slice = slice;
    }
    assert.equal(whole, plain);
    assert.equal(sliced.size, 1, `${sliced.size} whole-size strings sliced`);
    assert.ok(sliced.has(base));
  });

  it('keeps the text in pieces past 256 edits: nothing whole-size is built until the whole text is read', () => {
    const base = '99213,Office visit,$120.00\n'.repeat(2_000);
    let edited = EditedText.of(base);
    let plain = base;
    const built: number[] = [];
    const join = Array.prototype.join;
    Array.prototype.join = function (this: unknown[], separator?: string): string {
      const out = join.call(this, separator);
      if (out.length >= base.length / 2) built.push(out.length);
      return out;
    };
    try {
      for (let i = 0; i < 600; i++) {
        const start = (i * 7919) % plain.length;
        const edit = { start, oldEnd: start + 1, text: 'ab' };
        plain = plain.slice(0, start) + edit.text + plain.slice(edit.oldEnd);
        edited = edited.apply(edit);
        const from = Math.max(0, start - 3);
        assert.equal(edited.slice(from, start + 30), plain.slice(from, start + 30), `edit ${i}`);
      }
    } finally {
      Array.prototype.join = join;
    }
    assert.deepEqual(built, []);
    assert.equal(edited.toString(), plain);
  });
});
