import { strict as assert } from 'assert';
import { engineOn } from './helpers/engine';
import { editDistanceWithin, indexWordsInSlices, SearchIndex } from '../../src/core/catalog/search';

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

  describe('built ahead of use, a slice at a time (the extension warms it up so)', () => {
    const queries = ['facial accessory anastomosis', 'anastomosis facial', 'facial acessory anastomosis', 'injection', 'office visit established', 'nerv'];

    it('pauses between slices of codes, and then answers as the index built in one go', async () => {
      const warmed = engineOn();
      let pauses = 0;
      assert.equal(await warmed.warmSearch(async () => (pauses++, true)), true);
      const codes = warmed.catalog.describedCodes().length;
      assert.ok(codes > 1000, `${codes} described codes`);
      assert.ok(pauses >= Math.floor(codes / 200), `${pauses} pauses for ${codes} codes`);
      // The codes of the first and the last slice among them.
      const described = warmed.catalog.describedCodes();
      const ends = [...described.slice(0, 3), ...described.slice(-3)].map((c) => warmed.record(c)?.shortDescriptor).filter((d): d is string => !!d);
      for (const q of [...queries, ...ends]) assert.deepEqual(warmed.search.search(q), engine.search.search(q), q);
      assert.deepEqual(warmed.search.prefix('J1'), engine.search.prefix('J1'));
    });

    it('lists every code a table at a time, as the list made in one go', async () => {
      const fresh = engineOn();
      let pauses = 0;
      assert.equal(await fresh.catalog.codesInSlices(async () => (pauses++, true)), true);
      assert.ok(pauses >= 3, `${pauses} pauses`);
      assert.deepEqual(fresh.catalog.codes(), engine.catalog.codes());
      const dropped = engineOn();
      assert.equal(await dropped.catalog.codesInSlices(async () => false), false);
      assert.deepEqual(dropped.catalog.codes(), engine.catalog.codes());
    });

    it('gives up when a pause says so, and a search then builds the index at once', async () => {
      const dropped = engineOn();
      let pauses = 0;
      assert.equal(await indexWordsInSlices(dropped.catalog, async () => ++pauses < 3), undefined);
      assert.equal(pauses, 3);
      assert.equal(await dropped.warmSearch(async () => false), false);
      assert.deepEqual(dropped.search.search(queries[0]), engine.search.search(queries[0]));
    });

    it('a search asked during the warm-up is answered at once; the warm-up then keeps that index', async () => {
      const busy = engineOn();
      let asked: SearchIndex | undefined;
      const warm = busy.warmSearch(async () => {
        asked ??= busy.search;
        return true;
      });
      assert.equal(await warm, true);
      assert.ok(asked);
      assert.equal(busy.search, asked);
    });
  });
});
