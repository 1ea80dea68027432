/**
 * `npm run build` saves the bundled packs' layouts (dist/packs.snapshot.json); the CLI rebuilds a
 * pack from it only when the pack's bytes are exactly the ones saved, and then gets what parsePack gives.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BUNDLED_PACKS } from '../../../src/core/pack/bundled';
import { lazyTableOf } from '../../../src/core/pack/lazyTable';
import { loadPacks } from '../../../src/core/pack/load';
import { bundledPackFiles, snapshotFile, writeBundledSnapshot } from '../../../src/core/pack/nodeFiles';
import { Catalog } from '../../../src/core/catalog/catalog';
import { REPO_ROOT } from '../helpers/engine';

/** A package root with a copy of the bundled packs. */
function tempRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-snapshot-'));
  fs.mkdirSync(path.join(root, 'data', 'packs'), { recursive: true });
  fs.mkdirSync(path.join(root, 'dist'));
  for (const name of BUNDLED_PACKS) fs.copyFileSync(path.join(REPO_ROOT, 'data', 'packs', name), path.join(root, 'data', 'packs', name));
  return root;
}

const text = (root: string, name: string): string => fs.readFileSync(path.join(root, 'data', 'packs', name), 'utf8');

describe('bundled packs rebuilt from the build-time snapshot', () => {
  it('every bundled pack is rebuilt from its saved layout as exactly what JSON.parse of its text gives, its big tables lazy', async () => {
    const root = tempRoot();
    writeBundledSnapshot(root);
    const files = bundledPackFiles(root);
    for (const [i, name] of BUNDLED_PACKS.entries()) {
      const pack = await files[i].load?.();
      assert.ok(pack, `${name} is restored`);
      if (name.startsWith('hcpcs')) assert.ok(lazyTableOf(pack, 'codes'));
      assert.deepEqual(pack, JSON.parse(text(root, name)), name);
    }
  });

  it('a catalog over restored packs answers as one over scanned packs', async () => {
    const root = tempRoot();
    writeBundledSnapshot(root);
    const restored = new Catalog((await loadPacks(bundledPackFiles(root))).packs);
    const scanned = new Catalog((await loadPacks(bundledPackFiles(root).map(({ name, read }) => ({ name, read })))).packs);
    for (const code of [...scanned.codes(), 'A0021', '64866', '0001U', 'ZZZZZ', '']) {
      assert.equal(restored.knows(code), scanned.knows(code), code);
      assert.deepEqual(restored.record(code), scanned.record(code), code);
    }
  });

  it('a pack edited after the build is read from its text, not from the stale snapshot', async () => {
    const root = tempRoot();
    writeBundledSnapshot(root);
    const name = BUNDLED_PACKS.find((n) => n.startsWith('hcpcs'))!;
    const edited = text(root, name).replace('"A0021":{', '"A0021":{"summary":"edited",');
    assert.notEqual(edited, text(root, name));
    fs.writeFileSync(path.join(root, 'data', 'packs', name), edited);
    const files = bundledPackFiles(root);
    assert.equal(await files[BUNDLED_PACKS.indexOf(name)].load?.(), undefined);
    const catalog = new Catalog((await loadPacks(files)).packs);
    assert.equal(catalog.record('A0021')?.summary, 'edited');
  });

  it('no snapshot, or one of another format, leaves every pack to be read from its text', async () => {
    const root = tempRoot();
    assert.equal(await bundledPackFiles(root)[3].load?.(), undefined);
    fs.writeFileSync(snapshotFile(root), JSON.stringify({ format: 'something-else', version: 1, packs: {} }));
    assert.equal(await bundledPackFiles(root)[3].load?.(), undefined);
    const { packs, errors } = await loadPacks(bundledPackFiles(root));
    assert.equal(errors.length, 0);
    assert.equal(packs.length, BUNDLED_PACKS.length);
  });
});
