// Browser-level smoke test: the workbench renders and opens a file of the test workspace.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useWorkbench } from '../harness/ui-fixture.mjs';

describe('workbench (UI)', function () {
  const wb = useWorkbench();

  it('renders .monaco-workbench', async () => {
    await wb.page.locator('.monaco-workbench').waitFor({ state: 'visible' });
    assert.ok(await wb.page.locator('.monaco-workbench').isVisible());
  });

  it('opens README.md', async () => {
    await wb.openFile('README.md');
    const text = (await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').innerText())
      .replace(/\u00a0/g, ' ');
    const firstLine = fs.readFileSync(wb.path('README.md'), 'utf8').split('\n').find((l) => l.trim() !== '');
    assert.ok(text.includes(firstLine.trim()), `editor text does not show "${firstLine}":\n${text}`);
    await wb.screenshot('workbench-readme');
  });
});
