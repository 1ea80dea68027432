import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, hoverText, open, positionOf } from './helpers';

async function until(ok: () => Promise<boolean>, timeoutMs = 15_000): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await ok()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe('bring your own data', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('cptLens').update('data.files', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('adding a licensed descriptor file through the setting changes the hover without a reload', async () => {
    const document = await open('chargemaster.csv');
    const at = positionOf(document, '64866', 2);
    assert.ok(!(await hoverText(document, at)).includes('TEST PROC GAMMA'));
    await vscode.workspace.getConfiguration('cptLens').update('data.files', ['data/SHORTU.txt'], vscode.ConfigurationTarget.Workspace);
    const changed = await until(async () => (await hoverText(document, at)).includes('TEST PROC GAMMA'));
    assert.ok(changed, await hoverText(document, at));
  });

  it('a broken data file keeps the data in force', async () => {
    const document = await open('chargemaster.csv');
    const at = positionOf(document, '64866', 2);
    await vscode.workspace.getConfiguration('cptLens').update('data.files', ['data/SHORTU.txt'], vscode.ConfigurationTarget.Workspace);
    assert.ok(await until(async () => (await hoverText(document, at)).includes('TEST PROC GAMMA')));
    await vscode.workspace.getConfiguration('cptLens').update('data.files', ['data/SHORTU.txt', 'data/broken.cptlens-pack.json'], vscode.ConfigurationTarget.Workspace);
    await new Promise((r) => setTimeout(r, 1500));
    const text = await hoverText(document, at);
    assert.ok(text.includes('TEST PROC GAMMA'), `the descriptors loaded before are still in force: ${text.slice(0, 200)}`);
    const api = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok(api.isActive);
  });
});
