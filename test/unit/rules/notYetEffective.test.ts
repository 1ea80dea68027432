/**
 * `not-yet-effective`: a code billed before CMS added it is an error, whether CMS HCPCS gives its
 * effective date or the code first appears in a later OPPS Addendum B than the date of service.
 */
import { strict as assert } from 'assert';
import { engineOn } from '../helpers/engine';

const engine = engineOn();
/** The not-yet-effective messages of a fee schedule line billing `code` on `date`. */
function notYetEffective(code: string, date: string): string[] {
  const text = `CPT,Description,Date of service\n${code},line,${date}\n`;
  return engine.check(text, { fileName: 'fees.csv' }).findings.filter((f) => f.rule === 'not-yet-effective').map((f) => f.message);
}

describe('codes billed before they exist (not-yet-effective)', () => {
  it('a HCPCS code before its CMS effective date is an error naming the date; on or after it, nothing', () => {
    assert.deepEqual(notYetEffective('A2036', '2025-09-30'), ['A2036 is not yet effective on 2025-09-30: CMS HCPCS adds it on 2025-10-01.']);
    assert.deepEqual(notYetEffective('A2036', '2025-10-01'), []);
  });

  it('a PLA code before the OPPS quarter that first lists it is an error naming that quarter', () => {
    assert.deepEqual(notYetEffective('0439U', '2024-02-15'), ['0439U is not yet effective on 2024-02-15: it first appears in CMS OPPS Addendum B 2025-01.']);
    assert.deepEqual(notYetEffective('0439U', '2025-01-02'), []);
  });

  it('says nothing before the quarters the data covers, nor for a code with PFS indicators', () => {
    assert.deepEqual(notYetEffective('0439U', '2023-06-30'), [], 'no OPPS data for 2023');
    assert.deepEqual(notYetEffective('99213', '2024-02-15'), []);
    // 0871T has PFS indicators and first appears in OPPS 2025-01: the indicators keep it quiet.
    assert.deepEqual(notYetEffective('0871T', '2024-02-15'), [], 'a code with PFS indicators, first listed by OPPS later');
  });
});
