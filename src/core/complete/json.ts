/**
 * Completion context in JSON: FHIR Claim/ExplanationOfBenefit codings and JSON keys that name
 * codes, modifiers and places of service. The cursor must be inside a string value.
 *
 * Decisions (the same as the JSON recognizer's, see `recognize/json.ts` and `recognize/fhir.ts`):
 * - A FHIR coding's `code` is a code context when its `system` is CPT or HCPCS, or when it has no
 *   system yet and sits under `productOrService`. Under `modifier` it is a modifier of the item's
 *   `productOrService` code; under `locationCodeableConcept` a place of service.
 * - Keys naming CPT/HCPCS (`cpt`, `hcpcs`, `procedureCode`) are code contexts; generic ones
 *   (`code`, `billing_code`) only with a sibling type saying CPT or HCPCS. `modifier(s)` keys give
 *   modifiers for the code of the same object; `placeOfService`/`pos` keys places of service.
 */
import { findNodeAtLocation, getLocation, Node, parseTree } from 'jsonc-parser';
import { isProcedureSystem } from '../recognize/fhir';
import { roleOf, typeAllowsCode } from '../recognize/csv/headers';
import { keyName } from '../recognize/json';
import type { CompletionContext } from './types';
import { codeShape } from '../codes/shapes';
import { lineEnd, queryMode, shifted } from './typed';

type Segment = string | number;

const GENERIC = new Set(['code', 'codes', 'billing code', 'procedure code', 'service code', 'proc code']);

/** Above this size only the objects around the cursor are parsed (`localWindow`), not the whole document. */
export const LOCAL_ABOVE = 256 * 1024;

/** How far `localWindow` scans from the cursor, each way. */
export const LOCAL_SCAN = 1024 * 1024;
/** The containers above the string at the cursor that `localWindow` looks for (a FHIR item holds its codings four levels down). */
export const LOCAL_LEVELS = 4;

export function jsonCompletionContext(text: string, offset: number, wordPrefix: string): CompletionContext | undefined {
  if (text.length <= LOCAL_ABOVE) return contextIn(text, offset, wordPrefix);
  const window = localWindow(text, offset, LOCAL_LEVELS);
  if (!window) return contextIn(text, offset, wordPrefix);
  const found = contextIn(text.slice(window.start, window.end), offset - window.start, wordPrefix);
  return shifted(found, window.start);
}

/**
 * The first object at least `levels` containers above the string at the cursor (a FHIR item holds its
 * codings four levels down), found by scanning back and forth from the cursor, skipping strings: a large
 * document is never parsed whole for one completion. Undefined when the scan finds no such container.
 */
export function localWindow(text: string, offset: number, levels: number): { start: number; end: number } | undefined {
  const limit = LOCAL_SCAN;
  let i = offset - 1;
  // The opening quote of the string at the cursor.
  while (i >= 0 && !(text.charCodeAt(i) === 34 && !escaped(text, i))) {
    if (text.charCodeAt(i) === 10) return undefined;
    i--;
  }
  if (i < 0) return undefined;
  let depth = 0;
  let seen = 0;
  let start = -1;
  for (i--; i >= 0 && offset - i < limit; i--) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip a string backwards to its opening quote (strings never span lines).
      let j = i - 1;
      while (j >= 0 && !(text.charCodeAt(j) === 34 && !escaped(text, j)) && text.charCodeAt(j) !== 10) j--;
      i = j;
    } else if (c === 125 || c === 93) {
      depth++;
    } else if (c === 123 || c === 91) {
      if (depth > 0) depth--;
      else if (++seen >= levels && c === 123) {
        start = i;
        break;
      }
    }
  }
  if (start < 0) return undefined;
  depth = 0;
  for (let k = start; k < text.length && k - start < limit; k++) {
    const c = text.charCodeAt(k);
    if (c === 34) {
      k++;
      while (k < text.length && !(text.charCodeAt(k) === 34 && !escaped(text, k)) && text.charCodeAt(k) !== 10) k++;
    } else if (c === 123 || c === 91) {
      depth++;
    } else if ((c === 125 || c === 93) && --depth === 0) {
      return { start, end: k + 1 };
    }
  }
  return undefined;
}

function escaped(text: string, at: number): boolean {
  let n = 0;
  for (let k = at - 1; k >= 0 && text.charCodeAt(k) === 92; k--) n++;
  return n % 2 === 1;
}

function contextIn(text: string, offset: number, wordPrefix: string): CompletionContext | undefined {
  const location = getLocation(text, offset);
  const node = location.previousNode;
  if (location.isAtPropertyKey || !node || node.type !== 'string') return undefined;
  const start = node.offset + 1;
  const closed = node.length >= 2 && text.charCodeAt(node.offset + node.length - 1) === 34 && node.offset + node.length - 1 <= lineEnd(text, start);
  const end = closed ? node.offset + node.length - 1 : Math.min(node.offset + node.length, lineEnd(text, start));
  if (offset < start || offset > end) return undefined;
  const path = location.path;
  const typed = text.slice(start, offset);
  const base = { documentKind: 'json' as const, range: { start, end }, before: typed };
  const what = roleAt(text, path);
  if (!what) return undefined;
  if (what.what === 'code') {
    const query = wordPrefix && typed.trimStart().startsWith(wordPrefix) ? typed.trimStart().slice(wordPrefix.length) : typed;
    const mode = queryMode(query);
    if (mode !== 'prefix' && mode !== 'words') return undefined;
    return { ...base, what: 'code', typed: query.trim(), mode };
  }
  if (what.what === 'modifier') {
    if (!/^[0-9A-Za-z]{0,2}$/.test(typed)) return undefined;
    return { ...base, what: 'modifier', typed, mode: typed ? 'prefix' : 'empty', code: what.code, written: what.written?.filter((m) => m !== text.slice(start, end).toUpperCase()) };
  }
  if (!/^\d{0,2}$/.test(typed)) return undefined;
  return { ...base, what: 'pos', typed, mode: typed ? 'prefix' : 'empty' };
}

interface Role {
  what: 'code' | 'modifier' | 'pos';
  code?: string;
  written?: string[];
}

function roleAt(text: string, path: Segment[]): Role | undefined {
  const n = path.length;
  const last = path[n - 1];
  let tree: Node | undefined;
  const nodeAt = (p: Segment[]): Node | undefined => findNodeAtLocation((tree ??= parseTree(text)) as Node, p);
  // A FHIR coding: [..., concept, 'coding', i, 'code'] or [..., concept, j, 'coding', i, 'code'].
  if (last === 'code' && path[n - 3] === 'coding' && typeof path[n - 2] === 'number') {
    const conceptAt = typeof path[n - 4] === 'number' ? n - 5 : n - 4;
    const concept = path[conceptAt];
    const system = stringProperty(nodeAt(path.slice(0, n - 1)), 'system');
    if (concept === 'modifier' || concept === 'modifiers') {
      const item = nodeAt(path.slice(0, conceptAt));
      return { what: 'modifier', code: itemCode(item), written: itemModifiers(item) };
    }
    if (concept === 'locationCodeableConcept') return { what: 'pos' };
    if (system !== undefined ? isProcedureSystem(system) : concept === 'productOrService') return { what: 'code' };
    return undefined;
  }
  const keyAt = typeof last === 'number' ? n - 2 : n - 1;
  const key = path[keyAt];
  if (typeof key !== 'string') return undefined;
  const name = keyName(key);
  const role = roleOf(name);
  const object = () => nodeAt(path.slice(0, keyAt));
  if (role === 'code') {
    if (!GENERIC.has(name)) return { what: 'code' };
    const type = siblingOfRole(object(), 'codeType');
    return type !== undefined && typeAllowsCode(type) === true ? { what: 'code' } : undefined;
  }
  if (role === 'modifier') {
    const obj = object();
    return { what: 'modifier', code: objectCode(obj), written: [] };
  }
  if (role === 'pos') return { what: 'pos' };
  return undefined;
}

function stringProperty(object: Node | undefined, key: string): string | undefined {
  const value = object?.type === 'object' ? object.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1] : undefined;
  return value?.type === 'string' ? (value.value as string) : undefined;
}

/** The value of a sibling property whose key has a role (`type`, `code_type`...). */
function siblingOfRole(object: Node | undefined, role: string): string | undefined {
  if (object?.type !== 'object') return undefined;
  for (const p of object.children ?? []) {
    const k = p.children?.[0]?.value;
    const v = p.children?.[1];
    if (typeof k === 'string' && v?.type === 'string' && roleOf(keyName(k)) === role) return v.value as string;
  }
  return undefined;
}

/** A code written under a code-naming key of the object (`{"cpt": "64866", "modifier": "2|"}`). */
function objectCode(object: Node | undefined): string | undefined {
  if (object?.type !== 'object') return undefined;
  for (const p of object.children ?? []) {
    const k = p.children?.[0]?.value;
    const v = p.children?.[1];
    if (typeof k !== 'string' || (v?.type !== 'string' && v?.type !== 'number')) continue;
    if (roleOf(keyName(k)) !== 'code') continue;
    const code = String(v.value).trim().slice(0, 5).toUpperCase();
    if (codeShape(code)) return code;
  }
  return undefined;
}

/** The CPT/HCPCS code of a FHIR item's `productOrService`. */
function itemCode(item: Node | undefined): string | undefined {
  const codings = item && findNodeAtLocation(item, ['productOrService', 'coding']);
  for (const coding of codings?.children ?? []) {
    const system = stringProperty(coding, 'system');
    const code = stringProperty(coding, 'code')?.trim().toUpperCase();
    if (code && codeShape(code) && (system === undefined || isProcedureSystem(system))) return code;
  }
  return undefined;
}

function itemModifiers(item: Node | undefined): string[] {
  const out: string[] = [];
  const concepts = item && findNodeAtLocation(item, ['modifier']);
  for (const concept of concepts?.children ?? []) {
    const codings = findNodeAtLocation(concept, ['coding']);
    for (const coding of codings?.children ?? []) {
      const code = stringProperty(coding, 'code')?.trim().toUpperCase();
      if (code && code.length === 2) out.push(code);
    }
  }
  return out;
}

