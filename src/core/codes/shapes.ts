/**
 * Code shapes: which code set a token could belong to, judged by its characters alone.
 * Pure and allocation-free on the hot path (called once per candidate token).
 */
import type { CodeSystem } from '../model';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const HCPCS_LETTERS = 'ABCDEGHJKLMPQRSTUV';
const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/** The code system a normalized (upper-case) 5-character token has the shape of, or undefined. */
export function codeShape(code: string): CodeSystem | undefined {
  if (code.length !== 5) return undefined;
  const c0 = code.charCodeAt(0);
  if (!isDigit(code.charCodeAt(1)) || !isDigit(code.charCodeAt(2)) || !isDigit(code.charCodeAt(3))) return undefined;
  const c4 = code.charCodeAt(4);
  if (isDigit(c0)) {
    if (isDigit(c4)) return 'CPT-I';
    switch (c4) {
      case 70: return 'CPT-II'; // F
      case 84: return 'CPT-III'; // T
      case 85: return 'CPT-PLA'; // U
      case 77: return 'CPT-MAAA'; // M
      case 65: return 'CPT-I'; // A: vaccine administration codes such as 0014A
      default: return undefined;
    }
  }
  // HCPCS Level II: a letter CMS assigns (not F, I, N, O, W-Z) + four digits.
  if (isUpper(c0) && isDigit(c4) && HCPCS_LETTERS.includes(code[0])) return 'HCPCS-II';
  return undefined;
}

/** True when a normalized token has the shape of a modifier: two characters, letters or digits. */
export function isModifierShape(mod: string): boolean {
  if (mod.length !== 2) return false;
  const a = mod.charCodeAt(0);
  const b = mod.charCodeAt(1);
  return (isDigit(a) || isUpper(a)) && (isDigit(b) || isUpper(b));
}

/** Human name of a code system, as shown on the card. */
export function systemLabel(system: CodeSystem): string {
  switch (system) {
    case 'CPT-I': return 'CPT Category I';
    case 'CPT-II': return 'CPT Category II';
    case 'CPT-III': return 'CPT Category III';
    case 'CPT-PLA': return 'CPT PLA';
    case 'CPT-MAAA': return 'CPT MAAA';
    case 'HCPCS-II': return 'HCPCS Level II';
  }
}

export function isCpt(system: CodeSystem): boolean {
  return system !== 'HCPCS-II';
}
