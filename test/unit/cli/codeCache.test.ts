/**
 * bin/cpt-lens.js loads dist/cli.js with the V8 code that `npm run build` saves in dist/cli.js.cache
 * (bin/load-cli.js). The cache only spares compiling: with it, without it, or with one that does not
 * fit the bundle, the CLI prints the same and exits the same, and it never writes a cache itself.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/engine';

const EXAMPLES = ['chargemaster.csv', 'fee-schedule.csv', 'claim-837p.837', 'claim-837i.837i', 'fhir-claim.json', 'coding-notes.md'].map((f) => path.join('examples', f));

/** A package root with copies of bin/ and dist/ (the bundle and its cache can be changed there), the data linked. */
function tempPackage(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-code-cache-'));
  fs.cpSync(path.join(REPO_ROOT, 'bin'), path.join(root, 'bin'), { recursive: true });
  fs.mkdirSync(path.join(root, 'dist'));
  for (const f of ['cli.js', 'cli.js.cache', 'packs.snapshot.json', 'packs.snapshot.bin']) fs.copyFileSync(path.join(REPO_ROOT, 'dist', f), path.join(root, 'dist', f));
  fs.copyFileSync(path.join(REPO_ROOT, 'package.json'), path.join(root, 'package.json'));
  fs.symlinkSync(path.join(REPO_ROOT, 'data'), path.join(root, 'data'));
  return root;
}

const bundle = (root: string): string => path.join(root, 'dist', 'cli.js');
const cache = (root: string): string => path.join(root, 'dist', 'cli.js.cache');

/** What `cpt-lens ARGS` prints and returns when run from `root`. */
function cli(root: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cpt-lens.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Whether a fresh `node` (no flags, as the build's) loads the bundle under `root` with its cache. */
function cacheTaken(root: string): boolean {
  const code = `process.stdout.write(String(require(${JSON.stringify(path.join(root, 'bin', 'load-cli.js'))}).compileCli(${JSON.stringify(bundle(root))}).cached))`;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout === 'true';
}

/** The runs compared: checks in JSON and SARIF, a card. */
const runs = (root: string) => [
  cli(root, 'check', ...EXAMPLES, '--format', 'json'),
  cli(root, 'check', ...EXAMPLES, '--format', 'sarif'),
  cli(root, 'show', '64866', '--format', 'json'),
];

describe('cpt-lens with the build-time code cache of its bundle', function () {
  this.timeout(120_000);
  let expected: ReturnType<typeof runs>;

  before(() => {
    const root = tempPackage();
    assert.ok(cacheTaken(root), 'the cache the build saved is taken by the node that built it');
    expected = runs(root);
    assert.deepEqual(expected.map((r) => r.status), [1, 1, 0]);
  });

  it('without a cache it prints the same, and writes none', () => {
    const root = tempPackage();
    fs.rmSync(cache(root));
    assert.equal(cacheTaken(root), false);
    assert.deepEqual(runs(root), expected);
    assert.equal(fs.existsSync(cache(root)), false);
  });

  it('a cache V8 refuses (another Node version, other flags, damaged) is left aside: same output', () => {
    const root = tempPackage();
    const bytes = fs.readFileSync(cache(root));
    const source = fs.readFileSync(bundle(root));
    // V8's part follows the copy of the source; its own header (version, flags, source length) comes first.
    const v8Part = bytes.indexOf(source.subarray(0, 256)) + source.length;
    assert.ok(v8Part > source.length && v8Part < bytes.length);
    bytes.fill(0x5a, v8Part, v8Part + 64);
    fs.writeFileSync(cache(root), bytes);
    assert.equal(cacheTaken(root), false);
    assert.deepEqual(runs(root), expected);
  });

  it('a cache made from another bundle is not used, even one of the same length (V8 would take it)', () => {
    const root = tempPackage();
    const source = fs.readFileSync(bundle(root), 'utf8');
    const changed = source.replace(/sourceMappingURL=cli\.js\.map\s*$/, 'sourceMappingURL=cli.js.maq\n');
    assert.notEqual(changed, source);
    assert.equal(Buffer.byteLength(changed), Buffer.byteLength(source));
    fs.writeFileSync(bundle(root), changed);
    assert.equal(cacheTaken(root), false);
    assert.deepEqual(runs(root), expected);
  });
});
