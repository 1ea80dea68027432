/**
 * Diagnostics: findings of the rules as VS Code problems, re-checked shortly after edits,
 * cleared when a document closes. A document over the size limit is skipped with a notice.
 */
import * as vscode from 'vscode';
import type { DataHost } from './dataHost';
import { documentLength } from './documents';
import type { DocumentCache } from './documents';
import { appliesTo, readSettings } from './settings';
import { FindingDiagnostics } from './findingDiagnostics';
import type { Log } from './log';
import type { Finding } from '../core/model';
import { disabledRules } from './ruleScopes';


export class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('cpt-lens');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The diagnostic of each finding, and the finding of each diagnostic (for quick fixes). */
  private readonly made: FindingDiagnostics;

  constructor(
    private readonly data: DataHost,
    private readonly documents: DocumentCache,
    private readonly log: Log,
    extensionUri: vscode.Uri,
  ) {
    this.made = new FindingDiagnostics(extensionUri);
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, readSettings(e.document).debounceMs)),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d)),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('cptLens') && this.refreshAll()),
      data.onDidChange(() => this.refreshAll()),
    );
    this.refreshAll();
  }

  refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.check(document);
    }, delay));
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    try {
      if (document.isClosed) return;
      const settings = readSettings(document);
      if (!settings.diagnostics || !appliesTo(document, settings)) {
        this.collection.delete(document.uri);
        return;
      }
      const limit = settings.maxFileSizeMB * 1024 * 1024;
      const size = documentLength(document);
      if (size > limit) {
        this.collection.delete(document.uri);
        this.log.problem(`size:${document.uri}`, `${vscode.workspace.asRelativePath(document.uri)} is ${(size / 1048576).toFixed(1)} MB, over the ${settings.maxFileSizeMB} MB limit (cptLens.maxFileSizeMB): not checked.`, true);
        return;
      }
      const { engine, projectRules } = await this.data.data();
      const version = document.version;
      // A large document is checked in slices; a newer version (checked by its own schedule) drops it.
      const session = await this.documents.sessionInSlices(document, engine, {
        rules: { ...projectRules, ...settings.rules },
        defaultSetting: settings.defaultSetting,
        localCodes: new Set(settings.localCodes),
      });
      if (!session || document.isClosed || document.version !== version) return;
      const findings = session.findings;
      const disabled = disabledRules(document);
      const diagnostics: vscode.Diagnostic[] = [];
      for (const f of findings) if (!disabled.has(f.rule)) diagnostics.push(this.made.diagnostic(f, document.uri));
      this.collection.set(document.uri, diagnostics);
    } catch (e) {
      this.log.error(`diagnostics for ${document.uri}`, e);
    }
  }

  /**
   * The finding a diagnostic of this collection was made from. VS Code hands code-action providers
   * copies of the diagnostics, so a copy is matched to ours by range, rule and message.
   */
  findingOf(diagnostic: vscode.Diagnostic, uri?: vscode.Uri): Finding | undefined {
    const direct = this.made.findingOf(diagnostic);
    if (direct || !uri || diagnostic.source !== 'CPT Lens') return direct;
    const same = this.diagnosticsOf(uri).find((d) => d.range.isEqual(diagnostic.range) && d.message === diagnostic.message);
    return same && this.made.findingOf(same);
  }

  /** Current diagnostics of a document. */
  diagnosticsOf(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  private clear(document: vscode.TextDocument): void {
    clearTimeout(this.timers.get(document.uri.toString()));
    this.timers.delete(document.uri.toString());
    this.collection.delete(document.uri);
    this.documents.forget(document);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
