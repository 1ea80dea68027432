/** Completion v1: a code prefix (`6486`, `J11`) offers the matching codes with their descriptors. */
import * as vscode from 'vscode';
import type { DataHost } from './dataHost';
import { appliesTo, readSettings } from './settings';
import { guarded, Log } from './log';
import { cardToMarkdown } from '../core/card/markdown';
import { inpatientStatus } from '../core/catalog/inpatient';
import { markdown } from './hover';

/** A code being typed: three or more digits, or a HCPCS letter and one or more digits. */
const PREFIX = /(?:^|[^0-9A-Za-z_$.])(\d{3,4}[FTUM]?|[ABCDEGHJKLMPQRSTUV]\d{1,3})$/i;

export class CompletionProvider implements vscode.CompletionItemProvider {
  /** Items of the last list -> code, so the card is rendered only for the item the user looks at. */
  private readonly pending = new WeakMap<vscode.CompletionItem, string>();

  constructor(private readonly data: DataHost, private readonly log: Log) {}

  resolveCompletionItem(item: vscode.CompletionItem): Promise<vscode.CompletionItem> {
    return guarded(this.log, 'completion', async () => {
      const code = this.pending.get(item);
      if (!code) return item;
      const card = (await this.data.engine()).card(code);
      if (card) item.documentation = markdown(cardToMarkdown(card));
      return item;
    }, item);
  }

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken) {
    return guarded(this.log, 'completion', async () => {
      const settings = readSettings(document);
      if (!settings.completion || !appliesTo(document, settings)) return undefined;
      const before = document.lineAt(position.line).text.slice(Math.max(0, position.character - 40), position.character);
      const m = PREFIX.exec(before);
      if (!m) return undefined;
      const engine = await this.data.engine();
      if (token.isCancellationRequested) return undefined;
      const typed = m[1];
      const range = new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
      const items = engine.search.prefix(typed, 200).map((code, i) => {
        const record = engine.record(code)!;
        const ipo = inpatientStatus(record, engine.today(), engine.catalog.quarters())?.inpatientOnly;
        const item = new vscode.CompletionItem(
          { label: code, description: `${ipo ? '⚠ inpatient only · ' : ''}${record.shortDescriptor ?? record.longDescriptor ?? ''}` },
          vscode.CompletionItemKind.Value,
        );
        item.range = range;
        item.filterText = typed.toUpperCase() === typed ? code : code.toLowerCase();
        item.sortText = String(i).padStart(4, '0');
        item.detail = record.longDescriptor ?? record.shortDescriptor;
        this.pending.set(item, code);
        return item;
      });
      return new vscode.CompletionList(items, items.length >= 200);
    }, undefined);
  }
}
