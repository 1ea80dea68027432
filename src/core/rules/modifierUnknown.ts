/** `modifier-unknown`: a modifier that is neither a CPT modifier nor a HCPCS Level II modifier in the loaded data. */
import type { Rule } from './types';

export const modifierUnknown: Rule = {
  id: 'modifier-unknown',
  defaultSeverity: 'warning',
  title: 'Modifier is not a known CPT or HCPCS Level II modifier',
  check(occurrence, { catalog }) {
    return occurrence.modifiers
      .filter((m) => !catalog.modifier(m.code))
      .map((m) => ({
        range: m.range,
        message: `Modifier ${m.code} on ${occurrence.code} is not a CPT or HCPCS Level II modifier in the loaded data (CMS HCPCS 2025-10 modifiers and the common CPT modifiers).`,
      }));
  },
};
