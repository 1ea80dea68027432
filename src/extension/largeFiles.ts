/**
 * Files VS Code does not hand to extensions (over 50 MB): CPT Lens cannot see them, so it says
 * so once per file instead of doing nothing, and points at the CLI, which has no such limit.
 */
import * as vscode from 'vscode';
import type { Log } from './log';

/** VS Code's limit for documents synchronised to extensions. */
export const EXTENSION_DOCUMENT_LIMIT = 50 * 1024 * 1024;

export function watchLargeFiles(log: Log): vscode.Disposable {
  const told = new Set<string>();
  const check = async (): Promise<void> => {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    if (!(input instanceof vscode.TabInputText)) return;
    const uri = input.uri;
    if (told.has(uri.toString()) || vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size <= EXTENSION_DOCUMENT_LIMIT) return;
      told.add(uri.toString());
      const name = vscode.workspace.asRelativePath(uri);
      log.problem(
        `large:${uri}`,
        `${name} is ${(stat.size / 1048576).toFixed(0)} MB: VS Code does not hand files over 50 MB to extensions, so CPT Lens cannot check it here. Run \`npx cpt-lens check "${name}"\` instead.`,
        true,
      );
    } catch {
      // Not a file we can stat (virtual, deleted): nothing to say.
    }
  };
  return vscode.Disposable.from(vscode.window.tabGroups.onDidChangeTabs(() => void check()), vscode.window.onDidChangeActiveTextEditor(() => void check()));
}
