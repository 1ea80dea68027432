import { strict as assert } from 'assert';
import { findDuplicateKey } from '../../src/core/pack/duplicates';
import { importData, ImportError } from '../../src/core/import';
import { bundledPacks } from './helpers/engine';

const pack = (codes: string) =>
  `{\n"format": "cpt-lens-pack", "schemaVersion": 1, "id": "dup", "title": "dup", "source": {"title": "t", "license": "other"},\n"codes": {\n${codes}\n}\n}\n`;

describe('duplicate codes in a data pack', () => {
  it('a code listed twice is reported with the line of the second entry', () => {
    const text = pack('"99213": {"shortDescriptor": "a"},\n"64866": {"shortDescriptor": "b"},\n"99213": {"shortDescriptor": "c"}');
    assert.deepEqual(findDuplicateKey(text), { table: 'codes', key: '99213', line: 6 });
    assert.throws(() => importData(new TextEncoder().encode(text), 'dup.cptlens-pack.json'), (e: ImportError) => e.line === 6 && /"99213" is listed twice in "codes"/.test(e.reason));
  });

  it('equal keys in different entries or nested objects are not duplicates', () => {
    assert.equal(findDuplicateKey(pack('"99213": {"shortDescriptor": "a", "examples": ["x"]},\n"64866": {"shortDescriptor": "b", "examples": [{"shortDescriptor": 1}]}')), undefined);
  });

  it('the bundled packs have none', () => {
    for (const p of bundledPacks()) assert.equal(findDuplicateKey(JSON.stringify(p)), undefined, p.id);
  });
});
