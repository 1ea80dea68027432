/** The hover for a modifier: its name and meaning, and whether it fits the code it is written on. */
import type { CodeRecord, Modifier, PlaceOfService } from '../model';
import { modifierVerdict } from '../codes/pfsMeaning';
import { escapeMarkdown } from './escape';

export function modifierToMarkdown(code: string, modifier: Modifier | undefined, record: CodeRecord | undefined, on: string): string {
  const lines: string[] = [];
  if (!modifier) {
    lines.push(`⚠ **Modifier ${escapeMarkdown(code)}**: not a CPT or HCPCS Level II modifier in the loaded data.`);
    return lines.join('\n');
  }
  lines.push(`**Modifier ${escapeMarkdown(code)} — ${escapeMarkdown(modifier.name)}**`, '', `*${modifier.kind === 'CPT' ? 'CPT modifier' : 'HCPCS Level II modifier'}*`);
  if (modifier.description && modifier.description !== modifier.name) lines.push('', escapeMarkdown(modifier.description));
  const verdict = modifierVerdict(code, record?.pfs);
  if (verdict.allowed === false) lines.push('', `⚠ **Not allowed on ${escapeMarkdown(on)}**: ${escapeMarkdown(verdict.reason ?? '')}`);
  else if (verdict.allowed) lines.push('', `Allowed on ${escapeMarkdown(on)}: ${escapeMarkdown(verdict.reason ?? '')}`);
  return lines.join('\n');
}

/** The hover for a place-of-service value (POS column, CLM05-1, SV1-05, FHIR location). */
export function placeOfServiceToMarkdown(code: string, pos: PlaceOfService | undefined): string {
  if (!pos) return `⚠ **Place of service ${escapeMarkdown(code)}**: not a CMS place-of-service code.`;
  const lines = [`**Place of service ${escapeMarkdown(pos.code)} — ${escapeMarkdown(pos.name)}**`, '', '*CMS place-of-service code*'];
  if (pos.description) lines.push('', escapeMarkdown(pos.description));
  return lines.join('\n');
}
