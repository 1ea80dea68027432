/** The X12 value readers answer what their general counterparts answer for the same substring. */
import { strict as assert } from 'assert';
import { dateAt, placeOfServiceAt, unitsAt } from '../../../src/core/recognize/x12/values';
import { parseDate, parsePos, parseUnits } from '../../../src/core/recognize/facts';

const VALUES = [
  '', '0', '1', '07', '11', '99', '100', '1.5', '2.', '-1', ' 3', '3 ', 'x', '000000000012', '123456789012', '1234567890123',
  '20240131', '20240230', '19991231', '2024013', '202401311', '2024-01-31', '2024013A', '00000000', 'D8', '١٢',
];

describe('X12 value readers, in place', () => {
  it('read units, places of service and dates as parseUnits, parsePos and parseDate read the substring', () => {
    for (const value of VALUES) {
      const text = `*${value}*`;
      const start = 1;
      const end = 1 + value.length;
      assert.deepEqual(unitsAt(text, start, end), parseUnits(value), `units ${JSON.stringify(value)}`);
      assert.deepEqual(placeOfServiceAt(text, start, end), parsePos(value), `place of service ${JSON.stringify(value)}`);
      assert.deepEqual(dateAt(text, start, end), parseDate(value), `date ${JSON.stringify(value)}`);
      assert.deepEqual(dateAt(text, start, end), parseDate(value), `date ${JSON.stringify(value)}, remembered`);
    }
  });
});
