/**
 * Linear readers over decoded text: lines, and delimited records (CSV with RFC 4180 quotes,
 * or tab-separated without quoting). Both are generators, so an importer holds one record
 * at a time; every character is looked at a bounded number of times, which `Meter` counts
 * (the linearity test reads it instead of timing).
 */
import { ImportError } from './errors';

/** Counts the work done: characters stepped over and records produced. */
export interface Meter {
  steps: number;
}

export interface Line {
  text: string;
  /** 1-based. */
  line: number;
  /** False for a last line that has no line end (a file cut off mid-record, or just no final newline). */
  ended: boolean;
}

/** Lines split at LF, CRLF or a lone CR; the line end is not part of the text. */
export function* lines(text: string, meter?: Meter): Generator<Line> {
  let start = 0;
  let line = 1;
  const n = text.length;
  while (start < n) {
    let end = start;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    if (meter) meter.steps += end - start + 1;
    const ended = end < n;
    yield { text: text.slice(start, end), line, ended };
    line++;
    start = end < n && text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
}

export interface DelimitedRecord {
  fields: string[];
  /** 1-based line the record starts on. */
  line: number;
  /** False when the record is the last and has no line end. */
  ended: boolean;
}

export interface DelimitedOptions {
  delimiter: string;
  /** Honour "quoted" fields (CSV). Off for tab-separated CMS and AMA files, whose text may hold a lone ". */
  quotes: boolean;
  meter?: Meter;
}

/**
 * Delimited records. With quotes, a quoted field may hold delimiters, "" and line breaks;
 * a quote that never closes is an ImportError at the line it opened on.
 */
export function* delimited(text: string, file: string, options: DelimitedOptions): Generator<DelimitedRecord> {
  const d = options.delimiter.charCodeAt(0);
  const quotes = options.quotes;
  const meter = options.meter;
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    const recordStart = i;
    let ended = false;
    for (;;) {
      // One field.
      if (quotes && text.charCodeAt(i) === 34) {
        const openLine = line;
        let value = '';
        let from = ++i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw new ImportError(file, openLine, 'a quoted field never closes (the file may be cut off)');
          for (let k = i; k < q; k++) if (text.charCodeAt(k) === 10) line++;
          if (text.charCodeAt(q + 1) === 34) {
            value += text.slice(from, q + 1);
            i = from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        // Tolerate spaces between the closing quote and the delimiter; anything else is an error.
        while (i < n && text.charCodeAt(i) === 32) i++;
        const c = text.charCodeAt(i);
        if (i < n && c !== d && c !== 10 && c !== 13) throw new ImportError(file, line, 'unexpected text after a closing quote');
        fields.push(value);
      } else {
        const from = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === 10 || c === 13) break;
          i++;
        }
        fields.push(text.slice(from, i));
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === d) {
        i++;
        if (i >= n) {
          fields.push('');
          break;
        }
        continue;
      }
      // Line end.
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      line++;
      ended = true;
      break;
    }
    if (meter) meter.steps += i - recordStart + fields.length;
    yield { fields, line: startLine, ended };
  }
}

/** True for a record that is empty or holds only blank fields. */
export function isBlank(fields: readonly string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

/** Header text normalized for matching: lower case, any run of whitespace (line breaks, NBSP) as one space. */
export function normHeader(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
}

/** A code cell cleaned the way CMS files need: every space and NBSP removed, upper case. */
export function cleanCode(s: string): string {
  return (/[\s\u00a0]/.test(s) ? s.replace(/[\s\u00a0]+/g, '') : s).toUpperCase();
}

/** A text cell with NBSPs as spaces and runs of spaces collapsed. */
export function cleanText(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The rest of an iterator, as an iterable that a `break` elsewhere has not closed. */
export function* rest<T>(it: Iterator<T>): Generator<T> {
  for (let n = it.next(); !n.done; n = it.next()) yield n.value;
}
