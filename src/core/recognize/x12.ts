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
 * - ISA, GS, ST and SE end the service line and the claim being read (its date and line number
 *   too), HL the service line: a DTP after them is not the last line's date, and nothing of the
 *   claim carries over (a check session bounds a claim there too).
 */
import type { CodeOccurrence, IsoDate, ModifierOccurrence } from '../model';
import type { LineIndex } from '../text/lineIndex';
import type { RecognizerData } from './plainText';
import type { DocumentReader } from './reader';
import { LineCursor } from '../text/lineCursor';
import { ClaimFacts, NO_CLAIM, ServiceLineFacts, serviceLineFacts } from './x12/lineFacts';
import { LoneCodeOccurrence, LoneModifier, NO_MODIFIERS } from './loneCode';
import { dateAt, modifierAt, placeOfServiceAt, unitsAt, WrittenCode, writtenCodeAt } from './x12/values';

export interface Separators {
  element: number;
  component: number;
  segment: number;
}

/** The transaction a segment belongs to as far as the reader knows: 837P, 837I, 837D, or not yet known. */
export type X12Kind = 'P' | 'I' | 'D' | '';

/** Where the reader's idea of the transaction changed: at a GS, an ST, or the first SV2 of a file without them. */
export interface KindChange {
  line: number;
  /** Where the segment that made it starts (a check session moves it with the edits before it). */
  offset: number;
  kind: X12Kind;
}

/** What a reader of part of a file starts from: the file's separators and the transaction there. */
export interface X12Start {
  separators: Separators;
  kind: X12Kind;
}

/** The elements of GS and ST that name the implementation (`005010X222A1`). */
export const GS_VERSION = 8;
export const ST_VERSION = 3;

/**
 * The transaction a GS08 or ST03 version names (`005010X222A1`: 837P), or '' when it names none
 * the reader knows (the one in force then stays).
 */
export function transactionOf(version: string): X12Kind {
  if (version.includes('X222')) return 'P';
  if (version.includes('X223')) return 'I';
  if (version.includes('X224')) return 'D';
  return '';
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
const isLineBreak = (c: number): boolean => c === 10 || c === 13;

/** The segments the recognizer reads (element 0, exactly); every other one is skipped to its terminator unsplit. */
const enum Segment { None, GS, ST, CLM, LX, DTP, SV1, SV2, SV3, SVC, SE, HL, ISA }
/** How many elements of each segment are read (0 to the highest element used); the rest is not split. */
const ELEMENTS_READ: readonly number[] = [0, 9, 4, 6, 2, 4, 6, 6, 7, 6, 1, 1, 1];
/** Modifier slots end at component 7; components past it are never read. */
const COMPONENTS_READ = 7;

/**
 * Reads an X12 file segment by segment, as far as it is asked to (`read`), and again from there
 * on the next call: a host reads a large claim file in slices with a pause in between, and the
 * occurrences are those one reading of the whole file gives.
 */
export class X12Reader implements DocumentReader {
  /** Occurrences so far, in segment order. */
  private readonly out: CodeOccurrence[] = [];
  /** Where the next segment starts (or the spaces before it). */
  private at: number;
  private readonly sep: Separators;
  private readonly cursor: LineCursor;
  private readonly starts = new Int32Array(16);
  private readonly ends = new Int32Array(16);
  private readonly comps = new Components();
  private readonly line: ServiceLine;
  private kind: X12Kind = '';
  private claim = NO_CLAIM;
  private lineNumber: number | undefined;
  private claimDate: string | undefined;
  /** Every change of `kind`, by the segment that made it (a check session re-reads one claim from them). */
  readonly kindChanges: KindChange[] = [];

  /**
   * A reader of `text` from its start. `start`: `text` is part of a file (a claim a check session
   * reads again), read with the file's separators and from the transaction in force there.
   */
  constructor(private readonly text: string, private readonly data: RecognizerData, lines: LineIndex, start?: X12Start) {
    let i = 0;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    this.sep = start ? start.separators : x12Separators(text, i);
    if (start) this.kind = start.kind;
    this.at = i;
    this.cursor = new LineCursor(lines);
    this.line = new ServiceLine(this.out);
  }

  /** The separators the file uses. */
  get separators(): Separators {
    return this.sep;
  }

  /** Whether every segment has been read. */
  get done(): boolean {
    return this.at >= this.text.length;
  }

  /** Reads the segments that start before `until` (whole segments: the last one may end past it). */
  read(until: number): void {
    const { text, sep, cursor, starts, ends, comps, line, data } = this;
    const n = text.length;
    const elementSep = sep.element;
    const segmentSep = sep.segment;
    const segmentChar = String.fromCharCode(segmentSep);
    let { kind, claim, lineNumber, claimDate } = this;
    let count = 0;
    let i = this.at;
    const stop = Math.min(until, n);

    while (i < stop) {
      let c = text.charCodeAt(i);
      // Indentation is most of a pretty-printed file: no bound test per character (past the end
      // charCodeAt is NaN, which is no space).
      while (isSpace(c) && c !== segmentSep) c = text.charCodeAt(++i);
      if (i >= n) break;
      const id = segmentAt(text, i, elementSep, segmentSep);
      if (id === Segment.None) {
        // Most segments (NM1, N3, REF, HI, amounts...) yield nothing: jump to the terminator.
        const end = text.indexOf(segmentChar, i);
        i = end < 0 ? n + 1 : end + 1;
        continue;
      }
      const segmentStart = i;
      const kindBefore = kind;
      // The elements read: split by the element separator, up to the terminator; the last one
      // split ends before the line break that precedes the terminator.
      const wanted = ELEMENTS_READ[id];
      count = 0;
      let s = i;
      for (;;) {
        if (i >= n || (c = text.charCodeAt(i)) === segmentSep) {
          let e = i;
          while (e > s && isLineBreak(text.charCodeAt(e - 1))) e--;
          starts[count] = s;
          ends[count] = e;
          count++;
          i++; // past the terminator
          break;
        }
        if (c === elementSep) {
          starts[count] = s;
          ends[count] = i;
          if (++count === wanted) {
            const end = text.indexOf(segmentChar, i);
            i = end < 0 ? n + 1 : end + 1;
            break;
          }
          s = i + 1;
        }
        i++;
      }
      switch (id) {
        case Segment.ISA:
        case Segment.GS:
        case Segment.ST:
        case Segment.SE: {
          // An interchange, a group or a transaction starts or ends: no service line or claim runs
          // on past it, with its date and line number (a DTP after it is not the last line's date),
          // as the check session bounds claims.
          line.end();
          claim = NO_CLAIM;
          claimDate = undefined;
          lineNumber = undefined;
          if (id !== Segment.GS && id !== Segment.ST) break;
          const k = id === Segment.GS ? GS_VERSION : ST_VERSION;
          const named = transactionOf(k < count ? text.slice(starts[k], ends[k]) : '');
          if (named) kind = named;
          break;
        }
        case Segment.CLM: {
          line.end();
          lineNumber = undefined;
          claimDate = undefined;
          const n5 = count > 5 ? comps.split(text, starts[5], ends[5], sep.component) : 0;
          const claimId = (count > 1 && text.slice(starts[1], ends[1])) || undefined;
          if (kind === 'I') {
            const c1 = n5 > 0 ? comps.text(text, 0) : '';
            const c3 = n5 > 2 ? comps.text(text, 2) : '';
            claim = { shape: 'bill', claimId, billType: c1 && c3 ? `${c1}${c3}` : c1 || undefined };
          } else {
            const pos = n5 > 0 ? placeOfServiceAt(text, comps.starts[0], comps.ends[0]) : undefined;
            claim = { shape: 'pos', claimId, placeOfService: pos, placeOfServiceRange: pos ? cursor.range(comps.starts[0], comps.ends[0]) : undefined };
          }
          break;
        }
        case Segment.LX:
          line.end();
          lineNumber = count > 1 ? unitsAt(text, starts[1], ends[1]) : undefined;
          break;
        case Segment.DTP: {
          const q = count > 1 ? qualifierAt(text, starts[1], ends[1]) : 0;
          if (q === 0) break;
          const date = count > 3 ? dateAt(text, starts[3], ends[3]) : undefined;
          if (q === 472 && date) {
            if (line.state === LineState.Open) line.facts.lineDate = date;
            else if (line.state === LineState.None) claimDate = date;
          } else if (q === 434 && date && !claimDate) {
            claimDate = date;
          }
          break;
        }
        case Segment.SV1:
        case Segment.SV2:
        case Segment.SV3:
        case Segment.SVC: {
          const slot = id === Segment.SV2 ? 2 : 1;
          if (slot >= count) break;
          line.end();
          if (id === Segment.SV2 && kind === '') kind = 'I';
          if (!procedure(text, starts[slot], ends[slot], sep.component, comps, cursor, data, line)) {
            line.state = LineState.Empty;
            break;
          }
          const facts = line.open(claim, claimDate, lineNumber, id === Segment.SV3);
          // Units and place of service: SV1-04/05, SV2-05, SV3-06/03, SVC-05.
          const unitsSlot = id === Segment.SV1 ? 4 : id === Segment.SV3 ? 6 : 5;
          facts.units = unitsSlot < count ? unitsAt(text, starts[unitsSlot], ends[unitsSlot]) : undefined;
          const posSlot = id === Segment.SV1 ? 5 : id === Segment.SV3 ? 3 : 0;
          if (posSlot && posSlot < count) {
            const pos = placeOfServiceAt(text, starts[posSlot], ends[posSlot]);
            if (pos) {
              facts.placeOfService = pos;
              facts.placeOfServiceRange = cursor.range(starts[posSlot], ends[posSlot]);
            }
          }
          break;
        }
        case Segment.HL:
          line.end();
          break;
        default:
          break;
      }
      if (kind !== kindBefore) this.kindChanges.push({ line: cursor.lineOf(segmentStart), offset: segmentStart, kind });
    }
    this.at = Math.min(i, n);
    this.kind = kind;
    this.claim = claim;
    this.lineNumber = lineNumber;
    this.claimDate = claimDate;
  }

  /** Ends the last service line and returns every occurrence (call once every segment is read). */
  finish(): CodeOccurrence[] {
    this.line.end();
    return this.out;
  }
}

const enum LineState { None, Empty, Open }

/**
 * The service line being read: none (after LX, CLM, HL, SE), one whose SV held no procedure, or
 * one whose occurrence waits for the line's end (its DTP*472 follows the SV): the occurrence is
 * made then, with its facts, and added to `out`.
 */
class ServiceLine {
  state = LineState.None;
  /** The procedure of the open line, set by `procedure` before `open`. */
  code: WrittenCode | undefined;
  /** Where the procedure code starts (its range is made when first read: see `LoneCodeOccurrence`). */
  codeLine = 0;
  codeCharacter = 0;
  modifiers: ModifierOccurrence[] = NO_MODIFIERS;
  readonly facts: ServiceLineFacts = {
    claim: NO_CLAIM, claimDate: undefined, lineDate: undefined, lineNumber: undefined, units: undefined,
    placeOfService: undefined, placeOfServiceRange: undefined, placeOfServiceFirst: false,
  };

  constructor(private readonly out: CodeOccurrence[]) {}

  open(claim: ClaimFacts, claimDate: IsoDate | undefined, lineNumber: number | undefined, placeOfServiceFirst: boolean): ServiceLineFacts {
    this.state = LineState.Open;
    const f = this.facts;
    f.claim = claim;
    f.claimDate = claimDate;
    f.lineDate = undefined;
    f.lineNumber = lineNumber;
    f.units = undefined;
    f.placeOfService = undefined;
    f.placeOfServiceRange = undefined;
    f.placeOfServiceFirst = placeOfServiceFirst;
    return f;
  }

  end(): void {
    if (this.state === LineState.Open) {
      const code = this.code!;
      const facts = serviceLineFacts(this.facts);
      this.out.push(new LoneCodeOccurrence(this.codeLine, this.codeCharacter, code, facts, this.modifiers === NO_MODIFIERS ? undefined : this.modifiers));
    }
    this.state = LineState.None;
  }
}

/**
 * The segment read at `i` when element 0 is exactly one of the ids the recognizer reads, else 0.
 * Element 0 of a segment without elements ends before the line break preceding the terminator.
 * Reads at most a few characters.
 */
function segmentAt(text: string, i: number, elementSep: number, segmentSep: number): Segment {
  let e = i;
  while (e < text.length && e - i <= 3) {
    const c = text.charCodeAt(e);
    if (c === elementSep || c === segmentSep) break;
    e++;
  }
  if (e - i > 3) return Segment.None;
  if (!(e < text.length && text.charCodeAt(e) === elementSep && elementSep !== segmentSep)) {
    while (e > i && isLineBreak(text.charCodeAt(e - 1))) e--;
  }
  const c0 = text.charCodeAt(i);
  const c1 = text.charCodeAt(i + 1);
  if (e - i === 2) {
    if (c0 === 83) return c1 === 84 ? Segment.ST : c1 === 69 ? Segment.SE : Segment.None; // ST SE
    if (c0 === 71) return c1 === 83 ? Segment.GS : Segment.None;
    if (c0 === 76) return c1 === 88 ? Segment.LX : Segment.None;
    if (c0 === 72) return c1 === 76 ? Segment.HL : Segment.None;
    return Segment.None;
  }
  if (e - i !== 3) return Segment.None;
  const c2 = text.charCodeAt(i + 2);
  if (c0 === 83 && c1 === 86) return c2 === 49 ? Segment.SV1 : c2 === 50 ? Segment.SV2 : c2 === 51 ? Segment.SV3 : c2 === 67 ? Segment.SVC : Segment.None; // SV1 SV2 SV3 SVC
  if (c0 === 68) return c1 === 84 && c2 === 80 ? Segment.DTP : Segment.None; // DTP
  if (c0 === 73) return c1 === 83 && c2 === 65 ? Segment.ISA : Segment.None; // ISA
  if (c0 === 67) return c1 === 76 && c2 === 77 ? Segment.CLM : Segment.None; // CLM
  return Segment.None;
}

/**
 * What the segment starting at `i` is to the reader: `none` (a segment it skips: NM1, REF, HI...),
 * `claim` (CLM, LX, DTP, SV1, SV2, SV3, SVC: what a claim's occurrences are read from) or
 * `structure` (ISA: the separators; GS, ST, SE, HL: they set or end the transaction, a claim or a
 * service line).
 */
export function segmentRole(text: string, i: number, sep: Separators): 'none' | 'claim' | 'structure' {
  if (text.startsWith('ISA', i)) return 'structure'; // the separators
  switch (segmentAt(text, i, sep.element, sep.segment)) {
    case Segment.None: return 'none';
    case Segment.ISA: case Segment.GS: case Segment.ST: case Segment.SE: case Segment.HL: return 'structure';
    default: return 'claim';
  }
}

/** DTP01 when it is `472` (date of service) or `434` (statement period), else 0. */
function qualifierAt(text: string, start: number, end: number): number {
  if (end - start !== 3 || text.charCodeAt(start) !== 52) return 0;
  const b = text.charCodeAt(start + 1);
  const c = text.charCodeAt(start + 2);
  if (b === 55 && c === 50) return 472;
  if (b === 51 && c === 52) return 434;
  return 0;
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

/** Offsets of the first components of an element, in buffers reused from element to element. */
class Components {
  readonly starts = new Int32Array(COMPONENTS_READ);
  readonly ends = new Int32Array(COMPONENTS_READ);

  /** Splits `text[start, end)`; returns how many components it has (offsets kept for the first seven). */
  split(text: string, start: number, end: number, declared: number): number {
    if (start >= end) return 0;
    // The declared separator right after a two-letter qualifier (`HC:`) settles it without a scan.
    const sep = start + 2 < end && text.charCodeAt(start + 2) === declared ? declared : componentSeparator(text, start, end, declared);
    let count = 0;
    let s = start;
    for (let i = start; i <= end; i++) {
      if (i === end || text.charCodeAt(i) === sep) {
        if (count < COMPONENTS_READ) {
          this.starts[count] = s;
          this.ends[count] = i;
        }
        count++;
        s = i + 1;
      }
    }
    return count;
  }

  text(text: string, k: number): string {
    return text.slice(this.starts[k], this.ends[k]);
  }
}

/**
 * Scratch list of a line's modifiers, `[0, modifierCount)`; each line keeps an exact-size copy.
 * Never emptied by `length = 0`, which drops its storage (a new one per line with modifiers).
 */
const modifierScratch: (ModifierOccurrence | undefined)[] = [];
let modifierCount = 0;

/**
 * The procedure of a composite `HC:99213:25:59`, when the qualifier says HCPCS/CPT: its code,
 * range and modifiers go to `line`; false when there is none.
 */
function procedure(text: string, start: number, end: number, declared: number, comps: Components, cursor: LineCursor, data: RecognizerData, line: ServiceLine): boolean {
  const count = comps.split(text, start, end, declared);
  if (count < 2) return false;
  if (!isProcedureQualifier(text, comps.starts[0], comps.ends[0])) return false;
  let cs = comps.starts[1];
  let ce = comps.ends[1];
  while (cs < ce && text.charCodeAt(cs) === 32) cs++;
  while (ce > cs && text.charCodeAt(ce - 1) === 32) ce--;
  const found = ce - cs === 5 ? writtenCodeAt(text, cs) : undefined;
  if (!found) {
    if (ce > cs) data.invalidValue?.(cs, ce);
    return false;
  }
  line.code = found;
  line.codeLine = cursor.lineOf(cs);
  line.codeCharacter = cursor.characterOf(cs);
  modifierCount = 0;
  // Components 3-6 are the modifier slots; a two-character seventh (the description slot) is
  // a fifth modifier written by mistake, reported so that rules can flag it.
  for (let k = 2; k < count && k < 7; k++) {
    let ms = comps.starts[k];
    let me = comps.ends[k];
    while (ms < me && text.charCodeAt(ms) === 32) ms++;
    while (me > ms && text.charCodeAt(me - 1) === 32) me--;
    if (me - ms !== 2) continue;
    modifierScratch[modifierCount++] = new LoneModifier(modifierAt(text, ms), cursor.lineOf(ms), cursor.characterOf(ms));
  }
  line.modifiers = modifierCount ? (modifierScratch.slice(0, modifierCount) as ModifierOccurrence[]) : NO_MODIFIERS;
  // Let go of them: the scratch list outlives the document.
  for (let k = 0; k < modifierCount; k++) modifierScratch[k] = undefined;
  return true;
}

/** `HC` (HCPCS) or `HP` (HIPPS), spaces around allowed. */
function isProcedureQualifier(text: string, start: number, end: number): boolean {
  if (end - start === 2 && text.charCodeAt(start) === 72) {
    const b = text.charCodeAt(start + 1);
    if (b === 67 || b === 80) return true;
  }
  const q = text.slice(start, end).trim();
  return q === 'HC' || q === 'HP';
}
