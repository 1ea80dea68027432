/**
 * Whether a CSV holds a line break between a quote and the next one: a quoted field that runs
 * over several lines, so that rows are not lines (a check session then re-reads no single rows).
 * Quotes are paired in the order they come, `""` and stray quotes included; an unclosed quote
 * counts when a line break follows it.
 *
 * Every check of a large CSV in the editor asks this. A loop over every character took as long as
 * half the check of a 34 MB charge master; the pairs are matched natively here, about a quarter of
 * that loop, and a file without quotes is answered by one search.
 */
import { tokenizeCsv } from './tokenize';
import type { LineIndex } from '../../text/lineIndex';
import type { RowsRead } from './recognize';

/** Up to 4096 quote pairs without a line break between them, from `lastIndex` (a bound keeps the matcher's backtrack stack small). */
const PAIRS = /(?:[^"]*"[^"\r\n]*"){0,4096}/y;

export function hasQuotedLineBreak(text: string, from = 0): boolean {
  const last = text.lastIndexOf('"');
  if (last < from) return false;
  // Matched only up to the last quote: after it a pair cannot start, and a failed attempt on a
  // quote-free rest of many megabytes would cost the matcher a walk forth and back over it.
  const quoted = text.slice(0, last + 1);
  let p = from;
  for (;;) {
    PAIRS.lastIndex = p;
    PAIRS.test(quoted);
    if (PAIRS.lastIndex === p) break;
    p = PAIRS.lastIndex;
  }
  // The quote after the last pair matched opens a pair with a line break in it, or one never closed.
  const open = quoted.indexOf('"', p);
  if (open < 0) return false;
  const close = text.indexOf('"', open + 1);
  const end = close < 0 ? text.length : close;
  const lf = text.indexOf('\n', open + 1);
  const cr = text.indexOf('\r', open + 1);
  return (lf >= 0 && lf < end) || (cr >= 0 && cr < end);
}

/**
 * Whether the CSV rows of `text` (whole lines, the first starting outside quotes) end at its line
 * breaks as the tokenizer reads them: no quoted cell runs over a line break, nor past the end. The
 * pairing above can disagree with the tokenizer on stray quotes (`"ab"x","cd` opens a cell over
 * the line break with an even number of quotes), so an edit of rows checks both.
 */
export function rowsAreLines(text: string, delimiter: number): boolean {
  // A line break after the last line: a cell left open there swallows it.
  const probe = `${text}\n`;
  let lines = true;
  tokenizeCsv(probe, delimiter, (row) => {
    for (let i = row.start; i < row.end; i++) {
      const c = probe.charCodeAt(i);
      if (c === 10 || c === 13) return (lines = false);
    }
    return true;
  });
  return lines;
}

/**
 * Whether the rows a reading of `[from, to)` gave (`read`) were its lines, one row per line: `from`
 * is a line start, and `to` one too or the end of the text (`textLength` long). A row the
 * tokenizer read over a line break makes fewer rows than lines; a row cut at `to` (a quoted cell
 * still open there: `to` is no row start) ends at `to` instead of before the line break there.
 * The pairing of quotes (`hasQuotedLineBreak`) is the quick answer for a whole file; this is the
 * exact one, from a reading made anyway (stray quotes make the two differ).
 */
export function rowsWereLines(lines: LineIndex, from: number, to: number, textLength: number, read: RowsRead): boolean {
  if (from >= to) return read.rows === 0;
  const last = lines.lineAt(to);
  // At the end of a text without a line break after its last line, that line counts too.
  const lineCount = last - lines.lineAt(from) + (to === textLength && lines.lineStart(last) < to ? 1 : 0);
  const cut = to < textLength && read.lastEnd === to;
  return read.rows === lineCount && !cut;
}
