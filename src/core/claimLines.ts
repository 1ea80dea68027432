/**
 * The lines of each claim in a check session's occurrence list, kept up to date across row edits.
 * A row edit in a claim file re-runs the rules of the claims it touches on every line of those
 * claims; finding them with a pass over the whole list cost about a third of each keystroke in a
 * 200,000-line claim CSV. Here they are a map lookup, and an edit moves only its own lines.
 *
 * Each claim's lines are in document order. Lines without a claim id (or with an empty one) are
 * not kept: no claim-level rule groups them.
 */
import type { CodeOccurrence } from './model';
import { firstStartingAfter } from './text/byStart';

export class ClaimLines {
  private readonly byClaim = new Map<string, CodeOccurrence[]>();

  /** Indexes `all` (in document order). */
  constructor(all: readonly CodeOccurrence[]) {
    for (let i = 0; i < all.length; i++) {
      const o = all[i];
      const id = o.facts.claimId;
      if (!id) continue;
      const lines = this.byClaim.get(id);
      if (lines) lines.push(o);
      else this.byClaim.set(id, [o]);
    }
  }

  /** The lines of a claim, in document order (empty for a claim with none). */
  of(claimId: string): readonly CodeOccurrence[] {
    return this.byClaim.get(claimId) ?? [];
  }

  /**
   * Rows were edited: `removed` went from the list and `added` (in document order, in the
   * document's line numbers, on lines no kept occurrence is on) came in. Later occurrences must
   * already have been moved by the lines the edit added or removed.
   */
  replace(removed: readonly CodeOccurrence[], added: readonly CodeOccurrence[]): void {
    for (const o of removed) {
      const id = o.facts.claimId;
      const lines = id ? this.byClaim.get(id) : undefined;
      if (!lines) continue;
      const at = lines.indexOf(o);
      if (at >= 0) lines.splice(at, 1);
      if (!lines.length) this.byClaim.delete(id!);
    }
    // Consecutive added lines of one claim go in together (rows of one claim mostly follow each other).
    for (let i = 0; i < added.length;) {
      const id = added[i].facts.claimId;
      let end = i + 1;
      while (end < added.length && added[end].facts.claimId === id) end++;
      if (id) this.insert(id, added.slice(i, end));
      i = end;
    }
  }

  private insert(id: string, items: CodeOccurrence[]): void {
    const lines = this.byClaim.get(id);
    if (!lines) {
      this.byClaim.set(id, items);
      return;
    }
    const at = firstStartingAfter(lines, items[0]);
    if (items.length === 1) lines.splice(at, 0, items[0]);
    else lines.splice(at, 0, ...items);
  }
}
