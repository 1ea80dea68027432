/**
 * The catalog reads the packs' tables in place, lazily when parsePack left them lazy. A catalog
 * over lazily read packs must answer exactly as one over fully parsed packs.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Catalog } from '../../../src/core/catalog/catalog';
import { BUNDLED_PACKS } from '../../../src/core/pack/bundled';
import { lazyTableOf } from '../../../src/core/pack/lazyTable';
import { checkPack, parsePack } from '../../../src/core/pack/parse';
import type { DataPack } from '../../../src/core/pack/types';
import { REPO_ROOT } from '../helpers/engine';

function texts(): { name: string; text: string }[] {
  return BUNDLED_PACKS.map((name) => ({ name, text: fs.readFileSync(path.join(REPO_ROOT, 'data', 'packs', name), 'utf8') }));
}

describe('catalog over lazily read packs', () => {
  it('answers every code, modifier and summary as a catalog over fully parsed packs does', () => {
    const all = texts();
    const lazy = new Catalog(all.map(({ name, text }) => parsePack(text, name)));
    const parsed = new Catalog(all.map(({ name, text }) => checkPack(JSON.parse(text), name, text)));
    assert.deepEqual(lazy.codes(), parsed.codes());
    assert.deepEqual(lazy.describedCodes(), parsed.describedCodes());
    assert.deepEqual(lazy.summaries(), parsed.summaries());
    assert.deepEqual(lazy.modifiers(), parsed.modifiers());
    assert.ok(parsed.codes().length > 10_000);
    for (const code of [...parsed.codes(), 'A0021', 'a0021', '00000', 'ZZZZZ']) {
      assert.equal(lazy.knows(code), parsed.knows(code), code);
      assert.deepEqual(lazy.record(code), parsed.record(code), code);
    }
  });

  it('looking codes up parses none of the big tables', () => {
    const packs = texts().map(({ name, text }) => parsePack(text, name));
    const catalog = new Catalog(packs);
    assert.equal(catalog.record('64866')?.opps?.byQuarter['2026-04'], 'C');
    assert.ok(catalog.knows('J1100') && catalog.record('A0021')?.shortDescriptor);
    const hcpcs = packs.find((p) => p.id.startsWith('hcpcs'));
    const opps = packs.find((p) => p.opps);
    assert.ok(lazyTableOf(hcpcs, 'codes') && lazyTableOf(opps?.opps, 'status'), 'tables still lazy after lookups');
  });

  it('a pack whose codes differ only in case or spaces merges them, later key last, as before', () => {
    const text = JSON.stringify({
      format: 'cpt-lens-pack', schemaVersion: 1, id: 'mixed', title: 't', source: { title: 's', license: 'other' },
      codes: { 'j1100': { shortDescriptor: 'first', coverage: 'C' }, ' J1100': { shortDescriptor: 'second' } },
      pfs: { release: 'r', columns: ['status'], rows: { 'j1100': ['A'], 'J1100': ['B'] } },
    });
    const lazy = new Catalog([parsePack(text, 'm.json')]).record('J1100');
    const parsed = new Catalog([checkPack(JSON.parse(text) as DataPack, 'm.json', text)]).record('J1100');
    assert.deepEqual(lazy, parsed);
    assert.equal(lazy?.shortDescriptor, 'second');
    assert.equal(lazy?.coverage, 'C');
    assert.equal(lazy?.pfs?.status, 'B');
  });
});
