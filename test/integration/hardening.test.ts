import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { diagnostics, fixture, hoverText, open, positionOf } from './helpers';

describe('hardening in the real editor', () => {
  it('the details webview runs no script, loads nothing remote and reads only the extension\'s media', async () => {
    await open('notes.md');
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('cptLens.showCard', { code: '64866' });
    try {
      assert.equal(panel.webview.options.enableScripts, false);
      const roots = (panel.webview.options.localResourceRoots ?? []).map((u) => u.path);
      assert.equal(roots.length, 1);
      assert.ok(roots[0].endsWith('/media'), roots.join());
      assert.match(panel.webview.html, /Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[^']+';"/);
      assert.ok(!/https?:\/\//.test(panel.webview.html.replace(/<meta[^>]*>/, '')), 'no remote URL in the page');
    } finally {
      panel.dispose();
    }
  });

  it('arguments from a command link are validated: a bad code opens nothing', async () => {
    const result = await vscode.commands.executeCommand('cptLens.showCard', { code: '<script>' });
    assert.equal(result, undefined);
  });

  it('a document over cptLens.maxFileSizeMB gets no problems', async () => {
    const config = vscode.workspace.getConfiguration('cptLens');
    await config.update('maxFileSizeMB', 0.00001, vscode.ConfigurationTarget.Workspace);
    try {
      const document = await open('notes.md');
      await new Promise((r) => setTimeout(r, 1500));
      const found = await diagnostics(document.uri, (d) => d.length === 0, 5000);
      assert.equal(found.length, 0);
    } finally {
      await config.update('maxFileSizeMB', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('a hostile data file shows as inert text in the hover', async () => {
    const file = fixture('data/hostile-test.cptlens-pack.json');
    const pack = {
      format: 'cpt-lens-pack', schemaVersion: 1, id: 'hostile', title: 'hostile', source: { title: 'test', license: 'other' },
      codes: { '99213': { longDescriptor: '[run](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> javascript:alert(1)' } },
    };
    fs.writeFileSync(file.fsPath, JSON.stringify(pack));
    const config = vscode.workspace.getConfiguration('cptLens');
    try {
      await config.update('data.files', ['data/hostile-test.cptlens-pack.json'], vscode.ConfigurationTarget.Workspace);
      const document = await open('chargemaster.csv');
      const at = positionOf(document, '99213', 1);
      let text = '';
      for (let i = 0; i < 50 && !text.includes('run'); i++) {
        text = await hoverText(document, at);
        await new Promise((r) => setTimeout(r, 200));
      }
      assert.ok(text.includes('\\[run\\]'), text.slice(0, 300));
      assert.ok(!text.includes('](command:workbench'), 'no live command link');
      assert.ok(!text.includes('<img'), 'no HTML');
      assert.ok(!/javascript:/i.test(text), 'no javascript: scheme');
    } finally {
      await config.update('data.files', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(file.fsPath, { force: true });
    }
  });
});
