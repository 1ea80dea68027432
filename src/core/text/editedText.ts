/**
 * A text after a few edits, kept as the text before them plus the edits. Building the edited
 * string of a large document costs nothing until something reads it, and then V8 copies all of
 * it (flattening: 120-200 ms for a 34 MB CSV, most of a keystroke's re-check). Reading a few rows
 * through `slice` costs only those rows.
 */

/** What line indexing reads of a text: a plain string is one as well. */
export interface TextSource {
  readonly length: number;
  slice(start: number, end: number): string;
  toString(): string;
}

/** One edit in offsets of the text before it: `[start, oldEnd)` replaced by `text` (as session.ts's TextEdit). */
interface TextEdit {
  start: number;
  oldEnd: number;
  text: string;
}

/** Edits kept before the text is rebuilt as one string (so that slicing stays cheap). */
const MAX_EDITS = 256;

export class EditedText implements TextSource {
  private whole: string | undefined;

  private constructor(private readonly base: string, private readonly edits: readonly TextEdit[], readonly length: number) {
    if (!edits.length) this.whole = base;
  }

  static of(text: string): EditedText {
    return new EditedText(text, [], text.length);
  }

  /** The text after one more edit, `[start, oldEnd)` in offsets of this text replaced by `text`. */
  apply(edit: TextEdit): EditedText {
    const length = this.length - (edit.oldEnd - edit.start) + edit.text.length;
    if (this.whole !== undefined) return new EditedText(this.whole, [edit], length);
    if (this.edits.length >= MAX_EDITS) return new EditedText(this.toString(), [edit], length);
    return new EditedText(this.base, [...this.edits, edit], length);
  }

  slice(start: number, end: number): string {
    if (this.whole !== undefined) return this.whole.slice(start, end);
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    return editedPieces(this.base, this.edits, from, to).join('');
  }

  /**
   * The whole text as one string (built once), from pieces of the base and of the edits' texts
   * with one copy. Applying the edits one by one to the whole string copied all of it per edit:
   * 256 copies of a 34 MB charge master, 30 s of a keystroke.
   */
  toString(): string {
    return (this.whole ??= editedPieces(this.base, this.edits, 0, this.length).join(''));
  }
}

/**
 * The pieces of `[a, b)` of the text after `edits`, in order: slices of `base` and of the edits'
 * texts, at most two per edit and one more (each edit splits at most one piece of the text before it).
 */
export function editedPieces(base: string, edits: readonly TextEdit[], a: number, b: number): string[] {
  const out: string[] = [];
  collect(base, edits, edits.length, a, b, out);
  return out;
}

/** Appends to `out` the pieces of `[a, b)` of the text after the first `k` edits. */
function collect(base: string, edits: readonly TextEdit[], k: number, a: number, b: number, out: string[]): void {
  if (a >= b) return;
  if (k === 0) {
    out.push(base.slice(a, b));
    return;
  }
  const e = edits[k - 1];
  const insertedEnd = e.start + e.text.length;
  const delta = e.text.length - (e.oldEnd - e.start);
  if (a < e.start) collect(base, edits, k - 1, a, Math.min(b, e.start), out);
  if (b > e.start && a < insertedEnd) out.push(e.text.slice(Math.max(a, e.start) - e.start, Math.min(b, insertedEnd) - e.start));
  if (b > insertedEnd) collect(base, edits, k - 1, Math.max(a, insertedEnd) - delta, b - delta, out);
}
