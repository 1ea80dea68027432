/**
 * Diagnostics: findings of the rules as VS Code problems, re-checked shortly after edits,
 * cleared when a document closes. A document over the size limit is skipped with a notice.
 *
 * VS Code shows at most 1,000 problems per file and cuts the rest by severity, whatever is on
 * screen; its editor draws squiggles for the first 500 handed over. A document with more gets those
 * nearest the lines on screen, nearest first (core/findingsNear), again as the view scrolls; where
 * the lines on screen hold more than that (a file written on one line), those nearest the cursor,
 * again as it moves. The status item says how many there are in all.
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
import { findingsNear, LineSpan } from '../core/findingsNear';

/** How many problems of one file VS Code shows (`ExtHostDiagnostics`' per-file limit). */
export const SHOWN_PER_FILE = 1000;

/** What a document's problems were made from: every finding of the check, and what VS Code was handed. */
interface Published {
  version: number;
  findings: readonly Finding[];
  /** Whether VS Code was handed only those nearest the view (more than it shows). */
  cut: boolean;
  /** What VS Code was handed. */
  diagnostics: readonly vscode.Diagnostic[];
}

export class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('cpt-lens');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The diagnostic of each finding, and the finding of each diagnostic (for quick fixes). */
  private readonly made: FindingDiagnostics;
  private readonly published = new Map<string, Published>();
  /** Documents whose view scrolled, waiting to show the problems nearest it. */
  private readonly scrolls = new Map<string, NodeJS.Timeout>();
  /** Documents the output channel was told are cut to the problems near the view. */
  private readonly toldCut = new Set<string>();

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
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.scrolled(e.textEditor.document)),
      // On a long line (a file written on one line), those shown are the nearest to the cursor.
      vscode.window.onDidChangeTextEditorSelection((e) => this.scrolled(e.textEditor.document)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.scrolled(e.document))),
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
        this.unpublish(document);
        return;
      }
      const limit = settings.maxFileSizeMB * 1024 * 1024;
      const size = documentLength(document);
      if (size > limit) {
        this.unpublish(document);
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
      const disabled = disabledRules(document);
      // No copy when no rule is off for the file (most files): a claim file's 57,000 findings were
      // copied on every keystroke.
      this.publish(document, disabled.size ? session.findings.filter((f) => !disabled.has(f.rule)) : session.findings);
    } catch (e) {
      this.log.error(`diagnostics for ${document.uri}`, e);
    }
  }

  /**
   * Hands VS Code the problems of `findings` (in document order) it can show: all, or those nearest
   * the view and, as VS Code does when it cuts, a note of how many more there are (it takes the
   * place of the last one).
   */
  private publish(document: vscode.TextDocument, findings: readonly Finding[]): void {
    const key = document.uri.toString();
    const shown = nearView(document, findings);
    const before = this.published.get(key)?.diagnostics;
    const diagnostics = shown.map((f) => this.made.diagnostic(f, document.uri));
    if (shown.length < findings.length) {
      const more = (findings.length - shown.length).toLocaleString('en-US');
      const range = diagnostics[diagnostics.length - 1].range;
      const message = `Not showing ${more} further CPT Lens problems of this file: VS Code shows ${SHOWN_PER_FILE.toLocaleString('en-US')} per file, and CPT Lens those nearest the lines on screen (others as you scroll). \`npx cpt-lens check\` lists them all.`;
      // The note handed over last when it says the same in the same place, as a finding's diagnostic is.
      const last = before?.[before.length - 1];
      const note = last && last.message === message && last.range.isEqual(range) ? last : new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Information);
      note.source = 'CPT Lens';
      diagnostics.push(note);
      if (!this.toldCut.has(key)) {
        this.toldCut.add(key);
        this.log.info(`${vscode.workspace.asRelativePath(document.uri)} has ${findings.length.toLocaleString('en-US')} problems; VS Code shows ${SHOWN_PER_FILE.toLocaleString('en-US')} per file, so CPT Lens shows those nearest the lines on screen (again as you scroll).`);
      }
    }
    this.published.set(key, { version: document.version, findings, cut: shown.length < findings.length, diagnostics });
    // The very problems VS Code has (a keystroke in a cell that changes none): nothing to hand over.
    // Each hand-over is converted and sent whole, 20-25 ms for the 1,000 of a large file.
    if (before && sameDiagnostics(before, diagnostics)) return;
    this.collection.set(document.uri, diagnostics);
  }

  private unpublish(document: vscode.TextDocument): void {
    this.collection.delete(document.uri);
    this.published.delete(document.uri.toString());
  }

  /** The view of a document (or its cursor) moved: a document with more problems than are shown shows those near it now. */
  private scrolled(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const p = this.published.get(key);
    if (!p?.cut) return;
    clearTimeout(this.scrolls.get(key));
    this.scrolls.set(key, setTimeout(() => {
      this.scrolls.delete(key);
      const now = this.published.get(key);
      // A newer version is being checked: its publication will be near the view.
      if (!now || now.version !== document.version || document.isClosed) return;
      // `publish` hands nothing over when the problems near the view are those VS Code has.
      this.publish(document, now.findings);
    }, SCROLL_SETTLE_MS));
  }

  /** Every finding the last check of a document gave (the problems shown may be fewer: see `publish`). */
  findingsOf(uri: vscode.Uri): readonly Finding[] {
    return this.published.get(uri.toString())?.findings ?? [];
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
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    clearTimeout(this.scrolls.get(key));
    this.scrolls.delete(key);
    this.toldCut.delete(key);
    this.unpublish(document);
    this.documents.forget(document);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const t of this.scrolls.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

/** The same objects in the same order: a diagnostic is made again only when what it says changed (see FindingDiagnostics, and the note in `publish`). */
function sameDiagnostics(a: readonly vscode.Diagnostic[], b: readonly vscode.Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Scrolling fires an event per frame: the problems follow once the view rests this long. */
const SCROLL_SETTLE_MS = 100;

/** The findings handed to VS Code: all, or those nearest the view with room left for the note of how many more. */
function nearView(document: vscode.TextDocument, findings: readonly Finding[]): readonly Finding[] {
  return findingsNear(findings, visibleSpans(document), findings.length > SHOWN_PER_FILE ? SHOWN_PER_FILE - 1 : SHOWN_PER_FILE);
}

/** The lines of `document` on screen, in every editor showing it, with the cursor where it is on them. */
function visibleSpans(document: vscode.TextDocument): LineSpan[] {
  const spans: LineSpan[] = [];
  for (const editor of vscode.window.visibleTextEditors) {
    if (editor.document !== document) continue;
    const { line, character } = editor.selection.active;
    for (const r of editor.visibleRanges) spans.push({ first: r.start.line, last: r.end.line, focus: line >= r.start.line && line <= r.end.line ? { line, character } : undefined });
  }
  return spans;
}
