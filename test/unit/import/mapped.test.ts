import { strict as assert } from 'assert';
import { importData } from '../../../src/core/import';
import { bytes, schemaCheck, throwsImport } from './helpers';

describe('import: a CSV/JSON of your own with a column mapping', () => {
  const csv = 'Charge Code,CPT Code,Description,Payer Note,Mods\r\n1001,99901,Test visit alpha,Covered,"25, 59"\r\n1002,J1100,Test drug,Prior auth,\r\n1003,,No code on this row,,\r\n';

  it('reads the mapped columns by header text, ignoring case and spacing', () => {
    const { pack, summary } = importData(bytes(csv), 'charges.csv', {
      mapping: { code: 'cpt code', shortDescriptor: 'Description', summary: 'PAYER NOTE', commonModifiers: 'Mods', title: 'Local charges' },
    });
    assert.equal(summary.format, 'mapped-csv');
    assert.equal(summary.codes, 2);
    assert.deepEqual(pack.codes!['99901'], { shortDescriptor: 'Test visit alpha', summary: 'Covered', commonModifiers: ['25', '59'] });
    assert.equal(pack.title, 'Local charges');
    assert.match(summary.warnings.join(), /1 rows without a CPT\/HCPCS code left out/);
  });

  it('names the line of a code cell that is not a code, unless told to skip such rows', () => {
    const bad = csv.replace('1002,J1100', '1002,ZZ99');
    throwsImport(() => importData(bytes(bad), 'charges.csv', { mapping: { code: 'CPT Code' } }), 'charges.csv', 3, /"ZZ99" is not a CPT or HCPCS code/);
    const r = importData(bytes(bad), 'charges.csv', { mapping: { code: 'CPT Code', skipInvalidCodes: true } });
    assert.deepEqual(Object.keys(r.pack.codes!), ['99901']);
    throwsImport(() => importData(bytes(csv), 'charges.csv', { mapping: { code: 'HCPCS' } }), 'charges.csv', 1, /no column "HCPCS"/);
  });

  it('reads tab-separated and headerless files by position', () => {
    const tsv = '99901\tTest alpha\tY\n99902\tTest beta\tN\n';
    const { pack } = importData(bytes(tsv), 'payer.tsv', { mapping: { code: 1, shortDescriptor: 2, addOn: 3, header: false } });
    assert.deepEqual(pack.codes, { '99901': { shortDescriptor: 'Test alpha', addOn: true }, '99902': { shortDescriptor: 'Test beta' } });
  });

  it('reads JSON records, under a named property or the first array', async () => {
    const json = JSON.stringify({ generated: 'x', items: [{ code: '99901', name: 'Test alpha', effective: '20250101' }, { code: 'G0008', name: 'Test flu' }] });
    const { pack, summary } = importData(bytes(json), 'payer.json', { mapping: { code: 'code', shortDescriptor: 'Name', effectiveDate: 'effective' } });
    assert.equal(summary.format, 'mapped-json');
    assert.deepEqual(pack.codes!['99901'], { shortDescriptor: 'Test alpha', effectiveDate: '2025-01-01' });
    assert.deepEqual(await schemaCheck(pack), []);
    throwsImport(
      () => importData(bytes('[{"code": "99901", "d": "x"}, {"code": "bad!"}]'), 'p.json', { mapping: { code: 'code' } }),
      'p.json', undefined, /record 2: "bad!" is not a CPT or HCPCS code/,
    );
  });
});
