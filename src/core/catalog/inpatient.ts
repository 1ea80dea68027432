/**
 * Inpatient-only status for a date of service: CMS lists a code as inpatient only when its
 * OPPS status indicator is "C" in the Addendum B release in force on that date. A release
 * applies from the first day of its quarter until the next release the data holds.
 */
import type { CodeRecord, IsoDate, Quarter } from '../model';

export const INPATIENT_ONLY_SI = 'C';

export interface InpatientStatus {
  /** On the list for the date asked. */
  inpatientOnly: boolean;
  /** The release the answer comes from. */
  quarter: Quarter;
  /** First quarter of the unbroken run of "C" that includes `quarter` (when on the list). */
  since?: Quarter;
  /** First later quarter in the data where the code is no longer "C" (phase-out). */
  leavesIn?: Quarter;
  /** Latest quarter where the code was "C", when it is off the list now. */
  lastListed?: Quarter;
  /** The date asked is before the oldest release in the data. */
  beforeData: boolean;
}

/** Quarter (YYYY-MM, MM in 01/04/07/10) that holds an ISO date. */
export function quarterOf(date: IsoDate): Quarter {
  // Rules ask for every line, and a claim file's lines alternate a few dates: one string per date.
  let quarter = quarters.get(date);
  if (quarter === undefined) {
    if (quarters.size >= MAX_DATES) quarters.clear();
    quarters.set(date, (quarter = quarterOfDate(date)));
  }
  return quarter;
}
const quarters = new Map<IsoDate, Quarter>();
/** Documents may write any dates: the memo is emptied rather than grown without bound. */
const MAX_DATES = 4096;

function quarterOfDate(date: IsoDate): Quarter {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  const qm = month <= 3 ? '01' : month <= 6 ? '04' : month <= 9 ? '07' : '10';
  return `${year}-${qm}`;
}

export function todayIso(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

/** Inpatient-only status of a code on a date, from its OPPS history; undefined without history. */
export function inpatientStatus(record: CodeRecord, date: IsoDate, quarters: readonly Quarter[]): InpatientStatus | undefined {
  const history = record.opps?.byQuarter;
  if (!history || quarters.length === 0) return undefined;
  return computeStatus(history, quarterOf(date), quarters);
}

function computeStatus(history: Record<Quarter, string>, asked: Quarter, quarters: readonly Quarter[]): InpatientStatus {
  let idx = -1;
  for (let i = 0; i < quarters.length; i++) if (quarters[i] <= asked) idx = i;
  const beforeData = idx < 0;
  if (beforeData) idx = 0;
  const quarter = quarters[idx];
  const inpatientOnly = history[quarter] === INPATIENT_ONLY_SI;
  const status: InpatientStatus = { inpatientOnly, quarter, beforeData };
  if (inpatientOnly) {
    let first = idx;
    while (first > 0 && history[quarters[first - 1]] === INPATIENT_ONLY_SI) first--;
    status.since = quarters[first];
    for (let i = idx + 1; i < quarters.length; i++) {
      if (history[quarters[i]] !== INPATIENT_ONLY_SI) {
        status.leavesIn = quarters[i];
        break;
      }
    }
  } else {
    for (let i = idx - 1; i >= 0; i--) {
      if (history[quarters[i]] === INPATIENT_ONLY_SI) {
        status.lastListed = quarters[i];
        break;
      }
    }
  }
  return status;
}

/** "2026-01" -> "Q1 2026" for messages. */
export function quarterLabel(q: Quarter): string {
  const month = Number(q.slice(5, 7));
  return `Q${Math.floor((month - 1) / 3) + 1} ${q.slice(0, 4)}`;
}
