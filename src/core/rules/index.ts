/** The rule set, and running it over a document's occurrences. */
import type { CodeOccurrence, Finding, Severity } from '../model';
import type { Rule, RuleContext, RuleFinding, RuleSettings } from './types';
import { inpatientOnly, inpatientOnlyOutpatient } from './inpatientOnly';
import { modifierDuplicate, modifierNotAllowed, modifierTooMany, modifierUnknown } from './modifiers';
import { mueUnits, ncciPtp } from './ncci';
import { addOnWithoutPrimary, invalidCode, deletedCode, notYetEffective, posUnknown, unknownCode } from './codes';

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
  // One bucket per rule, filled line by line (the rules ask about the same code in a row, which
  // `lookup.ts` answers from its last answer), then joined in rule order: a stable sort by range
  // then keeps the rule order among findings at one place, as a rule-by-rule run would.
  const buckets: Finding[][] = [];
  const perLine: { rule: Rule; severity: Severity; bucket: Finding[] }[] = [];
  const perDocument: typeof perLine = [];
  for (const rule of rules) {
    const severity = settings[rule.id] ?? rule.defaultSeverity;
    const bucket: Finding[] = [];
    buckets.push(bucket);
    if (severity === 'off') continue;
    if (rule.check) perLine.push({ rule, severity, bucket });
    if (rule.checkDocument) perDocument.push({ rule, severity, bucket });
  }
  for (let i = 0; i < occurrences.length; i++) {
    const o = occurrences[i];
    for (let r = 0; r < perLine.length; r++) {
      const found = perLine[r].rule.check!(o, context);
      // The rule's own object becomes the finding (rules return fresh objects): no copy per finding.
      for (let k = 0; k < found.length; k++) perLine[r].bucket.push(asFinding(found[k], perLine[r].rule, perLine[r].severity));
    }
  }
  for (const { rule, severity, bucket } of perDocument) for (const f of rule.checkDocument!(occurrences, context)) bucket.push(asFinding(f, rule, severity));
  const findings = ([] as Finding[]).concat(...buckets);
  return findings.sort((a, b) => a.range.startLine - b.range.startLine || a.range.startCharacter - b.range.startCharacter);
}

function asFinding(f: RuleFinding, rule: Rule, severity: Severity): Finding {
  const finding = f as Finding;
  finding.rule = rule.id;
  finding.severity = severity;
  finding.code = f.occurrence.code;
  return finding;
}
