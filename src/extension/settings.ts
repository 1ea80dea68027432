/** Typed access to the `cptLens.*` settings (see package.json `contributes.configuration`). */
import * as vscode from 'vscode';
import type { DefaultSetting, RuleSettings } from '../core/rules/types';
import { RULES } from '../core/rules';
import type { InlineMode } from '../core/card/inline';

export interface Settings {
  enable: boolean;
  languages: string[];
  hover: boolean;
  completion: boolean;
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

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('cptLens', scope);
  return {
    enable: c.get<boolean>('enable', true),
    languages: c.get<string[]>('languages', []),
    hover: c.get<boolean>('hover.enable', true),
    completion: c.get<boolean>('completion.enable', true),
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
