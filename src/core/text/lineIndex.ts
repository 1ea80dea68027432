/** Converts between string offsets and 0-based line/character positions. Built once per text. */
import type { Range } from '../model';

export class LineIndex {
  private readonly starts: number[];
  /** The line of the last `lineAt` answer (a hint, not state: any value gives the same answers). */
  private lastLine = 0;

  constructor(readonly text: string, starts?: number[]) {
    if (starts) {
      this.starts = starts;
      return;
    }
    this.starts = [0];
    scanLineStarts(text, 0, text.length, this.starts);
  }

  /**
   * The index of `text`, made from `prev` (the index of the text before one edit that replaced
   * `[changeStart, oldEnd)` with `[changeStart, newEnd)`): only the edited lines are scanned.
   */
  static edited(prev: LineIndex, text: string, changeStart: number, oldEnd: number, newEnd: number): LineIndex {
    const delta = newEnd - oldEnd;
    // Rescan from the line before the change (a CR LF pair may straddle it) to the first line break after it.
    const firstLine = Math.max(0, prev.lineAt(changeStart) - 1);
    const from = prev.starts[firstLine];
    const starts = prev.starts.slice(0, firstLine + 1);
    let stop = newEnd;
    while (stop < text.length && text.charCodeAt(stop) !== 10 && text.charCodeAt(stop) !== 13) stop++;
    if (text.charCodeAt(stop) === 13) stop++;
    if (text.charCodeAt(stop) === 10) stop++;
    scanLineStarts(text, from, Math.min(stop, text.length), starts);
    const last = starts[starts.length - 1];
    for (let i = prev.lineAt(Math.max(oldEnd, 0)) + 1; i < prev.starts.length; i++) {
      const shifted = prev.starts[i] + delta;
      if (shifted > last) starts.push(shifted);
    }
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[line];
  }

  /** Offset of the first line break of `line` (or the text's end). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    while (end > this.starts[line] && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return end;
  }

  lineAt(offset: number): number {
    // Recognizers ask in document order: try the line of the last answer and the next one first.
    const hint = this.lastLine;
    if (offset >= this.starts[hint]) {
      if (hint + 1 >= this.starts.length || offset < this.starts[hint + 1]) return hint;
      if (hint + 2 >= this.starts.length || offset < this.starts[hint + 2]) return (this.lastLine = hint + 1);
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.lastLine = lo);
  }

  range(start: number, end: number): Range {
    const startLine = this.lineAt(start);
    const endLine = end <= this.starts[startLine] || startLine + 1 >= this.starts.length || end < this.starts[startLine + 1]
      ? startLine
      : this.lineAt(end);
    return {
      startLine,
      startCharacter: start - this.starts[startLine],
      endLine,
      endCharacter: end - this.starts[endLine],
    };
  }

  offset(line: number, character: number): number {
    if (line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[line] + character, this.text.length);
  }
}

/** Below this many characters a plain loop is cheaper than searching for each line break kind. */
const SHORT_SCAN = 4096;

/** Appends the start offsets of the lines that begin in `(from, to]` (after a line break in `[from, to)`). */
function scanLineStarts(text: string, from: number, to: number, out: number[]): void {
  if (to - from < SHORT_SCAN) scanLineStartsByChar(text, from, to, out);
  else scanLineStartsByIndexOf(text, from, to, out);
}

function scanLineStartsByChar(text: string, from: number, to: number, out: number[]): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) out.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      out.push(i + 1);
    }
  }
}

/**
 * The same as `scanLineStartsByChar` with the engine's native `indexOf` jumping from line break to
 * line break: a check of a large file spent a fifth of its time visiting every character here.
 */
function scanLineStartsByIndexOf(text: string, from: number, to: number, out: number[]): void {
  let lf = text.indexOf('\n', from);
  let cr = text.indexOf('\r', from);
  for (;;) {
    let i = cr < 0 || (lf >= 0 && lf < cr) ? lf : cr;
    if (i < 0 || i >= to) return;
    if (i === cr && text.charCodeAt(i + 1) === 10) i++; // CR LF: one break, after the LF
    out.push(i + 1);
    if (lf >= 0 && lf <= i) lf = text.indexOf('\n', i + 1);
    if (cr >= 0 && cr <= i) cr = text.indexOf('\r', i + 1);
  }
}
