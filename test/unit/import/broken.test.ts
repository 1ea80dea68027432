/** A file that cannot be read throws ImportError {file, line, reason} and yields nothing. */
import { strict as assert } from 'assert';
import { ImportError, importData } from '../../../src/core/import';
import { PackError } from '../../../src/core/pack/parse';
import { bytes, throwsImport } from './helpers';

const PFS_HEAD = [
  ',,2025 National Physician Fee Schedule Relative Value File October Release,,,,,,,,,,,,,,,,,,,,,',
  ',,,STATUS,,,,,,,,,,PCTC,GLOB,,,,MULT,BILAT,ASST,CO-,TEAM,ENDO',
  'HCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,PE RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,IND,DAYS,OP,OP,OP,PROC,SURG,SURG,SURG,SURG,BASE',
  '99901,,Test alpha,A,,0.00,0.00,,0.00,,0.00,0.00,0.00,0,090,0.00,0.00,0.00,2,0,2,1,0,',
].join('\r\n');

describe('import: broken files', () => {
  it('a truncated CSV names the line cut off', () => {
    const text = `${PFS_HEAD}\r\n99902,,Test beta,A,,0.00,0.0`;
    throwsImport(() => importData(bytes(text), 'PPRRVU.csv'), 'PPRRVU.csv', 5, /7 fields where the header has 24 \(the file looks cut off\)/);
  });

  it('a quoted field that never closes names the line it opened on', () => {
    const text = `${PFS_HEAD}\r\n99902,,"Test beta,A,,0.00\r\n`;
    throwsImport(() => importData(bytes(text), 'PPRRVU.csv'), 'PPRRVU.csv', 5, /quoted field never closes/);
  });

  it('a wrong value names its line', () => {
    const text = `${PFS_HEAD}\r\n99902,,Test beta,A,,0.00,0.00,,0.00,,0.00,0.00,0.00,0,09X,0.00,0.00,0.00,2,0,2,1,0,\r\n`;
    throwsImport(() => importData(bytes(text), 'PPRRVU.csv'), 'PPRRVU.csv', 5, /global days "09X"/);
    const bad = `${PFS_HEAD}\r\nHELLO,,Test beta,A,,0.00,0.00,,0.00,,0.00,0.00,0.00,0,090,0.00,0.00,0.00,2,0,2,1,0,\r\n`;
    throwsImport(() => importData(bytes(bad), 'PPRRVU.csv'), 'PPRRVU.csv', 5, /"HELLO" is not a CPT or HCPCS code/);
  });

  it('a pack with the wrong schema names the line of the bad key', () => {
    const pack = '{\n  "format": "cpt-lens-pack",\n  "schemaVersion": 1,\n  "id": "x",\n  "title": "t",\n  "source": {"title": "s", "license": "other"},\n  "pfs": {"rows": 3}\n}\n';
    const e = throwsImport(() => importData(bytes(pack), 'my.cptlens-pack.json'), 'my.cptlens-pack.json', 7, /"pfs" needs/);
    assert.ok(e instanceof PackError, 'callers that catch PackError catch it too');
  });

  it('binary input is rejected with the file and the reason', () => {
    const data = new Uint8Array([0x48, 0x43, 0x50, 0x43, 0x0a, 0x41, 0x00, 0x01, 0x02, 0xff, 0x0a]);
    throwsImport(() => importData(data, 'blob.bin'), 'blob.bin', 2, /binary data \(a NUL byte\)/);
    throwsImport(() => importData(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), 'x.pdf'), 'x.pdf', 1, /PDF/);
    throwsImport(() => importData(new Uint8Array(0), 'empty.csv'), 'empty.csv', 1, /empty/);
  });

  it('wrong encoding: UTF-16 without a byte-order mark, or replacement characters, is named', () => {
    const utf16 = Buffer.from('HCPCS,MOD,DESCRIPTION\r\n99901,,Test\r\n', 'utf16le');
    throwsImport(() => importData(utf16, 'u16.csv'), 'u16.csv', 1, /UTF-16 text without a byte-order mark/);
    const mangled = bytes('99901\tTest a\n99902\tTest \ufffd b\n');
    throwsImport(() => importData(mangled, 'LONGULT.txt'), 'LONGULT.txt', 2, /replacement characters/);
  });

  it('UTF-16 with a byte-order mark and cp1252 are read', () => {
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('99901\tTest caf\u00e9 alpha\r\n99902\tTest beta\r\n', 'utf16le')]);
    assert.equal(importData(withBom, 'LONGULT.txt').pack.codes!['99901'].longDescriptor, 'Test caf\u00e9 alpha');
    const cp1252 = Buffer.from([...Buffer.from('99901\tTest '), 0x93, ...Buffer.from('quoted'), 0x94, ...Buffer.from(' alpha\r\n99902\tTest beta\r\n')]);
    const r = importData(cp1252, 'LONGULT.txt');
    assert.equal(r.summary.encoding, 'windows-1252');
    assert.equal(r.pack.codes!['99901'].longDescriptor, 'Test \u201cquoted\u201d alpha');
  });

  it('an unknown format lists what is read and points to the column mapping', () => {
    throwsImport(() => importData(bytes('a,b,c\n1,2,3\n'), 'list.csv'), 'list.csv', 1, /format not recognized.*column mapping/);
    throwsImport(() => importData(bytes('{"items": []}'), 'list.json'), 'list.json', 1, /not a CPT Lens data pack/);
  });

  it('errors are never half results: only ImportError escapes', () => {
    for (const input of [bytes('\u0000'), bytes('HCPCS,MOD,DESCRIPTION\n'), bytes('Column 1\tColumn 2\n'), bytes('{"format":"cpt-lens-pack"')]) {
      assert.throws(() => importData(input, 'f'), (e: unknown) => e instanceof ImportError);
    }
  });
});
