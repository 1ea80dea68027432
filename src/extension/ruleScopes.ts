/**
 * Rules turned off for single files: `cptLens.rules.disabledFor` maps a glob (relative to the
 * workspace folder) to rule ids, written by the "turn off for this file" quick fix.
 */
import * as vscode from 'vscode';
import { perDocument } from './settings';

export const DISABLED_FOR = 'rules.disabledFor';

/** The rules turned off for this document (kept with its settings: see `watchSettings`). */
export function disabledRules(document: vscode.TextDocument): ReadonlySet<string> {
  return perDocument('disabledRules', document, () => readDisabledRules(document));
}

function readDisabledRules(document: vscode.TextDocument): Set<string> {
  const map = vscode.workspace.getConfiguration('cptLens', document).get<Record<string, string[]>>(DISABLED_FOR, {});
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const out = new Set<string>();
  for (const [glob, rules] of Object.entries(map)) {
    if (!Array.isArray(rules)) continue;
    const pattern = folder ? new vscode.RelativePattern(folder, glob) : glob;
    if (vscode.languages.match({ pattern }, document) > 0) rules.forEach((r) => out.add(r));
  }
  return out;
}

export async function disableRuleForFile(uri: vscode.Uri, rule: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('cptLens', uri);
  const map = { ...config.get<Record<string, string[]>>(DISABLED_FOR, {}) };
  const key = vscode.workspace.asRelativePath(uri, false);
  map[key] = [...new Set([...(map[key] ?? []), rule])];
  await config.update(DISABLED_FOR, map, vscode.ConfigurationTarget.Workspace);
}
