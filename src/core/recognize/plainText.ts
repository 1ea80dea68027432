/**
 * Recognizer for plain text, Markdown and free text inside other documents.
 *
 * Outside a code context a five-character token is reported only when the loaded data
 * knows the code, and never when it is part of a longer number, an amount, a date, a
 * phone number, a ZIP code or an identifier. One pass over the characters (stopping at digits),
 * no regular expressions on the document text.
 *
 * FHIR Shorthand (and any text) writing a code with its system, `$CPT#99213`,
 * `$HCPCS#G0121`, `http://www.ama-assn.org/go/cpt#99213`, is a code context: the code is
 * reported even when unknown (confidence 'context').
 */
import type { CodeOccurrence, ModifierOccurrence } from '../model';
import { codeShape } from '../codes/shapes';
import { LineIndex } from '../text/lineIndex';
import { isWordChar, isDigitCode, isUpperCode, previousWord } from './chars';
import { isProcedureSystem } from './fhir';

export interface RecognizerData {
  /** Whether the loaded data knows the code. */
  knows(code: string): boolean;
  /** Whether a modifier is known (CPT or HCPCS Level II). */
  isModifier(code: string): boolean;
  /** Told of each value in a code slot that is not a valid code shape (for the `invalid-code` rule). */
  invalidValue?(start: number, end: number): void;
}

/** Words that, right before a number, say it is an identifier, an address or an amount. */
const NOT_A_CODE_BEFORE = new Set([
  'id', 'npi', 'zip', 'zipcode', 'postal', 'account', 'acct', 'claim', 'member', 'phone', 'tel', 'fax', 'license',
  'lic', 'carrier', 'tin', 'ein', 'invoice', 'box', 'suite', 'ste', 'room', 'rm', 'no', 'number', 'ref', 'mrn',
  'policy', 'group', 'order', 'batch', 'lot', 'ndc', 'icd', 'icd9', 'icd10', 'dx', 'diagnosis', 'rev', 'revenue',
  'drg', 'apc', 'usd', 'amount', 'total', 'price', 'charge', 'paid', 'balance', 'page', 'pg', 'line', 'row', 'version',
  'ver', 'v', 'year', 'fy', 'cy', 'address', 'street', 'st', 'ave', 'road', 'rd', 'blvd', 'facility', 'provider', 'taxonomy',
]);

/** Two-letter US state and territory abbreviations: `TX 78701` is a ZIP code. */
const STATES = new Set(
  ('AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD ' +
    'TN TX UT VT VA WA WV WI WY DC PR VI GU AS MP').split(' '),
);

const CUE_WORDS = new Set(['cpt', 'hcpcs', 'hcpc', 'code', 'codes', 'procedure', 'procedures', 'cpt®', 'cpt(r)']);

/**
 * Appends the occurrences in `[from, to)` to `out` (a new array by default) and returns it.
 *
 * A word is a run of letters, digits and `_` (one starts at `from` too, and where a code's
 * modifiers end); only a five-character word can be a code, and only one with a digit (every code
 * has digits in its middle three places). So the scan stops only at digits and looks at the word
 * around each: prose is mostly letters, and a charge master's descriptions are read once per check.
 */
export function recognizePlainText(text: string, data: RecognizerData, lines = new LineIndex(text), from = 0, to = text.length, out: CodeOccurrence[] = []): CodeOccurrence[] {
  // Where the word around a digit may start: the scan has looked at everything before it.
  let wordsFrom = from;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) {
      i++;
      continue;
    }
    let start = i;
    while (start > wordsFrom && isWordChar(text.charCodeAt(start - 1))) start--;
    i++;
    while (i < to && isWordChar(text.charCodeAt(i))) i++;
    wordsFrom = i;
    if (i - start !== 5) continue;
    const occurrence = recognizeToken(text, start, i, data, lines);
    if (occurrence) {
      out.push(occurrence);
      const last = occurrence.modifiers[occurrence.modifiers.length - 1];
      if (last) wordsFrom = i = lines.offset(last.range.endLine, last.range.endCharacter);
    }
  }
  return out;
}

/** Judges the token `text[start, end)` (a five-character word) in free text. */
function recognizeToken(text: string, start: number, end: number, data: RecognizerData, lines: LineIndex): CodeOccurrence | undefined {
  // Every code shape has digits in its middle three places: most words end here, unsliced.
  if (!isDigitCode(text.charCodeAt(start + 1)) || !isDigitCode(text.charCodeAt(start + 2)) || !isDigitCode(text.charCodeAt(start + 3))) return undefined;
  const token = text.slice(start, end);
  const system = codeShape(token);
  if (!system || !isUpperCode(token.charCodeAt(0)) && !isDigitCode(token.charCodeAt(0))) return undefined;
  if (start > 0 && text.charCodeAt(start - 1) === 35 && systemBeforeHash(text, start - 1) && !isWordChar(text.charCodeAt(end) || 32)) {
    return { range: lines.range(start, end), code: token, text: token, system, confidence: 'context', modifiers: [], facts: {} };
  }
  if (partOfLargerValue(text, start, end)) return undefined;
  const prev = previousWord(text, start);
  if (prev && NOT_A_CODE_BEFORE.has(prev.word.toLowerCase())) return undefined;
  if (prev && STATES.has(prev.word) && isDigitCode(token.charCodeAt(0))) return undefined;
  if (!data.knows(token)) return undefined;
  const cue = prev !== undefined && hasCueBefore(text, start);
  return {
    range: lines.range(start, end),
    code: token,
    text: token,
    system,
    confidence: cue ? 'cue' : 'known',
    modifiers: attachedModifiers(text, end, data, lines),
    facts: {},
  };
}

/** True when the token sits inside an amount, a longer number, a date, a range or an identifier. */
function partOfLargerValue(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  const before2 = start > 1 ? text.charCodeAt(start - 2) : 0;
  const after = end < text.length ? text.charCodeAt(end) : 0;
  const after2 = end + 1 < text.length ? text.charCodeAt(end + 1) : 0;
  // $64866, #64866, @64866, /64866, \64866, 64866%
  if (before === 36 || before === 35 || before === 64 || before === 47 || before === 92 || before === 37) return true;
  // 1.64866, 1-64866 (a range end or a longer hyphenated number), 12:64866. A comma is a
  // separator, not part of a number: a thousands group never has five digits.
  if ((before === 46 || before === 45 || before === 58) && isDigitCode(before2)) return true;
  // 64866.00, 64866/2
  if ((after === 46 || after === 47) && isDigitCode(after2)) return true;
  if (after === 37) return true; // 64866%
  // 64866-1234 (ZIP+4, phone), 24000-76000 (a range of strengths or codes): a hyphen and more than two characters
  if (after === 45 && isWordChar(after2)) {
    let j = end + 1;
    while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
    if (j - (end + 1) !== 2) return true;
  }
  return false;
}

/** `$CPT#`, `$HCPCS#`, `http://www.ama-assn.org/go/cpt#`: the system written before a `#` at `hash`. */
function systemBeforeHash(text: string, hash: number): boolean {
  let i = hash;
  while (i > 0 && hash - i < 120) {
    const c = text.charCodeAt(i - 1);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 61 || c === 34 || c === 40) break;
    i--;
  }
  if (i === hash) return false;
  const system = text.slice(i, hash);
  if (system.charCodeAt(0) === 36) {
    const alias = system.slice(1).toLowerCase();
    return alias === 'cpt' || alias === 'hcpcs' || alias.startsWith('cpt') || alias.startsWith('hcpcs') || alias === 'hcpc';
  }
  return isProcedureSystem(system);
}

function hasCueBefore(text: string, start: number): boolean {
  let pos = start;
  for (let n = 0; n < 3; n++) {
    const prev = previousWord(text, pos);
    if (!prev) return false;
    if (CUE_WORDS.has(prev.word.toLowerCase())) return true;
    pos = prev.start;
  }
  return false;
}

/** Modifiers written after a code: `-22`, `-22-51`, ` RT`. */
export function attachedModifiers(text: string, end: number, data: RecognizerData, lines: LineIndex): ModifierOccurrence[] {
  const mods: ModifierOccurrence[] = [];
  let i = end;
  while (mods.length < 8 && i < text.length) {
    const sep = text.charCodeAt(i);
    if (sep !== 45 && sep !== 32) break; // '-' or ' '
    const s = i + 1;
    let e = s;
    while (e < text.length && isWordChar(text.charCodeAt(e))) e++;
    if (e - s !== 2) break;
    const mod = text.slice(s, e).toUpperCase();
    // After a space only a known modifier counts: `27447 RT`, never `99213 to`.
    if (sep === 32 && (!data.isModifier(mod) || text.slice(s, e) !== mod)) break;
    if (sep === 45 && !/^[0-9A-Z]{2}$/i.test(mod)) break;
    mods.push({ code: mod, range: lines.range(s, e) });
    i = e;
  }
  return mods;
}
