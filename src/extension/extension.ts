/**
 * Activation, kept to registrations: this module is bundled alone into `dist/extension.js` and
 * imports only `vscode` and `contributions.ts`. Providers and commands are registered as forwarders
 * to `features.ts` (its own bundle, `dist/features.js`, with the engine), which is required right
 * after `activate()` returns, or by the first request that comes before that. Requests made while
 * the data loads wait for it, as before.
 */
import * as vscode from 'vscode';
import { CODE_ACTION_KINDS, COMMAND_IDS, SELECTOR, TRIGGER_CHARACTERS } from './contributions';
import type { CptLensApi, Features } from './features';

export type { CptLensApi };

export function activate(context: vscode.ExtensionContext): CptLensApi {
  // Inlay hints are asked again when this fires; the provider behind it fires on data reloads.
  const inlayHintsChanged = new vscode.EventEmitter<void>();
  let loaded: Features | undefined;
  const features = (): Features => {
    if (!loaded) {
      // A runtime require, not an import: the build keeps `./features` out of this bundle.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { startFeatures } = require('./features') as typeof import('./features');
      loaded = startFeatures(context);
      context.subscriptions.push(loaded.inlayHints.onDidChangeInlayHints(() => inlayHintsChanged.fire()));
    }
    return loaded;
  };

  context.subscriptions.push(
    inlayHintsChanged,
    vscode.languages.registerHoverProvider(SELECTOR, {
      provideHover: (document, position, token) => features().hover.provideHover(document, position, token),
    }),
    vscode.languages.registerCompletionItemProvider(SELECTOR, {
      provideCompletionItems: (document, position, token) => features().completion.provideCompletionItems(document, position, token),
      resolveCompletionItem: (item, token) => features().completion.resolveCompletionItem(item, token),
    }, ...TRIGGER_CHARACTERS),
    vscode.languages.registerCodeActionsProvider(SELECTOR, {
      provideCodeActions: (document, range, context) => features().codeActions.provideCodeActions(document, range, context),
    }, { providedCodeActionKinds: CODE_ACTION_KINDS }),
    vscode.languages.registerInlayHintsProvider(SELECTOR, {
      onDidChangeInlayHints: inlayHintsChanged.event,
      provideInlayHints: (document, range, token) => features().inlayHints.provideInlayHints(document, range, token),
    }),
    ...COMMAND_IDS.map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => features().commands[id](...args))),
  );

  // Load the features (and with them the data) as soon as activation has returned.
  const timer = setTimeout(() => {
    try {
      features();
    } catch (e) {
      void vscode.window.showErrorMessage(`CPT Lens could not start: ${(e as Error)?.message ?? String(e)}`);
    }
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });

  return {
    ready: async () => features().api.ready(),
    lookUp: async (query) => features().api.lookUp(query),
    checkStats: () => features().api.checkStats(),
  };
}

export function deactivate(): void {}
