import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnostics, open } from './helpers';

describe('diagnostics: problems a coder sees', () => {
  it('an inpatient-only code gets an Information problem, an unknown modifier a Warning', async () => {
    const document = await open('notes.md');
    const found = await diagnostics(document.uri, (d) => d.length >= 3);
    const byRule = (rule: string) => found.filter((d) => d.code === rule);
    assert.equal(byRule('inpatient-only').length, 2, JSON.stringify(found));
    assert.ok(byRule('inpatient-only').every((d) => d.severity === vscode.DiagnosticSeverity.Information));
    const [unknown] = byRule('modifier-unknown');
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(unknown.range), 'Q9');
  });

  it('the severity setting changes the problem', async () => {
    const document = await open('chargemaster.csv');
    const config = vscode.workspace.getConfiguration('cptLens');
    await config.update('diagnostics.inpatientOnlySeverity', 'error', vscode.ConfigurationTarget.Workspace);
    try {
      const found = await diagnostics(document.uri, (d) => d.some((x) => x.code === 'inpatient-only' && x.severity === vscode.DiagnosticSeverity.Error));
      assert.ok(found.some((x) => x.code === 'inpatient-only' && x.severity === vscode.DiagnosticSeverity.Error), JSON.stringify(found));
    } finally {
      await config.update('diagnostics.inpatientOnlySeverity', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('closing a document clears its problems', async () => {
    const document = await open('notes.md');
    await diagnostics(document.uri, (d) => d.length > 0);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The document closes when VS Code drops it; force that by asking for it to be closed and wait.
    const cleared = await diagnostics(document.uri, (d) => d.length === 0, 15_000);
    assert.equal(cleared.length, 0);
  });
});
