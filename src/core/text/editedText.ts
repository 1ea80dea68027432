/**
 * A text after edits, kept as pieces of the text before them plus the edits. Building the edited
 * string of a large document costs nothing until something reads it, and then V8 copies all of
 * it (flattening: 120-200 ms for a 34 MB CSV, most of a keystroke's re-check). Reading a few rows
 * through `slice` costs only those rows.
 *
 * Every 256 edits the edits are folded into the pieces (slices of the pieces and of the edits'
 * texts, which V8 makes without copying), so that a slice never looks through more than 256
 * edits; the text is joined into one string only when it is read whole (`toString`).
 */

/** What line indexing reads of a text: a plain string is one as well. */
export interface TextSource {
  readonly length: number;
  slice(start: number, end: number): string;
  toString(): string;
}

/** What the rules read of a document's text (a character here and there): a plain string is one as well. */
export interface DocumentText extends TextSource {
  charCodeAt(index: number): number;
}

/** One edit in offsets of the text before it: `[start, oldEnd)` replaced by `text` (as session.ts's TextEdit). */
interface TextEdit {
  start: number;
  oldEnd: number;
  text: string;
}

/** Edits kept on top of the pieces before they are folded into them (so that slicing stays cheap). */
const MAX_EDITS = 256;
/** Pieces kept before the text is joined into one string after all (thousands of edits all over it). */
const MAX_PIECES = 1 << 16;

/** A text as pieces in order; `starts[i]` is where `pieces[i]` starts. Only an empty text has an empty piece. */
class PieceList {
  private constructor(readonly pieces: readonly string[], private readonly starts: readonly number[], readonly length: number) {}

  static of(text: string): PieceList {
    return new PieceList([text], [0], text.length);
  }

  static from(pieces: readonly string[]): PieceList {
    const starts: number[] = [];
    let at = 0;
    for (const p of pieces) {
      starts.push(at);
      at += p.length;
    }
    return new PieceList(pieces, starts, at);
  }

  /** Appends the pieces of `[a, b)` to `out` (`a < b`). */
  collect(a: number, b: number, out: string[]): void {
    const { pieces, starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= a) lo = mid;
      else hi = mid - 1;
    }
    for (let i = lo; i < pieces.length && starts[i] < b; i++) {
      const p = pieces[i];
      const from = Math.max(a - starts[i], 0);
      const to = Math.min(b - starts[i], p.length);
      if (to > from) out.push(from === 0 && to === p.length ? p : p.slice(from, to));
    }
  }
}

export class EditedText implements DocumentText {
  private whole: string | undefined;

  private constructor(private readonly base: PieceList, private readonly edits: readonly TextEdit[], readonly length: number) {
    if (!edits.length && base.pieces.length === 1) this.whole = base.pieces[0];
  }

  static of(text: string): EditedText {
    return new EditedText(PieceList.of(text), [], text.length);
  }

  /** The text after one more edit, `[start, oldEnd)` in offsets of this text replaced by `text`. */
  apply(edit: TextEdit): EditedText {
    const length = this.length - (edit.oldEnd - edit.start) + edit.text.length;
    if (this.whole !== undefined) return new EditedText(PieceList.of(this.whole), [edit], length);
    if (this.edits.length >= MAX_EDITS) return new EditedText(this.folded(), [edit], length);
    return new EditedText(this.base, [...this.edits, edit], length);
  }

  slice(start: number, end: number): string {
    if (this.whole !== undefined) return this.whole.slice(start, end);
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    return piecesOf(this.base, this.edits, from, to).join('');
  }

  /** The character code at `index`, as a string gives it (NaN outside the text), without building the text. */
  charCodeAt(index: number): number {
    if (this.whole !== undefined) return this.whole.charCodeAt(index);
    return index >= 0 && index < this.length ? this.slice(index, index + 1).charCodeAt(0) : NaN;
  }

  /**
   * The whole text as one string (built once), joined from its pieces with one copy. Applying
   * the edits one by one to the whole string copied all of it per edit: 256 copies of a 34 MB
   * charge master, 30 s of a keystroke.
   */
  toString(): string {
    return (this.whole ??= piecesOf(this.base, this.edits, 0, this.length).join(''));
  }

  /** The text as pieces with no edits on top: nothing copied, unless there are too many pieces. */
  private folded(): PieceList {
    const pieces = piecesOf(this.base, this.edits, 0, this.length);
    return pieces.length > MAX_PIECES ? PieceList.of(pieces.join('')) : PieceList.from(pieces);
  }
}

/**
 * The pieces of `[a, b)` of `base` after `edits`, in order: slices of `base` and of the edits'
 * texts, at most two per edit and one more (each edit splits at most one piece of the text before it).
 */
export function editedPieces(base: string, edits: readonly TextEdit[], a: number, b: number): string[] {
  return piecesOf(PieceList.of(base), edits, a, b);
}

/** The pieces of `[a, b)` of the text `base` becomes after `edits`. */
function piecesOf(base: PieceList, edits: readonly TextEdit[], a: number, b: number): string[] {
  const out: string[] = [];
  collect(base, edits, edits.length, a, b, out);
  return out;
}

/** Appends to `out` the pieces of `[a, b)` of the text after the first `k` edits. */
function collect(base: PieceList, edits: readonly TextEdit[], k: number, a: number, b: number, out: string[]): void {
  if (a >= b) return;
  if (k === 0) {
    base.collect(a, b, out);
    return;
  }
  const e = edits[k - 1];
  const insertedEnd = e.start + e.text.length;
  const delta = e.text.length - (e.oldEnd - e.start);
  if (a < e.start) collect(base, edits, k - 1, a, Math.min(b, e.start), out);
  if (b > e.start && a < insertedEnd) out.push(e.text.slice(Math.max(a, e.start) - e.start, Math.min(b, insertedEnd) - e.start));
  if (b > insertedEnd) collect(base, edits, k - 1, Math.max(a, insertedEnd) - delta, b - delta, out);
}
