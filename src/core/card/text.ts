/** Renders a card as plain text for a terminal. */
import type { Card } from './build';
import { DATA_FILES_SETTING, LICENSED_TEXT_HINT } from './build';

export function cardToText(card: Card): string {
  const lines = [`${card.code} — ${card.title}`, `${card.system}${card.codeSetYear ? ` · ${card.codeSetYear} code set` : ''}`];
  if (card.noLicensedText) lines.push(`${LICENSED_TEXT_HINT} ${DATA_FILES_SETTING}.`);
  for (const part of card.parts) {
    lines.push('', `${part.warning ? '! ' : ''}${part.label}${part.text ? `: ${part.text}` : ''}`);
    for (const item of part.items ?? []) lines.push(`  - ${item}`);
  }
  return lines.join('\n');
}
