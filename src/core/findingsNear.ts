/**
 * Which findings of a document to show when there are more than a host can show. VS Code shows at
 * most 1,000 problems per file and cuts the rest by severity, whatever is on screen: in a claim
 * file with 57,000 problems, a code typed into row 100,000 got a problem that never showed. Its
 * editor also draws squiggles (and problem hovers) for the first 500 problems of a file only, in
 * the order they were handed over. So the host asks for the findings nearest the lines on screen,
 * nearest first: those on them, then outward above and below, each visible span in turn.
 */
import type { Range } from './model';
import { firstOnOrAfterLine } from './occurrenceAt';

/** Lines on screen, 0-based, both ends included. */
export interface LineSpan {
  first: number;
  last: number;
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

/** Marks up to `n` findings not yet taken, nearest to `span` first; returns their indexes in that order. */
function takeNearest<T extends { range: Range }>(findings: readonly T[], span: LineSpan, n: number, taken: Uint8Array): number[] {
  const distance = (i: number): number => {
    const line = findings[i].range.startLine;
    return line < span.first ? span.first - line : line > span.last ? line - span.last : 0;
  };
  // Below: from the first finding starting on or after the span's first line; above: before it.
  let below = firstOnOrAfterLine(findings, span.first);
  let above = below - 1;
  const marked: number[] = [];
  while (marked.length < n && (above >= 0 || below < findings.length)) {
    const next = below < findings.length && (above < 0 || distance(below) <= distance(above)) ? below++ : above--;
    if (!taken[next]) {
      taken[next] = 1;
      marked.push(next);
    }
  }
  return marked;
}
