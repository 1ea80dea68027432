/**
 * Document kind detection: content first, file name or language id second; a setting can
 * force a kind.
 *
 * Decisions:
 * - `ISA` + a separator at the start (or `GS*`/`ST*`): X12. `{` or `[`: JSON (FHIR resources
 *   and every other JSON go through the same offset-keeping parser). `<`: XML.
 * - Otherwise a `.csv`/`.tsv` name or language id says CSV; any other text is CSV when its
 *   first rows split into the same number (three or more) of fields on one delimiter, or into
 *   two or more when a header names a code column. Everything else is plain text (Markdown and
 *   FHIR Shorthand included).
 */
import { sniffDelimiter, tokenizeCsv } from './csv/tokenize';
import { headerColumns } from './csv/headers';

export type DocumentKind = 'csv' | 'x12' | 'json' | 'xml' | 'text';

export interface DetectHints {
  fileName?: string;
  languageId?: string;
  kind?: DocumentKind;
}

function extension(fileName: string | undefined): string {
  if (!fileName) return '';
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function detectKind(text: string, hints: DetectHints = {}): DocumentKind {
  if (hints.kind) return hints.kind;
  let i = 0;
  while (i < text.length && i < 4096) {
    const c = text.charCodeAt(i);
    if (c === 0xfeff || c === 32 || c === 9 || c === 10 || c === 13) i++;
    else break;
  }
  const head = text.slice(i, i + 4);
  const sep = text.charCodeAt(i + 3);
  if (head.startsWith('ISA') && sep !== undefined && !isAlnum(sep) && sep !== 32) return 'x12';
  if ((head === 'GS*H' || head === 'ST*8') && text.includes('SV', i)) return 'x12';
  const first = text.charCodeAt(i);
  const ext = extension(hints.fileName);
  const lang = (hints.languageId ?? '').toLowerCase();
  if (first === 123 || first === 91) {
    if (ext !== 'csv' && ext !== 'tsv') return 'json';
  }
  if (first === 60 && ext !== 'md' && ext !== 'markdown' && ext !== 'html' && ext !== 'htm') return 'xml';
  if (['837', '837p', '837i', '837d', 'edi', 'x12'].includes(ext) || lang === 'x12') return 'x12';
  if (ext === 'csv' || ext === 'tsv' || lang === 'csv' || lang === 'tsv' || lang === 'csv (semicolon)' || lang === 'csv (pipe)') return 'csv';
  if (ext === 'json' || ext === 'jsonc' || lang === 'json' || lang === 'jsonc') return 'json';
  if (ext === 'xml' || lang === 'xml') return 'xml';
  if (ext === 'md' || ext === 'markdown' || ext === 'fsh' || lang === 'markdown') return 'text';
  return looksDelimited(text) ? 'csv' : 'text';
}

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Rows `looksDelimited` reads for a header. */
export const DELIMITED_ROWS = 60;

/** The first rows split consistently on one delimiter. */
export function looksDelimited(text: string): boolean {
  const sniff = sniffDelimiter(text);
  if (!sniff || sniff.consistency < 0.8) return false;
  let rows = 0;
  let named = false;
  tokenizeCsv(text, sniff.delimiter, (row) => {
    if (row.end > row.start) rows++;
    if (!named && headerColumns(text, row)) named = true;
    return rows < DELIMITED_ROWS;
  }, 0, Math.min(text.length, 256 * 1024));
  if (rows < 2) return false;
  return named ? sniff.fields >= 2 : rows >= 3 && sniff.fields >= 3;
}
