/**
 * Which findings of a document to show when there are more than a host can show. VS Code shows at
 * most 1,000 problems per file and cuts the rest by severity, whatever is on screen: in a claim
 * file with 57,000 problems, a code typed into row 100,000 got a problem that never showed. So the
 * host asks for the findings nearest the lines on screen: those on them first, then outward above
 * and below, each visible span its share of the limit.
 */
import type { Range } from './model';

/** Lines on screen, 0-based, both ends included. */
export interface LineSpan {
  first: number;
  last: number;
}

/**
 * At most `limit` of `findings` (in document order), in document order: all of them when they fit
 * (the same array), else the nearest to `spans` (none: the top of the document, where a file opens).
 */
export function findingsNear<T extends { range: Range }>(findings: readonly T[], spans: readonly LineSpan[], limit: number): readonly T[] {
  if (findings.length <= limit) return findings;
  const around = spans.length ? spans : [{ first: 0, last: 0 }];
  const taken = new Uint8Array(findings.length);
  const share = Math.max(1, Math.floor(limit / around.length));
  let count = 0;
  for (const span of around) {
    if (count >= limit) break;
    count += takeNearest(findings, span, Math.min(share, limit - count), taken);
  }
  const out: T[] = [];
  for (let i = 0; i < findings.length; i++) if (taken[i]) out.push(findings[i]);
  return out;
}

/** Marks up to `n` findings not yet taken, nearest to `span` first; returns how many it marked. */
function takeNearest<T extends { range: Range }>(findings: readonly T[], span: LineSpan, n: number, taken: Uint8Array): number {
  const distance = (i: number): number => {
    const line = findings[i].range.startLine;
    return line < span.first ? span.first - line : line > span.last ? line - span.last : 0;
  };
  // Below: from the first finding starting on or after the span's first line; above: before it.
  let below = firstStartingOnOrAfter(findings, span.first);
  let above = below - 1;
  let marked = 0;
  while (marked < n && (above >= 0 || below < findings.length)) {
    const next = below < findings.length && (above < 0 || distance(below) <= distance(above)) ? below++ : above--;
    if (!taken[next]) {
      taken[next] = 1;
      marked++;
    }
  }
  return marked;
}

function firstStartingOnOrAfter(findings: readonly { range: Range }[], line: number): number {
  let lo = 0;
  let hi = findings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (findings[mid].range.startLine < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
