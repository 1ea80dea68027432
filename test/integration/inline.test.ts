import * as assert from 'assert';
import * as vscode from 'vscode';
import { cptLensApi, open, x12Interchange } from './helpers';

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

  it('in an X12 file written on one line, inlay hints are those of the part of the line asked (wrapped on screen), at most as many as VS Code draws', async () => {
    const body: string[] = [];
    for (let c = 0; c < 1000; c++) body.push(`HL*${c + 3}*2*22*0~`, `CLM*C${c}*300***11:B:1*Y*A*Y*Y~`, 'LX*1~', 'SV1*HC:J1100*100*UN*1***1~', 'LX*2~', 'SV1*HC:A9500*100*UN*1***1~');
    const segments = x12Interchange(body);
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: segments.join('') });
    const end = document.lineAt(0).range.end;
    const all = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, 0, end.character));
    assert.equal(all.length, 1500, 'the first 1,500 of 2,000 codes');
    const part = new vscode.Range(0, 40_000, 0, 41_000);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, part);
    assert.ok(hints.length > 10 && hints.every((h) => part.contains(h.position)), JSON.stringify(hints.map((h) => h.position.character)));
  });

  it('a range holding more codes than a screen shows: hints for the first 20,000 codes looked at, no more', async () => {
    // 25,000 CPT codes without a loaded descriptor (no hint), then HCPCS codes with one.
    const body = ['HL*3*2*22*0~', 'CLM*C1*300***11:B:1*Y*A*Y*Y~'];
    for (let n = 0; n < 25_000; n++) body.push(`LX*${n + 1}~`, 'SV1*HC:99213*100*UN*1***1~');
    for (let n = 0; n < 10; n++) body.push('LX*1~', 'SV1*HC:J1100*100*UN*1***1~');
    const segments = x12Interchange(body);
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: segments.join('') });
    const whole = new vscode.Range(0, 0, 0, document.lineAt(0).range.end.character);
    assert.equal((await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, whole)).length, 0);
    const end = new vscode.Range(0, document.getText().indexOf('SV1*HC:J1100'), 0, whole.end.character);
    assert.equal((await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, end)).length, 10, 'asked for the end of the line, its hints');
  });

  it('look-up finds 64866 for "facial accessory anastomosis"', async () => {
    await open('notes.md');
    const api = await cptLensApi();
    const codes = await api.lookUp('facial accessory anastomosis');
    assert.equal(codes[0], '64866');
  });
});
