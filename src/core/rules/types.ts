/** What a rule is: a small pure function from code occurrences to findings. */
import type { CodeOccurrence, Finding, IsoDate, Severity } from '../model';
import type { Catalog } from '../catalog/catalog';
import type { LineIndex } from '../text/lineIndex';
import type { DocumentText } from '../text/editedText';
import type { CheckMemo } from './lookup';

/** The setting to assume for lines whose document does not say inpatient or outpatient. */
export type DefaultSetting = 'unknown' | 'outpatient' | 'inpatient';

export interface RuleContext {
  catalog: Catalog;
  /** Today's date, for lines without a date of service. */
  today: IsoDate;
  /** The setting assumed where the document says nothing. */
  defaultSetting?: DefaultSetting;
  /** Local codes the workspace declares known (charge codes, payer-specific codes). */
  localCodes?: ReadonlySet<string>;
  /** Values in code slots that are not valid codes (occurrences marked `invalid`). */
  invalid?: readonly CodeOccurrence[];
  /** The document text, for rules that propose edits (a session's edited text is read in place). */
  text?: DocumentText;
  lines?: LineIndex;
  /** What the rules asked the catalog during this check (made by the first rule that asks). */
  memo?: CheckMemo;
}

/** What a rule returns; the runner adds the rule id, severity and code. */
export type RuleFinding = Omit<Finding, 'severity' | 'rule' | 'code'>;

/**
 * What `check` returns when it finds nothing: one shared frozen array, not a new one per rule and
 * occurrence (14 rules x 70,000 occurrences of empty arrays were a good part of a check's garbage).
 */
export const NO_FINDINGS = Object.freeze([]) as unknown as RuleFinding[];

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One line, for settings and docs. */
  title: string;
  /**
   * Findings about one occurrence. A pure function of the occurrence's code, confidence, modifiers
   * and facts (its range and text go only into what it reports) and of the context: the runner
   * skips a line whose code comes again with the same objects after all rules passed it.
   */
  check?(occurrence: CodeOccurrence, context: RuleContext): RuleFinding[];
  /** Findings that need the whole document (claims: codes on one claim and date). */
  checkDocument?(occurrences: readonly CodeOccurrence[], context: RuleContext): RuleFinding[];
}

/** Per-rule severity override; `off` disables the rule. */
export type RuleSettings = Record<string, Severity | 'off' | undefined>;
