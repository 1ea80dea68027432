/**
 * Grouping service lines into claims: what claim-level rules compare. The index is built once
 * per occurrence list (memoized), so asking for the lines of one claim is a map lookup.
 */
import type { CodeOccurrence } from '../model';
import { derivedIndex } from '../derivedIndexes';

const indexes = derivedIndex<Map<string, CodeOccurrence[]>>();

const keyOf = (o: CodeOccurrence): string => `${o.facts.claimId}\u0000${o.facts.dateOfService ?? ''}`;

function claimIndex(all: readonly CodeOccurrence[]): Map<string, CodeOccurrence[]> {
  let index = indexes.get(all);
  if (!index) {
    index = new Map();
    for (const o of all) {
      if (!o.facts.claimId) continue;
      const key = keyOf(o);
      let group = index.get(key);
      if (!group) index.set(key, (group = []));
      group.push(o);
    }
    indexes.set(all, index);
  }
  return index;
}

/** The occurrences billed on the same claim and date of service, itself included (only where the document names the claim). */
export function sameClaimAndDate(all: readonly CodeOccurrence[], o: CodeOccurrence): readonly CodeOccurrence[] {
  if (!o.facts.claimId) return [];
  return claimIndex(all).get(keyOf(o)) ?? [];
}

/** Claims of a document: claim id + date -> its lines, in document order. */
export function claimGroups(all: readonly CodeOccurrence[]): CodeOccurrence[][] {
  return [...claimIndex(all).values()];
}
