/**
 * Renders a card as an HTML fragment for the details view: every part in full, each with
 * the data pack it came from. All data text is escaped; the host adds the page and its CSP.
 */
import type { Card } from './build';
import { DATA_FILES_SETTING, LICENSED_TEXT_HINT } from './build';
import { escapeHtml } from './escape';

export function cardToHtml(card: Card): string {
  const out: string[] = [];
  out.push(`<header><h1><span class="code">${escapeHtml(card.code)}</span> — ${escapeHtml(card.title)}</h1>`);
  out.push(`<p class="meta">${escapeHtml(card.system)}${card.codeSetYear ? ` · ${card.codeSetYear} code set` : ''} · status computed for ${escapeHtml(card.statusDate)}</p></header>`);
  if (card.noLicensedText) out.push(`<p class="hint">${escapeHtml(LICENSED_TEXT_HINT)} <code>${DATA_FILES_SETTING}</code>.</p>`);
  for (const part of card.parts) {
    out.push(`<section id="${escapeHtml(part.id)}" class="${part.warning ? 'warning' : ''}">`);
    out.push(`<h2>${part.warning ? '⚠ ' : ''}${escapeHtml(part.label)}</h2>`);
    if (part.text) out.push(`<p>${escapeHtml(part.text)}</p>`);
    if (part.items?.length) out.push(`<ul>${part.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
    if (part.source) out.push(`<p class="source">Source: ${escapeHtml(part.source)}</p>`);
    out.push('</section>');
  }
  return out.join('\n');
}
