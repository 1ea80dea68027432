import * as assert from 'assert';
import * as vscode from 'vscode';
import { open } from './helpers';

describe('completion: codes while typing', () => {
  it('typing 6486 in a CSV code column offers 64866 with its descriptor', async () => {
    const document = await open('chargemaster.csv');
    const editor = await vscode.window.showTextDocument(document);
    const end = new vscode.Position(document.lineCount, 0);
    await editor.edit((e) => e.insert(end, '100203,NEW LINE,6486'));
    try {
      const position = document.lineAt(document.lineCount - 1).range.end;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '64866');
      assert.ok(item, `64866 not offered among ${list.items.length} items`);
      const label = item.label as vscode.CompletionItemLabel;
      assert.match(label.description ?? '', /inpatient only/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
