/**
 * Recognized occurrences per open document, computed once per document version and engine,
 * shared by hover, completion and diagnostics.
 */
import * as vscode from 'vscode';
import type { CodeOccurrence } from '../core/model';
import type { Engine } from '../core/engine';

interface Entry {
  version: number;
  engine: Engine;
  occurrences: CodeOccurrence[];
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  occurrences(document: vscode.TextDocument, engine: Engine): CodeOccurrence[] {
    const key = document.uri.toString();
    const hit = this.entries.get(key);
    if (hit && hit.version === document.version && hit.engine === engine) return hit.occurrences;
    const occurrences = engine.recognize(document.getText(), { fileName: document.fileName, languageId: document.languageId });
    this.entries.set(key, { version: document.version, engine, occurrences });
    return occurrences;
  }

  forget(document: vscode.TextDocument): void {
    this.entries.delete(document.uri.toString());
  }

  clear(): void {
    this.entries.clear();
  }
}
