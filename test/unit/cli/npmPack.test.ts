/**
 * What npm packs (`npm pack`, a git dependency) is a `cpt-lens` that runs: the command, its bundle
 * and the bundled data, and none of the sources, tests or benchmark.
 */
import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/engine';

describe('the package npm makes', () => {
  let dir: string;
  let files: string[];
  before(function () {
    this.timeout(60_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-pack-'));
    // The build ran before the unit tests (npm run test:unit): pack what it made, without running it again.
    const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const [packed] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    files = packed.files.map((f) => f.path);
    execFileSync('tar', ['xzf', path.join(dir, packed.filename), '-C', dir]);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds the command, its bundle with the pack snapshot, and the bundled packs', () => {
    for (const f of ['bin/cpt-lens.js', 'bin/load-cli.js', 'dist/cli.js', 'dist/cli.js.cache', 'dist/packs.snapshot.json', 'dist/packs.snapshot.bin', 'package.json', 'README.md', 'LICENSE']) {
      assert.ok(files.includes(f), f);
    }
    const packs = fs.readdirSync(path.join(REPO_ROOT, 'data', 'packs'));
    for (const p of packs) assert.ok(files.includes(`data/packs/${p}`), p);
  });

  it('leaves out sources, tests, the benchmark and the extension bundles', () => {
    const stray = files.filter((f) => /^(src|test|bench|scripts|out|\.cache)\//.test(f) || /^dist\/(extension|features|importWorker)\.js/.test(f) || f.endsWith('.map'));
    assert.deepEqual(stray, []);
  });

  it('runs from the unpacked copy: a claim with findings exits 1 with JSON rows', () => {
    const claim = path.join(REPO_ROOT, 'examples', 'claim-837p.837');
    const r = spawnSync(process.execPath, [path.join(dir, 'package', 'bin', 'cpt-lens.js'), 'check', claim, '--format', 'json', '--no-config'], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const rows = JSON.parse(r.stdout) as { file: string; rule?: string }[];
    assert.ok(rows.length > 0);
    assert.ok(rows.every((row) => row.file === claim && row.rule));
  });
});
