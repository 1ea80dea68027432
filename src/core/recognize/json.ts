/**
 * Recognizer for JSON: FHIR resources (Claim, ExplanationOfBenefit, Bundles of them), CMS
 * hospital price-transparency JSON (v2/v3), payer transparency-in-coverage files and any other
 * JSON whose keys name CPT/HCPCS codes. One pass with `jsonc-parser`'s offset-keeping `visit`
 * (tolerant of comments, trailing commas and errors).
 *
 * Decisions:
 * - FHIR codings: see `fhir.ts`. Modifiers, place of service (`locationCodeableConcept`),
 *   `servicedDate`/`servicedPeriod.start`, `quantity.value` and `sequence` become facts of the
 *   item's codes; the id of the enclosing Claim/ExplanationOfBenefit is the claim id.
 * - `{"code": ..., "type": "CPT"}` (HPT `code_information`) and `billing_code` with
 *   `billing_code_type`: a code only when the type says CPT or HCPCS (RC, NDC, MS-DRG, LOCAL,
 *   CDT... yield nothing). A bare `code` key without a type or a system is not a code context.
 * - Keys naming CPT/HCPCS (`cpt`, `cpt_code`, `hcpcs`, `procedureCode`, `CPT/HCPCS`...) are code
 *   contexts: a code-shaped string or number (or an array of them) is reported even when unknown.
 *   A sibling type key that names another code set overrides the key.
 * - `modifier`/`modifiers`/`modifier1..4` keys give modifiers to the codes of the same object;
 *   `setting` (HPT `standard_charges[].setting`) becomes the setting of the item's codes
 *   (`both` when its charges differ).
 * - Strings under description/display/text/note keys follow the plain-text rules (known codes
 *   only). Everything else (ids, NPIs, ZIPs, amounts, NDCs, diagnoses) yields nothing.
 */
import type { CodeOccurrence, LineFacts, ModifierOccurrence } from '../model';
import { LineIndex } from '../text/lineIndex';
import { parseCodeCell } from './cell';
import { recognizePlainText, RecognizerData } from './plainText';
import { compactFacts, parseDate, parsePos, parseSetting, parseUnits } from './facts';
import { normalizeHeader, roleOf, typeAllowsCode } from './csv/headers';
import { CLAIM_RESOURCES, isProcedureSystem, ITEM_ARRAYS } from './fhir';
import { visit } from 'jsonc-parser';

interface Lit {
  start: number;
  end: number;
  value: string;
}

interface Pending {
  o: CodeOccurrence;
  owner: Frame;
}

interface Frame {
  array: boolean;
  key: string | undefined;
  parent: Frame | undefined;
  lastProp?: string;
  system?: string;
  code?: Lit;
  type?: string;
  hasType?: boolean;
  resourceType?: string;
  id?: string;
  /** Code literals under code-naming keys; `typed` ones need a CPT/HCPCS type sibling. */
  codes?: { lit: Lit; typed: boolean; strict: boolean }[];
  modifiers?: ModifierOccurrence[];
  facts?: LineFacts;
  settings?: Set<string>;
  pending?: Pending[];
  isItem?: boolean;
}

/** Owner of occurrences found in prose: no item's modifiers attach to them. */
const PROSE: Frame = { array: false, key: undefined, parent: undefined };

/** Keys whose string value is prose. */
const TEXT_KEYS = new Set(['description', 'display', 'text', 'note', 'notes', 'comment', 'comments', 'remarks', 'additional_generic_notes',
  'additional_payer_notes', 'narrative', 'short_description', 'long_description', 'shortDescription', 'longDescription']);

/** `procedureCode` -> `procedure code`, `billing_code` -> `billing code`. */
export function keyName(key: string): string {
  let s = '';
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 65 && c <= 90 && i > 0) {
      const p = key.charCodeAt(i - 1);
      if (p >= 97 && p <= 122) s += ' ';
    }
    s += key[i];
  }
  return normalizeHeader(s);
}

const GENERIC = new Set(['code', 'codes', 'billing code', 'procedure code', 'service code', 'proc code']);

export function recognizeJson(text: string, data: RecognizerData, lines = new LineIndex(text)): CodeOccurrence[] {
  const out: CodeOccurrence[] = [];
  let top: Frame | undefined;
  const roles = new Map<string, { role: string; name: string }>();
  const roleFor = (key: string): { role: string; name: string } => {
    let r = roles.get(key);
    if (!r) {
      const name = keyName(key);
      r = { role: roleOf(name), name };
      roles.set(key, r);
    }
    return r;
  };

  const push = (array: boolean): void => {
    const key = top ? (top.array ? top.key : top.lastProp) : undefined;
    top = { array, key, parent: top };
  };

  const owningItem = (f: Frame): Frame => {
    for (let g: Frame | undefined = f; g; g = g.parent) if (g.isItem) return g;
    return f;
  };

  const addPending = (f: Frame, o: CodeOccurrence, owner: Frame): void => {
    (f.pending ??= []).push({ o, owner });
  };

  const occurrence = (start: number, end: number, data2: RecognizerData): CodeOccurrence[] =>
    parseCodeCell(text, start, end, data2, data2.invalidValue).map((c) => ({
      range: lines.range(c.start, c.end),
      code: c.code,
      text: text.slice(c.start, c.end),
      system: c.system,
      confidence: 'context' as const,
      modifiers: c.modifiers.map((m) => ({ code: m.code, range: lines.range(m.start, m.end) })),
      facts: {},
    }));

  const pop = (): void => {
    const f = top;
    if (!f) return;
    top = f.parent;
    if (!f.array) closeObject(f);
    // Hand pending occurrences up; at the root they are done.
    if (f.pending) {
      if (top) for (const p of f.pending) addPending(top, p.o, p.owner);
      else for (const p of f.pending) finish(p.o);
    }
  };

  const finish = (o: CodeOccurrence): void => {
    o.facts = compactFacts(o.facts);
    out.push(o);
  };

  const closeObject = (f: Frame): void => {
    // A FHIR coding.
    if (f.system !== undefined && f.code) {
      const conceptKey = f.parent?.array && f.parent.key === 'coding' ? f.parent.parent?.key : f.key;
      const item = owningItem(f.parent ?? f);
      if (conceptKey === 'modifier' || conceptKey === 'modifiers') {
        if (f.code.end - f.code.start === 2 && isProcedureOrModifierSystem(f.system)) {
          (item.modifiers ??= []).push({ code: f.code.value.toUpperCase(), range: lines.range(f.code.start, f.code.end) });
        }
      } else if (conceptKey === 'locationCodeableConcept') {
        const pos = parsePos(f.code.value);
        if (pos && (item.facts ??= {}).placeOfService === undefined) {
          item.facts.placeOfService = pos;
          item.facts.placeOfServiceRange = lines.range(f.code.start, f.code.end);
        }
      } else if (isProcedureSystem(f.system) && f.code.end - f.code.start === 5) {
        for (const o of occurrence(f.code.start, f.code.end, data)) addPending(f, o, item);
      }
    } else if (f.code && f.hasType) {
      // `{"code": "70551", "type": "CPT"}`
      if (typeAllowsCode(f.type ?? '') === true) for (const o of occurrence(f.code.start, f.code.end, data)) addPending(f, o, f);
    }
    if (f.codes) {
      const allowed = f.hasType ? typeAllowsCode(f.type ?? '') : undefined;
      for (const c of f.codes) {
        if (allowed === false) continue;
        if (c.typed && allowed !== true) continue;
        for (const o of occurrence(c.lit.start, c.lit.end, data)) {
          if (c.strict && allowed !== true && o.modifiers.length) continue;
          addPending(f, o, f);
        }
      }
    }
    if (f.resourceType && CLAIM_RESOURCES.has(f.resourceType) && f.id) (f.facts ??= {}).claimId ??= f.id;
    if (!f.pending) return;
    for (const p of f.pending) {
      const o = p.o;
      if (p.owner === f && f.modifiers) o.modifiers = o.modifiers.concat(f.modifiers);
      if (f.facts) for (const [k, v] of Object.entries(f.facts)) if ((o.facts as Record<string, unknown>)[k] === undefined) (o.facts as Record<string, unknown>)[k] = v;
      if (f.settings && o.facts.setting === undefined) o.facts.setting = f.settings.size === 1 ? parseSetting([...f.settings][0]) : 'both';
    }
  };

  const literal = (value: unknown, offset: number, length: number): void => {
    const f = top;
    if (!f) return;
    const key = f.array ? f.key : f.lastProp;
    if (key === undefined) return;
    const quoted = typeof value === 'string';
    const lit: Lit = { start: quoted ? offset + 1 : offset, end: quoted ? offset + length - 1 : offset + length, value: String(value) };
    const obj = f.array ? f.parent : f; // the object the key belongs to
    if (!obj) return;
    if (!f.array) {
      switch (key) {
        case 'system': f.system = lit.value; return;
        case 'code':
          if (typeof value === 'string' || typeof value === 'number') f.code = lit;
          return;
        case 'resourceType': f.resourceType = lit.value; return;
        case 'id': f.id = lit.value; return;
        case 'servicedDate': (f.facts ??= {}).dateOfService = parseDate(lit.value); return;
        case 'sequence': if (f.isItem) (f.facts ??= {}).lineNumber = parseUnits(lit.value); return;
        case 'start':
          if (f.key === 'servicedPeriod' && f.parent) (f.parent.facts ??= {}).dateOfService ??= parseDate(lit.value);
          return;
        case 'value':
          if (f.key === 'quantity' && f.parent && typeof value === 'number') (f.parent.facts ??= {}).units = value;
          return;
        default: break;
      }
    }
    if (typeof value !== 'string' && typeof value !== 'number') return;
    if (TEXT_KEYS.has(key)) {
      if (quoted && lit.end - lit.start >= 5) for (const o of recognizePlainText(text, data, lines, lit.start, lit.end)) addPending(f, o, PROSE);
      return;
    }
    const { role, name } = roleFor(key);
    switch (role) {
      case 'code':
        if (name === 'code') return; // handled above: needs a type or a system
        (obj.codes ??= []).push({ lit, typed: false, strict: GENERIC.has(name) });
        return;
      case 'codeType':
        obj.hasType = true;
        obj.type = lit.value;
        return;
      case 'modifier':
        for (const m of splitModifiers(text, lit.start, lit.end)) (obj.modifiers ??= []).push({ code: m.code, range: lines.range(m.start, m.end) });
        return;
      case 'setting': {
        // HPT: `standard_charges[].setting` describes the item that holds the charges.
        const target = obj.parent?.array && obj.parent.parent ? obj.parent.parent : obj;
        (target.settings ??= new Set()).add(lit.value.trim().toLowerCase());
        return;
      }
      case 'pos': {
        const pos = parsePos(lit.value);
        if (pos) Object.assign((obj.facts ??= {}), { placeOfService: pos, placeOfServiceRange: lines.range(lit.start, lit.end) });
        return;
      }
      case 'units': (obj.facts ??= {}).units = parseUnits(lit.value); return;
      case 'date': (obj.facts ??= {}).dateOfService = parseDate(lit.value); return;
      default: return;
    }
  };

  // jsonc-parser descends recursively: nesting thousands deep (a hostile or broken file) overflows
  // the stack. Everything visited before is kept, as for a truncated document.
  try {
    visit(text, {
      onObjectBegin: () => {
        const parentArrayKey = top?.array ? top.key : undefined;
        push(false);
        if (parentArrayKey !== undefined && ITEM_ARRAYS.has(parentArrayKey)) top!.isItem = true;
      },
      onObjectProperty: (property) => {
        if (top) top.lastProp = property;
      },
      onObjectEnd: pop,
      onArrayBegin: () => push(true),
      onArrayEnd: pop,
      onLiteralValue: literal,
    });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  while (top) pop();
  return out;
}

function isProcedureOrModifierSystem(system: string): boolean {
  const s = system.toLowerCase();
  return isProcedureSystem(system) || s.includes('modifier') || s.includes('hcpcs') || s.includes('cpt');
}

/** Two-character tokens of a modifier value: `25`, `50|62`, `25, 59`. */
function splitModifiers(text: string, start: number, end: number): { code: string; start: number; end: number }[] {
  const out: { code: string; start: number; end: number }[] = [];
  let i = start;
  while (i < end) {
    if (!isAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    while (i < end && isAlnum(text.charCodeAt(i))) i++;
    if (i - s === 2) out.push({ code: text.slice(s, i).toUpperCase(), start: s, end: i });
  }
  return out;
}

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
