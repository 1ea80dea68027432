/** Edits rules propose, computed from the document text so separators stay consistent. */
import type { CodeOccurrence, FindingFix, Range } from '../model';

export function replaceCode(o: CodeOccurrence, by: string): FindingFix {
  return { title: `Replace ${o.code} with ${by}`, range: o.range, newText: by, safeForAll: false };
}

export function replaceRange(range: Range, newText: string, title: string): FindingFix {
  return { title, range, newText };
}
