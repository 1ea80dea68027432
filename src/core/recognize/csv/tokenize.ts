/**
 * CSV/TSV tokenizer: one pass, RFC 4180 quoting (quoted fields may hold delimiters, `""` and
 * line breaks), CR, LF or CRLF rows, a leading BOM ignored. Fields are reported as offsets into
 * the text (inside the quotes for a quoted field); no field text is copied.
 *
 * The row buffers are reused from row to row: a callback must read them before returning.
 */

export interface CsvRow {
  /** 0-based row number counted from where tokenizing started. */
  index: number;
  /** Offset of the row's first character and of its end (before the line break). */
  start: number;
  end: number;
  /** Number of fields; `starts[k]`/`ends[k]` delimit field k's content. */
  count: number;
  starts: Int32Array;
  ends: Int32Array;
}

/** Returns false from the callback to stop. */
export type RowCallback = (row: CsvRow) => boolean | void;

/**
 * Calls `onRow` for every row in `[from, to)`. With `lastField`, fields after that one are not
 * delimited: the row's rest is skipped to its end (quotes respected) and `count` is at most
 * `lastField + 1`; a caller that reads only some columns saves most of the work on wide files.
 */
export function tokenizeCsv(text: string, delimiter: number, onRow: RowCallback, from = 0, to = text.length, lastField = Infinity): void {
  // A reading that goes on to `to` (one with `lastField`) finds field ends with remembered native
  // searches; the others often stop after a few rows, where a search that runs far ahead is waste.
  const seeker = lastField < Infinity ? new Seeker(text, delimiter, to) : undefined;
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  const row: CsvRow = { index: 0, start: from, end: from, count: 0, starts, ends };
  let i = from;
  if (i === 0 && text.charCodeAt(0) === 0xfeff) i = 1;
  let index = 0;
  while (i < to) {
    const rowStart = i;
    let count = 0;
    let atRowEnd = false;
    while (!atRowEnd) {
      if (count === starts.length) {
        const s = new Int32Array(count * 2);
        s.set(starts);
        starts = s;
        const e = new Int32Array(count * 2);
        e.set(ends);
        ends = e;
        row.starts = starts;
        row.ends = ends;
      }
      let fieldStart = i;
      let fieldEnd: number;
      if (text.charCodeAt(i) === 34) {
        // Quoted field: runs to the closing quote not followed by another quote.
        fieldStart = i + 1;
        let j = fieldStart;
        if (seeker) {
          fieldEnd = seeker.closingQuote(j);
          j = seeker.fieldEnd(fieldEnd < to ? fieldEnd + 1 : to);
        } else {
          for (;;) {
            if (j >= to) {
              fieldEnd = to;
              break;
            }
            if (text.charCodeAt(j) === 34) {
              if (text.charCodeAt(j + 1) === 34) {
                j += 2;
                continue;
              }
              fieldEnd = j;
              j++;
              break;
            }
            j++;
          }
          // Stray characters after the closing quote belong to no field content.
          while (j < to) {
            const c = text.charCodeAt(j);
            if (c === delimiter || c === 10 || c === 13) break;
            j++;
          }
        }
        i = j;
      } else if (seeker) {
        fieldEnd = i = seeker.fieldEnd(i);
      } else {
        let j = i;
        while (j < to) {
          const c = text.charCodeAt(j);
          if (c === delimiter || c === 10 || c === 13) break;
          j++;
        }
        fieldEnd = j;
        i = j;
      }
      starts[count] = fieldStart;
      ends[count] = fieldEnd;
      count++;
      if (seeker && count > lastField && i < to && text.charCodeAt(i) === delimiter) i = seeker.rowEnd(i + 1);
      if (i >= to) {
        atRowEnd = true;
        row.end = to;
      } else {
        const c = text.charCodeAt(i);
        if (c === delimiter) {
          i++;
          if (i >= to) {
            // A trailing delimiter at the very end: one more empty field.
            starts[count] = i;
            ends[count] = i;
            count++;
            row.end = i;
            atRowEnd = true;
          }
        } else {
          row.end = i;
          if (c === 13 && text.charCodeAt(i + 1) === 10) i += 2;
          else i++;
          atRowEnd = true;
        }
      }
    }
    row.index = index++;
    row.start = rowStart;
    row.count = count;
    if (onRow(row) === false) return;
  }
}

/**
 * Finds where fields and rows end with the tokenizer's quoting (a quote opens a quoted field only
 * at a field start; inside one, line breaks and delimiters are content and `""` is a quote; after
 * its closing quote, characters up to the next delimiter are stray), with the engine's native
 * `indexOf` instead of a walk over every character. The next delimiter, line feed, carriage return
 * and quote are each searched once and remembered until the reading passes them, so a character
 * that no longer occurs costs one search per tokenization, not one per field.
 *
 * A row's rest that is not read (`rowEnd`) mostly holds no quote at all: then the row ends at its
 * first line break. A rest with a quote is matched from the field that quote opens by one sticky
 * regular expression per delimiter that spells the quoting exactly (every part is optional, so it
 * never fails: it stops at the row's line break or the end). A row too long for the matcher is
 * walked character by character instead.
 */
class Seeker {
  private static readonly cache = new Map<number, RegExp>();
  private readonly rest: RegExp;
  /** The first delimiter, line feed, carriage return and quote at or after the offset last asked for (`to` when none is before it). */
  private delim = -1;
  private lf = -1;
  private cr = -1;
  private quote = -1;
  private readonly delimiterText: string;

  constructor(private readonly text: string, private readonly delimiter: number, private readonly to: number) {
    let rest = Seeker.cache.get(delimiter);
    if (!rest) {
      const d = `\\x${delimiter.toString(16).padStart(2, '0')}`;
      const field = `(?:"(?:[^"]+|"")*(?:"[^${d}\\r\\n]*)?|[^"${d}\\r\\n][^${d}\\r\\n]*|)`;
      Seeker.cache.set(delimiter, (rest = new RegExp(`${field}(?:${d}${field})*`, 'y')));
    }
    this.rest = rest;
    this.delimiterText = String.fromCharCode(delimiter);
  }

  /** Offset of the delimiter or line break (or `to`) that ends the unquoted field (or stray characters) from `i`. */
  fieldEnd(i: number): number {
    const { text, to } = this;
    if (this.delim < i) this.delim = bounded(text.indexOf(this.delimiterText, i), to);
    if (this.lf < i) this.lf = bounded(text.indexOf('\n', i), to);
    if (this.cr < i) this.cr = bounded(text.indexOf('\r', i), to);
    const lineBreak = this.lf < this.cr ? this.lf : this.cr;
    return this.delim < lineBreak ? this.delim : lineBreak;
  }

  /** Offset of the quote (or `to`) that closes a quoted field whose content starts at `i`: the first one not doubled. */
  closingQuote(i: number): number {
    const { text, to } = this;
    for (;;) {
      if (this.quote < i) this.quote = bounded(text.indexOf('"', i), to);
      const q = this.quote;
      if (q >= to || text.charCodeAt(q + 1) !== 34) return q;
      i = q + 2;
    }
  }

  /** Offset of the line break (or `to`) that ends the row whose field starting at `i` is not yet read. */
  rowEnd(i: number): number {
    const { text, to } = this;
    if (this.lf < i) this.lf = bounded(text.indexOf('\n', i), to);
    if (this.cr < i) this.cr = bounded(text.indexOf('\r', i), to);
    if (this.quote < i) this.quote = bounded(text.indexOf('"', i), to);
    const lineBreak = this.lf < this.cr ? this.lf : this.cr;
    const q = this.quote;
    if (q >= lineBreak) return lineBreak;
    // Fields before the quote hold none: the field it opens (if it opens one) is where quoting starts.
    return this.matchRowEnd(q === i || text.charCodeAt(q - 1) === this.delimiter ? q : i);
  }

  /** The same from the field start `i`, with the matcher. */
  private matchRowEnd(i: number): number {
    this.rest.lastIndex = i;
    try {
      this.rest.test(this.text);
    } catch {
      // Millions of fields or `""` in one row overflow the matcher's backtrack stack.
      return this.rowEndByChar(i);
    }
    return Math.min(this.rest.lastIndex, this.to);
  }

  /** The same, one character at a time. */
  private rowEndByChar(i: number): number {
    const { text, to, delimiter } = this;
    for (;;) {
      if (i < to && text.charCodeAt(i) === 34) {
        for (i++; i < to; i++) {
          if (text.charCodeAt(i) !== 34) continue;
          if (text.charCodeAt(i + 1) !== 34) break;
          i++;
        }
        i++;
      }
      for (;; i++) {
        if (i >= to) return to;
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) return i;
        if (c === delimiter) break;
      }
      i++;
    }
  }
}

/** An `indexOf` answer with "not found" and anything past `to` as `to`. */
const bounded = (found: number, to: number): number => (found < 0 || found > to ? to : found);

/** The text of field k, unquoted (`""` -> `"`) and trimmed. Allocates: use for headers and facts. */
export function fieldText(text: string, row: CsvRow, k: number): string {
  if (k >= row.count) return '';
  let s = text.slice(row.starts[k], row.ends[k]);
  if (s.includes('""')) s = s.split('""').join('"');
  return s.trim();
}

/** Delimiters tried when sniffing, in order of preference on a tie. */
const CANDIDATES = [44, 9, 59, 124]; // , TAB ; |

/**
 * Sniffs the delimiter from the first lines: the candidate whose per-row field count is the same
 * (and above one) on most rows. Returns undefined when the text does not look delimited.
 */
/** Rows `sniffDelimiter` reads by default. */
export const SNIFF_ROWS = 40;

export function sniffDelimiter(text: string, maxRows = SNIFF_ROWS): { delimiter: number; consistency: number; fields: number } | undefined {
  const limit = Math.min(text.length, 256 * 1024);
  let best: { delimiter: number; consistency: number; fields: number } | undefined;
  for (const d of CANDIDATES) {
    const counts: number[] = [];
    tokenizeCsv(text, d, (row) => {
      if (row.end > row.start) counts.push(row.count);
      return counts.length < maxRows && row.end < limit;
    }, 0, limit);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
    let mode = 0;
    let modeRows = 0;
    for (const [n, rows] of freq) if (n > 1 && (rows > modeRows || (rows === modeRows && n > mode))) {
      mode = n;
      modeRows = rows;
    }
    if (mode < 2) continue;
    const consistency = modeRows / counts.length;
    if (!best || consistency > best.consistency + 0.05 || (Math.abs(consistency - best.consistency) <= 0.05 && mode > best.fields)) {
      best = { delimiter: d, consistency, fields: mode };
    }
  }
  return best;
}
