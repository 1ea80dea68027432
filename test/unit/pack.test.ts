import { strict as assert } from 'assert';
import { parsePack, PackError } from '../../src/core/pack/parse';
import { loadPacks } from '../../src/core/pack/load';
import { bundledPacks } from './helpers/engine';

describe('data packs', () => {
  it('every bundled pack parses and carries no CPT descriptor text for codes other than the seed', () => {
    for (const pack of bundledPacks()) {
      for (const [code, entry] of Object.entries(pack.codes ?? {})) {
        if (/^\d{4}[0-9FTUM]$/.test(code) && pack.id !== 'seed-64866') {
          assert.equal(entry.shortDescriptor ?? entry.longDescriptor, undefined, `${pack.id} carries CPT text for ${code}`);
        }
      }
    }
  });

  it('a broken file is rejected with the line of the problem', () => {
    const text = '{\n  "format": "cpt-lens-pack",\n  "schemaVersion": 1,\n  "id": "x",\n  "title": "x",\n  "source": {"title": "t", "license": "other"},\n  "codes": {"99213": {"longDescriptor": "x"},}\n}';
    assert.throws(() => parsePack(text, 'broken.json'), (e: PackError) => e.line === 7 && /not valid JSON/.test(e.reason));
  });

  it('a pack of the wrong shape names the key', () => {
    const text = '{\n"format": "cpt-lens-pack",\n"schemaVersion": 1,\n"id": "x",\n"title": "x",\n"source": {"title": "t", "license": "other"},\n"opps": {"quarters": ["2026-01"], "status": {"64866": ["C", "C"]}}\n}';
    assert.throws(() => parsePack(text, 'shape.json'), (e: PackError) => /one entry per quarter/.test(e.reason) && e.line === 7);
  });

  it('binary content is refused, not parsed', () => {
    assert.throws(() => parsePack('\u0000\u0001PK', 'x.zip'), /binary data/);
  });

  it('one bad file does not stop the others from loading', async () => {
    const ok = JSON.stringify({ format: 'cpt-lens-pack', schemaVersion: 1, id: 'ok', title: 'ok', source: { title: 't', license: 'other' } });
    const result = await loadPacks([
      { name: 'ok.json', read: async () => ok },
      { name: 'bad.json', read: async () => '{' },
      { name: 'gone.json', read: async () => { throw new Error('ENOENT: no such file'); } },
    ]);
    assert.deepEqual(result.packs.map((p) => p.id), ['ok']);
    assert.deepEqual(result.errors.map((e) => e.file), ['bad.json', 'gone.json']);
  });
});
