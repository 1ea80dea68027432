/**
 * What a position in a document points at: a code, one of its modifiers or its place of service.
 * Hover asks this for every mouse move, so it must not depend on the document's size: codes are
 * found by binary search over the occurrences (they come in document order); modifiers and places
 * of service (which may lie far from their code: CLM05-1, a FHIR `modifier` array) through an index
 * of those parts built once per occurrence list.
 *
 * The answer equals a scan of the occurrences in order that checks, for each one, its modifiers,
 * then its place of service, then its code, and stops at the first range containing the position
 * (ends inclusive, as `vscode.Range.contains`).
 */
import { derivedIndex } from './derivedIndexes';
import { LoneCodeOccurrence, LoneModifier } from './recognize/loneCode';
import type { CodeOccurrence, ModifierOccurrence, Range } from './model';

export type OccurrenceHit =
  | { kind: 'code'; occurrence: CodeOccurrence; range: Range }
  | { kind: 'modifier'; occurrence: CodeOccurrence; modifier: ModifierOccurrence; range: Range }
  | { kind: 'placeOfService'; occurrence: CodeOccurrence; placeOfService: string; range: Range };

/** Where a position lies relative to a range's start: negative before, 0 at, positive after. */
function fromStart(r: Range, line: number, character: number): number {
  return line - r.startLine || character - r.startCharacter;
}

function contains(r: Extent, line: number, character: number): boolean {
  if (line < r.startLine || line > r.endLine) return false;
  if (line === r.startLine && character < r.startCharacter) return false;
  if (line === r.endLine && character > r.endCharacter) return false;
  return true;
}

/** Number of items whose range starts at or before the position (items sorted by range start). */
function countStartingAtOrBefore<T>(items: readonly T[], rangeOf: (t: T) => Range, line: number, character: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fromStart(rangeOf(items[mid]), line, character) >= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const rangeOfOccurrence = (o: { range: Range }): Range => o.range;

/** Index of the first occurrence (or finding) that starts on `line` or later (the list in document order). */
export function firstOnOrAfterLine(occurrences: readonly { range: Range }[], line: number): number {
  // Character -1 lies before every start on `line`: counted are the occurrences on earlier lines.
  return countStartingAtOrBefore(occurrences, rangeOfOccurrence, line, -1);
}

/** Index of the first occurrence (or finding) that starts at `line`:`character` or after it (the list in document order). */
export function firstAtOrAfter(occurrences: readonly { range: Range }[], line: number, character: number): number {
  return countStartingAtOrBefore(occurrences, rangeOfOccurrence, line, character - 1);
}

/**
 * The occurrence at a position (see the module comment). `occurrences` must be in document order
 * (the far parts' index is kept per array: whoever changes an array in place calls `listChanged`,
 * as CheckSession does on a row edit).
 */
export function occurrenceAt(occurrences: readonly CodeOccurrence[], line: number, character: number): OccurrenceHit | undefined {
  const code = codeAt(occurrences, line, character);
  const near = nearPartAt(occurrences, line, character);
  const far = partAt(farPartIndex(occurrences), line, character);
  const part = !far || (near && before(near, far)) ? near : far;
  // A part wins over a code of the same or a later occurrence (modifiers and POS are checked first).
  if (part && (!code || part.order <= code.index)) return hitOf(occurrences[part.order], part.slot);
  return code && { kind: 'code', occurrence: code.occurrence, range: code.occurrence.range };
}

/** The first occurrence whose code range contains the position. */
function codeAt(occurrences: readonly CodeOccurrence[], line: number, character: number): { occurrence: CodeOccurrence; index: number } | undefined {
  let found: number | undefined;
  // Code ranges are short and do not overlap, so their ends grow with their starts: walk back from
  // the last one starting at or before the position until one ends before it.
  for (let i = countStartingAtOrBefore(occurrences, (o) => o.range, line, character) - 1; i >= 0; i--) {
    const r = occurrences[i].range;
    if (contains(r, line, character)) found = i;
    else if (r.endLine < line || (r.endLine === line && r.endCharacter < character)) break;
  }
  return found === undefined ? undefined : { occurrence: occurrences[found], index: found };
}

/**
 * A modifier or place of service of the occurrence at `order`: the `slot`-th modifier, or the place
 * of service at `modifiers.length`. Their order is the order in which the scan meets them.
 */
interface PartRef {
  order: number;
  slot: number;
}

const before = (a: PartRef, b: PartRef): boolean => a.order < b.order || (a.order === b.order && a.slot < b.slot);

/**
 * Characters along its code's line within which a modifier or place of service is near its code (a
 * CSV row's cells, an X12 composite and its segment); hover finds those from the codes around the
 * position. Farther ones (CLM05-1 before a claim's lines, a FHIR modifier array on other lines)
 * are indexed once per occurrence list.
 */
const NEAR = 512;

/** Where a part or code starts and ends, without making a lone one's range. */
interface Extent {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

const extentOf = (x: { range: Range }): Extent => (x instanceof LoneModifier ? x : x.range);
const codeLine = (o: CodeOccurrence): number => (o instanceof LoneCodeOccurrence ? o.startLine : o.range.startLine);
const codeCharacter = (o: CodeOccurrence): number => (o instanceof LoneCodeOccurrence ? o.startCharacter : o.range.startCharacter);

/** Whether a part lies on its code's line, start and end within `NEAR` characters of the code's start. */
function isNear(o: CodeOccurrence, part: Extent): boolean {
  const line = codeLine(o);
  if (part.startLine !== line || part.endLine !== line) return false;
  const at = codeCharacter(o);
  return Math.abs(part.startCharacter - at) <= NEAR && Math.abs(part.endCharacter - at) <= NEAR;
}

/** The near part containing the position that the scan meets first: among the codes within `NEAR` of it on its line. */
function nearPartAt(occurrences: readonly CodeOccurrence[], line: number, character: number): PartRef | undefined {
  const to = firstAtOrAfter(occurrences, line, character + NEAR + 1);
  for (let order = firstAtOrAfter(occurrences, line, character - NEAR); order < to; order++) {
    const o = occurrences[order];
    const modifiers = o.modifiers;
    for (let slot = 0; slot < modifiers.length; slot++) {
      const m = extentOf(modifiers[slot]);
      if (isNear(o, m) && contains(m, line, character)) return { order, slot };
    }
    const pos = o.facts.placeOfServiceRange;
    if (pos && o.facts.placeOfService && isNear(o, pos) && contains(pos, line, character)) return { order, slot: modifiers.length };
  }
  return undefined;
}

/** A far part: its range, and where the scan first meets it. */
interface Part extends PartRef {
  range: Range;
}

interface PartIndex {
  parts: Part[];
  /** `maxEnd[i]`: the part among `parts[0..i]` that ends last, to know when a backward walk can stop. */
  maxEnd: Range[];
}

const indexes = derivedIndex<PartIndex>();

/**
 * The far parts of every occurrence, by where they start; a range several occurrences share (a
 * claim's CLM05-1) once, where the scan first meets it. Built again after every edit of a large
 * file (a session changes its list in place): near parts are only looked at, not kept.
 */
function farPartIndex(occurrences: readonly CodeOccurrence[]): PartIndex {
  let index = indexes.get(occurrences);
  if (index) return index;
  const parts: Part[] = [];
  let lastShared: Range | undefined;
  const shared = new Set<Range>();
  for (let order = 0; order < occurrences.length; order++) {
    const o = occurrences[order];
    const modifiers = o.modifiers;
    for (let slot = 0; slot < modifiers.length; slot++) {
      const m = modifiers[slot];
      if (!isNear(o, extentOf(m))) parts.push({ range: m.range, order, slot });
    }
    const pos = o.facts.placeOfServiceRange;
    if (!pos || !o.facts.placeOfService || pos === lastShared || isNear(o, pos) || shared.has(pos)) continue;
    parts.push({ range: pos, order, slot: modifiers.length });
    shared.add((lastShared = pos));
  }
  parts.sort(byStartThenScan);
  const maxEnd: Range[] = new Array(parts.length);
  let last: Range | undefined;
  for (let i = 0; i < parts.length; i++) {
    const r = parts[i].range;
    if (!last || r.endLine > last.endLine || (r.endLine === last.endLine && r.endCharacter > last.endCharacter)) last = r;
    maxEnd[i] = last;
  }
  index = { parts, maxEnd };
  indexes.set(occurrences, index);
  return index;
}

const byStartThenScan = (a: Part, b: Part): number =>
  a.range.startLine - b.range.startLine || a.range.startCharacter - b.range.startCharacter || a.order - b.order || a.slot - b.slot;

/** What the scan finds at the `slot`-th part of `o`. */
function hitOf(o: CodeOccurrence, slot: number): OccurrenceHit {
  const modifier = o.modifiers[slot];
  if (modifier) return { kind: 'modifier', occurrence: o, modifier, range: modifier.range };
  return { kind: 'placeOfService', occurrence: o, placeOfService: o.facts.placeOfService!, range: o.facts.placeOfServiceRange! };
}

/** The far part containing the position that the scan meets first. */
function partAt({ parts, maxEnd }: PartIndex, line: number, character: number): Part | undefined {
  let best: Part | undefined;
  for (let i = countStartingAtOrBefore(parts, (p) => p.range, line, character) - 1; i >= 0; i--) {
    const end = maxEnd[i];
    if (end.endLine < line || (end.endLine === line && end.endCharacter < character)) break; // nothing earlier reaches the position
    const p = parts[i];
    if (contains(p.range, line, character) && (!best || before(p, best))) best = p;
  }
  return best;
}
