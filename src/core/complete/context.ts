/**
 * `completionContext`: what is being typed at the cursor, and where the accepted item goes.
 *
 * One function per document kind (`csv.ts`, `x12.ts`, `json.ts`); plain text, Markdown and XML are
 * read here:
 * - a code prefix after a cue word (`CPT 6486`, `HCPCS code J11`) or a FHIR Shorthand system
 *   (`$CPT#6486`, `http://www.ama-assn.org/go/cpt#6486`);
 * - a modifier after a code the data knows (`64866-`, `64866-22-5`);
 * - a place of service after `POS` or `place of service`;
 * - anywhere, the word trigger prefix (`?` by default) makes what follows a code query: `?6486`,
 *   `?facial nerve anas`. The prefix is part of the replaced text.
 * Everything else (numbers in prose, dates, amounts) gets no completion.
 */
import type { RecognizerData } from '../recognize/plainText';
import { detectKind, DocumentKind } from '../recognize/detect';
import type { CsvContext } from '../recognize/csv/headers';
import { previousWord } from '../recognize/chars';
import type { CompletionContext } from './types';
import { csvCompletionContext } from './csv';
import { x12CompletionContext } from './x12';
import { jsonCompletionContext } from './json';
import { alnumEnd, alnumStart, isAlnum, lineEnd, lineStart, modifierAfterCode, queryMode } from './typed';

export interface CompletionOptions {
  /** What the data knows: for CSV column inference and for codes before modifiers in text. */
  data: RecognizerData;
  fileName?: string;
  languageId?: string;
  /** Forces a document kind; otherwise detected as the recognizer does. */
  kind?: DocumentKind;
  /** Typed before words (or a code) to search codes anywhere: `?facial nerve`. Empty turns it off in text. Default `?`. */
  wordPrefix?: string;
  /** A CSV header already analyzed for this text (reused while the header does not change). */
  csv?: CsvContext;
}

export const DEFAULT_WORD_PREFIX = '?';

/** The completion context at `offset` in `text`, or undefined when nothing completes there. */
export function completionContext(text: string, offset: number, options: CompletionOptions): CompletionContext | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  const prefix = options.wordPrefix ?? DEFAULT_WORD_PREFIX;
  const kind = detectKind(text, options);
  switch (kind) {
    case 'csv': return csvCompletionContext(text, offset, options.data, prefix, options.csv) ?? triggered(text, offset, prefix, kind);
    case 'x12': return x12CompletionContext(text, offset, prefix);
    case 'json': return jsonCompletionContext(text, offset, prefix);
    default: return textCompletionContext(text, offset, options.data, prefix, kind);
  }
}

const CUES = new Set(['cpt', 'hcpcs', 'hcpc', 'cpt4', 'cpt®']);

function textCompletionContext(text: string, offset: number, data: RecognizerData, prefix: string, kind: DocumentKind): CompletionContext | undefined {
  const from = lineStart(text, offset);
  const to = lineEnd(text, offset);
  const fired = triggered(text, offset, prefix, kind);
  if (fired) return fired;
  const site = modifierAfterCode(text, offset, from, to);
  if (site && data.knows(site.code)) {
    const typed = text.slice(site.start, offset);
    return { what: 'modifier', documentKind: kind, typed, mode: typed ? 'prefix' : 'empty', range: { start: site.start, end: site.end }, before: typed, code: site.code, written: site.written };
  }
  const start = alnumStart(text, offset, from);
  const end = alnumEnd(text, offset, to);
  const typed = text.slice(start, offset);
  if (start > from && (isAlnum(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 95)) return undefined;
  if (typed && queryMode(typed) === 'prefix' && (afterSystemHash(text, start) || cueBefore(text, start))) {
    return { what: 'code', documentKind: kind, typed, mode: 'prefix', range: { start, end }, before: typed };
  }
  if (/^\d{0,2}$/.test(typed) && posCueBefore(text, start, from)) {
    return { what: 'pos', documentKind: kind, typed, mode: typed ? 'prefix' : 'empty', range: { start, end }, before: typed };
  }
  return undefined;
}

/** The word trigger prefix at a word start before the cursor on its line: `?facial nerve|`, `?6486|`. */
function triggered(text: string, offset: number, prefix: string, kind: DocumentKind): CompletionContext | undefined {
  if (!prefix) return undefined;
  const from = Math.max(lineStart(text, offset), offset - 120);
  const at = text.lastIndexOf(prefix, offset - prefix.length);
  if (at < from) return undefined;
  const before = at > 0 ? text.charCodeAt(at - 1) : 32;
  if (at > 0 && (isAlnum(before) || before === 95)) return undefined;
  const query = text.slice(at + prefix.length, offset);
  // Letters, digits, spaces and light punctuation: never a quote, a delimiter or a separator.
  if (!/^[A-Za-z0-9][A-Za-z0-9 .'/-]*$/.test(query)) return undefined;
  const mode = queryMode(query);
  if (mode !== 'prefix' && mode !== 'words') return undefined;
  const end = alnumEnd(text, offset, lineEnd(text, offset));
  return { what: 'code', documentKind: kind, typed: query.trim(), mode, range: { start: at, end }, before: text.slice(at, offset) };
}

/** `$CPT#`, `$HCPCS#`, `…/cpt#` right before the token. */
function afterSystemHash(text: string, start: number): boolean {
  if (start === 0 || text.charCodeAt(start - 1) !== 35) return false;
  let i = start - 1;
  while (i > 0 && start - i < 120 && !/[\s"'=(]/.test(text[i - 1])) i--;
  const system = text.slice(i, start - 1).toLowerCase();
  return system === '$cpt' || system === '$hcpcs' || system.endsWith('/cpt') || system.endsWith('/hcpcs') || system.endsWith('go/cpt');
}

/** A cue word (`CPT`, `HCPCS`) among the three words before `start`: `CPT 6486`, `CPT code 6486`. */
function cueBefore(text: string, start: number): boolean {
  let pos = start;
  for (let n = 0; n < 3; n++) {
    const prev = previousWord(text, pos);
    if (!prev) return false;
    if (CUES.has(prev.word.toLowerCase())) return true;
    pos = prev.start;
  }
  return false;
}

/** `POS 1|`, `POS: 1|`, `place of service 1|`. */
function posCueBefore(text: string, start: number, from: number): boolean {
  const prev = previousWord(text, start);
  if (!prev || prev.start < from) return false;
  const w = prev.word.toLowerCase();
  if (w === 'pos') return true;
  if (w !== 'service') return false;
  return /place\s+of\s+$/i.test(text.slice(Math.max(from, prev.start - 20), prev.start));
}
