/**
 * Occurrences that are inpatient only on their date of service (today when the line gives none):
 * the warning count a host shows for a document. Each occurrence counts on its own, so a row edit
 * changes the count by what it added and removed (see CheckSession.inpatientOnlyCount).
 */
import type { CodeOccurrence } from './model';
import type { Engine } from './engine';
import { CheckMemo } from './rules/lookup';

export function countInpatientOnly(occurrences: readonly CodeOccurrence[], engine: Engine): number {
  // Today once per count, and each code's status once per quarter (the rules' memo): a charge
  // master writes a few thousand codes over and over without a date (asking the clock and working
  // the status out per line was most of the count: 85 ms for the 34 MB bench CSV on first opening).
  const today = engine.today();
  const memo = new CheckMemo(engine.catalog);
  let count = 0;
  for (let i = 0; i < occurrences.length; i++) {
    const o = occurrences[i];
    if (memo.inpatientStatus(o.code, o.facts.dateOfService ?? today)?.inpatientOnly) count++;
  }
  return count;
}
