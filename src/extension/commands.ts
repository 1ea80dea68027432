/** The extension's commands, and the command URIs the hover may link to. */
import * as vscode from 'vscode';

export const TRUSTED_COMMANDS = ['cptLens.showCard', 'cptLens.copyCode'] as const;

export interface ShowCardArgs {
  code: string;
  dateOfService?: string;
  modifiers?: string[];
}

export function commandUri(command: (typeof TRUSTED_COMMANDS)[number], args: object): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;
}

/** Arguments from a command URI or a caller, checked: a code is 5 letters/digits, a date YYYY-MM-DD. */
export function parseShowCardArgs(value: unknown): ShowCardArgs | undefined {
  if (typeof value === 'string') value = { code: value };
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.code !== 'string' || !/^[0-9A-Za-z]{5}$/.test(v.code)) return undefined;
  const date = typeof v.dateOfService === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.dateOfService) ? v.dateOfService : undefined;
  const modifiers = Array.isArray(v.modifiers) ? v.modifiers.filter((m): m is string => typeof m === 'string' && /^[0-9A-Za-z]{2}$/.test(m)) : [];
  return { code: v.code.toUpperCase(), dateOfService: date, modifiers };
}

export async function copyCode(args: unknown): Promise<void> {
  const parsed = parseShowCardArgs(args);
  if (parsed) await vscode.env.clipboard.writeText(parsed.code);
}
