/**
 * One check session per open document, shared by hover, inlay hints, the status item and
 * diagnostics. An edit inside CSV data rows updates the session at once (only those rows are
 * re-read); any other edit drops it, and the next request rebuilds it with a full check.
 */
import * as vscode from 'vscode';
import type { CodeOccurrence, Finding } from '../core/model';
import type { CheckOptions, Engine } from '../core/engine';
import { CheckSession } from '../core/session';

interface Entry {
  version: number;
  engine: Engine;
  /** The check options the findings were computed with (rule settings), compared by value. */
  optionsKey: string;
  session: CheckSession;
}

export class DocumentCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly listener: vscode.Disposable;
  /** How the last edits were handled, for the output channel and tests. */
  readonly stats = { rowEdits: 0, fullChecks: 0 };

  constructor() {
    this.listener = vscode.workspace.onDidChangeTextDocument((e) => this.applyChanges(e));
  }

  /** The session of a document, up to date with its version, the engine and the check options. */
  session(document: vscode.TextDocument, engine: Engine, check: CheckOptions = {}): CheckSession {
    const key = document.uri.toString();
    const optionsKey = JSON.stringify(check, (_k, v) => (v instanceof Set ? [...v].sort() : v));
    const hit = this.entries.get(key);
    if (hit && hit.version === document.version && hit.engine === engine && hit.optionsKey === optionsKey) return hit.session;
    const session = new CheckSession(engine, document.getText(), { fileName: document.fileName, languageId: document.languageId }, check);
    this.stats.fullChecks++;
    this.entries.set(key, { version: document.version, engine, optionsKey, session });
    return session;
  }

  /** Occurrences for providers that need no findings: any session of the current version will do. */
  occurrences(document: vscode.TextDocument, engine: Engine): CodeOccurrence[] {
    const hit = this.entries.get(document.uri.toString());
    if (hit && hit.version === document.version && hit.engine === engine) return hit.session.occurrences;
    return this.session(document, engine).occurrences;
  }

  findings(document: vscode.TextDocument, engine: Engine, check: CheckOptions): Finding[] {
    return this.session(document, engine, check).findings;
  }

  private applyChanges(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const hit = this.entries.get(key);
    if (!hit || !e.contentChanges.length) return;
    // One change, right after the version the session holds: update in place when it is a row edit.
    if (e.contentChanges.length === 1 && hit.version === e.document.version - 1) {
      const c = e.contentChanges[0];
      try {
        if (hit.session.tryRowEdit({ start: c.rangeOffset, oldEnd: c.rangeOffset + c.rangeLength, text: c.text })) {
          hit.version = e.document.version;
          this.stats.rowEdits++;
          return;
        }
      } catch {
        // Fall through: the next request checks the document in full.
      }
    }
    this.entries.delete(key);
  }

  /** Documents with a session held, for the soak test: closed documents must not stay here. */
  get size(): number {
    return this.entries.size;
  }

  forget(document: vscode.TextDocument): void {
    this.entries.delete(document.uri.toString());
  }

  clear(): void {
    this.entries.clear();
  }

  dispose(): void {
    this.listener.dispose();
    this.entries.clear();
  }
}
