// Placeholder that proves the harness runs mocha inside a real extension host with CPT Lens loaded.
import * as assert from 'assert';
import * as vscode from 'vscode';

describe('integration harness', () => {
  it('runs inside a VS Code extension host', () => {
    assert.strictEqual(typeof vscode.version, 'string');
    assert.ok(vscode.version.startsWith('1.'), `unexpected vscode.version ${vscode.version}`);
  });

  it('has the CPT Lens extension (cpt-lens.cpt-lens) under development', () => {
    const ids = vscode.extensions.all.map((e) => e.id.toLowerCase());
    assert.ok(ids.includes('cpt-lens.cpt-lens'), `cpt-lens.cpt-lens not among ${ids.length} extensions`);
  });
});
