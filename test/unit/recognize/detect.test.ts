import { strict as assert } from 'assert';
import { detectKind } from '../../../src/core/recognize';
import { codes } from './helpers';

describe('document kind: content first, then the name; a setting can force one', () => {
  it('detects X12, JSON, XML from content whatever the name', () => {
    assert.equal(detectKind('ISA*00*          *01*X*ZZ*A*ZZ*B*030101*1253*^*00501*1*1*T*:~', { fileName: 'claim.txt' }), 'x12');
    assert.equal(detectKind('\ufeff  {"resourceType": "Claim"}', { fileName: 'a.txt' }), 'json');
    assert.equal(detectKind('<?xml version="1.0"?><a/>', {}), 'xml');
  });

  it('detects CSV by name or by consistent delimited rows, and prose as text', () => {
    assert.equal(detectKind('a b c', { fileName: 'x.csv' }), 'csv');
    assert.equal(detectKind('H,ID,Facility,Procedure,CPT-4\nD,IU,AVON,1,99213\nD,IU,AVON,2,99214\n', { fileName: 'cdm.txt' }), 'csv');
    assert.equal(detectKind('Bill CPT 64866, then 99213.\nThe patient, a 40-year-old, was seen.\n', { fileName: 'note.txt' }), 'text');
    assert.equal(detectKind('| code | name |\n|---|---|\n| 99213 | visit |\n', { fileName: 'notes.md' }), 'text');
  });

  it('lets a setting force the kind', () => {
    assert.equal(detectKind('99213,visit\n', { kind: 'text' }), 'text');
  });
});

describe('plain text and FHIR Shorthand', () => {
  it('reads FSH codes written with their system, known or not', () => {
    const fsh = 'Alias: $CPT = http://www.ama-assn.org/go/cpt\n* item[0].productOrService = $CPT#99999 "Unlisted"\n* item[1].productOrService = $HCPCS#G2023\n* identifier.value = "#12345"';
    assert.deepEqual(codes(fsh, { fileName: 'claim.fsh' }), ['99999', 'G2023']);
  });

  it('keeps the tricky prose cases quiet', () => {
    for (const t of ['per diem, days 1-3', 'HEPARIN 24000-76000 UNITS', 'rate 00720.00', 'carrier 61026', 'ZIP 78701-1234', 'call 555-99213-1234']) {
      assert.deepEqual(codes(t, { fileName: 'a.txt' }), [], t);
    }
    assert.deepEqual(codes('component test (82330) is included', { fileName: 'a.txt' }), ['82330']);
  });
});
