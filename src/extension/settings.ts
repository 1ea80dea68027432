/** Typed access to the `cptLens.*` settings (see package.json `contributes.configuration`). */
import * as vscode from 'vscode';
import type { RuleSettings } from '../core/rules/types';
import type { InlineMode } from '../core/card/inline';

export interface Settings {
  enable: boolean;
  languages: string[];
  hover: boolean;
  completion: boolean;
  diagnostics: boolean;
  rules: RuleSettings;
  maxFileSizeMB: number;
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
    rules: {
      'inpatient-only': c.get<SeveritySetting>('diagnostics.inpatientOnlySeverity', 'information'),
      'modifier-unknown': c.get<SeveritySetting>('diagnostics.unknownModifierSeverity', 'warning'),
    },
    maxFileSizeMB: c.get<number>('maxFileSizeMB', 20),
    inlayHints: { mode: c.get<InlineMode>('inlayHints.mode', 'descriptor'), maxLength: c.get<number>('inlayHints.maxLength', 40) },
  };
}

/** Whether CPT Lens works on this document at all. */
export function appliesTo(document: vscode.TextDocument, settings: Settings): boolean {
  if (!settings.enable) return false;
  if (document.uri.scheme === 'output' || document.uri.scheme === 'vscode-settings') return false;
  return settings.languages.includes('*') || settings.languages.includes(document.languageId);
}
