/**
 * Recognizer for CSV/TSV documents: charge masters, fee schedules, CMS hospital
 * price-transparency files (tall and wide, v2 and v3), claim exports.
 *
 * Decisions:
 * - `analyzeCsv` reads the header once and returns a `CsvContext` (delimiter, header row, column
 *   roles). `recognizeCsvRows` reads any range of rows with it: an editor can re-read only the
 *   rows that changed and keep the context while the header does not change.
 * - Code columns report code-shaped values even when unknown (confidence 'context'), with
 *   glued or separate modifiers (see `cell.ts`). A row whose type column says anything but CPT
 *   or HCPCS (RC, NDC, MS-DRG, LOCAL...) yields no code from that column.
 * - Modifier columns (`MOD`, `Modifier1..4`, `modifiers` with `|`) attach to every code of the
 *   row; a modifier on a row without a code is not reported.
 * - Free-text columns and long prose cells of the banner above the header follow the
 *   plain-text rules (known codes only). Every other column yields nothing.
 * - A file with no code column by name gets its code columns inferred from content: nearly
 *   every value must be code-shaped and most must be codes the data knows (ZIP, amount and ID
 *   columns fail that test).
 */
import type { CodeOccurrence, LineFacts, ModifierOccurrence } from '../../model';
import { LineIndex } from '../../text/lineIndex';
import { parseCodeCell } from '../cell';
import { recognizePlainText, RecognizerData } from '../plainText';
import { Column, CsvContext, headerColumns, indexColumns, typeAllowsCode } from './headers';
import { CsvRow, fieldText, sniffDelimiter, SNIFF_ROWS, tokenizeCsv } from './tokenize';
import { DELIMITED_ROWS } from '../detect';
import { CodeStrings } from './codeStrings';
import { LineCursor } from '../../text/lineCursor';
import { inDocumentOrder } from '../../text/byStart';
import { RowFacts } from './rowFacts';
import { LoneCodeOccurrence, LoneModifier, NO_MODIFIERS } from '../loneCode';

const HEADER_SEARCH_ROWS = 60;
const SAMPLE_ROWS = 400;

/**
 * How many lines from a delimited file's start decide how it is read: those `sniffDelimiter`,
 * `looksDelimited` and the header search read, and, when `ctx` took its column roles from content
 * (`ctx.sampled`), the data rows sampled from `dataStartLine` on. An edit below them changes none
 * of it (rows are lines where a check session edits rows).
 */
export function contextLines(ctx: CsvContext, dataStartLine: number): number {
  return Math.max(SNIFF_ROWS, DELIMITED_ROWS, ctx.sampled ? Math.max(HEADER_SEARCH_ROWS, dataStartLine + SAMPLE_ROWS) : 0) + 2;
}

/** Reads the header (or infers the columns) of a delimited document. */
export function analyzeCsv(text: string, data: RecognizerData, delimiter?: number): CsvContext {
  const d = delimiter ?? sniffDelimiter(text)?.delimiter ?? 44;
  let header: { row: number; end: number; columns: Column[] } | undefined;
  let firstRowEnd = -1;
  let firstRow: Column[] | undefined;
  tokenizeCsv(text, d, (row) => {
    if (row.index === 0) {
      firstRowEnd = nextRowStart(text, row);
      firstRow = labelRow(text, row);
    }
    const columns = headerColumns(text, row);
    if (columns) {
      header = { row: row.index, end: nextRowStart(text, row), columns };
      return false;
    }
    return row.index < HEADER_SEARCH_ROWS;
  });
  let ctx: CsvContext;
  if (header) {
    ctx = indexColumns({ delimiter: d, headerRow: header.row, dataStart: header.end, columns: header.columns });
    confirmGenericColumns(text, ctx, data);
  } else if (firstRow) {
    ctx = indexColumns({ delimiter: d, headerRow: 0, dataStart: firstRowEnd, columns: firstRow });
    inferCodeColumns(text, ctx, data);
  } else {
    ctx = indexColumns({ delimiter: d, headerRow: -1, dataStart: 0, columns: [] });
    inferCodeColumns(text, ctx, data);
  }
  return ctx;
}

function nextRowStart(text: string, row: CsvRow): number {
  let i = row.end;
  if (text.charCodeAt(i) === 13) i++;
  if (text.charCodeAt(i) === 10) i++;
  return i;
}

/** The first row as a header of named columns without a code column, or undefined when it holds data. */
function labelRow(text: string, row: CsvRow): Column[] | undefined {
  const columns: Column[] = [];
  let labels = 0;
  for (let k = 0; k < row.count; k++) {
    const raw = fieldText(text, row, k);
    if (/^[A-Za-z][A-Za-z0-9 _#|/().-]{0,40}$/.test(raw) && !/^[A-Za-z]\d{4}/.test(raw)) labels++;
    columns.push({ index: k, name: raw.toLowerCase(), role: 'other' });
  }
  if (labels < Math.max(2, row.count * 0.8)) return undefined;
  for (const c of columns) if (/desc|note|comment|name/.test(c.name)) c.role = 'text';
  return columns;
}

/** Column statistics over a sample of data rows. */
function sampleColumns(text: string, ctx: CsvContext, data: RecognizerData): { filled: number[]; coded: number[]; known: number[]; rows: number } {
  const filled: number[] = [];
  const coded: number[] = [];
  const known: number[] = [];
  let rows = 0;
  tokenizeCsv(text, ctx.delimiter, (row) => {
    rows++;
    for (let k = 0; k < row.count; k++) {
      let s = row.starts[k];
      let e = row.ends[k];
      while (s < e && text.charCodeAt(s) <= 32) s++;
      while (e > s && text.charCodeAt(e - 1) <= 32) e--;
      if (s === e) continue;
      filled[k] = (filled[k] ?? 0) + 1;
      if (e - s > 24) continue;
      const codes = parseCodeCell(text, s, e, data);
      if (codes.length === 1 && codes[0].start === s) {
        coded[k] = (coded[k] ?? 0) + 1;
        if (data.knows(codes[0].code)) known[k] = (known[k] ?? 0) + 1;
      }
    }
    return rows < SAMPLE_ROWS;
  }, ctx.dataStart);
  return { filled, coded, known, rows };
}

/** Keeps a generically named code column (`Code`, `Procedure Code`) only when its content is codes. */
function confirmGenericColumns(text: string, ctx: CsvContext, data: RecognizerData): void {
  const generic = ctx.columns.filter((c) => c.role === 'code' && c.generic);
  if (!generic.length) return;
  const stats = sampleColumns(text, ctx, data);
  ctx.sampled = true;
  for (const c of generic) {
    const filled = stats.filled[c.index] ?? 0;
    const coded = stats.coded[c.index] ?? 0;
    if (filled === 0 || coded / filled < 0.6) c.role = 'other';
  }
  Object.assign(ctx, indexColumns(ctx));
}

/** Finds code columns by content in a file whose header names none. */
function inferCodeColumns(text: string, ctx: CsvContext, data: RecognizerData): void {
  const stats = sampleColumns(text, ctx, data);
  ctx.sampled = true;
  const width = Math.max(stats.filled.length, ctx.columns.length);
  for (let k = 0; k < width; k++) {
    const filled = stats.filled[k] ?? 0;
    const coded = stats.coded[k] ?? 0;
    const known = stats.known[k] ?? 0;
    const column = ctx.columns[k] ?? (ctx.columns[k] = { index: k, name: '', role: 'other' });
    if (filled >= 3 && coded / filled >= 0.8 && known / coded >= 0.6) column.role = 'code';
  }
  Object.assign(ctx, indexColumns(ctx));
}

/** Recognizes a whole delimited document. */
export function recognizeCsv(text: string, data: RecognizerData, lines = new LineIndex(text), ctx: CsvContext = analyzeCsv(text, data), read?: RowsRead): CodeOccurrence[] {
  const out: CodeOccurrence[] = [];
  if (ctx.headerRow > 0) recognizeBanner(text, ctx, data, lines, out);
  recognizeCsvRows(text, ctx, data, lines, ctx.dataStart, text.length, out, read);
  return out;
}

/** How a reading of data rows went, for a caller that must know whether its rows were lines (see `rowsWereLines`). */
export interface RowsRead {
  /** Rows read. */
  rows: number;
  /** Where the last row read ended (before its line break; at the reading's end when cut there). */
  lastEnd: number;
}

/** Long prose cells of the rows above the header: notices naming codes (`HCPCS codes G2023, G2024`). */
function recognizeBanner(text: string, ctx: CsvContext, data: RecognizerData, lines: LineIndex, out: CodeOccurrence[]): void {
  tokenizeCsv(text, ctx.delimiter, (row) => {
    if (row.index >= ctx.headerRow) return false;
    for (let k = 0; k < row.count; k++) if (isProse(text, row.starts[k], row.ends[k])) out.push(...recognizePlainText(text, data, lines, row.starts[k], row.ends[k]));
    return true;
  });
}

/** At least three words: a sentence, not a value. */
function isProse(text: string, start: number, end: number): boolean {
  let spaces = 0;
  for (let i = start; i < end && spaces < 2; i++) if (text.charCodeAt(i) === 32) spaces++;
  return spaces >= 2;
}

/**
 * Recognizes the rows in `[from, to)`; `from` must be the start of a row (a data row, after
 * the header). Appends to `out` and returns it, in document order; `read` is told how many rows
 * there were and where the last one ended.
 *
 * Occurrences without modifiers share one empty (frozen) modifiers array, and rows share facts
 * objects (see `RowFacts`): a large file allocates little more than its occurrences and ranges.
 */
export function recognizeCsvRows(
  text: string, ctx: CsvContext, data: RecognizerData, lines: LineIndex, from: number, to: number, out: CodeOccurrence[] = [], read?: RowsRead,
): CodeOccurrence[] {
  const { codeColumns, modifierColumns, textColumns, columns } = ctx;
  const cursor = new LineCursor(lines);
  const facts = new RowFacts(ctx);
  const codes = new CodeStrings();
  const types = codeColumns.map((k) => new TypeCell(columns[k].typeColumn));
  tokenizeCsv(text, ctx.delimiter, (row) => {
    if (read) {
      read.rows++;
      read.lastEnd = row.end;
    }
    const first = out.length;
    for (let n = 0; n < codeColumns.length; n++) {
      const k = codeColumns[n];
      if (k >= row.count) continue;
      const allowed = types[n].allows(text, row);
      if (allowed === false) continue;
      const s = row.starts[k];
      const e = row.ends[k];
      if (s === e) continue; // an empty cell (a charge master's supplies and room rates)
      const lone = loneCodeStart(text, s, e);
      const written = lone < 0 ? undefined : codes.at(text, lone);
      if (written) {
        out.push(new LoneCodeOccurrence(cursor.lineOf(lone), cursor.characterOf(lone), written, NO_FACTS));
        continue;
      }
      const found = parseCodeCell(text, s, e, data, allowed === true ? data.invalidValue : undefined);
      for (const c of found) {
        if (allowed === undefined && c.modifiers.length) continue; // no type: only a plain code
        out.push({
          range: cursor.range(c.start, c.end),
          code: c.code,
          text: text.slice(c.start, c.end),
          system: c.system,
          confidence: 'context',
          modifiers: c.modifiers.length ? c.modifiers.map((m) => ({ code: m.code, range: cursor.range(m.start, m.end) })) : NO_MODIFIERS,
          facts: NO_FACTS,
        });
      }
    }
    if (out.length > first) {
      const rowFacts = facts.of(text, row, cursor);
      for (let n = first; n < out.length; n++) {
        const o = out[n];
        // Each occurrence its own modifier objects (a row with two code columns reads them twice):
        // a row edit moves every occurrence's modifiers, and one object moved twice would be off.
        const mods = modifierColumns.length ? rowModifiers(text, row, modifierColumns, cursor) : NO_MODIFIERS;
        if (mods.length) o.modifiers = o.modifiers.length ? o.modifiers.concat(mods) : mods;
        o.facts = rowFacts;
      }
    }
    const fromCodeColumns = out.length;
    for (const k of textColumns) {
      if (k < row.count && row.ends[k] - row.starts[k] >= 5) recognizePlainText(text, data, lines, row.starts[k], row.ends[k], out);
    }
    if (row.count === 1 && columns.length > 1 && isProse(text, row.starts[0], row.ends[0])) {
      recognizePlainText(text, data, lines, row.starts[0], row.ends[0], out);
    }
    // Code columns come in column order, and so do text columns; a row with both is merged.
    if (out.length > fromCodeColumns && fromCodeColumns > first) inDocumentOrder(out, first);
    return true;
  }, from, to, lastColumnRead(ctx));
  return out;
}

/** Facts until the row's are known (every occurrence of a row gets them before it is returned). */
const NO_FACTS: LineFacts = Object.freeze({});

/**
 * Where a code cell that holds exactly one code and nothing else (`99213`, ` j3490 `, the quotes
 * already off) writes it, or -1: such a cell is what `parseCodeCell` would read as that one code,
 * without its allocations. Anything else is left to `parseCodeCell`.
 */
function loneCodeStart(text: string, s: number, e: number): number {
  while (s < e && text.charCodeAt(s) === 32) s++;
  while (e > s && text.charCodeAt(e - 1) === 32) e--;
  return e - s === 5 ? s : -1;
}

/**
 * A per-row code type (`code|1|type`, `Code Type`): whether the row's code column may hold a code
 * (see `typeAllowsCode`). Rows mostly repeat their type, so the last answer is kept with its cell.
 */
class TypeCell {
  private raw: string | undefined;
  private answer: boolean | undefined;

  constructor(private readonly column: number | undefined) {}

  allows(text: string, row: CsvRow): boolean | undefined {
    const k = this.column;
    if (k === undefined) return true;
    const s = k < row.count ? row.starts[k] : 0;
    const e = k < row.count ? row.ends[k] : 0;
    const raw = this.raw;
    if (raw !== undefined && e - s === raw.length && text.startsWith(raw, s)) return this.answer;
    this.raw = text.slice(s, e);
    return (this.answer = typeAllowsCode(fieldText(text, row, k)));
  }
}

/**
 * The last column a data row is read at. At least 1: a row of one field is prose (see above), so
 * rows must still tell one field from more.
 */
function lastColumnRead(ctx: CsvContext): number {
  let last = 1;
  for (const k of ctx.codeColumns) last = Math.max(last, k, ctx.columns[k].typeColumn ?? 0);
  for (const k of ctx.modifierColumns) last = Math.max(last, k);
  for (const k of ctx.textColumns) last = Math.max(last, k);
  for (const k of Object.values(ctx.fact)) if (k !== undefined) last = Math.max(last, k);
  return last;
}

/**
 * Modifiers of a row's modifier columns: `QW`, `50|62`, `25, 59`. Each makes its range when first
 * read, its code is one string per modifier, and a row keeps an exact-size list: a claim export
 * writes modifiers on many of its rows, and all of them stay for as long as the file is open.
 */
function rowModifiers(text: string, row: CsvRow, columns: number[], cursor: LineCursor): ModifierOccurrence[] {
  let count = 0;
  for (const k of columns) {
    if (k >= row.count) continue;
    const end = row.ends[k];
    let i = row.starts[k];
    while (i < end) {
      const c = text.charCodeAt(i);
      if (!isAlnum(c)) {
        i++;
        continue;
      }
      const s = i;
      while (i < end && isAlnum(text.charCodeAt(i))) i++;
      if (i - s === 2) modifierScratch[count++] = new LoneModifier(modifierCode(text, s), cursor.lineOf(s), cursor.characterOf(s));
    }
  }
  if (!count) return NO_MODIFIERS;
  const mods = modifierScratch.slice(0, count) as ModifierOccurrence[];
  // Let go of them: the scratch list outlives the document.
  for (let n = 0; n < count; n++) modifierScratch[n] = undefined;
  return mods;
}

/** Scratch list of a row's modifiers (never emptied by `length = 0`, which drops its storage). */
const modifierScratch: (ModifierOccurrence | undefined)[] = [];

/** Two-character modifier codes, upper case, one string each. */
const modifierCodes = new Map<number, string>();

/** The modifier written at `s` (two ASCII letters or digits), upper case. */
function modifierCode(text: string, s: number): string {
  const a = upper(text.charCodeAt(s));
  const b = upper(text.charCodeAt(s + 1));
  const key = (a << 8) | b;
  let code = modifierCodes.get(key);
  if (code === undefined) modifierCodes.set(key, (code = String.fromCharCode(a, b)));
  return code;
}

const upper = (c: number): number => (c >= 97 && c <= 122 ? c - 32 : c);

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
