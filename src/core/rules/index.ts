/** The rule set, and running it over a document's occurrences. */
import type { CodeOccurrence, Finding } from '../model';
import type { Rule, RuleContext, RuleSettings } from './types';
import { inpatientOnly } from './inpatientOnly';
import { modifierUnknown } from './modifierUnknown';

export const RULES: readonly Rule[] = [inpatientOnly, modifierUnknown];

export function runRules(occurrences: readonly CodeOccurrence[], context: RuleContext, settings: RuleSettings = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = settings[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    for (const occurrence of occurrences) {
      for (const f of rule.check(occurrence, context)) {
        findings.push({ ...f, rule: rule.id, severity, code: occurrence.code, occurrence });
      }
    }
  }
  return findings.sort((a, b) => a.range.startLine - b.range.startLine || a.range.startCharacter - b.range.startCharacter);
}
