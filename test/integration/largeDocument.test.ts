/**
 * A large charge file is checked without holding up the extension host: the check runs in slices
 * and other work (here: this test's own timer turns, in a real editor hovers) runs in between.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { diagnostics, EXTENSION_ID, ruleOf } from './helpers';

interface Stats { slicedChecks: number; droppedChecks: number; pauses: number; checking: number }

function chargeFile(rows: number): string {
  const lines = ['CDM,Description,CPT,MOD,POS,Setting,Charge'];
  const codes = ['99213', 'J1100', '27447', '99214', '36415'];
  for (let i = 0; i < rows; i++) lines.push(`${100000 + i},OUTPATIENT SERVICE ITEM NUMBER ${i},${codes[i % codes.length]},${i % 3 ? '' : 'RT'},22,outpatient,${i}.00`);
  lines.push('999999,A VALUE THAT IS NOT A CODE,648666,,22,outpatient,1.00');
  return lines.join('\n') + '\n';
}

describe('a large document', () => {
  it('is checked in slices: the extension host keeps turning while the check runs, and the last row still gets its problem', async function () {
    this.timeout(120_000);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-large-')), 'large-charges.csv');
    fs.writeFileSync(file, chargeFile(120_000));
    const api = await vscode.extensions.getExtension<{ ready(): Promise<void>; checkStats(): Stats }>(EXTENSION_ID)!.activate();
    await api.ready();
    const before = api.checkStats();
    let turnsWhileChecking = 0;
    let sawCheck = false;
    let running = true;
    const watch = (async () => {
      while (running) {
        await new Promise((r) => setImmediate(r));
        if (api.checkStats().checking > 0) {
          sawCheck = true;
          turnsWhileChecking++;
        }
      }
    })();
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(document);
      const lastLine = document.lineCount - 2;
      const found = await diagnostics(document.uri, (d) => d.some((x) => x.range.start.line === lastLine), 90_000);
      running = false;
      await watch;
      const invalid = found.find((d) => d.range.start.line === lastLine);
      assert.equal(invalid && ruleOf(invalid), 'invalid-code', 'the last row of the file was checked');
      const after = api.checkStats();
      assert.ok(after.slicedChecks > before.slicedChecks, 'the document was checked in slices');
      assert.ok(sawCheck && turnsWhileChecking >= 3, `this test's own loop turned ${turnsWhileChecking} times during the check`);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      running = false;
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
