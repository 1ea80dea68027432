import { strict as assert } from 'assert';
import { importData } from '../../../src/core/import';
import { bytes, throwsImport } from './helpers';

describe('import: a code listed twice in a list with a column mapping', () => {
  // 99901 on lines 2 and 4; the second row has another descriptor and no note.
  const csv = 'CPT,Description,Note\n99901,Test visit alpha,Covered\n99902,Test visit beta,\n99901,Test visit alpha again,\n';
  const mapping = { code: 'CPT', shortDescriptor: 'Description', summary: 'Note' };

  it('is refused by default, naming the line of the second row and the line of the first', () => {
    const e = throwsImport(() => importData(bytes(csv), 'payer.csv', { mapping }), 'payer.csv', 4, /99901 is listed a second time \(first at line 2\)/);
    assert.match(e.reason, /"duplicates": "first" or "last"/, 'the message says how to keep such rows');
    throwsImport(() => importData(bytes(csv), 'payer.csv', { mapping: { ...mapping, duplicates: 'error' } }), 'payer.csv', 4, /listed a second time/);
  });

  it('counts a code written differently (spaces, lower case) as the same code', () => {
    const messy = 'CPT,Description\nj1100,Test drug\n99901,Test visit\n J1100 ,Test drug again\n';
    throwsImport(() => importData(bytes(messy), 'payer.csv', { mapping: { code: 'CPT' } }), 'payer.csv', 4, /J1100 is listed a second time \(first at line 2\)/);
  });

  it('keeps the first row with "duplicates": "first", and the summary says so', () => {
    const { pack, summary } = importData(bytes(csv), 'payer.csv', { mapping: { ...mapping, duplicates: 'first' } });
    assert.deepEqual(pack.codes!['99901'], { shortDescriptor: 'Test visit alpha', summary: 'Covered' });
    assert.equal(summary.codes, 2);
    assert.match(summary.warnings.join('\n'), /1 rows repeat a code listed earlier \(the first kept\)/);
  });

  it('lets a later row overwrite the fields it fills with "duplicates": "last"', () => {
    const { pack, summary } = importData(bytes(csv), 'payer.csv', { mapping: { ...mapping, duplicates: 'last' } });
    assert.deepEqual(pack.codes!['99901'], { shortDescriptor: 'Test visit alpha again', summary: 'Covered' });
    assert.match(summary.warnings.join('\n'), /1 rows repeat a code listed earlier \(later ones overwrite/);
  });

  it('names the record of the second entry in JSON', () => {
    const json = JSON.stringify([{ code: '99901', name: 'a' }, { code: 'G0008', name: 'b' }, { code: '99901', name: 'c' }]);
    throwsImport(() => importData(bytes(json), 'payer.json', { mapping: { code: 'code', shortDescriptor: 'name' } }), 'payer.json', undefined, /^record 3: 99901 is listed a second time \(first at record 1\)/);
    const { pack } = importData(bytes(json), 'payer.json', { mapping: { code: 'code', shortDescriptor: 'name', duplicates: 'last' } });
    assert.equal(pack.codes!['99901'].shortDescriptor, 'c');
  });

  it('refuses an unknown "duplicates" value instead of guessing', () => {
    const wrong = { ...mapping, duplicates: 'newest' } as unknown as typeof mapping;
    throwsImport(() => importData(bytes(csv), 'payer.csv', { mapping: wrong }), 'payer.csv', undefined, /"duplicates": "newest" is not "error", "first" or "last"/);
  });

  it('leaves a list without repeated codes as it was: no warning', () => {
    const { summary } = importData(bytes(csv.split('\n').slice(0, 3).join('\n')), 'payer.csv', { mapping });
    assert.equal(summary.codes, 2);
    assert.deepEqual(summary.warnings.filter((w) => /repeat/.test(w)), []);
  });
});
