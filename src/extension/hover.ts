/** Hover: the code card for a recognized code, or the modifier's meaning on a modifier. */
import * as vscode from 'vscode';
import type { DataHost } from './dataHost';
import type { DocumentCache } from './documents';
import { appliesTo, readSettings } from './settings';
import { toRange } from './convert';
import { occurrenceAt } from '../core/occurrenceAt';
import { cardToMarkdown } from '../core/card/markdown';
import { modifierToMarkdown, placeOfServiceToMarkdown } from '../core/card/modifier';
import { guarded, Log } from './log';
import { commandUri, TRUSTED_COMMANDS } from './commands';

export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly data: DataHost, private readonly documents: DocumentCache, private readonly log: Log) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    return guarded(this.log, 'hover', async () => {
      const settings = readSettings(document);
      if (!settings.hover || !appliesTo(document, settings)) return undefined;
      const engine = await this.data.engine();
      if (token.isCancellationRequested) return undefined;
      // A large document's first check runs in slices; this request stops waiting when cancelled.
      const occurrences = await this.documents.occurrencesInSlices(document, engine, token);
      if (!occurrences || token.isCancellationRequested) return undefined;
      const hit = occurrenceAt(occurrences, position.line, position.character);
      if (!hit) return undefined;
      const o = hit.occurrence;
      if (hit.kind === 'modifier') {
        const md = modifierToMarkdown(hit.modifier.code, engine.catalog.modifier(hit.modifier.code), engine.record(o.code), o.code);
        return new vscode.Hover(markdown(md), toRange(hit.range));
      }
      if (hit.kind === 'placeOfService') {
        return new vscode.Hover(markdown(placeOfServiceToMarkdown(hit.placeOfService, engine.catalog.placeOfService(hit.placeOfService))), toRange(hit.range));
      }
      const card = engine.card(o.code, { dateOfService: o.facts.dateOfService, modifiersWritten: o.modifiers.map((m) => m.code) });
      if (!card) return undefined;
      const args = { code: o.code, dateOfService: o.facts.dateOfService, modifiers: o.modifiers.map((m) => m.code) };
      const md = cardToMarkdown(card, { links: { details: commandUri('cptLens.showCard', args), copy: commandUri('cptLens.copyCode', { code: o.code }) } });
      return new vscode.Hover(markdown(md), toRange(o.range));
    }, undefined);
  }
}

/** Markdown whose only enabled commands are the extension's own; data text is escaped by the renderer. */
export function markdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  md.isTrusted = { enabledCommands: [...TRUSTED_COMMANDS] };
  md.supportHtml = false;
  return md;
}
