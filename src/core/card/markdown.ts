/** Renders a card as Markdown for the hover and the completion documentation pane. */
import type { Card, CardPart } from './build';
import { DATA_FILES_SETTING, LICENSED_TEXT_HINT } from './build';
import { escapeMarkdown, truncate } from './escape';

export interface MarkdownOptions {
  /** Longest text of one part before it is cut (the details view shows all). */
  maxPartLength?: number;
  /** Command links the host trusts; absent in the CLI. */
  links?: { details?: string; copy?: string };
}

/** Parts the hover keeps short: the long clinical texts. */
const CUT_PARTS = new Set(['procedureDetails', 'examples', 'medicalNecessity', 'documentation', 'summary', 'inpatientOnlyNote']);

export function cardToMarkdown(card: Card, options: MarkdownOptions = {}): string {
  const max = options.maxPartLength ?? 280;
  let cut = false;
  const lines: string[] = [];
  // The title is a descriptor from a data file: as long as that file says (a hostile one, 100 KB).
  const title = truncate(card.title, 4 * max);
  cut = title.cut;
  lines.push(`**${escapeMarkdown(card.code)} — ${escapeMarkdown(title.text)}**`);
  const meta = [card.system, card.codeSetYear ? `${card.codeSetYear} code set` : undefined].filter(Boolean).join(' · ');
  lines.push('', `*${escapeMarkdown(meta)}*`);
  if (card.noLicensedText) lines.push('', `${escapeMarkdown(LICENSED_TEXT_HINT)} \`${DATA_FILES_SETTING}\`.`);
  for (const part of card.parts) {
    const rendered = renderPart(part, CUT_PARTS.has(part.id) ? max : 4 * max);
    cut ||= rendered.cut;
    lines.push('', rendered.text);
  }
  const links: string[] = [];
  if (options.links?.details) links.push(`[${cut ? 'Read the full card' : 'Open details'}](${options.links.details})`);
  if (options.links?.copy) links.push(`[Copy code](${options.links.copy})`);
  if (links.length) lines.push('', links.join(' · '));
  return lines.join('\n');
}

function renderPart(part: CardPart, max: number): { text: string; cut: boolean } {
  const label = part.warning ? `⚠ **${escapeMarkdown(part.label)}**` : `**${escapeMarkdown(part.label)}**`;
  if (part.items) {
    let cut = false;
    let budget = max;
    const shown: string[] = [];
    for (const item of part.items) {
      if (budget <= 0) {
        cut = true;
        break;
      }
      const t = truncate(item, Math.max(budget, 40));
      cut ||= t.cut;
      budget -= t.text.length;
      shown.push(`- ${escapeMarkdown(t.text)}`);
    }
    const extra = part.text ? ` ${escapeMarkdown(part.text)}` : '';
    return { text: `${label}${extra}\n${shown.join('\n')}`, cut };
  }
  const t = truncate(part.text ?? '', max);
  return { text: `${label}: ${escapeMarkdown(t.text)}`, cut: t.cut };
}
