/**
 * Which findings of a document to show when there are more than a host can show. VS Code shows at
 * most 1,000 problems per file and cuts the rest by severity, whatever is on screen: in a claim
 * file with 57,000 problems, a code typed into row 100,000 got a problem that never showed. Its
 * editor also draws squiggles (and problem hovers) for the first 500 problems of a file only, in
 * the order they were handed over. So the host asks for the findings nearest the lines on screen,
 * nearest first: those on them, then outward above and below, each visible span in turn.
 */
import type { Range } from './model';
import { firstAtOrAfter, firstOnOrAfterLine } from './occurrenceAt';

/** Lines on screen, 0-based, both ends included. */
export interface LineSpan {
  first: number;
  last: number;
  /**
   * The cursor, when it is on these lines. Where they hold more findings than can be shown (a file
   * written on one line, as X12 is sent: all of it is on screen), those nearest the cursor are.
   */
  focus?: { line: number; character: number };
}

/**
 * At most `limit` of `findings` (in document order): all of them when they fit (the same array, in
 * document order), else the nearest to `spans` (none: the top of the document, where a file opens),
 * nearest first, the spans taking turns.
 */
export function findingsNear<T extends { range: Range }>(findings: readonly T[], spans: readonly LineSpan[], limit: number): readonly T[] {
  if (findings.length <= limit) return findings;
  const around = spans.length ? spans : [{ first: 0, last: 0 }];
  const taken = new Uint8Array(findings.length);
  const share = Math.max(1, Math.floor(limit / around.length));
  const picked: number[][] = [];
  let count = 0;
  for (const span of around) {
    if (count >= limit) break;
    const near = takeNearest(findings, span, Math.min(share, limit - count), taken);
    picked.push(near);
    count += near.length;
  }
  const out: T[] = [];
  for (let k = 0; out.length < count; k++) for (const near of picked) if (k < near.length) out.push(findings[near[k]]);
  return out;
}

/** Lines apart that count for more than any distance along one line (16 M characters). */
const LINE_APART = 2 ** 24;

/** Marks up to `n` findings not yet taken, nearest to `span` first; returns their indexes in that order. */
function takeNearest<T extends { range: Range }>(findings: readonly T[], span: LineSpan, n: number, taken: Uint8Array): number[] {
  const first = firstOnOrAfterLine(findings, span.first);
  // More findings on screen than can be shown, and the cursor among them: nearest the cursor first,
  // along its line, then by lines from it (in a file of short lines, those on screen all fit).
  const focus = span.focus && span.focus.line >= span.first && span.focus.line <= span.last && firstOnOrAfterLine(findings, span.last + 1) - first > n ? span.focus : undefined;
  const outside = (i: number): number => {
    const line = findings[i].range.startLine;
    return line < span.first ? span.first - line : line > span.last ? line - span.last : 0;
  };
  const fromFocus = (i: number, at: { line: number; character: number }): number => {
    const { startLine, startCharacter } = findings[i].range;
    return startLine === at.line ? Math.abs(startCharacter - at.character) : Math.abs(startLine - at.line) * LINE_APART;
  };
  const nearer = (a: number, b: number): boolean => {
    const da = outside(a);
    const db = outside(b);
    return da !== db || !focus ? da <= db : fromFocus(a, focus) <= fromFocus(b, focus);
  };
  // Below: from the first finding starting on or after the span's first line (or at the cursor); above: before it.
  let below = focus ? firstAtOrAfter(findings, focus.line, focus.character) : first;
  let above = below - 1;
  const marked: number[] = [];
  while (marked.length < n && (above >= 0 || below < findings.length)) {
    const next = below < findings.length && (above < 0 || nearer(below, above)) ? below++ : above--;
    if (!taken[next]) {
      taken[next] = 1;
      marked.push(next);
    }
  }
  return marked;
}
