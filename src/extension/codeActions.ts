/**
 * Quick fixes for CPT Lens problems: the edits rules propose (replace a deleted code, remove a
 * modifier), "fix all of this kind" where safe, adding a local code, and turning a rule off.
 */
import * as vscode from 'vscode';
import type { Diagnostics } from './diagnostics';
import { toRange } from './convert';
import type { FindingFix } from '../core/model';
import { guardedSync, Log } from './log';

export class CodeActions implements vscode.CodeActionProvider {
  constructor(private readonly diagnostics: Diagnostics, private readonly log: Log) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return guardedSync(this.log, 'quick fixes', () => this.actions(document, range, context), []);
  }

  private actions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const finding = this.diagnostics.findingOf(diagnostic, document.uri);
      if (!finding) continue;
      for (const fix of finding.fixes ?? []) actions.push(edit(document, fix.title, [fix], diagnostic, true));
      const safe = (finding.fixes ?? []).filter((f) => f.safeForAll);
      if (safe.length) {
        // Every finding of the file, not only the problems shown (a large file shows those near the view).
        const all = this.diagnostics
          .findingsOf(document.uri)
          .filter((f) => f.rule === finding.rule)
          .flatMap((f) => (f.fixes ?? []).filter((x) => x.safeForAll).slice(0, 1));
        if (all.length > 1) actions.push(edit(document, `Fix all ${finding.rule} problems in this file (${all.length})`, all, diagnostic, false));
      }
      if (finding.rule === 'unknown-code') {
        const a = new vscode.CodeAction(`Add ${finding.code} to the workspace's local codes`, vscode.CodeActionKind.QuickFix);
        a.command = { command: 'cptLens.addLocalCode', title: a.title, arguments: [finding.code] };
        a.diagnostics = [diagnostic];
        actions.push(a);
      }
      const offFile = new vscode.CodeAction(`Turn off ${finding.rule} for this file`, vscode.CodeActionKind.QuickFix);
      offFile.command = { command: 'cptLens.disableRule', title: offFile.title, arguments: [{ rule: finding.rule, uri: document.uri.toString() }] };
      offFile.diagnostics = [diagnostic];
      const offWorkspace = new vscode.CodeAction(`Turn off ${finding.rule} in this workspace`, vscode.CodeActionKind.QuickFix);
      offWorkspace.command = { command: 'cptLens.disableRule', title: offWorkspace.title, arguments: [{ rule: finding.rule }] };
      offWorkspace.diagnostics = [diagnostic];
      actions.push(offFile, offWorkspace);
    }
    return actions;
  }
}

function edit(document: vscode.TextDocument, title: string, fixes: FindingFix[], diagnostic: vscode.Diagnostic, preferred: boolean): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  // Apply from the end so earlier ranges stay valid; WorkspaceEdit handles non-overlapping edits in any order.
  for (const f of fixes) action.edit.replace(document.uri, toRange(f.range), f.newText);
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred && fixes.length === 1;
  return action;
}
