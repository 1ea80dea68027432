/**
 * `inpatient-only`: a code CMS lists as inpatient only (OPPS status indicator C) in the release
 * in force on the line's date of service, or today when the line has none.
 */
import type { Rule } from './types';
import { inpatientStatus, quarterLabel } from '../catalog/inpatient';

export const inpatientOnly: Rule = {
  id: 'inpatient-only',
  defaultSeverity: 'information',
  title: 'Code is on the CMS inpatient-only list for the date of service',
  check(occurrence, { catalog, today }) {
    const record = catalog.record(occurrence.code);
    if (!record) return [];
    const date = occurrence.facts.dateOfService ?? today;
    const status = inpatientStatus(record, date, catalog.quarters());
    if (!status?.inpatientOnly) return [];
    const leaves = status.leavesIn ? `; it leaves the list in ${quarterLabel(status.leavesIn)}` : '';
    return [
      {
        range: occurrence.range,
        message: `${occurrence.code} is inpatient only on ${date} (OPPS status indicator C, CMS OPPS Addendum B ${status.quarter})${leaves}: Medicare does not pay it on an outpatient claim.`,
      },
    ];
  },
};
