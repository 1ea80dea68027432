/**
 * Ranges for offsets asked in document order: a forward walk over the line starts instead of
 * `LineIndex.range`'s binary search per offset (a claim file's service lines are a few lines
 * apart, out of reach of the index's one-line hint). Answers exactly what `LineIndex.range` does;
 * an offset before the cursor falls back to the index.
 */
import type { Range } from '../../model';
import type { LineIndex } from '../../text/lineIndex';

export class LineCursor {
  private line = 0;
  /** Start of `line`. */
  private start = 0;
  /** Start of the line after `line`, or Infinity on the last line. */
  private next: number;
  private readonly count: number;

  constructor(private readonly lines: LineIndex) {
    this.count = lines.lineCount;
    this.next = this.count > 1 ? lines.lineStart(1) : Infinity;
  }

  range(start: number, end: number): Range {
    this.seek(start);
    const startLine = this.line;
    const startCharacter = start - this.start;
    if (end < this.next) return { startLine, startCharacter, endLine: startLine, endCharacter: end - this.start };
    this.seek(end);
    return { startLine, startCharacter, endLine: this.line, endCharacter: end - this.start };
  }

  /** Moves to the line holding `offset`. */
  private seek(offset: number): void {
    if (offset < this.start) {
      this.line = this.lines.lineAt(offset);
      this.start = this.lines.lineStart(this.line);
      this.next = this.line + 1 < this.count ? this.lines.lineStart(this.line + 1) : Infinity;
      return;
    }
    while (offset >= this.next) {
      this.line++;
      this.start = this.next;
      this.next = this.line + 1 < this.count ? this.lines.lineStart(this.line + 1) : Infinity;
    }
  }
}
