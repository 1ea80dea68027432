// The packaged extension, installed as a user installs it: `npm run package` builds cpt-lens.vsix
// (under 5 MB, only the bundle, data, docs, README, LICENSE, icon), `code-server --install-extension`
// installs it, and the hover works with no development path.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useWorkbench } from '../harness/ui-fixture.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const VSIX = path.join(REPO_ROOT, 'cpt-lens.vsix');

describe('the packaged .vsix (UI)', function () {
  before(function () {
    this.timeout(180_000);
    execFileSync('npm', ['run', 'package', '--silent'], { cwd: REPO_ROOT, stdio: 'pipe' });
  });

  it('is under 5 MB and holds only what ships', () => {
    assert.ok(fs.statSync(VSIX).size < 5 * 1024 * 1024, `${fs.statSync(VSIX).size} bytes`);
    const list = execFileSync('unzip', ['-Z1', VSIX], { encoding: 'utf8' }).trim().split('\n');
    const unexpected = list.filter((f) => !/^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|readme\.md|LICENSE\.txt|dist\/(extension|features|importWorker)\.js|data\/pack\.schema\.json|data\/packs\/[\w.-]+\.json|media\/icon\.png|docs\/rules\/[\w-]+\.md))$/i.test(f));
    assert.deepEqual(unexpected, []);
  });

  describe('installed into code-server', function () {
    const wb = useWorkbench({ vsix: VSIX, extensionPath: null, files: { 'fees.csv': 'CPT,Fee\n64866,1480.10\n' } });

    it('shows the card on hover', async () => {
      await wb.openFile('fees.csv');
      const text = await wb.hoverText('64866', { expect: 'Anastomosis' });
      assert.match(text, /64866 — Anastomosis; facial-spinal accessory nerve/);
    });
  });
});
