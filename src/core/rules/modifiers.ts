/**
 * Modifier rules: `modifier-unknown`, `modifier-duplicate`, `modifier-too-many` and
 * `modifier-not-allowed` (from the code's CMS PFS payment indicators). What they conclude per code
 * and modifier, and the texts of their findings, are made once per check (see modifierMemo.ts).
 */
import { NO_FINDINGS } from './types';
import type { Rule, RuleFinding } from './types';
import { modifierVerdict } from '../codes/pfsMeaning';
import { ModifierFinding } from './modifierFinding';
import { memoOf, recordOf } from './lookup';
import type { ModifierOccurrence, PfsIndicators } from '../model';

/** A claim line carries at most four modifiers (CMS-1500 24D, X12 SV1-01-3..6). */
const MAX_MODIFIERS = 4;

/**
 * The findings of the line being checked, `found[0, count)`; each line gets an exact-size copy (a
 * list grown by push keeps room for 17). The scratch list is never emptied by `length = 0`, which
 * drops its storage.
 */
const found: (RuleFinding | undefined)[] = [];
let count = 0;

function handOut(): RuleFinding[] {
  if (!count) return NO_FINDINGS;
  const out = found.slice(0, count) as RuleFinding[];
  // Let go of them: the scratch list outlives the check.
  for (let i = 0; i < count; i++) found[i] = undefined;
  count = 0;
  return out;
}

export const modifierUnknown: Rule = {
  id: 'modifier-unknown',
  defaultSeverity: 'warning',
  title: 'Modifier is not a known CPT or HCPCS Level II modifier',
  check(o, context) {
    const modifiers = o.modifiers;
    if (!modifiers.length) return NO_FINDINGS;
    const memo = memoOf(context).modifiers;
    count = 0;
    for (let i = 0; i < modifiers.length; i++) {
      const m = modifiers[i];
      if (memo.isKnown(m.code)) continue;
      found[count++] = new ModifierFinding(modifierUnknown, o, m, memo.unknownMessages.get(o.code, m.code, unknownText, undefined), memo.titles.get(REMOVE, m.code, join, undefined), context);
    }
    return handOut();
  },
};

const REMOVE = 'Remove modifier ';
const REMOVE_REPEATED = 'Remove the repeated modifier ';
const join = (a: string, b: string): string => `${a}${b}`;
const unknownText = (code: string, modifier: string): string =>
  `Modifier ${modifier} on ${code} is not a CPT modifier or a HCPCS Level II modifier in the loaded data (CMS HCPCS 2025-10 modifiers, CPT modifiers).`;
const duplicateText = (code: string, modifier: string): string => `Modifier ${modifier} is written twice on ${code}; payers reject repeated modifiers.`;

/** Whether a modifier before `modifiers[i]` has its code (short lists: no set per line). */
function writtenBefore(modifiers: readonly ModifierOccurrence[], i: number, seen: Set<string> | undefined): boolean {
  if (seen) return seen.has(modifiers[i].code);
  for (let j = 0; j < i; j++) if (modifiers[j].code === modifiers[i].code) return true;
  return false;
}

export const modifierDuplicate: Rule = {
  id: 'modifier-duplicate',
  defaultSeverity: 'warning',
  title: 'The same modifier is written twice on one line',
  check(o, context) {
    const modifiers = o.modifiers;
    if (modifiers.length < 2) return NO_FINDINGS;
    const seen = modifiers.length > 8 ? new Set<string>() : undefined;
    count = 0;
    for (let i = 0; i < modifiers.length; i++) {
      const m = modifiers[i];
      if (writtenBefore(modifiers, i, seen)) {
        const memo = memoOf(context).modifiers;
        found[count++] = new ModifierFinding(modifierDuplicate, o, m, memo.duplicateMessages.get(o.code, m.code, duplicateText, undefined), memo.titles.get(REMOVE_REPEATED, m.code, join, undefined), context, true);
      }
      seen?.add(m.code);
    }
    return handOut();
  },
};

export const modifierTooMany: Rule = {
  id: 'modifier-too-many',
  defaultSeverity: 'error',
  title: 'More than four modifiers on one line',
  check(o) {
    if (o.modifiers.length <= MAX_MODIFIERS) return NO_FINDINGS;
    const extra = o.modifiers.slice(MAX_MODIFIERS);
    return [
      {
        range: { ...extra[0].range, endLine: extra[extra.length - 1].range.endLine, endCharacter: extra[extra.length - 1].range.endCharacter },
        occurrence: o,
        message: `${o.code} carries ${o.modifiers.length} modifiers; a claim line has room for ${MAX_MODIFIERS} (CMS-1500 item 24D, X12 SV1-01): ${extra.map((m) => m.code).join(', ')} will be dropped or the line rejected.`,
      },
    ];
  },
};

export const modifierNotAllowed: Rule = {
  id: 'modifier-not-allowed',
  defaultSeverity: 'warning',
  title: "Modifier forbidden by the code's CMS PFS payment indicators",
  check(o, context) {
    const modifiers = o.modifiers;
    if (!modifiers.length) return NO_FINDINGS;
    const pfs = recordOf(context, o.code)?.pfs;
    if (!pfs) return NO_FINDINGS;
    // The verdict depends on the code's indicators and the modifier only: one per pair in a check.
    const memo = memoOf(context).modifiers;
    count = 0;
    for (let i = 0; i < modifiers.length; i++) {
      const m = modifiers[i];
      const message = memo.notAllowedMessages.get(o.code, m.code, notAllowedText, pfs);
      if (!message) continue;
      found[count++] = new ModifierFinding(modifierNotAllowed, o, m, message, memo.titles.get(REMOVE, m.code, join, undefined), context);
    }
    return handOut();
  },
};

/** The message of a modifier the indicators forbid, '' when they do not. */
function notAllowedText(code: string, modifier: string, pfs: PfsIndicators): string {
  const verdict = modifierVerdict(modifier, pfs);
  return verdict.allowed !== false ? '' : `Modifier ${modifier} is not allowed on ${code}: ${verdict.reason} (CMS PFS ${pfs.release}).`;
}
