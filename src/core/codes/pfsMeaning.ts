/**
 * What the CMS PFS payment indicators mean, in words, and which modifiers they allow.
 * Source: CMS PFS Relative Value File record layout (RVU file documentation).
 */
import type { PfsIndicators } from '../model';

const MULTIPLE: Record<string, string> = {
  '0': 'no multiple-procedure payment adjustment applies; modifier 51 does not apply',
  '1': 'standard multiple-procedure rules in force before 1995 apply',
  '2': 'standard multiple-procedure payment reduction applies (100%, 50%, 50%...)',
  '3': 'special rules for multiple endoscopic procedures apply',
  '4': 'special rules for diagnostic imaging apply',
  '5': 'multiple-procedure reduction of practice expense for therapy services applies',
  '6': 'multiple-procedure reduction for diagnostic cardiovascular services applies',
  '7': 'multiple-procedure reduction for diagnostic ophthalmology services applies',
  '9': 'the multiple-procedure concept does not apply',
};
const BILATERAL: Record<string, string> = {
  '0': 'the 150% bilateral adjustment does not apply; modifier 50 is not payable',
  '1': 'the 150% bilateral payment adjustment applies with modifier 50',
  '2': 'the code is already bilateral; modifier 50 does not apply',
  '3': 'each side is paid at 100%; report with modifier 50 or RT/LT',
  '9': 'the bilateral concept does not apply',
};
const ASSISTANT: Record<string, string> = {
  '0': 'an assistant at surgery is paid only with documentation of medical necessity',
  '1': 'an assistant at surgery is never paid (statutory restriction)',
  '2': 'an assistant at surgery may be paid',
  '9': 'the assistant-at-surgery concept does not apply',
};
const CO_SURGEON: Record<string, string> = {
  '0': 'co-surgeons are not permitted',
  '1': 'co-surgeons may be paid with supporting documentation',
  '2': 'co-surgeons are permitted',
  '9': 'the co-surgeon concept does not apply',
};
const TEAM: Record<string, string> = {
  '0': 'team surgeons are not permitted',
  '1': 'team surgeons may be paid with supporting documentation',
  '2': 'team surgeons are permitted',
  '9': 'the team-surgery concept does not apply',
};
const PCTC: Record<string, string> = {
  '0': 'physician service: the professional/technical split (26/TC) does not apply',
  '1': 'diagnostic test with professional (26) and technical (TC) components',
  '2': 'professional-component-only code: 26 and TC do not apply',
  '3': 'technical-component-only code: 26 and TC do not apply',
  '4': 'global-test-only code: 26 and TC do not apply',
  '5': 'incident-to service: 26 and TC do not apply',
  '6': 'laboratory physician interpretation: modifier 26 applies, TC does not',
  '7': 'physical therapy service: 26 and TC do not apply',
  '8': 'physician interpretation code: modifier 26 applies, TC does not',
  '9': 'the PC/TC concept does not apply',
};
const GLOBAL: Record<string, string> = {
  '000': '0-day global period (endoscopy or minor procedure)',
  '010': '10-day global period (minor procedure)',
  '090': '90-day global period (major surgery)',
  MMM: 'maternity global period',
  XXX: 'the global surgery concept does not apply',
  YYY: 'the carrier sets the global period',
  ZZZ: 'add-on code: within the global period of its primary procedure',
};
const STATUS: Record<string, string> = {
  A: 'active: paid under the fee schedule',
  B: 'bundled: payment is included in another service',
  C: 'carrier priced',
  D: 'deleted code',
  E: 'excluded from the fee schedule by regulation',
  F: 'deleted code, no grace period',
  G: 'not valid for Medicare: another code is used',
  H: 'deleted modifier',
  I: 'not valid for Medicare: another code is used',
  J: 'anesthesia service',
  M: 'measurement code, used for reporting only',
  N: 'non-covered service',
  P: 'bundled or excluded',
  R: 'restricted coverage',
  T: 'injection: paid only when no other service is paid on the same day',
  X: 'statutory exclusion: not a covered service',
};

const say = (table: Record<string, string>, v: string): string => table[v] ?? `indicator ${v || 'not set'}`;

export const meaning = {
  status: (v: string) => say(STATUS, v),
  globalDays: (v: string) => say(GLOBAL, v),
  pctc: (v: string) => say(PCTC, v),
  multipleProcedure: (v: string) => say(MULTIPLE, v),
  bilateral: (v: string) => say(BILATERAL, v),
  assistant: (v: string) => say(ASSISTANT, v),
  coSurgeon: (v: string) => say(CO_SURGEON, v),
  team: (v: string) => say(TEAM, v),
};

export interface ModifierVerdict {
  /** false: the indicators forbid the modifier on this code; true: they allow it; undefined: no indicator governs it. */
  allowed: boolean | undefined;
  /** The indicator and its meaning, e.g. "bilateral surgery indicator 0: ...". */
  reason?: string;
}

/** Whether the PFS indicators of a code allow a modifier. */
export function modifierVerdict(modifier: string, pfs: PfsIndicators | undefined): ModifierVerdict {
  if (!pfs) return { allowed: undefined };
  const verdict = (allowed: boolean, name: string, value: string, text: string): ModifierVerdict => ({
    allowed,
    reason: `${name} indicator ${value}: ${text}`,
  });
  switch (modifier) {
    case '50':
      return verdict(!['0', '2', '9'].includes(pfs.bilateral), 'bilateral surgery', pfs.bilateral, meaning.bilateral(pfs.bilateral));
    case '51':
      return verdict(!['0', '9'].includes(pfs.multipleProcedure), 'multiple procedure', pfs.multipleProcedure, meaning.multipleProcedure(pfs.multipleProcedure));
    case '62':
      return verdict(pfs.coSurgeon !== '0', 'co-surgeon', pfs.coSurgeon, meaning.coSurgeon(pfs.coSurgeon));
    case '66':
      return verdict(pfs.team !== '0', 'team surgery', pfs.team, meaning.team(pfs.team));
    case '80':
    case '81':
    case '82':
    case 'AS':
      return verdict(pfs.assistant !== '1', 'assistant at surgery', pfs.assistant, meaning.assistant(pfs.assistant));
    case '26':
      return verdict(['1', '6', '8'].includes(pfs.pctc), 'PC/TC', pfs.pctc, meaning.pctc(pfs.pctc));
    case 'TC':
      return verdict(pfs.pctc === '1', 'PC/TC', pfs.pctc, meaning.pctc(pfs.pctc));
    default:
      return { allowed: undefined };
  }
}
