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
const packPath = (root: string, name: string): string => path.join(root, 'data', 'packs', name);
const HCPCS = BUNDLED_PACKS.find((n) => n.startsWith('hcpcs'))!;

/** Dates every pack an hour back, as in a checkout built long after its files were written. */
function ageing(root: string): string {
  const then = Date.now() / 1000 - 3600;
  for (const name of BUNDLED_PACKS) fs.utimesSync(packPath(root, name), then, then);
  return root;
}

/** The snapshot's JSON, edited in place. */
function editSnapshot(root: string, edit: (saved: { packs: Record<string, { sha256: string; stamp?: { size: number; mtimeNs: string } }> }) => void): void {
  const saved = JSON.parse(fs.readFileSync(snapshotFile(root), 'utf8'));
  edit(saved);
  fs.writeFileSync(snapshotFile(root), JSON.stringify(saved));
}

/** The HCPCS pack with one descriptor letter changed: same size, other bytes. */
function editSameSize(root: string): void {
  const before = text(root, HCPCS);
  const after = before.replace(/"A0021":\{("[a-z]+":)"(.)/i, (_m, key: string, c: string) => `"A0021":{${key}"${c === 'X' ? 'Y' : 'X'}`);
  assert.notEqual(after, before);
  assert.equal(Buffer.byteLength(after), Buffer.byteLength(before));
  fs.writeFileSync(packPath(root, HCPCS), after);
}

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

  it('a pack whose size and modification time are the ones the build recorded is restored without hashing its bytes', async () => {
    const root = ageing(tempRoot());
    writeBundledSnapshot(root);
    // A wrong hash proves it is not consulted: the recorded size and time vouch for the bytes.
    editSnapshot(root, (saved) => Object.values(saved.packs).forEach((p) => (p.sha256 = '0'.repeat(64))));
    const files = bundledPackFiles(root);
    for (const [i, name] of BUNDLED_PACKS.entries()) assert.deepEqual(await files[i].load?.(), JSON.parse(text(root, name)), name);
    // Entries looked up one by one are read from the file as asked, and answer as scanned packs do.
    const restored = new Catalog((await loadPacks(bundledPackFiles(root))).packs);
    const scanned = new Catalog((await loadPacks(bundledPackFiles(root).map(({ name, read }) => ({ name, read })))).packs);
    for (const code of ['A0021', '64866', 'J1100', '99213', 'G0008', 'ZZZZZ']) assert.deepEqual(restored.record(code), scanned.record(code), code);
  });

  it('an edit that keeps the size is caught by the new modification time', async () => {
    const root = ageing(tempRoot());
    writeBundledSnapshot(root);
    editSameSize(root);
    assert.equal(await bundledPackFiles(root)[BUNDLED_PACKS.indexOf(HCPCS)].load?.(), undefined);
  });

  it('an edit that puts back the recorded modification time is caught by the size, then the hash', async () => {
    const root = ageing(tempRoot());
    writeBundledSnapshot(root);
    const { mtime } = fs.statSync(packPath(root, HCPCS));
    fs.writeFileSync(packPath(root, HCPCS), text(root, HCPCS).replace('"A0021":{', '"A0021":{"summary":"edited",'));
    fs.utimesSync(packPath(root, HCPCS), mtime, mtime);
    const files = bundledPackFiles(root);
    assert.equal(await files[BUNDLED_PACKS.indexOf(HCPCS)].load?.(), undefined);
    assert.equal(new Catalog((await loadPacks(files)).packs).record('A0021')?.summary, 'edited');
  });

  it('a pack modified just before the build gets no recorded time: a same-size edit in the same clock tick is caught by the hash', async () => {
    const root = tempRoot(); // files written just now
    writeBundledSnapshot(root);
    const saved = JSON.parse(fs.readFileSync(snapshotFile(root), 'utf8'));
    assert.equal(saved.packs[HCPCS].stamp, undefined);
    const { mtime } = fs.statSync(packPath(root, HCPCS));
    editSameSize(root);
    fs.utimesSync(packPath(root, HCPCS), mtime, mtime);
    assert.equal(await bundledPackFiles(root)[BUNDLED_PACKS.indexOf(HCPCS)].load?.(), undefined);
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
