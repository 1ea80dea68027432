/** Grouping service lines into claims: what claim-level rules compare. */
import type { CodeOccurrence } from '../model';

/** The other occurrences billed on the same claim and date of service (only where the document names the claim). */
export function sameClaimAndDate(all: readonly CodeOccurrence[], o: CodeOccurrence): CodeOccurrence[] {
  if (!o.facts.claimId) return [];
  return all.filter((x) => x.facts.claimId === o.facts.claimId && x.facts.dateOfService === o.facts.dateOfService);
}

/** Claims of a document: claim id + date -> its lines, in document order. */
export function claimGroups(all: readonly CodeOccurrence[]): CodeOccurrence[][] {
  const groups = new Map<string, CodeOccurrence[]>();
  for (const o of all) {
    if (!o.facts.claimId) continue;
    const key = `${o.facts.claimId}\u0000${o.facts.dateOfService ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(o);
  }
  return [...groups.values()];
}
