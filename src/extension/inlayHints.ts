/** Inlay hints: the short descriptor (or only warnings) after each code, for the visible range only. */
import * as vscode from 'vscode';
import type { DataHost } from './dataHost';
import type { DocumentCache } from './documents';
import { appliesTo, readSettings } from './settings';
import { guarded, Log } from './log';
import { inlineHint } from '../core/card/inline';
import { inpatientStatus } from '../core/catalog/inpatient';
import { firstAtOrAfter } from '../core/occurrenceAt';

/** VS Code draws at most this many inlay hints in an editor (its InlayHintsController): none past them are made. */
const MAX_HINTS = 1500;

export class InlayHintsProvider implements vscode.InlayHintsProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;

  constructor(private readonly data: DataHost, private readonly documents: DocumentCache, private readonly log: Log) {
    data.onDidChange(() => this.changed.fire());
  }

  refresh(): void {
    this.changed.fire();
  }

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.InlayHint[]> {
    return guarded(this.log, 'inlay hints', async () => {
      const settings = readSettings(document);
      if (settings.inlayHints.mode === 'off' || !appliesTo(document, settings)) return [];
      const engine = await this.data.engine();
      const hints: vscode.InlayHint[] = [];
      const occurrences = await this.documents.occurrencesInSlices(document, engine, token);
      if (!occurrences) return [];
      // Occurrences are in document order: start at the visible range, stop after it (or after as
      // many hints as VS Code draws: a file written on one line is one line on screen).
      for (let i = firstAtOrAfter(occurrences, range.start.line, range.start.character); i < occurrences.length && hints.length < MAX_HINTS; i++) {
        const o = occurrences[i];
        if (token.isCancellationRequested) return [];
        if (o.range.startLine > range.end.line || (o.range.startLine === range.end.line && o.range.startCharacter >= range.end.character)) break;
        const record = engine.record(o.code);
        if (!record) continue;
        const status = inpatientStatus(record, o.facts.dateOfService ?? engine.today(), engine.catalog.quarters());
        const label = inlineHint(record, status, settings.inlayHints.mode, settings.inlayHints.maxLength);
        if (!label) continue;
        const last = o.modifiers[o.modifiers.length - 1]?.range ?? o.range;
        const hint = new vscode.InlayHint(new vscode.Position(last.endLine, last.endCharacter), label, vscode.InlayHintKind.Type);
        hint.paddingLeft = true;
        hint.tooltip = `${o.code}: ${record.longDescriptor ?? record.shortDescriptor ?? 'no descriptor loaded'}`;
        hints.push(hint);
      }
      return hints;
    }, []);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
