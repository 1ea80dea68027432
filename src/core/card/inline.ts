/** The short text shown after a code in the editor (inlay hint). */
import type { CodeRecord, IsoDate } from '../model';
import { inpatientStatus, InpatientStatus } from '../catalog/inpatient';
import type { Catalog } from '../catalog/catalog';
import { truncate } from './escape';

export type InlineMode = 'off' | 'descriptor' | 'warnings';

export const INPATIENT_MARKER = '⚠ inpatient only';

/** The hint text, or undefined when the mode shows nothing for this code. */
export function inlineHint(record: CodeRecord, inpatient: InpatientStatus | undefined, mode: InlineMode, maxLength: number): string | undefined {
  if (mode === 'off') return undefined;
  const warning = inpatient?.inpatientOnly ? INPATIENT_MARKER : record.status === 'deleted' ? '⚠ deleted' : undefined;
  if (mode === 'warnings') return warning;
  const descriptor = record.shortDescriptor ?? record.longDescriptor ?? record.mediumDescriptor;
  const text = descriptor ? truncate(descriptor.replace(/\s+/g, ' '), Math.max(8, maxLength)).text : undefined;
  return [warning, text].filter(Boolean).join(' · ') || undefined;
}

/** What a code's hint says, and its tooltip. */
export interface InlineLabel {
  label: string;
  tooltip: string;
}

/**
 * The hints of one request, as `inlineHint` writes them with their tooltip: one per code and date
 * of service, made once (a claim file writes a handful of codes over and over, and a request looks
 * at up to 20,000 of them). Null where the mode shows nothing or the data does not know the code.
 */
export function inlineLabels(catalog: Catalog, mode: InlineMode, maxLength: number): (code: string, date: IsoDate) => InlineLabel | null {
  const labels = new Map<string, Map<IsoDate, InlineLabel | null>>();
  return (code, date) => {
    let byDate = labels.get(code);
    if (!byDate) labels.set(code, (byDate = new Map()));
    let made = byDate.get(date);
    if (made === undefined) {
      const record = catalog.record(code);
      const label = record && inlineHint(record, inpatientStatus(record, date, catalog.quarters()), mode, maxLength);
      made = record && label ? { label, tooltip: `${code}: ${record.longDescriptor ?? record.shortDescriptor ?? 'no descriptor loaded'}` } : null;
      byDate.set(date, made);
    }
    return made;
  };
}
