/** A restored pack reads its values from the file when asked: the text between two byte offsets. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileSlices } from '../../../src/core/pack/fileSlices';

describe('reading a pack file a slice at a time', () => {
  it('gives the text between two byte offsets, multi-byte characters included, in any order', () => {
    const text = '{"codes":{"A0021":{"summary":"Ambulance – outside state","x":"😀"}}}';
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-slices-')), 'p.json');
    fs.writeFileSync(file, text);
    const bytes = Buffer.from(text);
    const slice = fileSlices(fs.openSync(file, 'r'));
    const at = (s: string): number => bytes.indexOf(Buffer.from(s));
    assert.equal(slice(at('"x"'), bytes.length - 2), '"x":"😀"}');
    assert.equal(slice(at('"Ambulance'), at(',"x"')), '"Ambulance – outside state"');
    assert.equal(slice(0, bytes.length), text);
    assert.equal(slice(5, 5), '');
  });

  it('a file cut shorter than the slice is an error, never a value cut short', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-slices-')), 'p.json');
    fs.writeFileSync(file, '{"a":"0123456789"}');
    const slice = fileSlices(fs.openSync(file, 'r'));
    fs.truncateSync(file, 8);
    assert.throws(() => slice(5, 17), /shorter/);
  });

  it('reads a value that straddles two of its blocks, a character split between them included', () => {
    const text = `${'x'.repeat(16 * 1024 - 2)}"😀 Ambulance – outside state"${'y'.repeat(40 * 1024)}"end"`;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-slices-')), 'p.json');
    fs.writeFileSync(file, text);
    const bytes = Buffer.from(text);
    const slice = fileSlices(fs.openSync(file, 'r'));
    const at = (s: string): number => bytes.indexOf(Buffer.from(s));
    assert.equal(slice(at('"😀'), at('y')), '"😀 Ambulance – outside state"');
    assert.equal(slice(at('"end"'), bytes.length), '"end"');
    assert.equal(slice(0, bytes.length), text);
  });
});
