/**
 * Recognizer for X12 837 claims (837P, 837I, 837D) and 835 remittances.
 *
 * Decisions:
 * - Separators come from ISA: the element separator is ISA's fourth character, the component
 *   separator is ISA16 (`:` or `>`), the segment terminator follows it. Line breaks and indentation
 *   between segments are skipped. A file starting at GS/ST uses `*`, `:` and `~`.
 * - Codes come only from SV1-01 (837P), SV2-02 (837I), SV3-01 (837D) and SVC-01 (835)
 *   composites whose qualifier is HC or HP: `HC:99213:25`, `HC>00142>QK>QS>P1`. Components 3-6
 *   are modifiers (empty slots skipped), component 7 is a description and is ignored unless it
 *   is a two-character fifth modifier (reported so that rules can flag too many modifiers).
 * - `placeOfServiceRange` points at the SV1-05/SV3-03 or CLM05-1 text the place of service came from.
 *   Every other segment (HI diagnoses, N4 ZIP codes, REF, NM1, amounts, SVD, NTE) yields nothing.
 * - Facts: place of service from CLM05-1 (837P/837D), overridden by SV1-05 / SV3-03; bill type
 *   from CLM05-1 + CLM05-3 on 837I; date of service from DTP*472 (line, else claim), else the
 *   start of the statement period DTP*434 on 837I; units from SV1-04 / SV2-05 / SV3-06 / SVC-05;
 *   claim id from CLM01; line number from LX01.
 */
import type { CodeOccurrence, LineFacts, ModifierOccurrence } from '../model';
import { LineIndex } from '../text/lineIndex';
import { codeAt } from './cell';
import type { RecognizerData } from './plainText';
import { compactFacts, parseDate, parsePos, parseUnits } from './facts';

interface Separators {
  element: number;
  component: number;
  segment: number;
}

/** Reads the separators from ISA, or the defaults when the file starts at GS or ST. */
export function x12Separators(text: string, isaStart: number): Separators {
  if (text.startsWith('ISA', isaStart)) {
    const element = text.charCodeAt(isaStart + 3);
    let count = 0;
    let i = isaStart + 3;
    const limit = Math.min(text.length, isaStart + 200);
    while (i < limit && count < 16) {
      if (text.charCodeAt(i) === element) count++;
      i++;
    }
    if (count === 16 && i + 1 < text.length) return { element, component: text.charCodeAt(i), segment: text.charCodeAt(i + 1) };
    return { element, component: 58, segment: 126 };
  }
  return { element: 42, component: 58, segment: 126 };
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff;

/** The segments the recognizer reads; every other one is skipped to its terminator unsplit. */
const READ_SEGMENTS = new Set(['GS', 'ST', 'CLM', 'LX', 'DTP', 'SV1', 'SV2', 'SV3', 'SVC', 'SE', 'HL']);
/** Segment ids are two or three characters: longer element 0s are no segment the recognizer reads. */
const MAX_ID = 3;

export function recognizeX12(text: string, data: RecognizerData, lines = new LineIndex(text)): CodeOccurrence[] {
  void data; // in a claim's code slot a code-shaped value is reported whether known or not
  const out: CodeOccurrence[] = [];
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const sep = x12Separators(text, i);
  const starts = new Int32Array(64);
  const ends = new Int32Array(64);
  let kind: 'P' | 'I' | 'D' | '' = '';
  let claim: LineFacts = {};
  let line: { facts: LineFacts; occurrences: CodeOccurrence[] } | undefined;
  let lineNumber: number | undefined;
  let claimDate: string | undefined;
  const element = (k: number): string => (k < count ? text.slice(starts[k], ends[k]) : '');
  let count = 0;

  const segmentChar = String.fromCharCode(sep.segment);
  while (i < text.length) {
    // One segment: elements split by the element separator, up to the terminator.
    while (i < text.length && isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== sep.segment) i++;
    if (i >= text.length) break;
    if (!READ_SEGMENTS.has(segmentId(text, i, sep))) {
      // Most segments (NM1, N3, REF, HI, amounts...) yield nothing: jump to the terminator.
      const end = text.indexOf(segmentChar, i);
      i = end < 0 ? text.length + 1 : end + 1;
      continue;
    }
    count = 0;
    let s = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === sep.segment) break;
      if (c === sep.element) {
        if (count < 64) {
          starts[count] = s;
          ends[count] = i;
          count++;
        }
        s = i + 1;
      }
      i++;
    }
    if (count < 64) {
      let e = i;
      while (e > s && (text.charCodeAt(e - 1) === 10 || text.charCodeAt(e - 1) === 13)) e--;
      starts[count] = s;
      ends[count] = e;
      count++;
    }
    i++; // past the terminator
    const id = element(0);
    switch (id) {
      case 'GS':
      case 'ST': {
        const v = element(id === 'GS' ? 8 : 3);
        if (v.includes('X222')) kind = 'P';
        else if (v.includes('X223')) kind = 'I';
        else if (v.includes('X224')) kind = 'D';
        break;
      }
      case 'CLM': {
        line = undefined;
        lineNumber = undefined;
        claimDate = undefined;
        const comps = components(text, starts[5], ends[5], sep.component);
        const c1 = comps.length > 0 ? text.slice(comps[0][0], comps[0][1]) : '';
        const c3 = comps.length > 2 ? text.slice(comps[2][0], comps[2][1]) : '';
        claim = { claimId: element(1) || undefined };
        if (kind === 'I') claim.billType = c1 && c3 ? `${c1}${c3}` : c1 || undefined;
        else {
          claim.placeOfService = parsePos(c1);
          if (claim.placeOfService && comps.length) claim.placeOfServiceRange = lines.range(comps[0][0], comps[0][1]);
        }
        break;
      }
      case 'LX':
        line = undefined;
        lineNumber = parseUnits(element(1));
        break;
      case 'DTP': {
        const q = element(1);
        const date = parseDate(element(3));
        if (q === '472' && date) {
          if (line) for (const o of line.occurrences) o.facts.dateOfService = date;
          else claimDate = date;
        } else if (q === '434' && date && !claimDate) {
          claimDate = date;
        }
        break;
      }
      case 'SV1':
      case 'SV2':
      case 'SV3':
      case 'SVC': {
        const slot = id === 'SV2' ? 2 : 1;
        if (slot >= count) break;
        if (id === 'SV2' && kind === '') kind = 'I';
        const occ = procedure(text, starts[slot], ends[slot], sep.component, lines, data);
        if (!occ) {
          line = { facts: {}, occurrences: [] };
          break;
        }
        const facts: LineFacts = { ...claim, dateOfService: claimDate, lineNumber };
        if (id === 'SV1') {
          facts.units = parseUnits(element(4));
          const pos = parsePos(element(5));
          if (pos) {
            facts.placeOfService = pos;
            facts.placeOfServiceRange = lines.range(starts[5], ends[5]);
          }
        } else if (id === 'SV2') {
          facts.units = parseUnits(element(5));
        } else if (id === 'SV3') {
          const pos = parsePos(element(3));
          if (pos) {
            facts.placeOfService = pos;
            facts.placeOfServiceRange = lines.range(starts[3], ends[3]);
          }
          facts.units = parseUnits(element(6));
        } else {
          facts.units = parseUnits(element(5));
        }
        occ.facts = compactFacts(facts);
        out.push(occ);
        line = { facts: occ.facts, occurrences: [occ] };
        break;
      }
      case 'SE':
      case 'HL':
        if (id === 'SE') claim = {};
        line = undefined;
        break;
      default:
        break;
    }
  }
  return out;
}

/**
 * Element 0 of the segment at `i` when it is short enough to be a segment the recognizer reads
 * (as `element(0)` would give it), else ''. Reads at most a few characters.
 */
function segmentId(text: string, i: number, sep: Separators): string {
  let e = i;
  while (e < text.length && e - i <= MAX_ID) {
    const c = text.charCodeAt(e);
    if (c === sep.element || c === sep.segment) break;
    e++;
  }
  if (e - i > MAX_ID) return '';
  // A segment without elements: its id ends before the line break that precedes the terminator.
  while (e > i && (text.charCodeAt(e - 1) === 10 || text.charCodeAt(e - 1) === 13)) e--;
  return text.slice(i, e);
}

/**
 * The component separator an element really uses: the declared one (ISA16) when present,
 * else `:` or `>` when the element holds one (files whose ISA16 disagrees with their body).
 */
export function componentSeparator(text: string, start: number, end: number, declared: number): number {
  let other = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === declared) return declared;
    if (other < 0 && (c === 58 || c === 62)) other = c;
  }
  return other < 0 ? declared : other;
}

/** Offsets of the components of `text[start, end)`. */
function components(text: string, start: number, end: number, declared: number): [number, number][] {
  const out: [number, number][] = [];
  if (start >= end) return out;
  const sep = componentSeparator(text, start, end, declared);
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === sep) {
      out.push([s, i]);
      s = i + 1;
    }
  }
  return out;
}

/** The procedure of a composite `HC:99213:25:59`, when the qualifier says HCPCS/CPT. */
function procedure(text: string, start: number, end: number, sep: number, lines: LineIndex, data: RecognizerData): CodeOccurrence | undefined {
  const comps = components(text, start, end, sep);
  if (comps.length < 2) return undefined;
  const qualifier = text.slice(comps[0][0], comps[0][1]).trim();
  if (qualifier !== 'HC' && qualifier !== 'HP') return undefined;
  let [cs, ce] = comps[1];
  while (cs < ce && text.charCodeAt(cs) === 32) cs++;
  while (ce > cs && text.charCodeAt(ce - 1) === 32) ce--;
  const found = ce - cs === 5 ? codeAt(text, cs) : undefined;
  if (!found) {
    if (ce > cs) data.invalidValue?.(cs, ce);
    return undefined;
  }
  const modifiers: ModifierOccurrence[] = [];
  // Components 3-6 are the modifier slots; a two-character seventh (the description slot) is
  // a fifth modifier written by mistake, reported so that rules can flag it.
  for (let k = 2; k < comps.length && k < 7; k++) {
    let [ms, me] = comps[k];
    while (ms < me && text.charCodeAt(ms) === 32) ms++;
    while (me > ms && text.charCodeAt(me - 1) === 32) me--;
    if (me - ms !== 2) continue;
    modifiers.push({ code: text.slice(ms, me).toUpperCase(), range: lines.range(ms, me) });
  }
  return { range: lines.range(cs, ce), code: found.code, text: text.slice(cs, ce), system: found.system, confidence: 'context', modifiers, facts: {} };
}
