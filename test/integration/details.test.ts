import * as assert from 'assert';
import * as vscode from 'vscode';
import { open } from './helpers';

describe('details view', () => {
  it('Show Code Details opens a panel with every field of the reference record', async () => {
    await open('notes.md');
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('cptLens.showCard', { code: '64866' });
    assert.ok(panel, 'the command returns its panel');
    const html = panel.webview.html;
    for (const text of ['Anastomosis; facial-spinal accessory nerve', 'In simple words', 'Medical necessity', 'Documentation', 'Examples',
      'Specialties', 'Places of service', 'Procedure details', 'Plastic Surgery', 'Ambulatory Surgical Center', 'Inpatient-only note',
      'Payment indicators', "Content-Security-Policy"]) {
      assert.ok(html.includes(text), `details view misses ${text}`);
    }
    assert.ok(!/<script/i.test(html), 'the details view runs no script');
    panel.dispose();
  });
});
