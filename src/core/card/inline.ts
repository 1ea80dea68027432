/** The short text shown after a code in the editor (inlay hint). */
import type { CodeRecord } from '../model';
import type { InpatientStatus } from '../catalog/inpatient';
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
