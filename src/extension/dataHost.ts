/**
 * Owns the loaded data: the bundled packs plus the pack files named in `cptLens.data.files`.
 * Loading starts after activation returns and providers await it; a reload that fails keeps
 * the engine in force and reports which file and line are wrong.
 */
import * as vscode from 'vscode';
import * as path from 'path';
import { Engine } from '../core/engine';
import { loadPacks, PackFile } from '../core/pack/load';
import { BUNDLED_PACKS } from '../core/pack/bundled';
import type { Log } from './log';

export class DataHost implements vscode.Disposable {
  private current: Promise<Engine> | undefined;
  private readonly changed = new vscode.EventEmitter<Engine>();
  /** Fires after new data is in force. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly extensionUri: vscode.Uri, private readonly log: Log) {}

  /** The engine in force, loading the data on first call. */
  engine(): Promise<Engine> {
    return (this.current ??= this.load(undefined));
  }

  /** Re-reads the data files; on any error the engine in force stays. */
  async reload(): Promise<void> {
    const previous = this.current ? await this.current.catch(() => undefined) : undefined;
    const next = this.load(previous);
    this.current = next;
    this.changed.fire(await next);
  }

  private async load(previous: Engine | undefined): Promise<Engine> {
    const started = Date.now();
    const bundled = BUNDLED_PACKS.map((name) => this.file(vscode.Uri.joinPath(this.extensionUri, 'data', 'packs', name), name));
    const user = userDataFiles().map((uri) => this.file(uri, uri.fsPath || uri.toString()));
    const { packs, errors } = await loadPacks([...bundled, ...user]);
    for (const e of errors) this.log.problem(`data:${e.file}`, `Data file not loaded: ${e.message}`, true);
    if (errors.length && previous) {
      this.log.info('Keeping the data loaded before: fix the file named above and save it again.');
      return previous;
    }
    const engine = new Engine(packs);
    this.log.info(`Data loaded in ${Date.now() - started} ms: ${packs.map((p) => p.id).join(', ')}`);
    return engine;
  }

  private file(uri: vscode.Uri, name: string): PackFile {
    return { name, read: async () => new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) };
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * Pack files named in settings. In an untrusted workspace only the user's own setting is
 * read: a workspace must not make the extension read files it names.
 */
function userDataFiles(): vscode.Uri[] {
  const inspected = vscode.workspace.getConfiguration('cptLens').inspect<string[]>('data.files');
  const paths = [...(inspected?.globalValue ?? [])];
  if (vscode.workspace.isTrusted) paths.push(...(inspected?.workspaceValue ?? []), ...(inspected?.workspaceFolderValue ?? []));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return paths.map((p) => (path.isAbsolute(p) || !folder ? vscode.Uri.file(p) : vscode.Uri.joinPath(folder, p)));
}
