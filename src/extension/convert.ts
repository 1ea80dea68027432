/** Conversions between core types and VS Code types. */
import * as vscode from 'vscode';
import type { Range, Severity } from '../core/model';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.startLine, r.startCharacter, r.endLine, r.endCharacter);
}

export function contains(r: Range, position: vscode.Position): boolean {
  return toRange(r).contains(position);
}

export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  switch (s) {
    case 'error': return vscode.DiagnosticSeverity.Error;
    case 'warning': return vscode.DiagnosticSeverity.Warning;
    case 'information': return vscode.DiagnosticSeverity.Information;
    case 'hint': return vscode.DiagnosticSeverity.Hint;
  }
}
