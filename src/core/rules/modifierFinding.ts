/**
 * A finding about one modifier, whose quick fix (remove the modifier with its separator) is made
 * when first read. A claim file yields tens of thousands of modifier findings and a fix is read only
 * when someone asks for code actions on one of them; four objects per finding (fix list, fix, range)
 * kept for every one of them was a fifth of an 837P check, most of it in fresh memory.
 *
 * The fix is worked out at check time (which separator goes with the modifier) and stored as two
 * character offsets from the finding's range; its range is made from the finding's range when read,
 * so a finding moved by a row edit (see session.ts) gives the fix at its new place. Once read, the
 * fixes are the same objects on every read, and may be replaced.
 */
import type { CodeOccurrence, Finding, FindingFix, ModifierOccurrence, Range, Severity } from '../model';
import type { RuleContext } from './types';

export class ModifierFinding implements Finding {
  rule: string;
  severity: Severity;
  code: string;
  readonly occurrence: CodeOccurrence;
  range: Range;
  message: string;
  /** The fixes once read or set; undefined while they are still to be made. */
  private made: FindingFix[] | undefined;
  /** No fix (`NO_FIX`), or the fix's start and end as offsets from the finding's start and end characters. */
  private readonly startShift: number;
  private readonly endShift: number;
  private readonly title: string;
  private readonly safeForAll: boolean;

  constructor(rule: { id: string; defaultSeverity: Severity }, o: CodeOccurrence, m: ModifierOccurrence, message: string, title: string, context: RuleContext, safeForAll = false) {
    this.range = m.range;
    this.occurrence = o;
    this.message = message;
    this.rule = rule.id;
    this.severity = rule.defaultSeverity;
    this.code = o.code;
    this.made = undefined;
    this.title = title;
    this.safeForAll = safeForAll;
    const shifts = separatorShifts(m.range, context);
    this.startShift = shifts === undefined ? NO_FIX : shifts >> 1 ? -1 : 0;
    this.endShift = shifts === undefined ? 0 : shifts & 1;
  }

  get fixes(): FindingFix[] | undefined {
    if (this.made === undefined && this.startShift !== NO_FIX) {
      const r = this.range;
      const range = { startLine: r.startLine, startCharacter: r.startCharacter + this.startShift, endLine: r.endLine, endCharacter: r.endCharacter + this.endShift };
      this.made = [this.safeForAll ? { title: this.title, range, newText: '', safeForAll: true } : { title: this.title, range, newText: '' }];
    }
    return this.made;
  }

  set fixes(fixes: FindingFix[] | undefined) {
    this.made = fixes;
  }

  /** Whether the fixes are objects of their own yet (before that they follow the finding's range). */
  get fixesMade(): boolean {
    return this.made !== undefined || this.startShift === NO_FIX;
  }

  /** Own enumerable members, as a plain finding has them. */
  toJSON(): Finding {
    return { range: this.range, occurrence: this.occurrence, message: this.message, fixes: this.fixes, rule: this.rule, severity: this.severity, code: this.code };
  }
}

const NO_FIX = 1;

/**
 * Which separator goes with the modifier at `range` when it is removed, so that the rest stays
 * well written (`64866-22` -> `64866`, `HC:64866:22:51` -> `HC:64866:51`, `50|62` -> `62`): 2 the
 * character before it, 1 the one after it, 0 none; undefined when there is no fix (no text, a
 * modifier over two lines).
 */
function separatorShifts(range: Range, context: RuleContext): number | undefined {
  const { text, lines } = context;
  if (!text || !lines || range.startLine !== range.endLine) return undefined;
  const start = lines.offset(range.startLine, range.startCharacter);
  const end = lines.offset(range.endLine, range.endCharacter);
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  // - : > space ^ before it; | after it; | before it.
  if (before === 45 || before === 58 || before === 62 || before === 32 || before === 94) return 2;
  if (after === 124) return 1;
  if (before === 124) return 2;
  return 0;
}
