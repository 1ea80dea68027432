/**
 * Occurrences that are inpatient only on their date of service (today when the line gives none):
 * the warning count a host shows for a document. Each occurrence counts on its own, so a row edit
 * changes the count by what it added and removed (see CheckSession.inpatientOnlyCount).
 */
import type { CodeOccurrence } from './model';
import type { Engine } from './engine';
import { inpatientStatus } from './catalog/inpatient';

function isInpatientOnlyOccurrence(o: CodeOccurrence, engine: Engine): boolean {
  const record = engine.record(o.code);
  return !!record && !!inpatientStatus(record, o.facts.dateOfService ?? engine.today(), engine.catalog.quarters())?.inpatientOnly;
}

export function countInpatientOnly(occurrences: readonly CodeOccurrence[], engine: Engine): number {
  let count = 0;
  for (let i = 0; i < occurrences.length; i++) if (isInpatientOnlyOccurrence(occurrences[i], engine)) count++;
  return count;
}
