/**
 * What rules ask the catalog while one check runs, remembered for that check. The runner passes
 * every rule one line after another, so several rules ask about the same code in a row (the last
 * answer is kept: a repeat costs one string comparison); NCCI tables are asked per code and kept
 * per code for the check (the catalog builds a fresh answer on every call).
 */
import type { CodeRecord, IsoDate } from '../model';
import type { Catalog, MueValue, PtpEdit } from '../catalog/catalog';
import type { MueSetting } from '../pack/types';
import { inpatientStatus, InpatientStatus } from '../catalog/inpatient';
import type { RuleContext } from './types';
import { ModifierMemo } from './modifierMemo';

export class CheckMemo {
  private code = '';
  private codeRecord: CodeRecord | undefined;
  private codeKnown = false;
  private statusDate = '';
  private status: Readonly<InpatientStatus> | undefined;
  private readonly ptp = new Map<string, PtpEdit[]>();
  private readonly mueBySetting = new Map<string, Map<string, MueValue | null>>();

  /** What the modifier rules remember (see modifierMemo.ts), made on first use. */
  private modifierMemo: ModifierMemo | undefined;

  constructor(private readonly catalog: Catalog) {}

  get modifiers(): ModifierMemo {
    return (this.modifierMemo ??= new ModifierMemo(this.catalog));
  }

  private at(code: string): void {
    if (code === this.code) return;
    this.code = code;
    this.codeRecord = this.catalog.record(code);
    this.codeKnown = this.codeRecord !== undefined || this.catalog.knows(code);
    this.statusDate = '';
  }

  record(code: string): CodeRecord | undefined {
    this.at(code);
    return this.codeRecord;
  }

  knows(code: string): boolean {
    this.at(code);
    return this.codeKnown;
  }

  /** Inpatient-only status of `code` on `date` (see `inpatientStatus`). */
  inpatientStatus(code: string, date: IsoDate): Readonly<InpatientStatus> | undefined {
    this.at(code);
    if (this.statusDate !== date) {
      this.statusDate = date;
      this.status = this.codeRecord && inpatientStatus(this.codeRecord, date, this.catalog.quarters());
    }
    return this.status;
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
