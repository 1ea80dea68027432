/**
 * Everything behind CPT Lens's providers and commands: the output channel, the data host (which
 * starts loading the data here), the document sessions, diagnostics, the status item and the
 * implementations of the commands. Built once, right after activation returns or on the first
 * request before that (`extension.ts` registers forwarders to it), so that activation neither
 * loads the engine's code nor does any of this work.
 */
import * as vscode from 'vscode';
import { DataHost } from './dataHost';
import { DocumentCache } from './documents';
import { HoverProvider } from './hover';
import { warmSearchIndex } from './searchWarmUp';
import { CompletionProvider } from './completion';
import { Diagnostics } from './diagnostics';
import { copyCode, parseShowCardArgs } from './commands';
import { showDetails } from './detailsPanel';
import { Log } from './log';
import { watchLargeFiles } from './largeFiles';
import { watchSettings } from './settings';
import { addDataFile } from './addDataFile';
import { CodeActions } from './codeActions';
import { disableRuleForFile } from './ruleScopes';
import { RULES } from '../core/rules';
import { InlayHintsProvider } from './inlayHints';
import { lookUpItems, showLookUp } from './lookUp';
import { StatusItem } from './statusItem';
import { toRange } from './convert';
import type { CommandId } from './contributions';

export interface CptLensApi {
  /** Resolves when the data is loaded; used by tests and the start-up benchmark. */
  ready(): Promise<void>;
  /** The codes the look-up quick pick offers for a query, best first. */
  lookUp(query: string): Promise<string[]>;
  /**
   * How edits were checked so far: row by row, in full (`slicedChecks` of them in slices, yielding
   * to other work), checks dropped because the document changed, and checks running now.
   */
  checkStats(): { rowEdits: number; fullChecks: number; sessions: number; slicedChecks: number; droppedChecks: number; pauses: number; checking: number; completionsInParts: number };
}

export interface Features {
  hover: HoverProvider;
  completion: CompletionProvider;
  codeActions: CodeActions;
  inlayHints: InlayHintsProvider;
  commands: Record<CommandId, (...args: unknown[]) => unknown>;
  api: CptLensApi;
}

/** Creates the features; their disposables go to the extension's subscriptions. */
export function startFeatures(context: vscode.ExtensionContext): Features {
  // First: settings kept per document are dropped before any listener reads them after a change.
  context.subscriptions.push(watchSettings());
  const log = new Log();
  const data = new DataHost(context, log);
  // Start loading the data now, so the first hover does not wait for all of it.
  void data.engine().catch((e) => log.error('loading data', e));
  const documents = new DocumentCache();
  const inlayHints = new InlayHintsProvider(data, documents, log);
  const diagnostics = new Diagnostics(data, documents, log, context.extensionUri);
  context.subscriptions.push(
    log,
    data,
    documents,
    watchLargeFiles(log),
    diagnostics,
    inlayHints,
    new StatusItem(data, documents, diagnostics, log),
    warmSearchIndex(data, documents, log),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('cptLens.inlayHints') && inlayHints.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('cptLens.data.files') && void data.reload()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void data.reload()),
  );

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

  const commands: Features['commands'] = {
    'cptLens.showCard': async (args?: unknown) => openDetails(args ?? (await askForCode())),
    'cptLens.copyCode': copyCode,
    'cptLens.lookUp': async () => {
      const chosen = await showLookUp(await data.engine());
      if (!chosen) return undefined;
      const editor = vscode.window.activeTextEditor;
      if (chosen.action === 'insert' && editor) {
        await editor.edit((e) => editor.selections.forEach((sel) => e.replace(sel, chosen.code)));
        return chosen.code;
      }
      await openDetails({ code: chosen.code });
      return chosen.code;
    },
    'cptLens.listDocumentCodes': async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      const engine = await data.engine();
      const items = ((await documents.occurrencesInSlices(editor.document, engine)) ?? []).map((o) => ({
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
    },
    'cptLens.addLocalCode': async (code: unknown) => {
      if (typeof code !== 'string' || !/^[0-9A-Za-z]{5}$/.test(code)) return;
      const config = vscode.workspace.getConfiguration('cptLens');
      const codes = config.get<string[]>('localCodes', []);
      if (!codes.includes(code)) await config.update('localCodes', [...codes, code.toUpperCase()], vscode.ConfigurationTarget.Workspace);
    },
    'cptLens.disableRule': async (args: unknown) => {
      const a = args as { rule?: unknown; uri?: unknown } | undefined;
      if (typeof a?.rule !== 'string' || !RULES.some((r) => r.id === a.rule)) return;
      if (typeof a.uri === 'string') await disableRuleForFile(vscode.Uri.parse(a.uri), a.rule);
      else await vscode.workspace.getConfiguration('cptLens').update(`rules.${a.rule}`, 'off', vscode.ConfigurationTarget.Workspace);
    },
    'cptLens.addDataFile': (uri?: unknown) => addDataFile(data, uri instanceof vscode.Uri ? uri : undefined),
  };

  return {
    hover: new HoverProvider(data, documents, log),
    completion: new CompletionProvider(data, documents, log),
    codeActions: new CodeActions(diagnostics, log),
    inlayHints,
    commands,
    api: {
      ready: async () => void (await data.engine()),
      lookUp: async (query) => lookUpItems(await data.engine(), query).map((i) => i.code),
      checkStats: () => ({ ...documents.stats, sessions: documents.size }),
    },
  };
}

async function askForCode(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const range = editor?.document.getWordRangeAtPosition(editor.selection.active, /[0-9A-Za-z]{5}/);
  const word = range && editor?.document.getText(range);
  return vscode.window.showInputBox({ prompt: 'CPT or HCPCS code', value: word, validateInput: (v) => (/^[0-9A-Za-z]{5}$/.test(v.trim()) ? undefined : 'Five letters or digits, e.g. 64866 or J1100') });
}
