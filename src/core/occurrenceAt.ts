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
import type { CodeOccurrence, ModifierOccurrence, Range } from './model';

export type OccurrenceHit =
  | { kind: 'code'; occurrence: CodeOccurrence; range: Range }
  | { kind: 'modifier'; occurrence: CodeOccurrence; modifier: ModifierOccurrence; range: Range }
  | { kind: 'placeOfService'; occurrence: CodeOccurrence; placeOfService: string; range: Range };

/** Where a position lies relative to a range's start: negative before, 0 at, positive after. */
function fromStart(r: Range, line: number, character: number): number {
  return line - r.startLine || character - r.startCharacter;
}

function contains(r: Range, line: number, character: number): boolean {
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
 * (the parts index is kept per array: whoever changes an array in place calls `listChanged`, as
 * CheckSession does on a row edit).
 */
export function occurrenceAt(occurrences: readonly CodeOccurrence[], line: number, character: number): OccurrenceHit | undefined {
  const code = codeAt(occurrences, line, character);
  const part = partAt(partIndex(occurrences), line, character);
  // A part wins over a code of the same or a later occurrence (modifiers and POS are checked first).
  if (part && (!code || part.order <= code.index)) return part.hit(occurrences[part.order]);
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

/** A modifier or place-of-service range, with the occurrence it belongs to and its rank in the scan. */
interface Part {
  range: Range;
  /** Index of the occurrence; with `slot`, the order in which the scan meets this part. */
  order: number;
  /** The modifier's index in `modifiers`, or `modifiers.length` for the place of service. */
  slot: number;
  hit(o: CodeOccurrence): OccurrenceHit;
}

interface PartIndex {
  parts: Part[];
  /** `maxEnd[i]`: the part among `parts[0..i]` that ends last, to know when a backward walk can stop. */
  maxEnd: Range[];
}

const indexes = derivedIndex<PartIndex>();

function partIndex(occurrences: readonly CodeOccurrence[]): PartIndex {
  let index = indexes.get(occurrences);
  if (index) return index;
  const parts: Part[] = [];
  occurrences.forEach((o, order) => {
    o.modifiers.forEach((modifier, slot) => parts.push({ range: modifier.range, order, slot, hit: (occurrence) => ({ kind: 'modifier', occurrence, modifier, range: modifier.range }) }));
    const pos = o.facts.placeOfServiceRange;
    const placeOfService = o.facts.placeOfService;
    if (pos && placeOfService) parts.push({ range: pos, order, slot: o.modifiers.length, hit: (occurrence) => ({ kind: 'placeOfService', occurrence, placeOfService, range: pos }) });
  });
  parts.sort((a, b) => fromStart(b.range, a.range.startLine, a.range.startCharacter) || a.order - b.order || a.slot - b.slot);
  const maxEnd: Range[] = [];
  for (let i = 0; i < parts.length; i++) {
    const r = parts[i].range;
    const prev = maxEnd[i - 1];
    maxEnd.push(!prev || r.endLine > prev.endLine || (r.endLine === prev.endLine && r.endCharacter > prev.endCharacter) ? r : prev);
  }
  index = { parts, maxEnd };
  indexes.set(occurrences, index);
  return index;
}

/** The part containing the position that the scan meets first. */
function partAt({ parts, maxEnd }: PartIndex, line: number, character: number): Part | undefined {
  let best: Part | undefined;
  for (let i = countStartingAtOrBefore(parts, (p) => p.range, line, character) - 1; i >= 0; i--) {
    const end = maxEnd[i];
    if (end.endLine < line || (end.endLine === line && end.endCharacter < character)) break; // nothing earlier reaches the position
    const p = parts[i];
    if (contains(p.range, line, character) && (!best || p.order < best.order || (p.order === best.order && p.slot < best.slot))) best = p;
  }
  return best;
}
