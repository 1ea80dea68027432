/**
 * `inpatient-only-outpatient` and `inpatient-only`: a code CMS lists as inpatient only (OPPS
 * status indicator C) in the release in force on the line's date of service (today without one).
 * On an outpatient line it is an error; where the document does not say the setting, information.
 */
import type { CodeOccurrence, LineFacts } from '../model';
import { NO_FINDINGS } from './types';
import type { Rule, RuleContext, RuleFinding } from './types';
import { InpatientStatus, quarterLabel } from '../catalog/inpatient';
import { lineSetting, LineSetting } from './setting';
import { memoOf } from './lookup';
import { sameClaimAndDate } from './claims';

function status(o: CodeOccurrence, context: RuleContext): { s: Readonly<InpatientStatus>; date: string } | undefined {
  const date = o.facts.dateOfService ?? context.today;
  const s = memoOf(context).inpatientStatus(o.code, date);
  return s?.inpatientOnly ? { s, date } : undefined;
}

const source = (s: Readonly<InpatientStatus>): string => `CMS OPPS Addendum B ${s.quarter}`;
const leaves = (s: Readonly<InpatientStatus>): string => (s.leavesIn ? `; it leaves the list in ${quarterLabel(s.leavesIn)}` : '');

export const inpatientOnlyOutpatient: Rule = {
  id: 'inpatient-only-outpatient',
  defaultSeverity: 'error',
  title: 'Inpatient-only code on an outpatient claim or line',
  checkDocument(occurrences, context) {
    const out: RuleFinding[] = [];
    // Lines share facts objects (a claim's, a charge master's block): one setting per object in a row.
    let facts: LineFacts | undefined;
    let setting: LineSetting | undefined;
    // Indexed: these loops run once per check, mostly unoptimized, where for...of allocates per line.
    for (let i = 0; i < occurrences.length; i++) {
      const o = occurrences[i];
      if (o.facts !== facts) setting = lineSetting((facts = o.facts), context.defaultSetting);
      if (setting?.setting !== 'outpatient') continue;
      const hit = status(o, context);
      if (!hit) continue;
      const others = sameClaimAndDate(occurrences, o).filter((x) => x !== o);
      out.push({
        range: o.range,
        occurrence: o,
        message:
          `${o.code} is inpatient only on ${hit.date} (status indicator C, ${source(hit.s)})${leaves(hit.s)}, but this line is outpatient (${setting.because}): ` +
          `Medicare does not pay it${others.length ? `, nor the ${others.length} other service${others.length > 1 ? 's' : ''} on this claim and date` : ''}.`,
        related: others.map((x) => ({ range: x.range, message: `${x.code} on the same claim and date goes unpaid with ${o.code}` })),
      });
    }
    return out;
  },
};

export const inpatientOnly: Rule = {
  id: 'inpatient-only',
  defaultSeverity: 'information',
  title: 'Code is on the CMS inpatient-only list for the date of service (setting not stated)',
  check(o, context) {
    if (lineSetting(o.facts, context.defaultSetting)) return NO_FINDINGS;
    const hit = status(o, context);
    if (!hit) return NO_FINDINGS;
    return [
      {
        range: o.range,
        occurrence: o,
        message: `${o.code} is inpatient only on ${hit.date} (OPPS status indicator C, ${source(hit.s)})${leaves(hit.s)}: Medicare does not pay it on an outpatient claim.`,
      },
    ];
  },
};
