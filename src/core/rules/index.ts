/** The rule set, and running it over a document's occurrences. */
import type { CodeOccurrence, Finding } from '../model';
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
  const findings: Finding[] = [];
  // The rule's own object becomes the finding (rules return fresh objects): no copy per finding.
  const emit = (rule: Rule, severity: Finding['severity'], f: RuleFinding) => {
    const finding = f as Finding;
    finding.rule = rule.id;
    finding.severity = severity;
    finding.code = f.occurrence.code;
    findings.push(finding);
  };
  for (const rule of rules) {
    const severity = settings[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    if (rule.check) for (const o of occurrences) for (const f of rule.check(o, context)) emit(rule, severity, f);
    if (rule.checkDocument) for (const f of rule.checkDocument(occurrences, context)) emit(rule, severity, f);
  }
  return findings.sort((a, b) => a.range.startLine - b.range.startLine || a.range.startCharacter - b.range.startCharacter);
}
