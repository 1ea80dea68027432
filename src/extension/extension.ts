/**
 * Activation: registers the thin adapters over the core engine. Nothing is parsed here:
 * the data loads on the first request (or right after activation, off the critical path).
 */
import * as vscode from 'vscode';
import { DataHost } from './dataHost';
import { DocumentCache } from './documents';
import { HoverProvider } from './hover';
import { CompletionProvider, TRIGGER_CHARACTERS } from './completion';
import { Diagnostics } from './diagnostics';
import { copyCode, parseShowCardArgs } from './commands';
import { showDetails } from './detailsPanel';
import { Log } from './log';
import { watchLargeFiles } from './largeFiles';
import { addDataFile } from './addDataFile';
import { CodeActions } from './codeActions';
import { disableRuleForFile } from './ruleScopes';
import { RULES } from '../core/rules';
import { InlayHintsProvider } from './inlayHints';
import { lookUpItems, showLookUp } from './lookUp';
import { StatusItem } from './statusItem';
import { toRange } from './convert';

/**
 * Documents CPT Lens may look at: files, unsaved files and remote and virtual file systems. Other
 * extensions choose the schemes of virtual file systems, so the default languages match on any
 * scheme too (`appliesTo` still decides per document).
 */
const SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' },
  ...['plaintext', 'csv', 'tsv', 'json', 'jsonc', 'markdown', 'xml', 'x12'].map((language) => ({ language })),
];

export interface CptLensApi {
  /** Resolves when the data is loaded; used by tests and the start-up benchmark. */
  ready(): Promise<void>;
  /** The codes the look-up quick pick offers for a query, best first. */
  lookUp(query: string): Promise<string[]>;
  /** How edits were checked so far: row by row, or in full. */
  checkStats(): { rowEdits: number; fullChecks: number; sessions: number };
}

export function activate(context: vscode.ExtensionContext): CptLensApi {
  const log = new Log();
  const data = new DataHost(context, log);
  const documents = new DocumentCache();
  context.subscriptions.push(documents);
  const inlayHints = new InlayHintsProvider(data, documents, log);
  const openDetails = async (args: unknown) => {
    const parsed = parseShowCardArgs(args);
    if (!parsed) return undefined;
    const engine = await data.engine();
    const card = engine.card(parsed.code, { dateOfService: parsed.dateOfService, modifiersWritten: parsed.modifiers });
    if (!card) {
      void vscode.window.showInformationMessage(`CPT Lens: ${parsed.code} is not in the loaded data.`);
      return undefined;
    }
    return showDetails(card, context.extensionUri);
  };
  const diagnostics = new Diagnostics(data, documents, log, context.extensionUri);
  context.subscriptions.push(
    watchLargeFiles(log),
    diagnostics,
    vscode.languages.registerCodeActionsProvider(SELECTOR, new CodeActions(diagnostics, log), { providedCodeActionKinds: CodeActions.kinds }),
    vscode.commands.registerCommand('cptLens.addLocalCode', async (code: unknown) => {
      if (typeof code !== 'string' || !/^[0-9A-Za-z]{5}$/.test(code)) return;
      const config = vscode.workspace.getConfiguration('cptLens');
      const codes = config.get<string[]>('localCodes', []);
      if (!codes.includes(code)) await config.update('localCodes', [...codes, code.toUpperCase()], vscode.ConfigurationTarget.Workspace);
    }),
    vscode.commands.registerCommand('cptLens.disableRule', async (args: unknown) => {
      const a = args as { rule?: unknown; uri?: unknown } | undefined;
      if (typeof a?.rule !== 'string' || !RULES.some((r) => r.id === a.rule)) return;
      if (typeof a.uri === 'string') await disableRuleForFile(vscode.Uri.parse(a.uri), a.rule);
      else await vscode.workspace.getConfiguration('cptLens').update(`rules.${a.rule}`, 'off', vscode.ConfigurationTarget.Workspace);
    }),
    inlayHints,
    vscode.languages.registerInlayHintsProvider(SELECTOR, inlayHints),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('cptLens.inlayHints') && inlayHints.refresh()),
    new StatusItem(data, documents, log),
    vscode.commands.registerCommand('cptLens.lookUp', async () => {
      const chosen = await showLookUp(await data.engine());
      if (!chosen) return undefined;
      const editor = vscode.window.activeTextEditor;
      if (chosen.action === 'insert' && editor) {
        await editor.edit((e) => editor.selections.forEach((sel) => e.replace(sel, chosen.code)));
        return chosen.code;
      }
      await openDetails({ code: chosen.code });
      return chosen.code;
    }),
    vscode.commands.registerCommand('cptLens.listDocumentCodes', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const engine = await data.engine();
      const items = documents.occurrences(editor.document, engine).map((o) => ({
        label: `${o.code}${o.modifiers.map((m) => `-${m.code}`).join('')}`,
        description: `line ${o.range.startLine + 1}`,
        detail: engine.record(o.code)?.shortDescriptor ?? engine.record(o.code)?.longDescriptor,
        occurrence: o,
      }));
      const picked = await vscode.window.showQuickPick(items, { placeHolder: `${items.length} codes in this document`, matchOnDetail: true });
      if (picked) {
        editor.selection = new vscode.Selection(toRange(picked.occurrence.range).start, toRange(picked.occurrence.range).end);
        editor.revealRange(toRange(picked.occurrence.range), vscode.TextEditorRevealType.InCenter);
      }
    }),
    log,
    data,
    vscode.languages.registerHoverProvider(SELECTOR, new HoverProvider(data, documents, log)),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new CompletionProvider(data, log), ...TRIGGER_CHARACTERS),
    vscode.commands.registerCommand('cptLens.showCard', async (args?: unknown) => openDetails(args ?? (await askForCode()))),
    vscode.commands.registerCommand('cptLens.copyCode', copyCode),
    vscode.commands.registerCommand('cptLens.addDataFile', (uri?: unknown) => addDataFile(data, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('cptLens.data.files') && void data.reload()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void data.reload()),
  );
  // Warm the data after activation returns, so the first hover does not wait for it.
  setTimeout(() => void data.engine().catch((e) => log.error('loading data', e)), 0);
  return {
    ready: async () => void (await data.engine()),
    lookUp: async (query) => lookUpItems(await data.engine(), query).map((i) => i.code),
    checkStats: () => ({ ...documents.stats, sessions: documents.size }),
  };
}

async function askForCode(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const range = editor?.document.getWordRangeAtPosition(editor.selection.active, /[0-9A-Za-z]{5}/);
  const word = range && editor?.document.getText(range);
  return vscode.window.showInputBox({ prompt: 'CPT or HCPCS code', value: word, validateInput: (v) => (/^[0-9A-Za-z]{5}$/.test(v.trim()) ? undefined : 'Five letters or digits, e.g. 64866 or J1100') });
}

export function deactivate(): void {}
