/** Typed access to the `cptLens.*` settings (see package.json `contributes.configuration`). */
import * as vscode from 'vscode';
import type { DefaultSetting, RuleSettings } from '../core/rules/types';
import { RULES } from '../core/rules';
import type { InlineMode } from '../core/card/inline';
import { DEFAULT_WORD_PREFIX } from '../core/complete';

export interface Settings {
  enable: boolean;
  languages: string[];
  hover: boolean;
  completion: boolean;
  /** What a word typed for descriptor search starts with (`?facial`). */
  wordPrefix: string;
  diagnostics: boolean;
  rules: RuleSettings;
  defaultSetting: DefaultSetting;
  localCodes: string[];
  maxFileSizeMB: number;
  /** Wait after the last keystroke before problems are re-checked. */
  debounceMs: number;
  inlayHints: { mode: InlineMode; maxLength: number };
}

type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

/**
 * The settings for `scope`. Those of a document are read once and given again until a `cptLens`
 * setting or the workspace folders change (see `watchSettings`): reading them takes sixteen
 * `inspect` calls, 6-12 ms in the extension host, and every keystroke asked for them two to four
 * times (diagnostics, inlay hints, the status item). The object given is frozen: callers share it.
 */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  return perDocument('settings', scope, () => freeze(read(scope)));
}

function read(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('cptLens', scope);
  return {
    enable: c.get<boolean>('enable', true),
    languages: c.get<string[]>('languages', []),
    hover: c.get<boolean>('hover.enable', true),
    completion: c.get<boolean>('completion.enable', true),
    wordPrefix: c.get<string>('completion.wordPrefix', DEFAULT_WORD_PREFIX),
    diagnostics: c.get<boolean>('diagnostics.enable', true),
    rules: ruleSettings(c),
    defaultSetting: c.get<DefaultSetting>('rules.defaultSetting', 'unknown'),
    localCodes: c.get<string[]>('localCodes', []).map((x) => x.trim().toUpperCase()),
    maxFileSizeMB: c.get<number>('maxFileSizeMB', 50),
    debounceMs: Math.max(0, Math.min(5000, c.get<number>('diagnostics.debounceMs', 250))),
    inlayHints: { mode: c.get<InlineMode>('inlayHints.mode', 'descriptor'), maxLength: c.get<number>('inlayHints.maxLength', 40) },
  };
}

/** Whether CPT Lens works on this document at all. */
export function appliesTo(document: vscode.TextDocument, settings: Settings): boolean {
  if (!settings.enable) return false;
  if (document.uri.scheme === 'output' || document.uri.scheme === 'vscode-settings') return false;
  return settings.languages.includes('*') || settings.languages.includes(document.languageId);
}

/** Older settings that still set a rule's severity when `cptLens.rules.<id>` is not set. */
const ALIASES: Record<string, string> = {
  'inpatient-only': 'diagnostics.inpatientOnlySeverity',
  'modifier-unknown': 'diagnostics.unknownModifierSeverity',
};

/** Only severities the user set explicitly; the rules' own defaults apply otherwise. */
function ruleSettings(c: vscode.WorkspaceConfiguration): RuleSettings {
  const out: RuleSettings = {};
  const explicit = (key: string): SeveritySetting | undefined => {
    const i = c.inspect<SeveritySetting>(key);
    return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
  };
  for (const rule of RULES) {
    const value = explicit(`rules.${rule.id}`) ?? (ALIASES[rule.id] ? explicit(ALIASES[rule.id]) : undefined);
    if (value) out[rule.id] = value;
  }
  return out;
}

/** Values read per document, kept while `watchSettings` watches (see there for what drops them). */
const kept = new Map<string, unknown>();
let watchers = 0;

/**
 * Keeps settings read per document (`readSettings`, `perDocument`) until a `cptLens` setting, the
 * workspace folders, the workspace's trust or the document's language change; without it every
 * read asks VS Code. Register it before the listeners that read settings on a configuration change.
 */
export function watchSettings(): vscode.Disposable {
  watchers++;
  const listeners = [
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('cptLens') && kept.clear()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => kept.clear()),
    // Trust makes restricted workspace settings count (none of those kept today: a guard for later ones).
    vscode.workspace.onDidGrantWorkspaceTrust(() => kept.clear()),
    // A closed document's entries go (a language change closes and reopens it under its new language).
    vscode.workspace.onDidCloseTextDocument((d) => {
      const prefix = `${d.uri.toString()}\u0000`;
      for (const key of kept.keys()) if (key.startsWith(prefix)) kept.delete(key);
    }),
  ];
  return {
    dispose: () => {
      listeners.forEach((l) => l.dispose());
      if (--watchers === 0) kept.clear();
    },
  };
}

/**
 * `compute()` for `scope`, kept under `name` while settings are watched, when the scope is a
 * document (or names a resource and a language): settings depend on both.
 */
export function perDocument<T>(name: string, scope: vscode.ConfigurationScope | undefined, compute: () => T): T {
  const s = scope as { uri?: vscode.Uri; languageId?: string } | undefined;
  if (!watchers || !s?.uri || typeof s.languageId !== 'string') return compute();
  const key = `${s.uri.toString()}\u0000${s.languageId}\u0000${name}`;
  if (kept.has(key)) return kept.get(key) as T;
  const value = compute();
  kept.set(key, value);
  return value;
}

function freeze(s: Settings): Settings {
  Object.freeze(s.languages);
  Object.freeze(s.rules);
  Object.freeze(s.localCodes);
  Object.freeze(s.inlayHints);
  return Object.freeze(s);
}
