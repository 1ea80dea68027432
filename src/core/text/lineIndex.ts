/** Converts between string offsets and 0-based line/character positions. Built once per text. */
import type { Range } from '../model';
import type { TextSource } from './editedText';

export class LineIndex {
  /**
   * Line start offsets in `[0, count)`, with room to grow: a typed array because a row edit moves
   * the starts after it in place (copying a 100,000-element JS array cost ~10 ms per keystroke).
   */
  private startsArray: Int32Array | undefined;
  private count = 0;
  /** The line of the last `lineAt` answer (a hint, not state: any value gives the same answers). */
  private lastLine = 0;

  /** The text; an edited text (`EditedText`) is read only around the lines asked for. */
  private source: TextSource;

  /** Lines are found on first use: a text with nothing to place (no code found) never pays for them. */
  constructor(text: TextSource) {
    this.source = text;
  }

  private get starts(): Int32Array {
    if (this.startsArray) return this.startsArray;
    const whole = this.source.toString();
    const starts = new Starts(whole.length);
    scanLineStarts(whole, 0, whole.length, starts);
    this.count = starts.length;
    return (this.startsArray = starts.array);
  }

  get text(): string {
    return this.source.toString();
  }

  /**
   * The index of `text`, made from `prev` (the index of the text before one edit that replaced
   * `[changeStart, oldEnd)` with `[changeStart, newEnd)`): only the edited lines are scanned and the
   * later starts move in place. `prev` is consumed: it shares its storage with the result.
   */
  static edited(prev: LineIndex, text: TextSource, changeStart: number, oldEnd: number, newEnd: number): LineIndex {
    const delta = newEnd - oldEnd;
    // Rescan from the character before the change (a CR LF pair may straddle it) to the first line
    // break after it. The old text after the change holds no line break up to its line's end, so on
    // a long line (a file written on one line) the rescan stops two characters past the change
    // instead of reading on to that break: a keystroke reads about as much text as it wrote.
    const from = Math.max(0, changeStart - 1);
    const firstLine = prev.lineAt(from);
    const oldLine = prev.lineAt(Math.max(oldEnd, 0));
    const lineEnd = (oldLine + 1 < prev.count ? prev.starts[oldLine + 1] : prev.source.length) + delta;
    const until = lineEnd - newEnd > 4 ? newEnd + 2 : lineEnd;
    const window = text.slice(from, Math.min(text.length, until));
    let stop = pastLineBreak(window, newEnd - from, from + window.length >= text.length);
    if (stop < 0) stop = window.length;
    const local = new Starts(stop);
    scanLineStarts(window, 0, stop, local);
    const last = local.length > 1 ? from + local.array[local.length - 1] : from;
    // The old lines after the change that survive, moved by `delta` (the rescan may have covered the first).
    let k = oldLine + 1;
    while (k < prev.count && prev.starts[k] + delta <= last) k++;
    const tail = prev.count - k;
    // `local` begins with the window's own start (0): the line at `from`, kept from `prev`.
    const added = local.length - 1;
    const count = firstLine + 1 + added + tail;
    let starts = prev.starts;
    if (count > starts.length) {
      starts = new Int32Array(Math.max(count + 1024, Math.ceil(count * 1.25)));
      starts.set(prev.starts.subarray(0, firstLine + 1));
      starts.set(prev.starts.subarray(k, prev.count), firstLine + 1 + added);
    } else {
      starts.copyWithin(firstLine + 1 + added, k, prev.count);
    }
    for (let j = 0; j < added; j++) starts[firstLine + 1 + j] = from + local.array[j + 1];
    if (delta) for (let j = count - tail; j < count; j++) starts[j] += delta;
    const next = Object.create(LineIndex.prototype) as LineIndex;
    next.source = text;
    next.startsArray = starts;
    next.count = count;
    next.lastLine = 0;
    return next;
  }

  get lineCount(): number {
    if (!this.startsArray) void this.starts;
    return this.count;
  }

  lineStart(line: number): number {
    return this.starts[line];
  }

  /** Offset of the first line break of `line` (or the text's end). */
  lineEnd(line: number): number {
    const start = this.starts[line];
    const next = line + 1 < this.count ? this.starts[line + 1] : this.source.length;
    // A line ends in at most one break (CR, LF or CR LF): read only its last two characters.
    const tail = this.source.slice(Math.max(start, next - 2), next);
    let end = next;
    for (let i = tail.length - 1; i >= 0 && (tail.charCodeAt(i) === 10 || tail.charCodeAt(i) === 13); i--) end--;
    return end;
  }

  lineAt(offset: number): number {
    // Recognizers ask in document order: try the line of the last answer and the next one first.
    const hint = this.lastLine;
    if (offset >= this.starts[hint]) {
      if (hint + 1 >= this.count || offset < this.starts[hint + 1]) return hint;
      if (hint + 2 >= this.count || offset < this.starts[hint + 2]) return (this.lastLine = hint + 1);
    }
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.lastLine = lo);
  }

  range(start: number, end: number): Range {
    const startLine = this.lineAt(start);
    const endLine = end <= this.starts[startLine] || startLine + 1 >= this.count || end < this.starts[startLine + 1]
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
    const starts = this.starts; // built first: `count` is set with it
    if (line >= this.count) return this.source.length;
    return Math.min(starts[line] + character, this.source.length);
  }
}

/**
 * The offset just past the first line break at or after `from` in `window` (a CR LF counts as one),
 * or -1 when there is none, or when a CR ends a window that is not the text's end (an LF may follow).
 */
function pastLineBreak(window: string, from: number, atEnd: boolean): number {
  for (let i = Math.max(0, from); i < window.length; i++) {
    const c = window.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) {
      if (i + 1 < window.length) return window.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      return atEnd ? i + 1 : -1;
    }
  }
  return -1;
}

/**
 * Line starts collected into a typed array that doubles when full (pushing 160,000 numbers onto a
 * JS array cost ten times the search for the line breaks). Starts with the offset 0.
 */
class Starts {
  array: Int32Array;
  length = 1;

  constructor(textLength: number) {
    // A guess of one line per 64 characters; the array grows when the text has shorter lines.
    this.array = new Int32Array(Math.max(16, (textLength >> 6) + 1));
  }

  push(offset: number): void {
    if (this.length === this.array.length) {
      const bigger = new Int32Array(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = offset;
  }
}

/** Below this many characters a plain loop is cheaper than searching for each line break kind. */
const SHORT_SCAN = 4096;

/** Appends the start offsets of the lines that begin in `(from, to]` (after a line break in `[from, to)`). */
function scanLineStarts(text: string, from: number, to: number, out: Starts): void {
  if (to - from < SHORT_SCAN) scanLineStartsByChar(text, from, to, out);
  else scanLineStartsByIndexOf(text, from, to, out);
}

function scanLineStartsByChar(text: string, from: number, to: number, out: Starts): void {
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
function scanLineStartsByIndexOf(text: string, from: number, to: number, out: Starts): void {
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
