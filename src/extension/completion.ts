/**
 * Completion: codes by prefix or by words, modifiers that fit the line's code, places of service.
 * A thin adapter: `core/complete` says what is typed and what is offered; this maps its plain items
 * to CompletionItems and renders the documentation pane only for the item the user looks at.
 */
import * as vscode from 'vscode';
import type { DataHost } from './dataHost';
import { appliesTo, readSettings } from './settings';
import { guarded, Log } from './log';
import { cardToMarkdown } from '../core/card/markdown';
import { modifierToMarkdown, placeOfServiceToMarkdown } from '../core/card/modifier';
import { completionContext, completionItems, CompletionEntry } from '../core/complete';
import type { DocumentCache } from './documents';
import { markdown } from './hover';
import { commandUri } from './commands';

const KIND: Record<CompletionEntry['what'], vscode.CompletionItemKind> = {
  code: vscode.CompletionItemKind.Value,
  modifier: vscode.CompletionItemKind.EnumMember,
  pos: vscode.CompletionItemKind.Enum,
};

export class CompletionProvider implements vscode.CompletionItemProvider {
  /** Items of the last list -> their plain entry, so documentation is rendered only for the item shown. */
  private readonly pending = new WeakMap<vscode.CompletionItem, CompletionEntry>();

  constructor(private readonly data: DataHost, private readonly documents: DocumentCache, private readonly log: Log) {}

  resolveCompletionItem(item: vscode.CompletionItem, token: vscode.CancellationToken): Promise<vscode.CompletionItem> {
    return guarded(this.log, 'completion', async () => {
      const entry = this.pending.get(item);
      if (!entry) return item;
      const engine = await this.data.engine();
      if (token.isCancellationRequested) return item;
      if (entry.documentationCode) {
        const card = engine.card(entry.documentationCode);
        const links = { details: commandUri('cptLens.showCard', { code: entry.documentationCode }), copy: commandUri('cptLens.copyCode', { code: entry.documentationCode }) };
        if (card) item.documentation = markdown(cardToMarkdown(card, { links }));
      } else if (entry.what === 'modifier') {
        const on = entry.modifierOn;
        item.documentation = markdown(modifierToMarkdown(entry.label, engine.catalog.modifier(entry.label), on ? engine.record(on) : undefined, on ?? 'this code'));
      } else if (entry.what === 'pos') {
        item.documentation = markdown(placeOfServiceToMarkdown(entry.label, engine.catalog.placeOfService(entry.label)));
      }
      return item;
    }, item);
  }

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken) {
    return guarded(this.log, 'completion', async () => {
      const settings = readSettings(document);
      if (!settings.completion || !appliesTo(document, settings)) return undefined;
      const engine = await this.data.engine();
      if (token.isCancellationRequested) return undefined;
      const offset = document.offsetAt(position);
      const options = { data: engine, fileName: document.fileName, languageId: document.languageId, wordPrefix: settings.wordPrefix };
      // A document whose check session follows its edits is read in parts: `getText()` joins the
      // whole document after every edit (150 ms for a 34 MB charge master), once per keystroke here.
      const session = this.documents.current(document, engine);
      if (session) this.documents.stats.completionsInParts++;
      const context = session ? session.completionContext(offset, options) : completionContext(document.getText(), offset, options);
      if (!context || token.isCancellationRequested) return undefined;
      const result = completionItems(engine, context);
      if (token.isCancellationRequested) return undefined;
      const items = result.items.map((entry) => {
        const item = new vscode.CompletionItem({ label: entry.label, description: description(entry) }, KIND[entry.what]);
        item.range = new vscode.Range(document.positionAt(entry.range.start), document.positionAt(entry.range.end));
        item.insertText = entry.insertText;
        item.filterText = entry.filterText;
        item.sortText = entry.sortText;
        item.detail = entry.detail;
        if (entry.marker === 'not-allowed') item.tags = [vscode.CompletionItemTag.Deprecated];
        this.pending.set(item, entry);
        return item;
      });
      return new vscode.CompletionList(items, result.incomplete);
    }, undefined);
  }
}

function description(entry: CompletionEntry): string {
  return entry.marker === 'inpatient-only' ? `⚠ inpatient only · ${entry.description}` : entry.description;
}

