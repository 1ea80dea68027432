import { strict as assert } from 'assert';
import { LineIndex } from '../../src/core/text/lineIndex';

/** A small deterministic generator, so a failure names its seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * 2,000 random texts of `count` of `pieces`, each edited once: `removed` characters from a random
 * offset replaced by up to `inserts - 1` of `inserted`. The index updated for the edit equals one built
 * from scratch.
 */
function assertEditsKeepLines(pieces: string[], count: number, removed: (r: () => number, rest: number) => number, inserted: string[], inserts = 4): void {
  for (let seed = 1; seed <= 2000; seed++) {
    const r = rng(seed);
    let text = '';
    for (let i = 0; i < count; i++) text += pieces[Math.floor(r() * pieces.length)];
    const prev = new LineIndex(text);
    const start = Math.floor(r() * (text.length + 1));
    const end = Math.min(text.length, start + removed(r, text.length - start));
    let insert = '';
    for (let i = Math.floor(r() * inserts); i > 0; i--) insert += inserted[Math.floor(r() * inserted.length)];
    const next = text.slice(0, start) + insert + text.slice(end);
    const updated = LineIndex.edited(prev, next, start, end, start + insert.length);
    const fresh = new LineIndex(next);
    assert.equal(updated.lineCount, fresh.lineCount, `seed ${seed}`);
    for (let l = 0; l < fresh.lineCount; l++) assert.equal(updated.lineStart(l), fresh.lineStart(l), `seed ${seed} line ${l}`);
  }
}

describe('line index', () => {
  it('maps offsets to lines across LF, CRLF and CR', () => {
    const idx = new LineIndex('a\nbb\r\nccc\rd');
    assert.equal(idx.lineCount, 4);
    assert.deepEqual(idx.range(6, 9), { startLine: 2, startCharacter: 0, endLine: 2, endCharacter: 3 });
    assert.equal(idx.lineEnd(1), 4);
  });

  it('an index updated for one edit equals one built from scratch (2,000 random edits)', () => {
    const pieces = ['a', 'bc', '\n', '\r\n', '\r', '99213,', '"x"', ''];
    assertEditsKeepLines(pieces, 30, (r, length) => Math.floor(r() * (length + 1)), pieces);
  });

  it('and so on long lines, where the rescan stops a few characters past the edit (2,000 random edits)', () => {
    const pieces = ['a', '\n', '\r\n', '\r', 'x'.repeat(9), 'SV1*HC:99213~'.repeat(3)];
    assertEditsKeepLines(pieces, 24, (r) => Math.floor(r() * 8), pieces.slice(0, 4), 3);
  });

  it('finds the same line starts in long texts (searched with indexOf) as a character walk', () => {
    const pieces = ['a', 'bc', '\n', '\r\n', '\r', '99213,', '\r\r\n\n', 'x'.repeat(700)];
    for (let seed = 1; seed <= 50; seed++) {
      const r = rng(seed);
      let text = '';
      while (text.length < 20_000) text += pieces[Math.floor(r() * (seed % 2 ? pieces.length : pieces.length - 1))];
      const want = [0];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '\r' && text[i + 1] === '\n') i++;
        if (text[i] === '\n' || text[i] === '\r') want.push(i + 1);
      }
      const idx = new LineIndex(text);
      assert.equal(idx.lineCount, want.length, `seed ${seed}`);
      for (let l = 0; l < want.length; l++) assert.equal(idx.lineStart(l), want[l], `seed ${seed} line ${l}`);
      for (let k = 0; k < 200; k++) {
        const offset = Math.floor(r() * (text.length + 1));
        let line = 0;
        while (line + 1 < want.length && want[line + 1] <= offset) line++;
        assert.equal(idx.lineAt(offset), line, `seed ${seed} offset ${offset}`);
      }
    }
  });
});
