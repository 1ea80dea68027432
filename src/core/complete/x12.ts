/**
 * Completion context in X12 837 claims: the segment, element and component at the cursor.
 *
 * Decisions:
 * - Codes in SV1-01 (837P), SV2-02 (837I), SV3-01 (837D) after the `HC`/`HP` qualifier
 *   (`SV1*HC:6486|`); modifiers in components 3-6 of the same composite (`HC:64866:|`), for the
 *   code in component 2; places of service in CLM05-1 (not on an 837I, where it is the facility
 *   type of the bill type), SV1-05 and SV3-03.
 * - Separators come from ISA (`x12Separators`); a segment ends at its terminator or, while it is
 *   being typed, at the end of the line.
 */
import { componentSeparator, x12Separators } from '../recognize/x12';
import type { CompletionContext } from './types';
import { codeShape } from '../codes/shapes';
import { lineEnd, lineStart, queryMode } from './typed';

export function x12CompletionContext(text: string, offset: number, wordPrefix: string): CompletionContext | undefined {
  let first = 0;
  while (first < text.length && isSpace(text.charCodeAt(first))) first++;
  const sep = x12Separators(text, first);
  // The segment around the cursor, on the cursor's line.
  let start = Math.max(lineStart(text, offset), text.lastIndexOf(String.fromCharCode(sep.segment), offset - 1) + 1);
  while (start < offset && isSpace(text.charCodeAt(start))) start++;
  let end = text.indexOf(String.fromCharCode(sep.segment), offset);
  const eol = lineEnd(text, offset);
  if (end < 0 || end > eol) end = eol;
  // Elements, and the one holding the cursor.
  const bounds: [number, number][] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === sep.element) {
      bounds.push([s, i]);
      s = i + 1;
    }
  }
  const element = bounds.findIndex(([a, b]) => offset >= a && offset <= b);
  if (element <= 0) return undefined;
  const id = text.slice(bounds[0][0], bounds[0][1]).trim();
  const [es, ee] = bounds[element];
  const component = componentSeparator(text, es, ee, sep.component);
  const comps: [number, number][] = [];
  let cs = es;
  for (let i = es; i <= ee; i++) {
    if (i === ee || text.charCodeAt(i) === component) {
      comps.push([cs, i]);
      cs = i + 1;
    }
  }
  const ci = comps.findIndex(([a, b]) => offset >= a && offset <= b);
  if (ci < 0) return undefined;
  const [from, to] = comps[ci];
  const typed = text.slice(from, offset);
  const base = { documentKind: 'x12' as const, range: { start: from, end: to }, before: typed };
  const composite = (id === 'SV1' && element === 1) || (id === 'SV2' && element === 2) || (id === 'SV3' && element === 1);
  if (composite && ci >= 1) {
    const qualifier = text.slice(comps[0][0], comps[0][1]).trim().toUpperCase();
    if (qualifier !== 'HC' && qualifier !== 'HP') return undefined;
    if (ci === 1) {
      const query = wordPrefix && typed.trimStart().startsWith(wordPrefix) ? typed.trimStart().slice(wordPrefix.length) : typed;
      const mode = queryMode(query);
      if (mode !== 'prefix' && mode !== 'words') return undefined;
      return { ...base, what: 'code', typed: query.trim(), mode };
    }
    if (ci > 5 || typed.length > 2 || !/^[0-9A-Za-z]*$/.test(typed)) return undefined;
    const code = text.slice(comps[1][0], comps[1][1]).trim().toUpperCase();
    const written: string[] = [];
    for (let k = 2; k < comps.length && k < 6; k++) {
      const m = text.slice(comps[k][0], comps[k][1]).trim().toUpperCase();
      if (k !== ci && m.length === 2) written.push(m);
    }
    return { ...base, what: 'modifier', typed, mode: typed ? 'prefix' : 'empty', code: codeShape(code) ? code : undefined, written };
  }
  const claimPos = id === 'CLM' && element === 5 && ci === 0 && !isInstitutional(text, offset);
  const linePos = ((id === 'SV1' && element === 5) || (id === 'SV3' && element === 3)) && comps.length === 1;
  if ((claimPos || linePos) && /^\d{0,2}$/.test(typed)) {
    return { ...base, what: 'pos', typed, mode: typed ? 'prefix' : 'empty' };
  }
  return undefined;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff;


/** An 837I transaction (implementation guide X223) around the cursor. */
function isInstitutional(text: string, offset: number): boolean {
  const at = text.lastIndexOf('005010X22', offset);
  return at >= 0 && text.charCodeAt(at + 9) === 51; // X223
}

