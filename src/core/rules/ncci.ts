/**
 * NCCI rules, active once the user loads the CMS tables (`cptLens.data.files`):
 * `ncci-ptp`: two codes on one claim and date that a procedure-to-procedure edit pairs; the
 * column 2 code is not paid unless the edit's modifier indicator is 1 and an NCCI-associated
 * modifier is on either line. `mue-units`: units above the medically unlikely edit, per line
 * (adjudication indicator 1) or summed over the date of service (2 and 3).
 */
import type { CodeOccurrence } from '../model';
import type { Rule, RuleFinding } from './types';
import { claimGroups, sameClaimAndDate } from './claims';
import { ptpInForce } from '../catalog/catalog';
import { memoOf } from './lookup';
import type { CheckMemo } from './lookup';

/** Modifiers CMS accepts to bypass a PTP edit whose modifier indicator is 1. */
export const NCCI_BYPASS_MODIFIERS = new Set([
  '59', 'XE', 'XP', 'XS', 'XU', '24', '25', '27', '57', '58', '78', '79', '91',
  'E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9',
  'TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'LT', 'RT', 'LC', 'LD', 'RC', 'LM', 'RI',
]);

const bypassOn = (o: CodeOccurrence): string | undefined => o.modifiers.find((m) => NCCI_BYPASS_MODIFIERS.has(m.code))?.code;

export const ncciPtp: Rule = {
  id: 'ncci-ptp',
  defaultSeverity: 'warning',
  title: 'Codes on one claim and date that an NCCI procedure-to-procedure edit bundles',
  checkDocument(occurrences, context) {
    const memo = memoOf(context);
    const out: RuleFinding[] = [];
    // Claims are grouped only when some line could pair (without NCCI data, or without a column 1
    // code on a dated claim line, nothing can): on the 10,000-claim 837P without NCCI data the
    // grouping was 7% of the check, for nothing.
    if (!anyColumn1(occurrences, memo)) return out;
    for (const group of claimGroups(occurrences)) {
      const date = group[0].facts.dateOfService;
      if (!date) continue;
      for (const a of group) {
        for (const edit of memo.ptpEdits(a.code)) {
          if (edit.modifierIndicator === 9 || !ptpInForce(edit, date)) continue;
          for (const b of group) {
            if (b === a || b.code !== edit.column2) continue;
            const bypass = edit.modifierIndicator === 1 ? bypassOn(b) ?? bypassOn(a) : undefined;
            if (bypass) continue;
            const how =
              edit.modifierIndicator === 0
                ? 'no modifier bypasses this edit (modifier indicator 0)'
                : 'an NCCI-associated modifier such as 59, XS or XU may bypass it where the services are distinct (modifier indicator 1)';
            out.push({
              range: b.range,
              occurrence: b,
              message: `${b.code} is bundled into ${a.code} on ${date} by an NCCI procedure-to-procedure edit${edit.release ? ` (${edit.release})` : ''}: ${b.code} is not paid; ${how}. Rationale: ${edit.rationale || 'not given'}.`,
              related: [{ range: a.range, message: `column 1 code ${a.code}` }],
            });
          }
        }
      }
    }
    return out;
  },
};

/** Whether a line on a claim, with a date of service, has a code that is column 1 of some edit. */
function anyColumn1(occurrences: readonly CodeOccurrence[], memo: CheckMemo): boolean {
  let last = '';
  for (let i = 0; i < occurrences.length; i++) {
    const o = occurrences[i];
    if (!o.facts.claimId || !o.facts.dateOfService || o.code === last) continue;
    last = o.code;
    if (memo.ptpEdits(o.code).length) return true;
  }
  return false;
}

export const mueUnits: Rule = {
  id: 'mue-units',
  defaultSeverity: 'warning',
  title: 'Units above the NCCI medically unlikely edit',
  checkDocument(occurrences, context) {
    const memo = memoOf(context);
    const out: RuleFinding[] = [];
    const seen = new Set<CodeOccurrence>();
    // Indexed: this loop runs once per check, and before it is optimized `for...of` allocates
    // a result object per line (megabytes per check of a large claim file).
    for (let i = 0; i < occurrences.length; i++) {
      const o = occurrences[i];
      if (o.facts.units === undefined || seen.has(o)) continue;
      // Institutional claims (a bill type) use the outpatient-hospital table; others the practitioner one.
      const setting = o.facts.billType ? 'outpatient-hospital' : 'practitioner';
      const mue = memo.mue(o.code, setting) ?? memo.mue(o.code);
      if (!mue) continue;
      // Date-of-service edits count every line of the code on the claim and date.
      const lines =
        mue.adjudicationIndicator === 1 || !o.facts.claimId
          ? [o]
          : sameClaimAndDate(occurrences, o).filter((x) => x.code === o.code);
      lines.forEach((x) => seen.add(x));
      const units = lines.reduce((n, x) => n + (x.facts.units ?? 0), 0);
      if (units <= mue.value) continue;
      const scope = lines.length > 1 ? ` over ${lines.length} lines on ${o.facts.dateOfService}` : '';
      out.push({
        range: lines[lines.length - 1].range,
        occurrence: lines[lines.length - 1],
        message: `${o.code}: ${units} units${scope} exceed the NCCI MUE of ${mue.value} (${mue.adjudication}${mue.release ? `, ${mue.release}` : ''}); the excess is denied. Rationale: ${mue.rationale || 'not given'}.`,
        related: lines.slice(0, -1).map((x) => ({ range: x.range, message: `${x.facts.units ?? 0} units of ${x.code}` })),
      });
    }
    return out;
  },
};
