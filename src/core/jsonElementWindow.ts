/**
 * Which part of a JSON file an edit can change, for a check session that keeps the file's
 * occurrences across keystrokes (a full check of a 6 MB FHIR Bundle per keystroke took 290 ms of
 * the extension host's time, half of it VS Code joining the text). An edit strictly inside one
 * object element of a top-level array (a Bundle's entry, an HPT item, an element of a root array)
 * is answered by reading that element again, when:
 * - the root object gives nothing to the occurrences inside it (no modifiers, facts or setting of
 *   its own: a Claim at the root gives its id to every item, so its items are not read alone);
 * - the edited element, read on its own, is still one object that ends at its `}` (an edit that
 *   closes it early or leaves it open changes what follows: a full check), and gives the root
 *   nothing;
 * - the element is at most a megabyte: it is read while the keystroke waits, where a full check
 *   is read in slices that let the extension host answer in between.
 * The reading then is the document's: the text before the element is unchanged, so the walk
 * reaches its `{` in the same state, and after its `}` goes on as before (see json/walk.ts). What
 * follows the element on its last line (the next entries of a minified file) moves along the line.
 */
import type { DocumentText } from './text/editedText';
import type { LineIndex } from './text/lineIndex';
import type { JsonElementStart, JsonLayout } from './recognize/json';

/** The element an edit changes: where it is, and its text after the edit as a copy to read. */
export interface ElementWindow {
  /** Its index in the layout. */
  index: number;
  /** Its first line, and its last line before the edit. */
  first: number;
  lastBefore: number;
  /** Where on its first line its `{` is, and where its `}` ends on its last line (before the edit). */
  startCharacter: number;
  endCharacter: number;
  /**
   * The element after the edit, after a line break: the copy's line 1 is the document's line
   * `first` from `startCharacter` on, its later lines the document's next ones.
   */
  copy: string;
  /** The edit's change of length: where elements after this one now start. */
  delta: number;
  context: JsonElementStart;
}

/** The largest element read again while a keystroke waits (a full check of a large file goes in slices of this size). */
export const MAX_ELEMENT_CHARS = 1 << 20;

/** The element `edit` lies strictly inside (its brackets untouched), or undefined when none, it is too large, or the root gives its occurrences something. */
export function elementWindow(text: DocumentText, lines: LineIndex, edit: { start: number; oldEnd: number; text: string }, layout: JsonLayout): ElementWindow | undefined {
  if (layout.rootGives) return undefined;
  const { starts, ends } = layout;
  // The last element starting before the edit.
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] < edit.start) lo = mid + 1;
    else hi = mid;
  }
  const index = lo - 1;
  if (index < 0 || edit.oldEnd >= ends[index]) return undefined;
  const start = starts[index];
  const end = ends[index];
  if (end - start + edit.text.length > MAX_ELEMENT_CHARS) return undefined;
  const first = lines.lineAt(start);
  const lastBefore = lines.lineAt(end - 1);
  const startCharacter = start - lines.lineStart(first);
  const copy = `\n${text.slice(start, edit.start)}${edit.text}${text.slice(edit.oldEnd, end)}`;
  return {
    index, first, lastBefore, startCharacter, endCharacter: end - lines.lineStart(lastBefore), copy,
    delta: edit.text.length - (edit.oldEnd - edit.start), context: layout.contexts[index],
  };
}

/** Whether `copy` read as the element gave exactly one element, over all of it after its line break, and nothing to the root. */
export function readAsOneElement(window: ElementWindow, read: JsonLayout): boolean {
  return !read.rootGives && read.starts.length === 1 && read.starts[0] === 1 && read.ends[0] === window.copy.length;
}

/** The layout after the element at `window.index` was read again: it ends `delta` later, and so does every element after it. */
export function moveElements(layout: JsonLayout, window: ElementWindow): void {
  const { starts, ends } = layout;
  ends[window.index] += window.delta;
  if (!window.delta) return;
  for (let i = window.index + 1; i < starts.length; i++) {
    starts[i] += window.delta;
    ends[i] += window.delta;
  }
}
