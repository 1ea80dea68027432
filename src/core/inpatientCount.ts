/**
 * Occurrences that are inpatient only on their date of service (today when the line gives none):
 * the warning count a host shows for a document. Each occurrence counts on its own, so a row edit
 * changes the count by what it added and removed (see CheckSession.inpatientOnlyCount).
 */
import type { CodeOccurrence, IsoDate } from './model';
import type { Engine } from './engine';
import { inpatientStatus } from './catalog/inpatient';

export function countInpatientOnly(occurrences: readonly CodeOccurrence[], engine: Engine): number {
  // Today and the quarters once per count, and each code's status once per date: a charge master
  // writes a few thousand codes over and over without a date (asking the clock per line was most
  // of the count: 85 ms for the 34 MB bench CSV on first opening).
  const today = engine.today();
  const quarters = engine.catalog.quarters();
  const known = new Map<string, Map<IsoDate, boolean>>();
  let count = 0;
  for (let i = 0; i < occurrences.length; i++) {
    const o = occurrences[i];
    const date = o.facts.dateOfService ?? today;
    let byDate = known.get(o.code);
    let inpatientOnly = byDate?.get(date);
    if (inpatientOnly === undefined) {
      const record = engine.record(o.code);
      inpatientOnly = !!record && !!inpatientStatus(record, date, quarters)?.inpatientOnly;
      if (!byDate) known.set(o.code, (byDate = new Map()));
      byDate.set(date, inpatientOnly);
    }
    if (inpatientOnly) count++;
  }
  return count;
}
