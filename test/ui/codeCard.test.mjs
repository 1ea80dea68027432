// What a coder sees in the browser: the hover card, the Problems panel, inline descriptors and
// the details view, read from the real workbench DOM. Screenshots go to test-artifacts/ and,
// with CPT_LENS_SCREENSHOTS=docs/images, into the README's images.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useWorkbench } from '../harness/ui-fixture.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const CLAIM = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'chargemaster.csv'), 'utf8');
// 4,500 rows with a code the data does not know: more problems than VS Code shows per file (1,000).
const MANY = `CPT,Description\n${Array.from({ length: 4500 }, (_, i) => `99999,Row ${i}`).join('\n')}\n`;

async function keep(wb, name) {
  const file = await wb.screenshot(name);
  const dir = process.env.CPT_LENS_SCREENSHOTS;
  if (dir) {
    fs.mkdirSync(path.resolve(REPO_ROOT, dir), { recursive: true });
    fs.copyFileSync(file, path.resolve(REPO_ROOT, dir, `${name}.png`));
  }
}

describe('the code card in the browser (UI)', function () {
  const wb = useWorkbench({
    files: { 'chargemaster.csv': CLAIM },
    settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 14, 'window.zoomLevel': 0 },
  });

  it('hovering 64866 shows the card with the inpatient-only warning', async () => {
    await wb.openFile('chargemaster.csv');
    const text = await wb.hoverText('64866', { expect: 'Anastomosis' });
    assert.match(text, /64866 — Anastomosis; facial-spinal accessory nerve/);
    assert.match(text, /Inpatient only \(CMS\)/);
    await keep(wb, 'hover');
  });

  it('the Problems panel lists the inpatient-only code on the outpatient line as an error', async () => {
    await wb.openFile('chargemaster.csv');
    const text = await wb.problemsText({ expect: 'inpatient only', timeout: 20_000 });
    assert.match(text, /64866 is inpatient only/);
    assert.match(text, /outpatient \(setting "outpatient"\)/);
    await keep(wb, 'problems');
  });

  it('inline descriptors appear after the codes', async () => {
    await wb.openFile('chargemaster.csv');
    await wb.page.keyboard.press('Escape');
    const deadline = Date.now() + 15_000;
    let text = '';
    while (Date.now() < deadline) {
      text = (await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
      if (/dexamethasone/i.test(text)) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    assert.match(text, /inpatient only/i, `inline hints not rendered:\n${text}`);
    await keep(wb, 'inline-hints');
  });

  it('Show Code Details opens the full card beside the editor', async () => {
    await wb.openFile('chargemaster.csv');
    await wb.page.keyboard.press('F1');
    await wb.page.keyboard.type('CPT Lens: Show Code Details');
    await wb.page.waitForTimeout(500);
    await wb.page.keyboard.press('Enter');
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('64866');
    await wb.page.keyboard.press('Enter');
    const frame = wb.page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    const body = frame.locator('body');
    await body.getByText('In simple words').waitFor({ timeout: 20_000 });
    const text = await body.innerText();
    for (const part of ['Anastomosis; facial-spinal accessory nerve', 'Medical necessity', 'Specialties', 'Payment indicators', 'OPPS status indicator']) {
      assert.ok(text.includes(part), `details view misses ${part}`);
    }
    await keep(wb, 'details');
  });
});

// A workbench of its own: the view it scrolls and the problems it makes stay out of the card's tests.
describe('a file with more problems than VS Code shows (UI)', function () {
  const wb = useWorkbench({ files: { 'many.csv': MANY } });

  it('a code at the end of the file shows its problem where the coder looks', async () => {
    // VS Code keeps 1,000 problems of a file and draws squiggles for the first 500 handed over:
    // without CPT Lens choosing those near the view, the end of this file has none.
    await wb.openFile('many.csv');
    await wb.page.keyboard.press('Control+End');
    const text = await wb.hoverText('99999', { expect: 'is not on any loaded', occurrence: 5, timeout: 20_000 });
    assert.match(text, /99999 is not on any loaded CPT list/);
    await wb.page.keyboard.press('Escape');
  });
});
