/**
 * Diagnostics: findings of the rules as VS Code problems, re-checked shortly after edits,
 * cleared when a document closes. A document over the size limit is skipped with a notice.
 */
import * as vscode from 'vscode';
import type { DataHost } from './dataHost';
import type { DocumentCache } from './documents';
import { appliesTo, readSettings } from './settings';
import { toRange, toSeverity } from './convert';
import { runRules } from '../core/rules';
import type { Log } from './log';

const DEBOUNCE_MS = 250;

export class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('cpt-lens');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly data: DataHost, private readonly documents: DocumentCache, private readonly log: Log) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
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
      const size = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
      if (size > limit) {
        this.collection.delete(document.uri);
        this.log.problem(`size:${document.uri}`, `${vscode.workspace.asRelativePath(document.uri)} is ${(size / 1048576).toFixed(1)} MB, over the ${settings.maxFileSizeMB} MB limit (cptLens.maxFileSizeMB): not checked.`, true);
        return;
      }
      const engine = await this.data.engine();
      const version = document.version;
      const occurrences = this.documents.occurrences(document, engine);
      const findings = runRules(occurrences, { catalog: engine.catalog, today: engine.today() }, settings.rules);
      if (document.isClosed || document.version !== version) return;
      this.collection.set(document.uri, findings.map((f) => {
        const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
        d.source = 'CPT Lens';
        d.code = f.rule;
        return d;
      }));
    } catch (e) {
      this.log.error(`diagnostics for ${document.uri}`, e);
    }
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
