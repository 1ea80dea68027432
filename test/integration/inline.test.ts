import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, open } from './helpers';

describe('inline descriptors and look-up', () => {
  it('inlay hints put the descriptor and the inpatient-only marker after codes in the visible range', async () => {
    const document = await open('chargemaster.csv');
    const range = new vscode.Range(0, 0, document.lineCount, 0);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range);
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.ok(labels.some((l) => l.startsWith('⚠ inpatient only')), JSON.stringify(labels));
    assert.ok(labels.some((l) => /dexamethasone/i.test(l)), JSON.stringify(labels));
  });

  it('inlay hints are computed only for the range asked', async () => {
    const document = await open('chargemaster.csv');
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(3, 0, 3, 100));
    assert.ok(hints.every((h) => h.position.line === 3), JSON.stringify(hints.map((h) => h.position.line)));
  });

  it('look-up finds 64866 for "facial accessory anastomosis"', async () => {
    await open('notes.md');
    const api = vscode.extensions.getExtension<{ lookUp(q: string): Promise<string[]> }>(EXTENSION_ID)!.exports;
    const codes = await api.lookUp('facial accessory anastomosis');
    assert.equal(codes[0], '64866');
  });
});
