import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixture, hoverText, open, positionOf, until } from './helpers';

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

  it('a large payer list (2 MB, converted in a worker thread) changes the hover like a small one', async function () {
    this.timeout(60_000);
    const file = fixture('data/generated-large-payer-list.csv');
    const rows = ['Code,Short,Long', '64866,OFF THREAD TEST,"Long descriptor read from a 2 MB payer list, converted off the host thread"'];
    for (let n = 10_000; rows.length < 7_000; n++) rows.push(`${n},TEST ${n},"${'Long test descriptor '.repeat(14)}${n}"`);
    fs.writeFileSync(file.fsPath, rows.join('\n') + '\n');
    try {
      assert.ok(fs.statSync(file.fsPath).size > 1024 * 1024, 'large enough to go to the worker');
      const document = await open('chargemaster.csv');
      const at = positionOf(document, '64866', 2);
      const entry = { path: 'data/generated-large-payer-list.csv', mapping: { code: 'Code', shortDescriptor: 'Short', longDescriptor: 'Long' } };
      await vscode.workspace.getConfiguration('cptLens').update('data.files', [entry], vscode.ConfigurationTarget.Workspace);
      const changed = await until(async () => (await hoverText(document, at)).includes('converted off the host thread'), 45_000);
      assert.ok(changed, (await hoverText(document, at)).slice(0, 300));
    } finally {
      fs.rmSync(file.fsPath, { force: true });
    }
  });
});
