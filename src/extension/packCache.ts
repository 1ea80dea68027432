/**
 * Converted data packs kept in the extension's global storage, one file per content hash.
 * Writes are atomic (a temporary file renamed into place), so a crash never leaves half a pack.
 */
import * as vscode from 'vscode';
import { cacheFileName, PackCache } from '../core/import';

export class GlobalStorageCache implements PackCache {
  constructor(private readonly folder: vscode.Uri) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.folder, cacheFileName(key))));
    } catch {
      return undefined;
    }
  }

  async set(key: string, text: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.folder);
    const target = vscode.Uri.joinPath(this.folder, cacheFileName(key));
    const temp = vscode.Uri.joinPath(this.folder, `${cacheFileName(key)}.${process.pid}.${Date.now()}.tmp`);
    await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  }
}
