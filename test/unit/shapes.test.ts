import { strict as assert } from 'assert';
import { codeShape, isModifierShape } from '../../src/core/codes/shapes';

describe('code shapes', () => {
  it('tells the code set from the characters', () => {
    assert.equal(codeShape('64866'), 'CPT-I');
    assert.equal(codeShape('0001F'), 'CPT-II');
    assert.equal(codeShape('0042T'), 'CPT-III');
    assert.equal(codeShape('0001U'), 'CPT-PLA');
    assert.equal(codeShape('0002M'), 'CPT-MAAA');
    assert.equal(codeShape('0014A'), 'CPT-I');
    assert.equal(codeShape('J1100'), 'HCPCS-II');
    assert.equal(codeShape('G0008'), 'HCPCS-II');
  });

  it('rejects what is not a code shape', () => {
    for (const s of ['6486', '648661', 'J34901', 'FDSAE', 'X1234', 'N4123', '0001Z', 'j1100', 'I1234']) assert.equal(codeShape(s), undefined, s);
  });

  it('knows a modifier is two letters or digits', () => {
    assert.ok(isModifierShape('22'));
    assert.ok(isModifierShape('RT'));
    assert.ok(!isModifierShape('R'));
    assert.ok(!isModifierShape('r1'));
  });
});
