/**
 * What activation registers before the engine is loaded: the documents CPT Lens looks at, its
 * command ids and the completion trigger characters. Only `vscode` is imported here, so the
 * activation bundle stays small (see `extension.ts`).
 */
import * as vscode from 'vscode';

/** Documents CPT Lens may look at: files, unsaved files and virtual file systems. */
export const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }];

/** Every command of package.json `contributes.commands`; `features.ts` implements each one. */
export const COMMAND_IDS = [
  'cptLens.showCard',
  'cptLens.copyCode',
  'cptLens.lookUp',
  'cptLens.listDocumentCodes',
  'cptLens.addLocalCode',
  'cptLens.disableRule',
  'cptLens.addDataFile',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

/** `-`, `:` and `>` start a modifier (`64866-`, `HC:64866:`, `HC>64866>`); `,` `;` `|` a CSV cell; `*` an X12 element; `"` a JSON string. */
export const TRIGGER_CHARACTERS = ['-', ':', '>', ',', ';', '|', '*', '"'];

/** The code-action kinds of `CodeActions`: quick fixes only. */
export const CODE_ACTION_KINDS = [vscode.CodeActionKind.QuickFix];
