/** Document order: what recognizers return, what the rules report in, what binary searches rely on. */
import type { Range } from '../model';

/** Compares by where the ranges start (line, then character): a comparator for `sort`. */
export const byStart = (a: { range: Range }, b: { range: Range }): number =>
  a.range.startLine - b.range.startLine || a.range.startCharacter - b.range.startCharacter;

/** Puts `list[from..]` in document order in place, reading ranges only when it is not already. */
export function inDocumentOrder<T extends { range: Range }>(list: T[], from = 0): T[] {
  for (let i = from + 1; i < list.length; i++) {
    if (byStart(list[i - 1], list[i]) > 0) {
      const tail = list.slice(from).sort(byStart);
      for (let k = 0; k < tail.length; k++) list[from + k] = tail[k];
      return list;
    }
  }
  return list;
}
