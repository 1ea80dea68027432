/** Shared steps of the integration tests: open a fixture, wait for the data, ask VS Code what a user would see. */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CptLensApi } from '../../src/extension/features';

export const EXTENSION_ID = 'cpt-lens.cpt-lens';

/** The extension's API (its test hooks: data ready, look-up, how edits were checked), activating it if need be. */
export async function cptLensApi(): Promise<CptLensApi> {
  const extension = vscode.extensions.getExtension<CptLensApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

export function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration suite runs with test/fixtures/workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function open(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixture(name));
  await vscode.window.showTextDocument(document);
  await (await cptLensApi()).ready();
  return document;
}

/** A new untitled document of `language` holding `content`, shown in an editor (what a coder pastes into). */
export async function showText(language: string, content: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  return { document, editor: await vscode.window.showTextDocument(document) };
}

/** Position of the n-th occurrence of `text` in the document (the start of it, plus `offset`). */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0, nth = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = document.getText().indexOf(text, at + 1);
  assert.ok(at >= 0, `${text} not found in ${path.basename(document.fileName)}`);
  return document.positionAt(at + offset);
}

export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Waits until the document's CPT Lens problems satisfy `ok` (diagnostics are computed off the edit path). */
export async function diagnostics(uri: vscode.Uri, ok: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  const started = Date.now();
  for (;;) {
    const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'CPT Lens');
    if (ok(found) || Date.now() - started > timeoutMs) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The rule id of a CPT Lens diagnostic (its `code` carries the rule and a link to its page). */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** Waits for the document's first problem of `rule` and returns it; fails, listing what there was, when none comes. */
export async function problemOf(document: vscode.TextDocument, rule: string): Promise<vscode.Diagnostic> {
  const found = await diagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === rule));
  const problem = found.find((x) => ruleOf(x) === rule);
  assert.ok(problem, JSON.stringify(found));
  return problem;
}

/** Waits until `ok` holds (data reloads and hovers settle after a setting changes); false on timeout. */
export async function until(ok: () => Promise<boolean>, timeoutMs = 15_000): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await ok()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** An 837P interchange around `body`: ISA, GS, ST, the body's segments, SE, GE, IEA (one segment each). */
export function x12Interchange(body: readonly string[]): string[] {
  return [
    'ISA*00*          *00*          *ZZ*SUB            *ZZ*REC            *260105*1200*^*00501*000000001*0*T*:~',
    'GS*HC*SUB*REC*20260105*1200*1*X*005010X222A1~', 'ST*837*0001*005010X222A1~', ...body, 'SE*1*0001~', 'GE*1*1~', 'IEA*1*000000001~',
  ];
}
