/**
 * Ranges for offsets asked for mostly in document order (the rows of a delimited file, the
 * service lines of a claim), without a binary search per offset: the cursor remembers the line it is on and where that line and the next
 * one start, so an offset on the same line costs two comparisons, and one on a following line a
 * step or two. Anything else (an offset before the cursor's line, a range across a line break) is
 * answered by the `LineIndex` itself, so the answers are always the index's.
 */
import type { Range } from '../model';
import type { LineIndex } from './lineIndex';

/** Lines stepped over one by one before a binary search is cheaper. */
const MAX_STEPS = 4;
/** Past any offset (strings are shorter), and a small integer: a field that holds it stays one. */
const PAST_END = 0x3fffffff;

export class LineCursor {
  private line = 0;
  /** Start of `line`, and of the line after it (`PAST_END` after the last line). */
  private start = 0;
  private next: number;
  private readonly count: number;

  constructor(private readonly lines: LineIndex) {
    this.count = lines.lineCount;
    this.next = this.count > 1 ? lines.lineStart(1) : PAST_END;
  }

  /** The same range as `lines.range(start, end)`. */
  range(start: number, end: number): Range {
    if (start < this.start || start >= this.next) this.seek(start);
    if (end < this.next) return { startLine: this.line, startCharacter: start - this.start, endLine: this.line, endCharacter: end - this.start };
    return this.lines.range(start, end);
  }

  /** The line of `offset`; the cursor stays there, so that `characterOf(offset)` is its character. */
  lineOf(offset: number): number {
    if (offset < this.start || offset >= this.next) this.seek(offset);
    return this.line;
  }

  /** The character of an offset on the line `lineOf` last answered. */
  characterOf(offset: number): number {
    return offset - this.start;
  }

  private seek(offset: number): void {
    if (offset >= this.start) {
      for (let steps = 0; steps < MAX_STEPS && offset >= this.next; steps++) this.moveTo(this.line + 1);
      if (offset < this.next) return;
    }
    this.moveTo(this.lines.lineAt(offset));
  }

  private moveTo(line: number): void {
    this.line = line;
    this.start = this.lines.lineStart(line);
    this.next = line + 1 < this.count ? this.lines.lineStart(line + 1) : PAST_END;
  }
}
