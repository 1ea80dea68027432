/**
 * Escaping for data-derived text. Descriptors and names come from files many hands wrote:
 * in Markdown they must never become links, commands, HTML or formatting.
 */

const MARKDOWN_SPECIAL = /[\\`*_{}\[\]()#+\-.!|~>]/g;
const HTML_SPECIAL = /[&<>"']/g;
const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Markdown-inert text: every Markdown punctuation backslash-escaped, HTML characters as entities, no line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[&<]/g, (c) => HTML_ENTITY[c])
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    // A bare URL scheme would still be auto-linked by some renderers: break "command:" and "javascript:",
    // also glued to a word before it ("xhttps://..."), where a word boundary would not see it.
    .replace(/(command|javascript|vbscript|data|file|https?):/gi, '$1&#58;');
}

export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIAL, (c) => HTML_ENTITY[c]);
}

/** Cuts text at a word boundary near `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const slice = text.slice(0, max);
  const space = slice.lastIndexOf(' ');
  return { text: `${(space > max * 0.6 ? slice.slice(0, space) : slice).trimEnd()}…`, cut: true };
}
