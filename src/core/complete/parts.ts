/**
 * Completion in a large document from the parts of its text it needs. A host that hands over the
 * whole text per request pays for it: VS Code joins every line of a document into one string the
 * first time `getText()` is called after an edit (about 150 ms for a 34 MB charge master on the
 * project's machine), and a completion request comes with each keystroke typed in a code cell.
 *
 * What completion reads besides the lines around the cursor is at the document's start (its kind,
 * a CSV header and the rows sampled after it, the X12 separators in ISA), plus, in X12, the GS or ST
 * that says whether the cursor is in an 837I. So it is given the first `HEAD_LINES` lines, that
 * GS or ST line, and the cursor's line with `AROUND_LINES` on each side, joined, and its offsets are
 * moved back to the document's. Reading a document's kind and CSV header from its start alone
 * could differ from the whole text, so the caller passes the ones a check found.
 */
import type { DocumentKind } from '../recognize/detect';
import type { CsvContext } from '../recognize/csv/headers';
import { completionContext, CompletionOptions } from './context';
import { LOCAL_ABOVE, LOCAL_LEVELS, LOCAL_SCAN, localWindow } from './json';
import type { CompletionContext } from './types';
import { shifted } from './typed';

/** A document's text read in parts, and its lines. */
export interface CompletionSource {
  readonly length: number;
  readonly lineCount: number;
  slice(start: number, end: number): string;
  lineAt(offset: number): number;
  lineStart(line: number): number;
  /** X12: the lines where the transaction changed (a GS, an ST, or the first SV2 of a file without them), in order. */
  readonly transactionLines?: readonly number[];
  /** X12: where the segments that changed the transaction start, in order. */
  readonly transactionOffsets?: readonly number[];
}

/** The document's first lines: 60 rows to find a CSV header in and 400 sampled after it, with room to spare. */
export const HEAD_LINES = 1000;
/** Lines read on each side of the cursor's (completion reads the cursor's line only). */
const AROUND_LINES = 2;
/** An X12 line longer than this (a file written on one line, as X12 is sent) is read around the cursor only. */
const LONG_LINE = 1 << 16;
/** Characters read on each side of the cursor on such a line (a segment is far shorter), of the file's start (ISA, GS, ST), and of the segment that set the transaction. */
const AROUND_CHARS = 4096;

/** `completionContext` of the whole text, read from `source` in parts; the kind (and a CSV's header) as a check found them. */
export function completionContextInParts(source: CompletionSource, offset: number, options: CompletionOptions & { kind: DocumentKind; csv?: CsvContext }): CompletionContext | undefined {
  const line = source.lineAt(offset);
  if (options.kind === 'x12' && (line + 1 < source.lineCount ? source.lineStart(line + 1) : source.length) - source.lineStart(line) > LONG_LINE) {
    return aroundOnLongLine(source, offset, options);
  }
  const last = Math.min(source.lineCount, line + AROUND_LINES + 1);
  const end = last < source.lineCount ? source.lineStart(last) : source.length;
  const from = line - AROUND_LINES;
  const headEnd = source.lineStart(Math.min(HEAD_LINES, source.lineCount - 1));
  // JSON completion finds the objects around the cursor itself, scanning up to a megabyte; a CSV
  // header that ends past the head (rows of many lines) is read from the text before the cursor.
  if (options.kind === 'json') return jsonInParts(source, offset, options);
  if (from <= HEAD_LINES || (options.csv && options.csv.dataStart > headEnd)) return completionContext(source.slice(0, end), offset, options);
  let text = source.slice(0, headEnd);
  const transaction = lastBefore(source.transactionLines, from);
  if (transaction !== undefined && transaction >= HEAD_LINES) text += source.slice(source.lineStart(transaction), source.lineStart(transaction + 1));
  const start = source.lineStart(from);
  const shift = start - text.length;
  const found = completionContext(text + source.slice(start, end), offset - shift, options);
  // Everything a context holds as an offset is its range, on the cursor's line.
  return shifted(found, shift);
}

/**
 * X12 on a long line: the file's start, the start of the segment that set the transaction in force,
 * and the characters around the cursor, joined (an X12 completion reads the cursor's segment, the
 * separators in ISA and the transaction's version before the cursor).
 */
function aroundOnLongLine(source: CompletionSource, offset: number, options: CompletionOptions & { kind: DocumentKind }): CompletionContext | undefined {
  const from = Math.max(0, offset - AROUND_CHARS);
  let text = source.slice(0, Math.min(from, AROUND_CHARS));
  const transaction = lastBefore(source.transactionOffsets, from);
  if (transaction !== undefined && transaction >= text.length) text += source.slice(transaction, Math.min(from, transaction + AROUND_CHARS));
  const shift = from - text.length;
  return shifted(completionContext(text + source.slice(from, Math.min(source.length, offset + AROUND_CHARS)), offset - shift, options), shift);
}

/**
 * JSON: completion in a large document reads the objects around the cursor (`localWindow`, which
 * scans at most `LOCAL_SCAN` characters each way). They are found in a slice around the cursor,
 * widened until they are, and read as from the whole text; the whole text only when they are not
 * (it then parses all of it).
 */
function jsonInParts(source: CompletionSource, offset: number, options: CompletionOptions & { kind: DocumentKind }): CompletionContext | undefined {
  if (source.length > LOCAL_ABOVE) {
    for (const reach of JSON_REACH) {
      const from = Math.max(0, offset - reach);
      const text = source.slice(from, Math.min(source.length, offset + reach));
      // Found in the slice, they are what the scan of the whole text finds: it reads the same characters.
      const local = localWindow(text, offset - from, LOCAL_LEVELS);
      if (!local || local.end - local.start > LOCAL_ABOVE) continue;
      const start = from + local.start;
      return shifted(completionContext(text.slice(local.start, local.end), offset - start, options), start);
    }
  }
  return completionContext(source.slice(0, source.length), offset, options);
}

/** Characters read each way from the cursor to find the JSON objects around it: a FHIR item is a few kilobytes. */
const JSON_REACH = [1 << 14, 1 << 17, LOCAL_SCAN + 2];

/** The last of `starts` (in order: the lines or offsets where the transaction changed) before `at`. */
function lastBefore(starts: readonly number[] | undefined, at: number): number | undefined {
  let found: number | undefined;
  for (const s of starts ?? []) {
    if (s >= at) break;
    found = s;
  }
  return found;
}
