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

/** Index of the first item of `list` (in document order) that starts after `item`: where `item` goes after its equals. */
export function firstStartingAfter<T extends { range: Range }>(list: readonly T[], item: T): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byStart(list[mid], item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
