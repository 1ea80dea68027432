/**
 * What activation registers before the engine is loaded: the documents CPT Lens looks at, its
 * command ids and the completion trigger characters. Only `vscode` is imported here, so the
 * activation bundle stays small (see `extension.ts`).
 */
import * as vscode from 'vscode';

/**
 * Documents CPT Lens may look at: files, unsaved files and remote and virtual file systems. Other
 * extensions choose the schemes of virtual file systems, so the default languages match on any
 * scheme too (`appliesTo` still decides per document). Not a bare `*` scheme: it ranks below the
 * JSON language features and emptied completion in FHIR and CSV files.
 */
export const SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' },
  ...['plaintext', 'csv', 'tsv', 'json', 'jsonc', 'markdown', 'xml', 'x12'].map((language) => ({ language })),
];

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
