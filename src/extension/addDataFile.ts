/**
 * `CPT Lens: Add Code Data File…`: pick a file, see what the importer finds in it (format,
 * codes, release, fields), and add it to `cptLens.data.files`.
 */
import * as vscode from 'vscode';
import { ImportError, importData, ImportSummary } from '../core/import';
import type { DataHost } from './dataHost';

export function describeSummary(s: ImportSummary): string {
  const parts = [`${s.formatLabel}`, `${s.codes.toLocaleString('en-US')} codes`];
  if (s.modifiers) parts.push(`${s.modifiers} modifiers`);
  if (s.ptpEdits) parts.push(`${s.ptpEdits.toLocaleString('en-US')} NCCI edits`);
  if (s.mueValues) parts.push(`${s.mueValues.toLocaleString('en-US')} MUE values`);
  if (s.quarters?.length) parts.push(`quarters ${s.quarters.join(', ')}`);
  else if (s.asOf) parts.push(`release ${s.asOf}`);
  if (s.year) parts.push(`code set ${s.year}`);
  if (s.fields.length) parts.push(`fields: ${s.fields.join(', ')}`);
  return parts.join(' · ');
}

export async function addDataFile(data: DataHost, given?: vscode.Uri): Promise<ImportSummary | undefined> {
  const uri = given ?? (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Read data file', title: 'CPT Lens: Add Code Data File' }))?.[0];
  if (!uri) return undefined;
  let summary: ImportSummary;
  try {
    summary = importData(await vscode.workspace.fs.readFile(uri), vscode.workspace.asRelativePath(uri)).summary;
  } catch (e) {
    const message = e instanceof ImportError ? e.message : `${vscode.workspace.asRelativePath(uri)}: ${(e as Error).message}`;
    void vscode.window.showErrorMessage(`CPT Lens cannot use this file: ${message}`);
    return undefined;
  }
  const warnings = summary.warnings.length ? ` Notes: ${summary.warnings.join('; ')}` : '';
  const answer = given ? 'Add' : await vscode.window.showInformationMessage(`Found: ${describeSummary(summary)}.${warnings}`, { modal: false }, 'Add', 'Cancel');
  if (answer !== 'Add') return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const config = vscode.workspace.getConfiguration('cptLens');
  const target = folder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const entry = folder ? vscode.workspace.asRelativePath(uri, false) : uri.fsPath;
  const current = (target === vscode.ConfigurationTarget.Workspace ? config.inspect<unknown[]>('data.files')?.workspaceValue : config.inspect<unknown[]>('data.files')?.globalValue) ?? [];
  if (!current.includes(entry)) await config.update('data.files', [...current, entry], target);
  await data.reload();
  return summary;
}
