/**
 * One check session per open document, shared by hover, inlay hints, the status item and
 * diagnostics. An edit inside CSV data rows updates the session at once (only those rows are
 * re-read); any other edit drops it, and the next request rebuilds it with a full check.
 *
 * A full check of a large document runs in slices (`CheckSession.inSlices`), yielding to the
 * extension host between them so that hovers and other requests are served meanwhile; a newer
 * version of the document, its closing or a new data load drops the check at the next slice.
 * Requests for the same version share one check; a request's own cancellation token only stops
 * its wait.
 */
import * as vscode from 'vscode';
import type { CodeOccurrence, Finding } from '../core/model';
import type { CheckOptions, Engine } from '../core/engine';
import { CheckSession } from '../core/session';

/** Below this size a full check runs in one go (a few milliseconds): no yielding needed. */
const SLICED_ABOVE_CHARS = 1 << 20;

interface Pending {
  version: number;
  engine: Engine;
  optionsKey: string;
  /** The options the check runs with: a request for occurrences only joins it as it is. */
  check: CheckOptions;
  done: Promise<CheckSession | undefined>;
}

interface Entry {
  version: number;
  engine: Engine;
  /** The check options the findings were computed with (rule settings), compared by value. */
  optionsKey: string;
  session: CheckSession;
}

export class DocumentCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  /** Sliced checks under way, by document. */
  private readonly pending = new Map<string, Pending>();
  private disposed = false;
  private readonly listener: vscode.Disposable;
  /** How the last edits were handled, for the output channel and tests. */
  readonly stats = { rowEdits: 0, fullChecks: 0, slicedChecks: 0, droppedChecks: 0, pauses: 0, checking: 0, completionsInParts: 0 };
  /** When a document last changed (`Date.now()`): work that can wait (completion's warm-up) waits while someone types. */
  lastChangeAt = 0;

  constructor() {
    this.listener = vscode.workspace.onDidChangeTextDocument((e) => this.applyChanges(e));
  }

  /** The session of a document, up to date with its version, the engine and the check options. */
  session(document: vscode.TextDocument, engine: Engine, check: CheckOptions = {}): CheckSession {
    const key = document.uri.toString();
    const optionsKey = keyOf(check);
    const hit = this.current(document, engine, optionsKey);
    if (hit) return hit;
    const session = new CheckSession(engine, document.getText(), { fileName: document.fileName, languageId: document.languageId }, check);
    this.stats.fullChecks++;
    this.entries.set(key, { version: document.version, engine, optionsKey, session });
    return session;
  }

  /**
   * The session of a document as `session` gives it, for a large document checked in slices that
   * yield to other work; undefined when `token` is cancelled first or the check is dropped (the
   * document changed or closed meanwhile, or the data was reloaded).
   */
  async sessionInSlices(document: vscode.TextDocument, engine: Engine, check: CheckOptions = {}, token?: vscode.CancellationToken): Promise<CheckSession | undefined> {
    const key = document.uri.toString();
    const optionsKey = keyOf(check);
    const version = document.version;
    const hit = this.current(document, engine, optionsKey);
    if (hit) return hit;
    if (documentLength(document) <= SLICED_ABOVE_CHARS) return this.session(document, engine, check);
    let pending = this.pending.get(key);
    if (!pending || pending.version !== version || pending.engine !== engine || pending.optionsKey !== optionsKey) {
      const stale = () => document.isClosed || document.version !== version || this.disposed || this.pending.get(key) !== pending;
      const pause = () => new Promise<boolean>((resolve) => setImmediate(() => {
        this.stats.pauses++;
        resolve(!stale());
      }));
      this.stats.checking++;
      const done = CheckSession.inSlices(engine, document.getText(), { fileName: document.fileName, languageId: document.languageId }, check, pause).then((session) => {
        const current = session && !stale();
        if (this.pending.get(key) === pending) this.pending.delete(key);
        if (current) {
          this.stats.fullChecks++;
          this.stats.slicedChecks++;
          this.entries.set(key, { version, engine, optionsKey, session });
        } else this.stats.droppedChecks++;
        return current ? session : undefined;
      }).finally(() => this.stats.checking--);
      pending = { version, engine, optionsKey, check, done };
      this.pending.set(key, pending);
    }
    if (!token) return pending.done;
    if (token.isCancellationRequested) return undefined;
    return new Promise<CheckSession | undefined>((resolve, reject) => {
      const stop = token.onCancellationRequested(() => {
        stop.dispose();
        resolve(undefined);
      });
      pending!.done.then((session) => {
        stop.dispose();
        resolve(session);
      }, reject);
    });
  }

  /**
   * The session kept for the document's current version with this engine (and these check
   * options, when `optionsKey` is given; any, else), if there is one: none is made.
   */
  current(document: vscode.TextDocument, engine: Engine, optionsKey?: string): CheckSession | undefined {
    const hit = this.entries.get(document.uri.toString());
    return hit && hit.version === document.version && hit.engine === engine && (optionsKey === undefined || hit.optionsKey === optionsKey) ? hit.session : undefined;
  }

  /** Occurrences for providers that need no findings: any session of the current version will do. */
  occurrences(document: vscode.TextDocument, engine: Engine): CodeOccurrence[] {
    return (this.current(document, engine) ?? this.session(document, engine)).occurrences;
  }

  findings(document: vscode.TextDocument, engine: Engine, check: CheckOptions): Finding[] {
    return this.session(document, engine, check).findings;
  }

  /** Occurrences as `occurrences` gives them, from a check in slices (see `sessionInSlices`). */
  async occurrencesInSlices(document: vscode.TextDocument, engine: Engine, token?: vscode.CancellationToken): Promise<CodeOccurrence[] | undefined> {
    return (await this.occurrenceSessionInSlices(document, engine, token))?.occurrences;
  }

  /** A session of the current version whose occurrences will do (any check options), from a check in slices. */
  async occurrenceSessionInSlices(document: vscode.TextDocument, engine: Engine, token?: vscode.CancellationToken): Promise<CheckSession | undefined> {
    const hit = this.current(document, engine);
    if (hit) return hit;
    const pending = this.pending.get(document.uri.toString());
    const check = pending && pending.version === document.version && pending.engine === engine ? pending.check : {};
    return this.sessionInSlices(document, engine, check, token);
  }

  private applyChanges(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length) this.lastChangeAt = Date.now();
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
    this.pending.delete(document.uri.toString());
  }

  clear(): void {
    this.entries.clear();
    this.pending.clear();
  }

  dispose(): void {
    this.disposed = true;
    this.listener.dispose();
    this.clear();
  }
}

/** Check options compared by value (local codes as a sorted list). */
function keyOf(check: CheckOptions): string {
  return JSON.stringify(check, (_k, v) => (v instanceof Set ? [...v].sort() : v));
}

/** A document's length in characters, without copying its text (as `getText().length` would). */
export function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}
