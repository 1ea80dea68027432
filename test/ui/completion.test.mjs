// Completion as a person uses it: type in a fee schedule, read the suggest widget, accept with Enter.
import assert from 'node:assert/strict';
import { useWorkbench } from '../harness/ui-fixture.mjs';

const FEES = 'CPT,MOD,POS,Fee\n64866,22,22,1800.00\n';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('completion in the browser (UI)', function () {
  // Inline descriptors off: the test reads the line as typed.
  const wb = useWorkbench({ files: { 'fees.csv': FEES }, settings: { 'cptLens.inlayHints.mode': 'off' } });

  /** The suggest widget's rows, once one of them contains `expect` (Ctrl+Space asks again if it closed). */
  async function suggestRows(expect, timeout = 15_000) {
    const deadline = Date.now() + timeout;
    let rows = [];
    let asked = Date.now();
    while (Date.now() < deadline) {
      rows = (await wb.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row').allInnerTexts())
        .map((t) => t.replace(/\s+/g, ' ').trim());
      if (rows.some((r) => r.includes(expect))) return rows;
      if (Date.now() - asked > 1500) {
        await wb.page.keyboard.press('Control+Space');
        asked = Date.now();
      }
      await sleep(150);
    }
    throw new Error(`suggest widget has no row with "${expect}"; rows: ${JSON.stringify(rows)}`);
  }

  async function lastLineText() {
    const lines = await wb.page.evaluate(() => [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')));
    return lines.filter((l) => l.trim()).at(-1) ?? '';
  }

  async function newLineAtEnd() {
    await wb.page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
    await wb.page.keyboard.press('Control+End');
  }

  it('typing 6486 in the CPT column shows the 6486x codes with descriptors, 64866 marked inpatient only', async () => {
    await wb.openFile('fees.csv');
    await newLineAtEnd();
    await wb.page.keyboard.type('6486', { delay: 60 });
    const rows = await suggestRows('64866');
    const row = rows.find((r) => r.includes('64866'));
    assert.match(row, /inpatient only/);
    assert.match(row, /facial-spinal accessory nerve/);
    assert.ok(rows.every((r) => /^6486\d/.test(r)), rows.join('\n'));
    await wb.screenshot('completion-prefix');
    await wb.page.keyboard.press('Escape');
    for (let i = 0; i < 4; i++) await wb.page.keyboard.press('Backspace');
  });

  it('typing words offers 64866 first; Enter writes the code, then "-" offers the modifiers that fit', async () => {
    await wb.openFile('fees.csv');
    await newLineAtEnd();
    await wb.page.keyboard.type('facial nerve anas', { delay: 50 });
    const rows = await suggestRows('64866');
    assert.match(rows[0], /^64866/);
    await wb.page.keyboard.press('Enter');
    for (const until = Date.now() + 5000; Date.now() < until && !(await lastLineText()).startsWith('64866');) await sleep(100);
    assert.equal((await lastLineText()).trim(), '64866');
    await wb.page.keyboard.type('-', { delay: 50 });
    const mods = await suggestRows('Multiple procedures');
    assert.match(mods[0], /^51/);
    await wb.screenshot('completion-modifiers');
    await wb.page.keyboard.press('Enter');
    for (const until = Date.now() + 5000; Date.now() < until && !(await lastLineText()).includes('-51');) await sleep(100);
    assert.equal((await lastLineText()).trim(), '64866-51');
  });
});
