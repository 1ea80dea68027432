import { strict as assert } from 'assert';
import * as fs from 'fs';
import { codes, occurrences, factsOf } from './helpers';
import { engineOn, sharedFile } from '../helpers/engine';
import type { CodeOccurrence } from '../../../src/core/model';

const ISA = 'ISA*00*          *01*SECRET    *ZZ*SUBMITTERS.ID  *ZZ*RECEIVERS.ID   *030101*1253*^*00501*000000905*1*T*:~';

/** Segments that end a claim where they are written: a group or a transaction starts, or one ends. */
const ENDS_OF_CLAIM = [['GS', 'GS*HC*A*B*20061003*1200*2*X*005010X222~'], ['ST', 'ST*837*0022*005010X222~'], ['ISA', ISA], ['SE', 'SE*9*0021~']] as const;

describe('X12 837 recognizer: codes only from service-line composites', () => {
  it('reads SV1 codes and modifiers, never ZIPs in N4, ICD-9 in HI, ids in REF (837P, indented, CRLF)', () => {
    const text = [
      ISA,
      '  GS*HC*SENDER CODE*RECEIVER CODE*19991231*0802*1*X*005010X222~',
      '          N4*MIAMI*FL*33111~',
      '        N4*AUSTIN*TX*78701~',
      '            CLM*26463774*100***11:B:1*Y*A*Y*I~',
      '              HI*BK:0340*BF:V7389~',
      '\t\t\t\tN4*CITY*ST*12345~',
      '              LX*1~',
      '                SV1*HC:99213:AA:BB:CC:DD*40*UN*1*13**1**Y~',
      '                DTP*472*D8*20061003~',
      '\t\t\t\t  REF*1G*12345~',
      '              LX*2~',
      '                SV1*HC:87070*15*UN*2***1:2:3~',
      '                DTP*472*D8*20061010~',
      'SE*42*0021~',
    ].join('\r\n');
    const found = occurrences(text);
    assert.deepEqual(codes(text), ['99213-AA-BB-CC-DD', '87070']);
    assert.deepEqual(factsOf(found[0]), { claimId: '26463774', placeOfService: '13', lineNumber: 1, units: 1, dateOfService: '2006-10-03' });
    assert.deepEqual(factsOf(found[1]), { claimId: '26463774', placeOfService: '11', lineNumber: 2, units: 2, dateOfService: '2006-10-10' });
    assert.deepEqual(found[0].range, { startLine: 8, startCharacter: 23, endLine: 8, endCharacter: 28 });
    assert.deepEqual(found[0].facts.placeOfServiceRange, { startLine: 8, startCharacter: 49, endLine: 8, endCharacter: 51 }, 'SV1-05');
    assert.deepEqual(found[1].facts.placeOfServiceRange, { startLine: 4, startCharacter: 31, endLine: 4, endCharacter: 33 }, 'CLM05-1');
  });

  it('a service line ends at an ISA, GS, ST or SE written inside its claim: the DTP after them is not its date, and the lines after them belong to no claim', () => {
    for (const [label, structure] of ENDS_OF_CLAIM) {
      const text = [ISA, 'GS*HC*S*R*19991231*0802*1*X*005010X222~', 'ST*837*0021*005010X222~', 'CLM*26463774*100***11:B:1*Y*A*Y*I~',
        'LX*1~', 'SV1*HC:99213*40*UN*1***1~', structure, 'DTP*472*D8*20061003~', 'LX*2~', 'SV1*HC:87070*15*UN*1***1~', 'SE*9*0021~'].join('\n');
      const [first, second] = occurrences(text);
      assert.deepEqual(factsOf(first), { claimId: '26463774', placeOfService: '11', lineNumber: 1, units: 1 }, `${label}: the 99213 line has no date`);
      assert.deepEqual(factsOf(second), { lineNumber: 2, units: 1, dateOfService: '2006-10-03' }, `${label}: the 87070 line after it belongs to no claim (the DTP, read as a claim's, dates it)`);
    }
  });

  it('nothing of a claim carries past an ISA, GS, ST or SE: not its date, not its line numbers', () => {
    for (const [label, structure] of ENDS_OF_CLAIM) {
      const text = [ISA, 'GS*HC*S*R*19991231*0802*1*X*005010X222~', 'ST*837*0021*005010X222~', 'CLM*26463774*100***11:B:1*Y*A*Y*I~', 'DTP*472*D8*20061003~',
        'LX*1~', 'SV1*HC:99213*40*UN*1***1~', structure, 'SV1*HC:87070*15*UN*1***1~'].join('\n');
      const [first, second] = occurrences(text);
      assert.deepEqual(factsOf(first), { claimId: '26463774', placeOfService: '11', dateOfService: '2006-10-03', lineNumber: 1, units: 1 }, `${label}: the claim's line`);
      assert.deepEqual(factsOf(second), { units: 1 }, `${label}: the line after it`);
    }
  });

  it('reads SV2 with a ">" component separator even when ISA16 says ":"; bill type from CLM05 (837I)', () => {
    const text = [
      ISA,
      'GS*HC*000000005*54321*20131031*1147*1*X*005010X223A3~',
      'N4*EDGEWOOD*AZ*860015590~',
      'CLM*456DFH43*237.50***13>A>1*Y*A*Y*Y~',
      'DTP*434*RD8*20050706-20050706~',
      'HI*BK>38181~',
      'LX*1~',
      'SV2*0471*HC>92557*178.00*UN*1.00~',
      'DTP*472*D8*20050706~',
    ].join('\n');
    const [o] = occurrences(text);
    assert.equal(o.code, '92557');
    assert.deepEqual(factsOf(o), { claimId: '456DFH43', billType: '131', dateOfService: '2005-07-06', lineNumber: 1, units: 1 });
  });

  it('reads segments on one line, empty modifier slots, anesthesia modifiers and a trailing description', () => {
    const text = `${ISA.replace('*:~', '*>~')}GS*HC*A*B*20240101*1*1*X*005010X222A1~CLM*1*100***11>B>1~LX*1~SV1*HC>00142>QK>QS>P1*900*MJ*45~LX*2~SV1*HC>99213>>25>>>OFFICE VISIT*90*UN*1~`;
    assert.deepEqual(codes(text), ['00142-QK-QS-P1', '99213-25']);
    assert.deepEqual(codes(text.replace('>99213>>25>>>OFFICE VISIT', '>99213>25>59>76>77>91')), ['00142-QK-QS-P1', '99213-25-59-76-77-91'], 'a fifth modifier is reported for the rules');
  });

  it('ignores the adjudication repeat in SVD and non-HCPCS qualifiers', () => {
    const text = [ISA, 'CLM*1*120***11:B:1~', 'LX*1~', 'SV1*HC:99203:25*120.00*UN*1.00***1:2~', 'SVD*59999*80.00*HC:99203:25**1.00~', 'LX*2~', 'SV1*IV:12345*10*UN*1~'].join('~\n').replace(/~~/g, '~');
    assert.deepEqual(codes(text, { fileName: 'claim.837' }), ['99203-25']);
  });
});

describe('X12 837 recognizer: facts of each service line', () => {
  it('a claim without CLM05 has no place of service, not one read from an earlier segment', () => {
    const text = [ISA, 'GS*HC*A*B*20240101*1*1*X*005010X222A1', 'CLM*C1*100', 'LX*1', 'SV1*HC:99213*10*UN*1', 'DTP*472*D8*20240105', 'SE*5*1'].join('~\n');
    const [o] = occurrences(text);
    assert.deepEqual(o.facts, { claimId: 'C1', lineNumber: 1, units: 1, dateOfService: '2024-01-05' });
  });

  it('a claim-level DTP*472 dates every line until a line states its own; a line whose SV holds no procedure takes no date', () => {
    const text = [
      ISA, 'GS*HC*A*B*20240101*1*1*X*005010X222A1', 'CLM*C1*100***11:B:1', 'DTP*472*D8*20240101',
      'LX*1', 'SV1*HC:99213*10*UN*1',
      'LX*2', 'SV1*HC:99214*10*UN*2', 'DTP*472*D8*20240102',
      'LX*3', 'SV1*IV:12345*10*UN*1', 'DTP*472*D8*20240109',
      'LX*4', 'SV1*HC:j3490:lt*10*UN*3*12', 'SE*5*1',
    ].join('~\n');
    const found = occurrences(text);
    assert.deepEqual(codes(text), ['99213', '99214', 'J3490-LT']);
    assert.deepEqual(found.map((o) => o.facts.dateOfService), ['2024-01-01', '2024-01-02', '2024-01-01']);
    assert.deepEqual(found.map((o) => o.facts.lineNumber), [1, 2, 4]);
    assert.deepEqual(factsOf(found[2]), { claimId: 'C1', placeOfService: '12', dateOfService: '2024-01-01', lineNumber: 4, units: 3 });
    assert.equal(found[2].text, 'j3490');
    assert.deepEqual(found[2].modifiers.map((m) => m.range), [{ startLine: 13, startCharacter: 13, endLine: 13, endCharacter: 15 }]);
    assert.deepEqual(found[2].facts.placeOfServiceRange, { startLine: 13, startCharacter: 24, endLine: 13, endCharacter: 26 }, 'SV1-05');
  });

  it('after SE a service line carries no claim facts', () => {
    const text = [ISA, 'ST*837*1*005010X222A1', 'CLM*C1*100***11:B:1', 'LX*1', 'SV1*HC:99213*10*UN*1', 'SE*4*1', 'ST*837*2*005010X222A1', 'LX*1', 'SV1*HC:99214*10*UN*2', 'SE*3*2'].join('~\n');
    assert.deepEqual(occurrences(text).map((o) => o.facts), [
      { claimId: 'C1', placeOfService: '11', placeOfServiceRange: { startLine: 2, startCharacter: 13, endLine: 2, endCharacter: 15 }, lineNumber: 1, units: 1 },
      { lineNumber: 1, units: 2 },
    ]);
  });
});

describe('X12 837 recognizer: occurrences as an editor reads them', () => {
  const engine = engineOn();
  const sorted = (list: CodeOccurrence[]): boolean =>
    list.every((o, i) => i === 0 || list[i - 1].range.startLine < o.range.startLine || (list[i - 1].range.startLine === o.range.startLine && list[i - 1].range.startCharacter <= o.range.startCharacter));

  for (const name of ['837p_professional_claim1.txt', '837p_cob_example4.837', '837i_ppo_repriced.837i']) {
    it(`come in document order, as recognize() returns them unsorted (${name})`, function () {
      const text = fs.readFileSync(sharedFile(this, `samples/real/${name}`), 'utf8');
      const found = engine.recognize(text, { kind: 'x12' });
      assert.ok(found.length > 0);
      assert.ok(sorted(found), 'segment order is document order');
    });
  }

  it('read as plain occurrences: a code and its modifiers with their ranges, made when first asked', () => {
    const text = `${ISA}\nGS*HC*S*R*20240101*1200*1*X*005010X222A1~\nST*837*0001~\nCLM*A1*100***11:B:1~\nLX*1~\nSV1*HC:99213:25:59*100*UN*1***1~\n`;
    const [o] = engine.recognize(text, { fileName: 'c.837' });
    assert.deepEqual(JSON.parse(JSON.stringify(o)).modifiers, [
      { code: '25', range: { startLine: 5, startCharacter: 13, endLine: 5, endCharacter: 15 } },
      { code: '59', range: { startLine: 5, startCharacter: 16, endLine: 5, endCharacter: 18 } },
    ]);
    assert.deepEqual(o.range, { startLine: 5, startCharacter: 7, endLine: 5, endCharacter: 12 });
    assert.equal(o.range, o.range);
    assert.equal(o.modifiers[0].range, o.modifiers[0].range);
  });
});
