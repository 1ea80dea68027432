/**
 * The cost of a completion request with every pack loaded (bundled HCPCS, CPT lists, PFS, OPPS and a
 * licensed CPT file of 11,000 codes), measured by counting the work done, not by timing: the index is
 * built once per data load, a prefix reads only its range of the sorted codes, a word query reads only
 * the postings of its words and computes few edit distances, and at most 200 candidates are ranked.
 * The timings are printed for information only.
 */
import { strict as assert } from 'assert';
import { engineOn } from '../helpers/engine';
import { completionContext, completionItems, ItemStats } from '../../../src/core/complete';
import { cursor, syntheticLicensedPack } from './helpers';

describe('completion cost with every pack loaded', function () {
  this.timeout(60_000);
  const engine = engineOn('2026-11-27', [syntheticLicensedPack(engineOn())]);
  const CSV = 'CPT,MOD,POS,Fee\n64866,22,22,100\n';

  function request(typed: string) {
    const { text, offset } = cursor(`${CSV}${typed}|,,,`);
    const before = { ...engine.search.work };
    const stats: ItemStats = { candidates: 0, records: 0 };
    const context = completionContext(text, offset, { data: engine, fileName: 'fees.csv' })!;
    const result = completionItems(engine, context, { stats });
    const after = engine.search.work;
    return {
      result, stats,
      scanned: after.scanned - before.scanned, compared: after.compared - before.compared, postings: after.postings - before.postings,
    };
  }

  it('the index is built once for the data load and holds the licensed codes', () => {
    assert.ok(engine.catalog.codes().length > 20_000);
    const index = engine.search;
    request('facial nerve');
    request('6486');
    assert.equal(engine.search, index, 'the same index serves every request');
  });

  it('a code prefix reads its range of the sorted codes only', () => {
    for (const typed of ['6486', 'J11', '6']) {
      const r = request(typed);
      assert.equal(r.scanned + r.compared + r.postings, 0, typed);
      assert.ok(r.stats.candidates <= 101 && r.stats.records <= 100, `${typed}: ${JSON.stringify(r.stats)}`);
    }
  });

  it('a word query reads few postings, computes few edit distances and ranks at most 200 candidates', () => {
    const vocabulary = 20_000;
    for (const typed of ['facial nerve anastomosis', 'facail nerve anastomsis', 'facial nerve anas', 'dexamethasone 1 mg', 'injection', 'inj']) {
      const r = request(typed);
      assert.ok(r.stats.candidates <= 200, `${typed}: ${JSON.stringify(r.stats)}`);
      assert.ok(r.stats.records <= 250, `${typed}: ${JSON.stringify(r.stats)}`);
      assert.ok(r.postings <= 5_000, `${typed}: ${r.postings} postings`);
      assert.ok(r.compared <= 1_000, `${typed}: ${r.compared} edit distances`);
      // The typo scan looks only at words of about the term's length, by a letter-set check.
      assert.ok(r.scanned <= vocabulary, `${typed}: ${r.scanned} words scanned`);
      assert.ok(r.result.items.length <= 50);
    }
  });

  it('prints the time per request (information only)', () => {
    const queries = ['6486', 'J11', 'facial nerve anastomosis', 'facail nerve anastomsis', 'dexamethasone 1 mg', 'injection'];
    const lines: string[] = [];
    for (const typed of queries) {
      request(typed);
      const n = 50;
      const started = process.hrtime.bigint();
      for (let i = 0; i < n; i++) request(typed);
      lines.push(`${typed}: ${(Number(process.hrtime.bigint() - started) / n / 1e6).toFixed(2)} ms`);
    }
    const mod = cursor(`${CSV}64866,|,,`);
    const started = process.hrtime.bigint();
    for (let i = 0; i < 50; i++) completionItems(engine, completionContext(mod.text, mod.offset, { data: engine, fileName: 'fees.csv' })!);
    lines.push(`modifiers for 64866: ${(Number(process.hrtime.bigint() - started) / 50 / 1e6).toFixed(2)} ms`);
    console.log(`      completion request times with ${engine.catalog.codes().length} codes: ${lines.join('; ')}`);
  });
});
