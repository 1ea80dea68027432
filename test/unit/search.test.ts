import { strict as assert } from 'assert';
import { engineOn } from './helpers/engine';
import { editDistanceWithin } from '../../src/core/catalog/search';

const engine = engineOn();

describe('search', () => {
  it('a code prefix offers the codes that start with it, in order', () => {
    const hits = engine.search.prefix('6486');
    assert.ok(hits.includes('64866'));
    assert.ok(hits.every((c) => c.startsWith('6486')));
    assert.deepEqual([...hits].sort(), hits);
  });

  it('a HCPCS letter prefix works in either case', () => {
    assert.ok(engine.search.prefix('j11').includes('J1100'));
  });

  it('words find the code in any order, with a typo', () => {
    assert.equal(engine.search.search('facial accessory anastomosis')[0].code, '64866');
    assert.equal(engine.search.search('anastomosis facial')[0].code, '64866');
    assert.equal(engine.search.search('facial acessory anastomosis')[0].code, '64866');
  });

  it('edit distance counts a swap as one edit', () => {
    assert.ok(editDistanceWithin('nerev', 'nerve', 1));
    assert.ok(!editDistanceWithin('nerve', 'verse', 1));
  });
});
