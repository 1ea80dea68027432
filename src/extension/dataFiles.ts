/**
 * Which data files to read: `cptLens.data.files` entries (paths, globs, or objects with import
 * options) resolved to URIs. In an untrusted workspace only the user's own setting is read: a
 * workspace must not make the extension read files it names.
 */
import * as vscode from 'vscode';
import * as path from 'path';
import type { DataFileEntry } from '../core/config/projectConfig';
import { DataFileSetting, readableDataFiles } from '../core/config/trustedSettings';

export interface SourcedEntry extends DataFileEntry {
  /** Folder relative paths are resolved against (the `.cptlens.json` folder); else the first workspace folder. */
  base?: vscode.Uri;
}

export interface ResolvedFile {
  uri: vscode.Uri;
  /** Name for messages: workspace-relative where possible. */
  label: string;
  entry: DataFileEntry;
}

const GLOB = /[*?[\]{}]/;

export function settingEntries(): SourcedEntry[] {
  const inspected = vscode.workspace.getConfiguration('cptLens').inspect<DataFileSetting[]>('data.files');
  return readableDataFiles(inspected, vscode.workspace.isTrusted);
}

export async function resolveDataFiles(entries: readonly SourcedEntry[], problems: string[]): Promise<ResolvedFile[]> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const out: ResolvedFile[] = [];
  for (const entry of entries) {
    const base = entry.base ?? folder;
    const { base: _base, ...plain } = entry;
    if (GLOB.test(entry.path)) {
      if (!base || path.isAbsolute(entry.path)) {
        problems.push(`${entry.path}: a glob needs a workspace folder and a relative pattern`);
        continue;
      }
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(base, entry.path));
      if (!found.length) problems.push(`${entry.path}: no file matches`);
      for (const uri of found.sort((a, b) => a.path.localeCompare(b.path))) out.push({ uri, label: vscode.workspace.asRelativePath(uri), entry: { ...plain, path: uri.fsPath } });
      continue;
    }
    const uri = path.isAbsolute(entry.path) || !base ? vscode.Uri.file(entry.path) : vscode.Uri.joinPath(base, entry.path);
    out.push({ uri, label: vscode.workspace.asRelativePath(uri), entry: plain });
  }
  return out;
}
