/** What a rule is: a small pure function from a code occurrence to findings. */
import type { CodeOccurrence, Finding, IsoDate, Severity } from '../model';
import type { Catalog } from '../catalog/catalog';

export interface RuleContext {
  catalog: Catalog;
  /** Today's date, for lines without a date of service. */
  today: IsoDate;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One line, for settings and docs. */
  title: string;
  check(occurrence: CodeOccurrence, context: RuleContext): Omit<Finding, 'severity' | 'rule' | 'occurrence' | 'code'>[];
}

/** Per-rule severity override; `off` disables the rule. */
export type RuleSettings = Record<string, Severity | 'off' | undefined>;
