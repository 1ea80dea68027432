/** The rule set, and running it over a document's occurrences. */
import type { CodeOccurrence, Finding, LineFacts, Severity } from '../model';
import type { Rule, RuleContext, RuleFinding, RuleSettings } from './types';
import { byStart } from '../text/byStart';
import { inpatientOnly, inpatientOnlyOutpatient } from './inpatientOnly';
import { modifierDuplicate, modifierNotAllowed, modifierTooMany, modifierUnknown } from './modifiers';
import { mueUnits, ncciPtp } from './ncci';
import { addOnWithoutPrimary, invalidCode, deletedCode, notYetEffective, posUnknown, unknownCode } from './codes';
import { forgetClaims } from './claims';

/** Facts objects the runner remembers lines by (a claim file has one per service line: it stops there). */
const MAX_FACTS_REMEMBERED = 1024;

export const RULES: readonly Rule[] = [
  invalidCode,
  unknownCode,
  deletedCode,
  notYetEffective,
  inpatientOnlyOutpatient,
  inpatientOnly,
  modifierUnknown,
  modifierDuplicate,
  modifierTooMany,
  modifierNotAllowed,
  posUnknown,
  addOnWithoutPrimary,
  ncciPtp,
  mueUnits,
];

export function runRules(occurrences: readonly CodeOccurrence[], context: RuleContext, settings: RuleSettings = {}, rules: readonly Rule[] = RULES): Finding[] {
  const run = new RuleRun(occurrences, context, settings, rules);
  run.lines(0, occurrences.length);
  return run.finish();
}

/** Asked between slices of a long check; resolves false when the result is no longer wanted. */
export type Pause = () => Promise<boolean>;

/**
 * `runRules` with a pause every `slice` lines, so that a host can serve other requests during the
 * check of a large document and drop it when the document changes; undefined when dropped.
 */
export async function runRulesInSlices(
  occurrences: readonly CodeOccurrence[], context: RuleContext, settings: RuleSettings, pause: Pause, slice = 20_000, rules: readonly Rule[] = RULES,
): Promise<Finding[] | undefined> {
  const run = new RuleRun(occurrences, context, settings, rules);
  for (let from = 0; from < occurrences.length; from += slice) {
    run.lines(from, Math.min(occurrences.length, from + slice));
    if (!(await pause())) return undefined;
  }
  return run.finish();
}

/**
 * One run of the rules over a document. Per-line rules go line by line (the rules ask about the
 * same code in a row, which `lookup.ts` answers from its last answer), each into its own bucket;
 * the buckets are joined in rule order, so that a stable sort by range keeps the rule order among
 * findings at one place, as a rule-by-rule run would.
 */
class RuleRun {
  private readonly buckets: Finding[][] = [];
  private readonly perLine: { rule: Rule; severity: Severity; bucket: Finding[] }[] = [];
  private readonly perDocument: { rule: Rule; severity: Severity; bucket: Finding[] }[] = [];
  /**
   * By facts object and code, the modifiers and confidence of the last line that every per-line
   * rule passed. A per-line rule reads only the occurrence's code, confidence, modifiers and facts
   * (its range and text only for a finding), so a line with the same code and the same objects
   * passes again: a charge master writes each code with a few shared facts objects (its
   * INPATIENT and OUTPATIENT blocks) over and over.
   */
  private readonly passed = new Map<LineFacts, Map<string, Pick<CodeOccurrence, 'modifiers' | 'confidence'>>>();

  constructor(private readonly occurrences: readonly CodeOccurrence[], private readonly context: RuleContext, settings: RuleSettings, rules: readonly Rule[]) {
    for (const rule of rules) {
      const severity = settings[rule.id] ?? rule.defaultSeverity;
      const bucket: Finding[] = [];
      this.buckets.push(bucket);
      if (severity === 'off') continue;
      if (rule.check) this.perLine.push({ rule, severity, bucket });
      if (rule.checkDocument) this.perDocument.push({ rule, severity, bucket });
    }
  }

  /** Runs the per-line rules on occurrences `[from, to)`. */
  lines(from: number, to: number): void {
    const { occurrences, context, perLine, passed } = this;
    for (let i = from; i < to; i++) {
      const o = occurrences[i];
      const byCode = passed.get(o.facts);
      const last = byCode?.get(o.code);
      if (last && last.modifiers === o.modifiers && last.confidence === o.confidence) continue;
      let found = 0;
      for (let r = 0; r < perLine.length; r++) {
        const findings = perLine[r].rule.check!(o, context);
        // The rule's own object becomes the finding (rules return fresh objects): no copy per finding.
        for (let k = 0; k < findings.length; k++) perLine[r].bucket.push(asFinding(findings[k], perLine[r].rule, perLine[r].severity));
        found += findings.length;
      }
      if (found) continue;
      if (last) {
        last.modifiers = o.modifiers;
        last.confidence = o.confidence;
      } else if (byCode) byCode.set(o.code, { modifiers: o.modifiers, confidence: o.confidence });
      else if (passed.size < MAX_FACTS_REMEMBERED) passed.set(o.facts, new Map([[o.code, { modifiers: o.modifiers, confidence: o.confidence }]]));
    }
  }

  /** Runs the document rules and returns every finding in document order. */
  finish(): Finding[] {
    for (const { rule, severity, bucket } of this.perDocument) {
      for (const f of rule.checkDocument!(this.occurrences, this.context)) bucket.push(asFinding(f, rule, severity));
    }
    forgetClaims(this.occurrences);
    const findings = ([] as Finding[]).concat(...this.buckets);
    return findings.sort(byStart);
  }
}

function asFinding(f: RuleFinding, rule: Rule, severity: Severity): Finding {
  const finding = f as Finding;
  finding.rule = rule.id;
  finding.severity = severity;
  finding.code = f.occurrence.code;
  return finding;
}
