import { strict as assert } from 'assert';
import { engineOn } from './helpers/engine';
import { inpatientStatus, quarterOf } from '../../src/core/catalog/inpatient';
import { CheckMemo } from '../../src/core/rules/lookup';

const engine = engineOn();
const status = (code: string, date: string) => inpatientStatus(engine.record(code)!, date, engine.catalog.quarters());

describe('inpatient-only status per date of service', () => {
  it('maps a date to its quarter', () => {
    assert.equal(quarterOf('2026-02-15'), '2026-01');
    assert.equal(quarterOf('2025-12-31'), '2025-10');
  });

  it('64866 is inpatient only in every release in the data', () => {
    const s = status('64866', '2026-05-01')!;
    assert.equal(s.inpatientOnly, true);
    assert.equal(s.quarter, '2026-04');
    assert.equal(s.since, '2024-01');
    assert.equal(s.leavesIn, undefined);
  });

  it('22558 left the list with the 2026 phase-out', () => {
    const before = status('22558', '2025-11-03')!;
    assert.equal(before.inpatientOnly, true);
    assert.equal(before.leavesIn, '2026-01');
    const after = status('22558', '2026-02-01')!;
    assert.equal(after.inpatientOnly, false);
    assert.equal(after.lastListed, '2025-10');
  });

  it('a release stays in force until the next one the data holds', () => {
    assert.equal(status('64866', '2024-08-01')!.quarter, '2024-01');
  });
});

describe('inpatient-only status asked by the rules of one check (CheckMemo)', () => {
  it('answers each date with its own quarter when a code\'s lines alternate dates across the 2026 phase-out', () => {
    const memo = new CheckMemo(engine.catalog);
    const asked = ['2025-11-03', '2026-02-01', '2025-12-30', '2026-03-01', '2025-11-03'].map((d) => memo.inpatientStatus('22558', d)!.inpatientOnly);
    assert.deepEqual(asked, [true, false, true, false, true]);
    assert.deepEqual(memo.inpatientStatus('22558', '2026-02-01'), status('22558', '2026-02-01'));
    assert.equal(memo.inpatientStatus('99213', '2026-02-01')?.inpatientOnly ?? false, false);
    assert.equal(memo.inpatientStatus('22558', '2026-02-01')!.inpatientOnly, false);
  });
});
