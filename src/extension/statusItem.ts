/**
 * The language-status item of the active document: codes found, inpatient-only codes, problems,
 * and the data in use. Its command lists the document's codes.
 */
import * as vscode from 'vscode';
import type { DataHost } from './dataHost';
import type { DocumentCache } from './documents';
import { appliesTo, readSettings } from './settings';
import type { Log } from './log';
import { SHOWN_PER_FILE, type Diagnostics } from './diagnostics';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('cptLens.status', { language: '*' });
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly data: DataHost, private readonly documents: DocumentCache, private readonly diagnostics: Diagnostics, private readonly log: Log) {
    this.item.name = 'CPT Lens';
    this.item.text = 'CPT Lens';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      // Only the active document's problems change what the item says.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) void this.update();
      }),
      data.onDidChange(() => void this.update()),
    );
    void this.update();
  }

  async update(): Promise<void> {
    try {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || !appliesTo(document, readSettings(document))) {
        this.item.selector = { language: '__none__' };
        return;
      }
      this.item.selector = { language: document.languageId };
      const engine = await this.data.engine();
      const session = await this.documents.occurrenceSessionInSlices(document, engine);
      // Dropped: the document changed or closed meanwhile; the next change updates the item.
      if (!session || vscode.window.activeTextEditor?.document !== document) return;
      const occurrences = session.occurrences;
      const ipo = session.inpatientOnlyCount();
      // All of the document's problems: VS Code shows at most SHOWN_PER_FILE of them.
      const problems = this.diagnostics.findingsOf(document.uri).length;
      this.item.text = `$(symbol-numeric) ${occurrences.length} codes${ipo ? ` · $(warning) ${ipo} inpatient only` : ''}${problems ? ` · ${problems} problems` : ''}`;
      const packs = engine.catalog.summaries().map((p) => p.id).join(', ');
      const cut = problems > SHOWN_PER_FILE ? `; VS Code shows ${SHOWN_PER_FILE.toLocaleString('en-US')} problems per file: those nearest the lines on screen` : '';
      this.item.detail = `data: ${packs}${cut}`;
      this.item.command = { command: 'cptLens.listDocumentCodes', title: 'List codes' };
      this.item.severity = ipo ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    } catch (e) {
      this.log.error('status item', e);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
