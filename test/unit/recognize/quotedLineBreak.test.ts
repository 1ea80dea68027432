/** Whether a CSV's rows are its lines: a quoted field over several lines says no. */
import { strict as assert } from 'assert';
import { hasQuotedLineBreak, rowsAreLines } from '../../../src/core/recognize/csv/quotedLineBreak';

/** The definition, one character at a time: quotes toggle, a line break inside counts. */
function byCharacter(text: string, from: number): boolean {
  let inQuote = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuote = !inQuote;
    else if (inQuote && (c === 10 || c === 13)) return true;
  }
  return false;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('CSV: a quoted field over several lines', () => {
  it('is found in a description written over two lines', () => {
    assert.equal(hasQuotedLineBreak('CPT,Description\n99213,"Office visit,\nestablished"\n'), true);
    assert.equal(hasQuotedLineBreak('CPT,Description\r\n99213,"Office visit\r"\r\n'), true);
  });

  it('is not found when every quoted field keeps to its line', () => {
    assert.equal(hasQuotedLineBreak('CPT,Price\n99213,"$1,081.38 "\n99214,"$2,000.00 "\n'), false);
    assert.equal(hasQuotedLineBreak('CPT,Note\n99213,"a ""quoted"" word"\n'), false);
    assert.equal(hasQuotedLineBreak('CPT,Price\n99213,12\n'), false);
    assert.equal(hasQuotedLineBreak(''), false);
  });

  it('counts an unclosed quote only when a line break follows it', () => {
    assert.equal(hasQuotedLineBreak('a,"b\nc\n'), true);
    assert.equal(hasQuotedLineBreak('a,b\nc,"d'), false);
  });

  it('looks only from the data start on', () => {
    const text = 'Note: "two\nlines"\nCPT\n99213\n';
    assert.equal(hasQuotedLineBreak(text, 0), true);
    assert.equal(hasQuotedLineBreak(text, text.indexOf('CPT')), false);
  });

  it('pairs quotes as a reading one character at a time does (20,000 random texts)', () => {
    const pieces = ['a', '99213', ',', '"', '""', '\n', '\r\n', '\r', ' ', 'b"c', '"$1,081.38 "'];
    for (let seed = 1; seed <= 20000; seed++) {
      const r = rng(seed);
      let text = '';
      for (let i = 0, n = Math.floor(r() * 40); i < n; i++) text += pieces[Math.floor(r() * pieces.length)];
      const from = Math.floor(r() * (text.length + 1));
      assert.equal(hasQuotedLineBreak(text, from), byCharacter(text, from), `seed ${seed}: ${JSON.stringify(text)} from ${from}`);
    }
  });

  it('matches past the matcher\'s bound of pairs per call', () => {
    const rows = '99213,"$1.00 ","$2.00 "\n'.repeat(5000);
    assert.equal(hasQuotedLineBreak(rows), false);
    assert.equal(hasQuotedLineBreak(`${rows}99214,"two\nlines"\n${rows}`), true);
  });

  it('as the tokenizer reads rows: a cell opened after stray quotes, or left open at the end, runs over the line break', () => {
    assert.equal(rowsAreLines('1,"KNEE, LEFT",27447\n2,"$1,0.38 ",99213', 44), true);
    assert.equal(rowsAreLines('1,"ab"x","cd\n ef",27447', 44), false);
    assert.equal(hasQuotedLineBreak('1,"ab"x","cd\n ef",27447'), false, 'the pairing of quotes alone misses it');
    assert.equal(rowsAreLines('1,"open', 44), false);
    assert.equal(rowsAreLines('1\t"a\tb"\t2', 9), true);
  });
});
