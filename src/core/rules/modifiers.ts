/**
 * Modifier rules: `modifier-unknown`, `modifier-duplicate`, `modifier-too-many` and
 * `modifier-not-allowed` (from the code's CMS PFS payment indicators).
 */
import { NO_FINDINGS } from './types';
import type { Rule, RuleFinding } from './types';
import { modifierVerdict } from '../codes/pfsMeaning';
import { removeModifier } from './fixes';
import { recordOf } from './lookup';

/** A claim line carries at most four modifiers (CMS-1500 24D, X12 SV1-01-3..6). */
const MAX_MODIFIERS = 4;

export const modifierUnknown: Rule = {
  id: 'modifier-unknown',
  defaultSeverity: 'warning',
  title: 'Modifier is not a known CPT or HCPCS Level II modifier',
  check(o, context) {
    if (!o.modifiers.length || o.modifiers.every((m) => context.catalog.modifier(m.code))) return NO_FINDINGS;
    return o.modifiers
      .filter((m) => !context.catalog.modifier(m.code))
      .map((m) => {
        const fix = removeModifier(m, context);
        return {
          range: m.range,
          occurrence: o,
          message: `Modifier ${m.code} on ${o.code} is not a CPT modifier or a HCPCS Level II modifier in the loaded data (CMS HCPCS 2025-10 modifiers, CPT modifiers).`,
          fixes: fix ? [fix] : undefined,
        };
      });
  },
};

export const modifierDuplicate: Rule = {
  id: 'modifier-duplicate',
  defaultSeverity: 'warning',
  title: 'The same modifier is written twice on one line',
  check(o, context) {
    if (o.modifiers.length < 2) return NO_FINDINGS;
    const seen = new Set<string>();
    const out: RuleFinding[] = [];
    for (const m of o.modifiers) {
      if (seen.has(m.code)) {
        const fix = removeModifier(m, context, `Remove the repeated modifier ${m.code}`);
        out.push({ range: m.range, occurrence: o, message: `Modifier ${m.code} is written twice on ${o.code}; payers reject repeated modifiers.`, fixes: fix && [{ ...fix, safeForAll: true }] });
      }
      seen.add(m.code);
    }
    return out;
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
    if (!o.modifiers.length) return NO_FINDINGS;
    const record = recordOf(context, o.code);
    if (!record?.pfs) return NO_FINDINGS;
    const out: RuleFinding[] = [];
    for (const m of o.modifiers) {
      const verdict = modifierVerdict(m.code, record.pfs);
      if (verdict.allowed !== false) continue;
      const fix = removeModifier(m, context);
      out.push({
        range: m.range,
        occurrence: o,
        message: `Modifier ${m.code} is not allowed on ${o.code}: ${verdict.reason} (CMS PFS ${record.pfs.release}).`,
        fixes: fix ? [fix] : undefined,
      });
    }
    return out;
  },
};
