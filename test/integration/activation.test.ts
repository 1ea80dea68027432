// Activation registers forwarders only; the engine and the data load after it returns. What a user
// does in that window must still work: every command exists, and a hover waits for the data.
// (Named so that it runs first: the other suites call `ready()` before they ask anything.)
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixture, hoverText, positionOf } from './helpers';

describe('activation', () => {
  it('every command of package.json is registered once CPT Lens is active', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await extension.activate();
    const contributed: string[] = extension.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), []);
  });

  it('a hover asked right after opening a file, without waiting for the data, shows the card', async () => {
    const document = await vscode.workspace.openTextDocument(fixture('fee-schedule.csv'));
    await vscode.window.showTextDocument(document);
    const text = await hoverText(document, positionOf(document, '64866', 2));
    assert.ok(text.includes('64866 — Anastomosis; facial\\-spinal accessory nerve'), text);
  });
});
