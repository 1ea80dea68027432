/** Claim grouping: lines by claim id and date of service, in document order, however the claims interleave. */
import { strict as assert } from 'assert';
import type { CodeOccurrence, LineFacts } from '../../../src/core/model';
import { claimGroups, sameClaimAndDate } from '../../../src/core/rules/claims';

let line = 0;
function occ(code: string, facts: LineFacts): CodeOccurrence {
  const range = { startLine: line, startCharacter: 0, endLine: line, endCharacter: 5 };
  line++;
  return { range, code, text: code, system: 'CPT-I', confidence: 'context', modifiers: [], facts };
}
const codes = (g: readonly CodeOccurrence[]) => g.map((o) => o.code).join(' ');

describe('claim grouping', () => {
  it('groups by claim and date in order of first line, lines in document order; lines without a claim id stay out', () => {
    const all = [
      occ('00001', { claimId: 'A', dateOfService: '2026-01-01' }),
      occ('00002', { claimId: 'B', dateOfService: '2026-01-01' }),
      occ('00003', { claimId: 'A', dateOfService: '2026-01-02' }),
      occ('00004', { claimId: 'A', dateOfService: '2026-01-01' }),
      occ('00005', { dateOfService: '2026-01-01' }),
      occ('00006', { claimId: 'A' }),
      occ('00007', { claimId: 'A', dateOfService: '' }),
      occ('00008', { claimId: '', dateOfService: '2026-01-01' }),
    ];
    assert.deepEqual(claimGroups(all).map(codes), ['00001 00004', '00002', '00003', '00006 00007']);
    assert.equal(codes(sameClaimAndDate(all, all[3])), '00001 00004');
    assert.equal(codes(sameClaimAndDate(all, all[6])), '00006 00007');
    assert.deepEqual(sameClaimAndDate(all, all[4]), []);
    assert.deepEqual(sameClaimAndDate(all, all[7]), []);
  });

  it('a claim with many dates of service (more than are compared one by one) keeps one group per date', () => {
    const all: CodeOccurrence[] = [];
    for (let round = 0; round < 3; round++) {
      for (let day = 1; day <= 12; day++) all.push(occ(`1${String(day).padStart(2, '0')}0${round}`, { claimId: 'C', dateOfService: `2026-02-${String(day).padStart(2, '0')}` }));
      all.push(occ(`2000${round}`, { claimId: 'D', dateOfService: '2026-02-01' }));
    }
    const groups = claimGroups(all);
    assert.equal(groups.length, 13);
    assert.ok(groups.every((g) => g.length === 3));
    assert.deepEqual(groups.map((g) => `${g[0].facts.claimId}${g[0].facts.dateOfService!.slice(8)}`), ['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11', 'C12', 'D01']);
    for (const o of all) {
      const same = sameClaimAndDate(all, o);
      assert.ok(same.includes(o));
      assert.ok(same.every((x) => x.facts.claimId === o.facts.claimId && x.facts.dateOfService === o.facts.dateOfService));
      assert.equal(same.length, 3);
    }
    assert.equal(codes(sameClaimAndDate(all, all[11])), '11200 11201 11202');
  });

  it('the groups handed out are a fresh list each time', () => {
    const all = [occ('00001', { claimId: 'A' })];
    const first = claimGroups(all);
    first.length = 0;
    assert.equal(claimGroups(all).length, 1);
  });
});
