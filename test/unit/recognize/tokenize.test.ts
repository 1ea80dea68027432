/** tokenizeCsv with `lastField`: the same rows and the same leading fields as a full tokenization. */
import { strict as assert } from 'assert';
import { CsvRow, tokenizeCsv } from '../../../src/core/recognize/csv/tokenize';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function rows(text: string, lastField?: number, from = 0): string[] {
  const out: string[] = [];
  tokenizeCsv(text, 44, (row: CsvRow) => {
    const fields: string[] = [];
    const n = lastField === undefined ? row.count : Math.min(row.count, lastField + 1);
    for (let k = 0; k < n; k++) fields.push(`${row.starts[k]}-${row.ends[k]}`);
    out.push(`${row.index} ${row.start}-${row.end} ${row.count === 1 ? 'one' : 'many'} ${fields.join(' ')}`);
  }, from, text.length, lastField);
  return out;
}

describe('CSV tokenizer: skipping the columns nobody reads', () => {
  it('gives the same rows and leading fields as reading every field (3,000 random texts)', () => {
    const pieces = ['a', '99213', ',', ',', '"', '""', '","', '"x,y"', '\n', '\r\n', '\r', ' ', 'b"c', ',"$1,081.38 "'];
    for (let seed = 1; seed <= 3000; seed++) {
      const r = rng(seed);
      let text = '';
      for (let i = 0, n = 5 + Math.floor(r() * 60); i < n; i++) text += pieces[Math.floor(r() * pieces.length)];
      const lastField = 1 + Math.floor(r() * 3);
      assert.deepEqual(rows(text, lastField), rows(text).map((row) => {
        // The full reading, cut to the fields the skipping reading delimits.
        const [index, span, count, ...fields] = row.split(' ');
        return [index, span, count, ...fields.slice(0, lastField + 1)].join(' ');
      }), `seed ${seed}: ${JSON.stringify(text)} lastField ${lastField}`);
    }
  });

  it('skips a quoted line break and a quoted delimiter after the last column read', () => {
    const text = 'a,b,c,"x\ny,z",d\ne,f\n';
    assert.deepEqual(rows(text, 1).map((r) => r.split(' ')[1]), ['0-15', '16-19']);
  });

  it('walks a row too long for the regular expression character by character, with the same result', () => {
    const text = `a,b,c,${',"x""y"'.repeat(2_000_000)}\nz,1\n`;
    const lineBreak = text.indexOf('\n');
    assert.deepEqual(rows(text, 1), ['0 0-' + lineBreak + ' many 0-1 2-3', `1 ${lineBreak + 1}-${lineBreak + 4} many ${lineBreak + 1}-${lineBreak + 2} ${lineBreak + 3}-${lineBreak + 4}`]);
  });
});
