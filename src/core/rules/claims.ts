/**
 * Grouping service lines into claims: what claim-level rules compare. The index is built once
 * per occurrence list (memoized), so asking for the lines of one claim is a map lookup.
 *
 * Lines are grouped by claim id, then by date of service within the claim, with no key string per
 * line (a string per line was most of the grouping's cost on a 70,000-line claim file): the lines
 * of a claim usually follow each other, and a claim holds a few dates, compared one by one.
 */
import type { CodeOccurrence } from '../model';
import { derivedIndex } from '../derivedIndexes';

interface ClaimIndex {
  /** The groups (lines of one claim and date), in the order of their first line. */
  readonly groups: CodeOccurrence[][];
  /** Claim id -> its groups, up to `MANY + 1` of them. */
  readonly byClaim: Map<string, CodeOccurrence[][]>;
  /** The groups of claims with more than `MANY` dates, by claim id and date. */
  readonly byKey: Map<string, CodeOccurrence[]>;
}

/** Dates of one claim compared one by one; a claim with more is looked up by a key string. */
const MANY = 8;

const indexes = derivedIndex<ClaimIndex>();

const dateOf = (o: CodeOccurrence): string => o.facts.dateOfService ?? '';
const keyOf = (claimId: string, date: string): string => `${claimId}\u0000${date}`;

function find(index: ClaimIndex, claimId: string, date: string): CodeOccurrence[] | undefined {
  const list = index.byClaim.get(claimId);
  if (!list) return undefined;
  if (list.length > MANY) return index.byKey.get(keyOf(claimId, date));
  for (let i = 0; i < list.length; i++) if (dateOf(list[i][0]) === date) return list[i];
  return undefined;
}

function add(index: ClaimIndex, claimId: string, date: string, group: CodeOccurrence[]): void {
  index.groups.push(group);
  const list = index.byClaim.get(claimId);
  if (!list) index.byClaim.set(claimId, [group]);
  else if (list.length < MANY) index.byClaim.set(claimId, [...list, group]); // exact size: most claims stop at one or two
  else if (list.length === MANY) {
    list.push(group);
    for (const g of list) index.byKey.set(keyOf(claimId, dateOf(g[0])), g);
  } else index.byKey.set(keyOf(claimId, date), group);
}

function claimIndex(all: readonly CodeOccurrence[]): ClaimIndex {
  let index = indexes.get(all);
  if (!index) {
    index = { groups: [], byClaim: new Map(), byKey: new Map() };
    let last: CodeOccurrence[] | undefined;
    for (let i = 0; i < all.length; i++) {
      const o = all[i];
      const claimId = o.facts.claimId;
      if (!claimId) continue;
      const date = dateOf(o);
      // The usual case: the previous line's claim and date.
      if (last && last[0].facts.claimId === claimId && dateOf(last[0]) === date) {
        last.push(o);
        continue;
      }
      last = find(index, claimId, date);
      if (last) last.push(o);
      else add(index, claimId, date, (last = [o]));
    }
    indexes.set(all, index);
  }
  return index;
}

/** The occurrences billed on the same claim and date of service, itself included (only where the document names the claim). */
export function sameClaimAndDate(all: readonly CodeOccurrence[], o: CodeOccurrence): readonly CodeOccurrence[] {
  if (!o.facts.claimId) return [];
  return find(claimIndex(all), o.facts.claimId, dateOf(o)) ?? [];
}

/**
 * Drops the index of `all` once its rules have run: it holds a list per claim and date, and the
 * occurrences it indexes stay for as long as their document is open (a 200,000-line claim export
 * kept 60,000 such lists, about 10 MB, that nothing read again). It is made again when asked for.
 */
export function forgetClaims(all: readonly CodeOccurrence[]): void {
  indexes.delete(all);
}

/** Claims of a document: claim id + date -> its lines, in document order. */
export function claimGroups(all: readonly CodeOccurrence[]): CodeOccurrence[][] {
  return claimIndex(all).groups.slice();
}
