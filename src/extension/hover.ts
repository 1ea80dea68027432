/** Hover: the code card for a recognized code, or the modifier's meaning on a modifier. */
import * as vscode from 'vscode';
import type { DataHost } from './dataHost';
import type { DocumentCache } from './documents';
import { appliesTo, readSettings } from './settings';
import { contains, toRange } from './convert';
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
      for (const o of this.documents.occurrences(document, engine)) {
        const modifier = o.modifiers.find((m) => contains(m.range, position));
        if (modifier) {
          const md = modifierToMarkdown(modifier.code, engine.catalog.modifier(modifier.code), engine.record(o.code), o.code);
          return new vscode.Hover(markdown(md), toRange(modifier.range));
        }
        const pos = o.facts.placeOfServiceRange;
        if (pos && o.facts.placeOfService && contains(pos, position)) {
          return new vscode.Hover(markdown(placeOfServiceToMarkdown(o.facts.placeOfService, engine.catalog.placeOfService(o.facts.placeOfService))), toRange(pos));
        }
        if (!contains(o.range, position)) continue;
        const card = engine.card(o.code, { dateOfService: o.facts.dateOfService, modifiersWritten: o.modifiers.map((m) => m.code) });
        if (!card) return undefined;
        const args = { code: o.code, dateOfService: o.facts.dateOfService, modifiers: o.modifiers.map((m) => m.code) };
        const md = cardToMarkdown(card, { links: { details: commandUri('cptLens.showCard', args), copy: commandUri('cptLens.copyCode', { code: o.code }) } });
        return new vscode.Hover(markdown(md), toRange(o.range));
      }
      return undefined;
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
