/**
 * Owns the loaded data: the bundled packs plus the user's data files (`cptLens.data.files` and
 * `.cptlens.json`), converted once by the core importers and cached in global storage by content
 * hash. Loading starts after activation returns and providers await it. A reload that fails keeps
 * the engine in force and says which file, line and reason.
 */
import * as vscode from 'vscode';
import { Engine } from '../core/engine';
import { loadPacks, PackFile } from '../core/pack/load';
import { BUNDLED_PACKS } from '../core/pack/bundled';
import { ImportError, importCached, orderImported, CachedImport } from '../core/import';
import { useNodeSha256 } from '../core/import/nodeSha256';
import type { DataPack } from '../core/pack/types';
import { PackError } from '../core/pack/parse';
import type { RuleSettings } from '../core/rules/types';
import { dataFileEntries, entryOptions, parseProjectConfig, PROJECT_CONFIG_FILE, ProjectConfig } from '../core/config/projectConfig';
import type { Log } from './log';
import { GlobalStorageCache } from './packCache';
import { importOffThread } from './importOffThread';
import { resolveDataFiles, ResolvedFile, settingEntries } from './dataFiles';

// The extension host runs on Node: converted files are keyed by its own SHA-256.
useNodeSha256();

export interface LoadedData {
  engine: Engine;
  /** Rules from `.cptlens.json`, under the user's explicit settings. */
  projectRules: RuleSettings;
  /** Imported files with their summaries, for the status item and messages. */
  imported: CachedImport[];
}

export class DataHost implements vscode.Disposable {
  private current: Promise<LoadedData> | undefined;
  private readonly changed = new vscode.EventEmitter<Engine>();
  private watchers: vscode.Disposable[] = [];
  private reloadTimer: NodeJS.Timeout | undefined;
  /** Fires after new data is in force. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly context: vscode.ExtensionContext, private readonly log: Log) {}

  /** The engine in force, loading the data on first call. */
  async engine(): Promise<Engine> {
    return (await this.data()).engine;
  }

  data(): Promise<LoadedData> {
    return (this.current ??= this.load(undefined));
  }

  /** Re-reads the data files; on any error the data in force stays. */
  async reload(): Promise<void> {
    const previous = this.current ? await this.current.catch(() => undefined) : undefined;
    const next = this.load(previous);
    this.current = next;
    const loaded = await next;
    if (loaded !== previous) this.changed.fire(loaded.engine);
  }

  /** Reload shortly after a burst of file events (a save writes several times). */
  scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(), 300);
  }

  private async load(previous: LoadedData | undefined): Promise<LoadedData> {
    const started = Date.now();
    const bundled = await loadPacks(BUNDLED_PACKS.map((name) => this.bundledFile(name)));
    for (const e of bundled.errors) this.log.problem(`bundled:${e.file}`, `Bundled data not loaded: ${e.message}`, true);

    const problems: string[] = [];
    const { config, configFile } = await this.projectConfig(problems);
    const entries = [...settingEntries(), ...(vscode.workspace.isTrusted ? dataFileEntries(config).map((e) => ({ ...e, base: configFile && parentOf(configFile) })) : [])];
    const files = await resolveDataFiles(entries, problems);
    this.watch(files, configFile);

    const cache = new GlobalStorageCache(this.context.globalStorageUri);
    const imported: CachedImport[] = [];
    for (const file of files) {
      try {
        const bytes = await vscode.workspace.fs.readFile(file.uri);
        imported.push(await importCached(bytes, file.label, entryOptions(file.entry), cache, importOffThread));
      } catch (e) {
        problems.push(describe(e, file.label));
      }
    }
    for (const p of problems) this.log.problem(`data:${p}`, `Data file not loaded: ${p}`, true);
    if (problems.length && previous) {
      this.log.info('Keeping the data loaded before: fix the file named above and save it again.');
      return previous;
    }
    const packs: DataPack[] = [...bundled.packs, ...orderImported(imported).map((i) => i.pack)];
    const engine = new Engine(packs);
    const user = imported.map((i) => `${i.summary.file} (${i.summary.formatLabel}, ${i.summary.codes} codes${i.fromCache ? ', cached' : ''})`);
    this.log.info(`Data loaded in ${Date.now() - started} ms: ${bundled.packs.map((p) => p.id).join(', ')}${user.length ? `; user files: ${user.join('; ')}` : ''}`);
    return { engine, projectRules: config.rules ?? {}, imported };
  }

  private async projectConfig(problems: string[]): Promise<{ config: ProjectConfig; configFile?: vscode.Uri }> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || !vscode.workspace.isTrusted) return { config: {} };
    const uri = vscode.Uri.joinPath(folder.uri, PROJECT_CONFIG_FILE);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return { config: {}, configFile: uri };
    }
    try {
      return { config: parseProjectConfig(new TextDecoder().decode(bytes), vscode.workspace.asRelativePath(uri)), configFile: uri };
    } catch (e) {
      problems.push(describe(e, PROJECT_CONFIG_FILE));
      return { config: {}, configFile: uri };
    }
  }

  /** Watches the data files and `.cptlens.json`: a change re-reads them. */
  private watch(files: ResolvedFile[], configFile: vscode.Uri | undefined): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const targets = [...files.map((f) => f.uri), ...(configFile ? [configFile] : [])];
    for (const uri of targets) {
      if (uri.scheme !== 'file') continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(parentOf(uri), baseOf(uri)));
      watcher.onDidChange(() => this.scheduleReload());
      watcher.onDidCreate(() => this.scheduleReload());
      watcher.onDidDelete(() => this.scheduleReload());
      this.watchers.push(watcher);
    }
  }

  private bundledFile(name: string): PackFile {
    const uri = vscode.Uri.joinPath(this.context.extensionUri, 'data', 'packs', name);
    return { name, read: async () => new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) };
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    for (const w of this.watchers) w.dispose();
    this.changed.dispose();
  }
}

function describe(e: unknown, label: string): string {
  if (e instanceof ImportError || e instanceof PackError) return e.message;
  if (e instanceof vscode.FileSystemError) return `${label}: cannot be read (${e.code || e.message})`;
  return `${label}: ${(e as Error)?.message ?? String(e)}`;
}

function parentOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

function baseOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
