/**
 * Code rules: `unknown-code`, `deleted-code`, `not-yet-effective`, `pos-unknown` and
 * `add-on-without-primary`.
 */
import type { CodeOccurrence, CodeRecord, IsoDate, LineFacts } from '../model';
import { NO_FINDINGS } from './types';
import type { Rule, RuleContext, RuleFinding } from './types';
import { quarterOf } from '../catalog/inpatient';
import { isCpt } from '../codes/shapes';
import { replaceCode } from './fixes';
import { sameClaimAndDate } from './claims';
import { knownCode, recordOf } from './lookup';

const dateOf = (o: CodeOccurrence, c: RuleContext): IsoDate => o.facts.dateOfService ?? c.today;

export const unknownCode: Rule = {
  id: 'unknown-code',
  defaultSeverity: 'warning',
  title: 'Code-shaped value in a code field that no loaded data knows',
  check(o, context) {
    const { catalog, localCodes } = context;
    // Only a code field says the value must be a code; prose shows known codes only anyway.
    if (o.confidence !== 'context' || knownCode(context, o.code) || localCodes?.has(o.code)) return NO_FINDINGS;
    const what = isCpt(o.system) ? 'CPT' : 'HCPCS Level II';
    const span = catalog.quarters().length ? `, OPPS ${catalog.quarters()[0]} to ${catalog.quarters()[catalog.quarters().length - 1]}` : '';
    return [
      {
        range: o.range,
        occurrence: o,
        message: `${o.code} is not on any loaded ${what} list (CMS HCPCS, PFS indicators${span}): deleted before those releases or mistyped, a payer rejects it.`,
      },
    ];
  },
};

/** The quarter the data first lists the code in, when the data starts before that. */
function firstListed(record: CodeRecord, quarters: readonly string[]): string | undefined {
  const history = record.opps?.byQuarter;
  if (history) for (const q of quarters) if (history[q] !== undefined) return q;
  return undefined;
}

/** The last quarter not after `q` (quarters sorted), without copying the list per occurrence. */
function lastAtOrBefore(quarters: readonly string[], q: string): string | undefined {
  for (let i = quarters.length - 1; i >= 0; i--) if (quarters[i] <= q) return quarters[i];
  return undefined;
}

export const deletedCode: Rule = {
  id: 'deleted-code',
  defaultSeverity: 'error',
  title: 'Code deleted before the date of service',
  check(o, context) {
    // A code cited in prose is a reference, not a billed line.
    if (o.confidence !== 'context') return NO_FINDINGS;
    const record = recordOf(context, o.code);
    if (!record) return NO_FINDINGS;
    const date = dateOf(o, context);
    const q = quarterOf(date);
    let why: string | undefined;
    if (record.terminationDate && record.terminationDate < date) why = `terminated ${record.terminationDate} (CMS HCPCS)`;
    else if (record.status === 'deleted' && !record.terminationDate) why = 'deleted (CMS HCPCS)';
    else {
      const inForce = lastAtOrBefore(context.catalog.quarters(), q);
      if (inForce && record.opps?.byQuarter[inForce] === 'D') why = `discontinued: OPPS status indicator D in CMS OPPS Addendum B ${inForce}`;
    }
    if (!why) return NO_FINDINGS;
    const replacements = record.replacedBy ?? [];
    return [
      {
        range: o.range,
        occurrence: o,
        message: `${o.code} is not valid on ${date}: ${why}.${replacements.length ? ` Replaced by ${replacements.join(', ')}.` : ''}`,
        fixes: replacements.map((r) => replaceCode(o, r)),
      },
    ];
  },
};

export const notYetEffective: Rule = {
  id: 'not-yet-effective',
  defaultSeverity: 'error',
  title: 'Code not yet effective on the date of service',
  check(o, context) {
    if (o.confidence !== 'context') return NO_FINDINGS;
    const record = recordOf(context, o.code);
    if (!record) return NO_FINDINGS;
    const date = dateOf(o, context);
    if (record.effectiveDate && record.effectiveDate > date) {
      return [{ range: o.range, occurrence: o, message: `${o.code} is not yet effective on ${date}: CMS HCPCS adds it on ${record.effectiveDate}.` }];
    }
    // A CPT code that enters the OPPS lists after the quarter of service, where the data covers that
    // quarter (not for a code with a HCPCS effective date or PFS indicators: the cheap tests first).
    if (record.effectiveDate || record.pfs) return NO_FINDINGS;
    const quarters = context.catalog.quarters();
    const q = quarterOf(date);
    if (!(quarters[0] <= q)) return NO_FINDINGS;
    const first = firstListed(record, quarters);
    if (first && first > q) {
      return [{ range: o.range, occurrence: o, message: `${o.code} is not yet effective on ${date}: it first appears in CMS OPPS Addendum B ${first}.` }];
    }
    return NO_FINDINGS;
  },
};

export const posUnknown: Rule = {
  id: 'pos-unknown',
  defaultSeverity: 'error',
  title: 'Place of service is not a CMS place-of-service code',
  checkDocument(occurrences, { catalog }) {
    const seen = new Set<string>();
    const out: RuleFinding[] = [];
    let fine: LineFacts | undefined; // the last facts object without a place of service or with a known one
    // Indexed: these loops run once per check, mostly unoptimized, where for...of allocates per line.
    for (let i = 0; i < occurrences.length; i++) {
      const o = occurrences[i];
      if (o.facts === fine) continue;
      const pos = o.facts.placeOfService;
      if (!pos || catalog.placeOfService(pos)) {
        fine = o.facts;
        continue;
      }
      const range = o.facts.placeOfServiceRange ?? o.range;
      const key = `${range.startLine}:${range.startCharacter}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ range, occurrence: o, message: `Place of service ${pos} is not a CMS place-of-service code; the claim will be rejected.` });
    }
    return out;
  },
};

const isAddOn = (r: CodeRecord | undefined): boolean => !!r && (r.addOn === true || r.pfs?.globalDays === 'ZZZ');

export const addOnWithoutPrimary: Rule = {
  id: 'add-on-without-primary',
  defaultSeverity: 'warning',
  title: 'Add-on code billed without a primary procedure on the same claim and date',
  checkDocument(occurrences, { catalog }) {
    const out: RuleFinding[] = [];
    // Indexed: these loops run once per check, mostly unoptimized, where for...of allocates per line.
    for (let i = 0; i < occurrences.length; i++) {
      const o = occurrences[i];
      if (!o.facts.claimId || !isAddOn(catalog.record(o.code))) continue;
      const others = sameClaimAndDate(occurrences, o).filter((x) => x !== o && !isAddOn(catalog.record(x.code)));
      if (others.length) continue;
      out.push({
        range: o.range,
        occurrence: o,
        message: `${o.code} is an add-on code (CMS PFS global period ZZZ) with no primary procedure on the same claim and date: it is not paid alone.`,
      });
    }
    return out;
  },
};

export const invalidCode: Rule = {
  id: 'invalid-code',
  defaultSeverity: 'error',
  title: 'Value in a code field that is not a valid CPT or HCPCS shape',
  checkDocument(_occurrences, { invalid }) {
    return (invalid ?? []).map((o) => ({
      range: o.range,
      occurrence: o,
      message: `"${o.text}" in a procedure-code field is not a CPT or HCPCS code: codes are five characters (99213, 0001F, 0042T, 0001U, J1100). A payer rejects the line.`,
    }));
  },
};
