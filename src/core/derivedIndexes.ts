/**
 * Indexes derived from an occurrence list (the claims of a document, the hover's modifier and
 * place-of-service parts) are kept per list object. A check session changes its list in place on
 * a row edit (copying a 70,000-element array per keystroke cost more than the edit itself), so it
 * tells every such cache to forget the list.
 */
import type { CodeOccurrence } from './model';

type List = readonly CodeOccurrence[];
const caches: WeakMap<List, unknown>[] = [];

/** A cache of something derived from an occurrence list, dropped when the list changes in place. */
export function derivedIndex<T>(): WeakMap<List, T> {
  const cache = new WeakMap<List, T>();
  caches.push(cache);
  return cache;
}

/** Forgets everything derived from `list`: call after changing it in place. */
export function listChanged(list: List): void {
  for (const cache of caches) cache.delete(list);
}
