/** Inlay hints: the short descriptor (or only warnings) after each code, for the visible range only. */
import * as vscode from 'vscode';
import type { DataHost } from './dataHost';
import type { DocumentCache } from './documents';
import { appliesTo, readSettings } from './settings';
import { guarded, Log } from './log';
import { inlineLabels } from '../core/card/inline';
import { firstAtOrAfter } from '../core/occurrenceAt';

/** VS Code draws at most this many inlay hints in an editor (its InlayHintsController): none past them are made. */
const MAX_HINTS = 1500;
/**
 * Codes looked at per request, at most: more than a screen shows (VS Code draws the first 10,000
 * characters of a line unless it wraps, and asks for part of a long line when it does).
 */
const MAX_EXAMINED = 20_000;

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
      // One label per code and date: a claim file writes a handful of codes over and over.
      const labelOf = inlineLabels(engine.catalog, settings.inlayHints.mode, settings.inlayHints.maxLength);
      // Occurrences are in document order: start at the visible range, stop after it, or after as
      // many hints as VS Code draws or as many codes as a screen can show (a file written on one
      // line is one line on screen).
      const today = engine.today();
      const from = firstAtOrAfter(occurrences, range.start.line, range.start.character);
      for (let i = from; i < occurrences.length && i - from < MAX_EXAMINED && hints.length < MAX_HINTS; i++) {
        const o = occurrences[i];
        if (token.isCancellationRequested) return [];
        if (o.range.startLine > range.end.line || (o.range.startLine === range.end.line && o.range.startCharacter >= range.end.character)) break;
        const made = labelOf(o.code, o.facts.dateOfService ?? today);
        if (!made) continue;
        const last = o.modifiers[o.modifiers.length - 1]?.range ?? o.range;
        const hint = new vscode.InlayHint(new vscode.Position(last.endLine, last.endCharacter), made.label, vscode.InlayHintKind.Type);
        hint.paddingLeft = true;
        hint.tooltip = made.tooltip;
        hints.push(hint);
      }
      return hints;
    }, []);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
