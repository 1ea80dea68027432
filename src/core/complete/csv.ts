/**
 * Completion context in CSV/TSV documents: the cell at the cursor, its column's role (code,
 * modifier, place of service), the row's code, and how the cell is quoted.
 *
 * Decisions:
 * - Rows are taken to start at line starts (a quoted cell spanning lines is not followed back).
 * - The edit range stays inside the cell's content: inside the quotes of a quoted cell, before
 *   the delimiter of an unquoted one. With the cursor after a closing quote the whole cell is
 *   replaced and its quotes are written back.
 * - Code cells: a code prefix of the token at the cursor (`99213, 6486|` keeps `99213`), a modifier
 *   after a code (`64866-2|`), or words filling the cell (`facial nerve anas|`).
 * - Modifier cells (`MOD`, `Modifier1`, `modifiers` holding `50|62`): the token at the cursor, for
 *   the code in the row's code column. Place-of-service cells: one or two digits, or a name.
 */
import type { RecognizerData } from '../recognize/plainText';
import type { CsvContext } from '../recognize/csv/headers';
import { typeAllowsCode } from '../recognize/csv/headers';
import { analyzeCsv } from '../recognize/csv/recognize';
import { CsvRow, fieldText, tokenizeCsv } from '../recognize/csv/tokenize';
import { parseCodeCell } from '../recognize/cell';
import type { CompletionContext, CsvCellFacts } from './types';
import { alnumEnd, alnumStart, isAlnum, lineStart, modifierAfterCode, queryMode } from './typed';

interface Cell {
  column: number;
  /** The raw cell, quotes included. */
  rawStart: number;
  rawEnd: number;
  /** The content (inside quotes). */
  start: number;
  end: number;
  quoted: boolean;
}

/** Separators between several codes or modifiers in one cell. */
const isListSeparator = (c: number): boolean => c === 32 || c === 9 || c === 44 || c === 59 || c === 124 || c === 47;

export function csvCompletionContext(text: string, offset: number, data: RecognizerData, wordPrefix: string, analyzed?: CsvContext): CompletionContext | undefined {
  const ctx = analyzed ?? analyzeCsv(text, data);
  const rowStart = lineStart(text, offset);
  if (rowStart < ctx.dataStart && ctx.headerRow >= 0) return undefined; // the header or the banner above it
  let cell: Cell | undefined;
  let codeOfRow: string | undefined;
  let row: CsvRow | undefined;
  tokenizeCsv(text, ctx.delimiter, (r) => {
    row = r;
    cell = cellAt(text, r, offset, ctx.delimiter);
    if (cell) codeOfRow = rowCode(text, r, ctx, data, cell.column);
    return false;
  }, rowStart);
  if (!row && rowStart === text.length) {
    // A new, empty last line: the first cell of a row not written yet.
    cell = { column: 0, rawStart: offset, rawEnd: offset, start: offset, end: offset, quoted: false };
    row = { index: 0, start: offset, end: offset, count: 1, starts: Int32Array.of(offset), ends: Int32Array.of(offset) };
  }
  if (!cell || !row) return undefined;
  const c = cell;
  const column = ctx.columns[c.column];
  const facts: CsvCellFacts = {
    delimiter: String.fromCharCode(ctx.delimiter),
    quoted: c.quoted,
    rewritesQuotes: c.quoted && offset > c.end,
    column: c.column,
    header: column?.name ?? '',
  };
  if (c.quoted && offset === c.rawStart) return undefined; // before the opening quote
  const base = { documentKind: 'csv' as const, csv: facts };
  const role = column?.role;
  // After the closing quote: the whole cell is the edit, quotes written back.
  if (facts.rewritesQuotes) {
    const content = text.slice(c.start, c.end);
    const range = { start: c.rawStart, end: c.rawEnd };
    const wrap = { before: '"', after: '"' };
    const before = text.slice(c.rawStart, offset);
    if (role === 'code' && codeAllowed(text, row, ctx, c.column)) {
      const mode = queryMode(stripPrefix(content, wordPrefix));
      if (mode === 'prefix' || mode === 'words') return { ...base, what: 'code', typed: stripPrefix(content, wordPrefix).trim(), mode, range, before, wrap };
    } else if (role === 'pos' && posTyped(content) !== undefined) {
      return { ...base, what: 'pos', typed: content.trim(), mode: content.trim() ? 'prefix' : 'empty', range, before, wrap };
    } else if (role === 'modifier' && /^\s*[0-9A-Za-z]{0,2}\s*$/.test(content)) {
      const skip = c.start + content.length - content.trimStart().length;
      return { ...base, what: 'modifier', typed: content.trim(), mode: content.trim() ? 'prefix' : 'empty', range, before, wrap, code: codeOfRow, written: rowModifiers(text, row, ctx, c.column, skip) };
    }
    return undefined;
  }
  if (role === 'code') {
    if (!codeAllowed(text, row, ctx, c.column)) return undefined;
    const site = modifierAfterCode(text, offset, c.start, c.end, true);
    if (site) {
      return {
        ...base, what: 'modifier', typed: text.slice(site.start, offset), mode: offset > site.start ? 'prefix' : 'empty',
        range: { start: site.start, end: site.end }, before: text.slice(site.start, offset), code: site.code, written: site.written,
      };
    }
    // One token among several codes (`99213, 6486|`), or the start of the only one.
    let tokenStart = offset;
    while (tokenStart > c.start && !isListSeparator(text.charCodeAt(tokenStart - 1)) && text.charCodeAt(tokenStart - 1) !== 45) tokenStart--;
    const token = text.slice(tokenStart, offset);
    const earlier = text.slice(c.start, tokenStart);
    const tokenEnd = alnumEnd(text, offset, c.end);
    if (token && queryMode(token) === 'prefix' && (!earlier.trim() || parseCodeCell(text, c.start, tokenStart, data).length > 0)) {
      return { ...base, what: 'code', typed: token, mode: 'prefix', range: { start: tokenStart, end: tokenEnd }, before: token };
    }
    // Words filling the cell: leading spaces and a trigger prefix are part of the edit.
    const typed = stripPrefix(text.slice(c.start, offset), wordPrefix);
    const mode = queryMode(typed);
    if (mode !== 'words') return undefined;
    const end = trimEnd(text, c.start, c.end);
    return { ...base, what: 'code', typed: typed.trim(), mode, range: { start: c.start, end: Math.max(end, offset) }, before: text.slice(c.start, offset) };
  }
  if (role === 'modifier') {
    const start = alnumStart(text, offset, c.start);
    const end = alnumEnd(text, offset, c.end);
    if (offset - start > 2) return undefined;
    const prev = start > c.start ? text.charCodeAt(start - 1) : 32;
    if (isAlnum(prev) || !(isListSeparator(prev) || prev === 45 || prev === 58)) return undefined;
    const typed = text.slice(start, offset);
    return {
      ...base, what: 'modifier', typed, mode: typed ? 'prefix' : 'empty', range: { start, end }, before: typed,
      code: codeOfRow, written: rowModifiers(text, row, ctx, c.column, start),
    };
  }
  if (role === 'pos') {
    const contentStart = skipSpaces(text, c.start, offset);
    const typed = text.slice(contentStart, offset);
    if (posTyped(typed) === undefined) return undefined;
    const end = trimEnd(text, c.start, c.end);
    return { ...base, what: 'pos', typed: typed.trim(), mode: typed.trim() ? 'prefix' : 'empty', range: { start: contentStart, end: Math.max(end, offset) }, before: typed };
  }
  return undefined;
}

/** A place of service being typed: digits (`1`, `11`) or the start of a name (`off`). */
function posTyped(typed: string): string | undefined {
  const t = typed.trim();
  if (/^\d{0,2}$/.test(t) || /^[A-Za-z][A-Za-z '/-]{0,40}$/.test(t)) return t;
  return undefined;
}

function stripPrefix(s: string, prefix: string): string {
  const t = s.trimStart();
  return prefix && t.startsWith(prefix) ? t.slice(prefix.length) : s;
}

function skipSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

function trimEnd(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  return e;
}

/** The cell holding `offset` (its raw span includes the quotes; the end is inclusive for the cursor). */
function cellAt(text: string, row: CsvRow, offset: number, delimiter: number): Cell | undefined {
  let rawStart = row.start;
  for (let k = 0; k < row.count; k++) {
    const quoted = text.charCodeAt(rawStart) === 34;
    let rawEnd = row.ends[k];
    while (rawEnd < row.end && text.charCodeAt(rawEnd) !== delimiter) rawEnd++;
    if (k === row.count - 1) rawEnd = Math.max(rawEnd, row.end);
    if (offset >= rawStart && offset <= rawEnd) return { column: k, rawStart, rawEnd, start: row.starts[k], end: row.ends[k], quoted };
    rawStart = rawEnd + 1;
  }
  return undefined;
}

/** Whether the row's type column (if any) lets the code column hold a CPT/HCPCS code. */
function codeAllowed(text: string, row: CsvRow, ctx: CsvContext, k: number): boolean {
  const typeColumn = ctx.columns[k]?.typeColumn;
  return typeColumn === undefined || typeAllowsCode(fieldText(text, row, typeColumn)) !== false;
}

/** The first code written in the row's code columns (other than the cell being edited). */
function rowCode(text: string, row: CsvRow, ctx: CsvContext, data: RecognizerData, editing: number): string | undefined {
  for (const k of ctx.codeColumns) {
    if (k === editing || k >= row.count || !codeAllowed(text, row, ctx, k)) continue;
    const found = parseCodeCell(text, row.starts[k], row.ends[k], data);
    if (found.length) return found[0].code;
  }
  return undefined;
}

/** Modifiers in the row's modifier columns, without the token being typed at `skip`. */
function rowModifiers(text: string, row: CsvRow, ctx: CsvContext, editing: number, skip = -1): string[] {
  const out: string[] = [];
  for (const k of ctx.modifierColumns) {
    if (k >= row.count) continue;
    let i = row.starts[k];
    const end = row.ends[k];
    while (i < end) {
      if (!isAlnum(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const s = i;
      i = alnumEnd(text, i, end);
      if (i - s === 2 && !(k === editing && s === skip)) out.push(text.slice(s, i).toUpperCase());
    }
  }
  return out;
}
