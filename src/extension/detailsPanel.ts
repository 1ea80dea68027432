/** The details view: the complete card in a webview with a strict content-security policy. */
import * as vscode from 'vscode';
import { randomBytes } from 'crypto';
import { cardToHtml } from '../core/card/html';
import type { Card } from '../core/card/build';

let panel: vscode.WebviewPanel | undefined;

export function showDetails(card: Card, extensionUri: vscode.Uri): vscode.WebviewPanel {
  if (!panel) {
    panel = vscode.window.createWebviewPanel('cptLens.details', '', vscode.ViewColumn.Beside, {
      enableScripts: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
    });
    panel.onDidDispose(() => (panel = undefined));
  }
  panel.title = `${card.code} — CPT Lens`;
  panel.webview.html = page(cardToHtml(card));
  panel.reveal(vscode.ViewColumn.Beside, true);
  return panel;
}

function page(body: string): string {
  const nonce = randomBytes(16).toString('base64');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}';">
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em; line-height: 1.5; }
h1 { font-size: 1.4em; } h2 { font-size: 1.05em; margin: 1.2em 0 .3em; }
.code { font-family: var(--vscode-editor-font-family); }
.meta, .source { color: var(--vscode-descriptionForeground); font-size: .9em; }
.warning h2 { color: var(--vscode-editorWarning-foreground); }
.hint { border-left: 3px solid var(--vscode-textLink-foreground); padding-left: .6em; }
</style></head><body>
${body}
</body></html>`;
}
