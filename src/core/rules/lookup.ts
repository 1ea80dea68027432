/**
 * What rules ask the catalog while one check runs, remembered per code for that check. The runner
 * passes every rule one line after another, so several rules ask about the same code in a row (the
 * last code's answers are at hand: a repeat costs one string comparison); NCCI tables are asked
 * per code and kept per code for the check (the catalog builds a fresh answer on every call).
 */
import type { CodeRecord, IsoDate } from '../model';
import type { Catalog, MueValue, PtpEdit } from '../catalog/catalog';
import type { MueSetting } from '../pack/types';
import { inpatientStatus, InpatientStatus, quarterOf } from '../catalog/inpatient';
import type { RuleContext } from './types';
import { ModifierMemo } from './modifierMemo';

/** What the catalog said of one code during a check. */
interface CodeAnswers {
  record: CodeRecord | undefined;
  known: boolean;
  /** The inpatient-only status in the quarter last asked about ('' before the first question). */
  statusQuarter: string;
  status: Readonly<InpatientStatus> | undefined;
  /** Every quarter asked about, once a second one is (a claim file's dates alternate). */
  byQuarter: Map<string, Readonly<InpatientStatus> | undefined> | undefined;
}

export class CheckMemo {
  private code = '';
  private answers: CodeAnswers = { record: undefined, known: false, statusQuarter: '', status: undefined, byQuarter: undefined };
  /** Every code asked about: a document's codes come back, just not always in a row. */
  private readonly byCode = new Map<string, CodeAnswers>();
  private readonly ptp = new Map<string, PtpEdit[]>();
  private readonly mueBySetting = new Map<string, Map<string, MueValue | null>>();

  /** What the modifier rules remember (see modifierMemo.ts), made on first use. */
  private modifierMemo: ModifierMemo | undefined;

  constructor(private readonly catalog: Catalog) {}

  get modifiers(): ModifierMemo {
    return (this.modifierMemo ??= new ModifierMemo(this.catalog));
  }

  private at(code: string): CodeAnswers {
    if (code === this.code) return this.answers;
    this.code = code;
    let answers = this.byCode.get(code);
    if (!answers) {
      const record = this.catalog.record(code);
      answers = { record, known: record !== undefined || this.catalog.knows(code), statusQuarter: '', status: undefined, byQuarter: undefined };
      this.byCode.set(code, answers);
    }
    return (this.answers = answers);
  }

  record(code: string): CodeRecord | undefined {
    return this.at(code).record;
  }

  knows(code: string): boolean {
    return this.at(code).known;
  }

  /** Inpatient-only status of `code` on `date` (see `inpatientStatus`): it depends on the date's quarter only. */
  inpatientStatus(code: string, date: IsoDate): Readonly<InpatientStatus> | undefined {
    const answers = this.at(code);
    const quarter = quarterOf(date);
    if (answers.statusQuarter === quarter) return answers.status;
    if (answers.statusQuarter !== '') answers.byQuarter ??= new Map([[answers.statusQuarter, answers.status]]);
    answers.statusQuarter = quarter;
    const known = answers.byQuarter?.has(quarter);
    answers.status = known ? answers.byQuarter!.get(quarter) : answers.record && inpatientStatus(answers.record, date, this.catalog.quarters());
    if (!known) answers.byQuarter?.set(quarter, answers.status);
    return answers.status;
  }

  ptpEdits(code: string): readonly PtpEdit[] {
    let edits = this.ptp.get(code);
    if (!edits) this.ptp.set(code, (edits = this.catalog.ptpEdits(code)));
    return edits;
  }

  mue(code: string, setting?: MueSetting): MueValue | undefined {
    const key = setting ?? '';
    let byCode = this.mueBySetting.get(key);
    if (!byCode) this.mueBySetting.set(key, (byCode = new Map()));
    let value = byCode.get(code);
    if (value === undefined) byCode.set(code, (value = this.catalog.mue(code, setting) ?? null));
    return value ?? undefined;
  }
}

/** The memo of the check `context` belongs to (made on first use). */
export function memoOf(context: RuleContext): CheckMemo {
  return (context.memo ??= new CheckMemo(context.catalog));
}

/** The merged record of `code` (see `Catalog.record`). */
export function recordOf(context: RuleContext, code: string): CodeRecord | undefined {
  return memoOf(context).record(code);
}

/** Whether any loaded data knows `code` (see `Catalog.knows`). */
export function knownCode(context: RuleContext, code: string): boolean {
  return memoOf(context).knows(code);
}
