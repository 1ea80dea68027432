/**
 * Recognizer for JSON: FHIR resources (Claim, ExplanationOfBenefit, Bundles of them), CMS
 * hospital price-transparency JSON (v2/v3), payer transparency-in-coverage files and any other
 * JSON whose keys name CPT/HCPCS codes. One pass with `json/walk.ts`, a walker that visits what
 * `jsonc-parser`'s `visit` visits (tolerant of comments, trailing commas and errors, any depth)
 * but materializes only the strings of the keys read here.
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
 * - Occurrences wait in one list, in the order they are found, until the document ends: an object
 *   that closes gives its modifiers and facts to the ones found inside it (a range of that list).
 * - The reader tells where the object elements of the document's top-level arrays lie (a Bundle's
 *   `entry`, an HPT file's `standard_charge_information`, a root array): a check session reads one
 *   of them again after an edit inside it (see `JsonLayout`, `JsonElementStart`).
 */
import type { CodeOccurrence, LineFacts, ModifierOccurrence } from '../model';
import type { LineIndex } from '../text/lineIndex';
import { parseCodeCell } from './cell';
import { recognizePlainText, RecognizerData } from './plainText';
import { compactFacts, parseDate, parsePos, parseSetting, parseUnits } from './facts';
import { typeAllowsCode } from './csv/headers';
import { CLAIM_RESOURCES, isProcedureSystem } from './fhir';
import { Concept, KeyInfo, KeyTable, Special } from './json/keys';
import { JsonWalker } from './json/walk';
import type { DocumentReader } from './reader';
import { inDocumentOrder } from '../text/byStart';

export { keyName } from './json/keys';

/**
 * A literal: its characters `text[start, end)` and, when known or not those characters, its value;
 * a number's value is worked out when asked (from `text[start, numberEnd)`).
 */
interface Lit {
  start: number;
  end: number;
  value: string | undefined;
  numberEnd: number;
}

const enum Kind { String, Number, Keyword }

/**
 * An open object or array. Frames are reused by depth (a large Bundle opens ~100,000 of them):
 * a closed frame is referenced only as the owner of occurrences found while it was open, and the
 * identity checks on owners only look at occurrences found inside the frame being closed.
 */
class Frame {
  array = false;
  key: KeyInfo | undefined = undefined;
  parent: Frame | undefined = undefined;
  /** Where the occurrences found inside this frame begin in the waiting list. */
  pendingFrom = 0;
  lastProp: KeyInfo | undefined = undefined;
  /** `system` and `code`: point to this frame's own two literals (made on first use, then reused). */
  system: Lit | undefined = undefined;
  code: Lit | undefined = undefined;
  systemLit: Lit | undefined = undefined;
  codeLit: Lit | undefined = undefined;
  type: string | undefined = undefined;
  hasType = false;
  resourceType: Lit | undefined = undefined;
  id: Lit | undefined = undefined;
  /** Code literals under code-naming keys; `typed` ones need a CPT/HCPCS type sibling. */
  codes: { lit: Lit; typed: boolean; strict: boolean }[] | undefined = undefined;
  modifiers: ModifierOccurrence[] | undefined = undefined;
  facts: LineFacts | undefined = undefined;
  settings: Set<string> | undefined = undefined;
  isItem = false;
  /** Where an object element of a top-level array starts (its `{`), else -1. */
  elementStart = -1;

  open(array: boolean, key: KeyInfo | undefined, parent: Frame | undefined, pendingFrom: number): this {
    this.array = array;
    this.key = key;
    this.parent = parent;
    this.pendingFrom = pendingFrom;
    this.lastProp = undefined;
    this.system = undefined;
    this.code = undefined;
    this.type = undefined;
    this.hasType = false;
    this.resourceType = undefined;
    this.id = undefined;
    this.codes = undefined;
    this.modifiers = undefined;
    this.facts = undefined;
    this.settings = undefined;
    this.isItem = false;
    this.elementStart = -1;
    return this;
  }
}

/** Owner of occurrences found in prose: no item's modifiers attach to them. */
const PROSE = new Frame();

const GENERIC = new Set(['code', 'codes', 'billing code', 'procedure code', 'service code', 'proc code']);

/**
 * Where the object elements of the top-level arrays lie: those of the root array, or of an array
 * that is a property value of the root object. Nothing outside such an element reaches into it
 * unless the root object gives its occurrences something (`rootGives`); then none is read alone.
 */
export interface JsonLayout {
  /** Offsets of each element's `{` and just past its `}`, in document order. */
  starts: number[];
  ends: number[];
  /** How to read each element again. */
  contexts: JsonElementStart[];
  /** Whether the root object gave the occurrences found inside it modifiers, facts or a setting. */
  rootGives: boolean;
}

/** What an element of a top-level array is read in: the root array, or the root object's property `key`. */
export interface JsonElementStart {
  rootIsArray: boolean;
  key: KeyInfo | undefined;
}

/** The JSON reader: a `DocumentReader` that also tells the layout it read. */
export interface JsonReader extends DocumentReader {
  readonly jsonLayout: JsonLayout;
}

export const isJsonReader = (reader: DocumentReader): reader is JsonReader => 'jsonLayout' in reader;

/**
 * The JSON recognizer as a `DocumentReader`: read in slices, then finished. With `element`, `text`
 * is one element of a top-level array (with what precedes it only whitespace), read as the
 * document reads it there.
 */
export function jsonReader(text: string, data: RecognizerData, lines: LineIndex, element?: JsonElementStart): JsonReader {
  const keys = new KeyTable();
  const systems = new Map<string, boolean>();
  // Occurrences found so far and the frame whose modifiers they take.
  const pending: CodeOccurrence[] = [];
  const owners: Frame[] = [];
  let top: Frame | undefined;
  const frames: Frame[] = []; // by depth, reused
  let depth = 0;
  /** The literal being read (one object, copied when kept). */
  const cur: Lit = { start: 0, end: 0, value: undefined, numberEnd: -1 };
  const keep = (lit: Lit, into: Lit | undefined = undefined): Lit => {
    if (!into) return { start: lit.start, end: lit.end, value: lit.value, numberEnd: lit.numberEnd };
    into.start = lit.start;
    into.end = lit.end;
    into.value = lit.value;
    into.numberEnd = lit.numberEnd;
    return into;
  };

  const value = (lit: Lit): string =>
    (lit.value ??= lit.numberEnd < 0 ? text.slice(lit.start, lit.end) : String(Number(text.slice(lit.start, lit.numberEnd))));

  const procedureSystem = (system: string): boolean => {
    let known = systems.get(system);
    if (known === undefined) systems.set(system, (known = isProcedureSystem(system)));
    return known;
  };

  const push = (array: boolean): void => {
    const key = top ? (top.array ? top.key : top.lastProp) : undefined;
    top = (frames[depth++] ??= new Frame()).open(array, key, top, pending.length);
  };

  const layout: JsonLayout = { starts: [], ends: [], contexts: [], rootGives: false };
  /** The context of the last element recorded (elements of one array share it). */
  let elementContext: JsonElementStart | undefined;
  if (element) {
    // The frames the document has open around the element.
    if (!element.rootIsArray) {
      push(false);
      top!.lastProp = element.key;
    }
    push(true);
  }

  const owningItem = (f: Frame): Frame => {
    for (let g: Frame | undefined = f; g; g = g.parent) if (g.isItem) return g;
    return f;
  };

  const addPending = (o: CodeOccurrence, owner: Frame): void => {
    pending.push(o);
    owners.push(owner);
  };

  const occurrence = (start: number, end: number): CodeOccurrence[] =>
    parseCodeCell(text, start, end, data, data.invalidValue).map((c) => ({
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
    depth--;
    if (!f.array) closeObject(f);
  };

  const closeObject = (f: Frame): void => {
    // A FHIR coding.
    if (f.system !== undefined && f.code) {
      const conceptKey = f.parent?.array && f.parent.key?.coding ? f.parent.parent?.key : f.key;
      const concept = conceptKey ? conceptKey.concept : Concept.None;
      const length = f.code.end - f.code.start;
      if (concept === Concept.Modifier) {
        if (length === 2 && isProcedureOrModifierSystem(value(f.system))) {
          (owningItem(f.parent ?? f).modifiers ??= []).push({ code: value(f.code).toUpperCase(), range: lines.range(f.code.start, f.code.end) });
        }
      } else if (concept === Concept.Location) {
        const pos = parsePos(value(f.code));
        const item = owningItem(f.parent ?? f);
        if (pos && (item.facts ??= {}).placeOfService === undefined) {
          item.facts.placeOfService = pos;
          item.facts.placeOfServiceRange = lines.range(f.code.start, f.code.end);
        }
      } else if (length > 0 && procedureSystem(value(f.system))) {
        // Any value of a CPT/HCPCS coding is read: a code, or an invalid value (`648666`, `FDSAE`).
        const item = owningItem(f.parent ?? f);
        for (const o of occurrence(f.code.start, f.code.end)) addPending(o, item);
      }
    } else if (f.code && f.hasType) {
      // `{"code": "70551", "type": "CPT"}`
      if (typeAllowsCode(f.type ?? '') === true) for (const o of occurrence(f.code.start, f.code.end)) addPending(o, f);
    }
    if (f.codes) {
      const allowed = f.hasType ? typeAllowsCode(f.type ?? '') : undefined;
      for (const c of f.codes) {
        if (allowed === false) continue;
        if (c.typed && allowed !== true) continue;
        for (const o of occurrence(c.lit.start, c.lit.end)) {
          if (c.strict && allowed !== true && o.modifiers.length) continue;
          addPending(o, f);
        }
      }
    }
    if (f.resourceType && f.id) {
      const resourceType = value(f.resourceType);
      const id = value(f.id);
      if (resourceType && id && CLAIM_RESOURCES.has(resourceType)) (f.facts ??= {}).claimId ??= id;
    }
    if (!f.modifiers && !f.facts && !f.settings) return;
    if (!f.parent) layout.rootGives = true;
    for (let i = f.pendingFrom; i < pending.length; i++) {
      const o = pending[i];
      if (owners[i] === f && f.modifiers) o.modifiers = o.modifiers.concat(f.modifiers);
      if (f.facts) for (const k in f.facts) {
        const v = (f.facts as Record<string, unknown>)[k];
        if ((o.facts as Record<string, unknown>)[k] === undefined) (o.facts as Record<string, unknown>)[k] = v;
      }
      if (f.settings && o.facts.setting === undefined) o.facts.setting = f.settings.size === 1 ? parseSetting([...f.settings][0]) : 'both';
    }
  };

  const read = (start: number, end: number, v: string | undefined, numberEnd: number): Lit => {
    cur.start = start;
    cur.end = end;
    cur.value = v;
    cur.numberEnd = numberEnd;
    return cur;
  };

  /** The key a literal in the current frame is the value of, when literals under it are read at all. */
  const readKey = (): KeyInfo | undefined => {
    const f = top;
    if (!f) return undefined;
    const key = f.array ? f.key : f.lastProp;
    return key && key.read ? key : undefined;
  };

  const literal = (f: Frame, key: KeyInfo, kind: Kind, lit: Lit): void => {
    const obj = f.array ? f.parent : f; // the object the key belongs to
    if (!obj) return;
    if (!f.array) {
      switch (key.special) {
        case Special.System: f.system = f.systemLit = keep(lit, f.systemLit); return;
        case Special.Code:
          if (kind !== Kind.Keyword) f.code = f.codeLit = keep(lit, f.codeLit);
          return;
        case Special.ResourceType: f.resourceType = keep(lit); return;
        case Special.Id: f.id = keep(lit); return;
        case Special.ServicedDate: (f.facts ??= {}).dateOfService = parseDate(value(lit)); return;
        case Special.Sequence: if (f.isItem) (f.facts ??= {}).lineNumber = parseUnits(value(lit)); return;
        case Special.Start:
          if (f.key?.servicedPeriod && f.parent) (f.parent.facts ??= {}).dateOfService ??= parseDate(value(lit));
          return;
        case Special.Value:
          if (f.key?.quantity && f.parent && kind === Kind.Number) (f.parent.facts ??= {}).units = Number(text.slice(lit.start, lit.numberEnd));
          return;
        default: break;
      }
    }
    if (kind === Kind.Keyword || key.text) return; // prose is read by `string`
    switch (key.role) {
      case 'code':
        if (key.name === 'code') return; // handled above: needs a type or a system
        (obj.codes ??= []).push({ lit: keep(lit), typed: false, strict: GENERIC.has(key.name) });
        return;
      case 'codeType':
        obj.hasType = true;
        obj.type = value(lit);
        return;
      case 'modifier':
        for (const m of splitModifiers(text, lit.start, lit.end)) (obj.modifiers ??= []).push({ code: m.code, range: lines.range(m.start, m.end) });
        return;
      case 'setting': {
        // HPT: `standard_charges[].setting` describes the item that holds the charges; any other
        // setting its own object (`modifier_information[].setting` is the modifier's, not the file's).
        const charges = obj.parent?.array && obj.parent.parent && obj.parent.key?.name.includes('charge');
        const target = charges ? obj.parent!.parent! : obj;
        (target.settings ??= new Set()).add(value(lit).trim().toLowerCase());
        return;
      }
      case 'pos': {
        const pos = parsePos(value(lit));
        if (pos) Object.assign((obj.facts ??= {}), { placeOfService: pos, placeOfServiceRange: lines.range(lit.start, lit.end) });
        return;
      }
      case 'units': (obj.facts ??= {}).units = parseUnits(value(lit)); return;
      case 'date': (obj.facts ??= {}).dateOfService = parseDate(value(lit)); return;
      default: return;
    }
  };

  const walker = new JsonWalker(text, lines, {
    objectBegin: (offset) => {
      const array = top?.array ? top : undefined;
      push(false);
      if (!array) return;
      if (array.key?.item) top!.isItem = true;
      // An element of the root array, or of an array value of the root object.
      if (!array.parent || (!array.parent.parent && !array.parent.array)) top!.elementStart = offset;
    },
    arrayBegin: () => push(true),
    objectEnd: (offset) => {
      const f = top;
      if (f && f.elementStart >= 0 && text.charCodeAt(offset) === 125) {
        const array = f.parent!;
        const rootIsArray = !array.parent;
        if (!elementContext || elementContext.key !== array.key || elementContext.rootIsArray !== rootIsArray) elementContext = { rootIsArray, key: array.key };
        layout.starts.push(f.elementStart);
        layout.ends.push(offset + 1);
        layout.contexts.push(elementContext);
      }
      pop();
    },
    arrayEnd: pop,
    property: (start, end, name) => {
      if (top) top.lastProp = name === undefined ? keys.inText(text, start + 1, end - 1) : keys.ofValue(name);
    },
    string: (start, end, v) => {
      const key = readKey();
      if (!key) return;
      // Prose (never a special key): the plain-text rules, only where a code could be.
      if (key.text) {
        if (end - start >= 7 && hasThreeDigits(text, start + 1, end - 1)) for (const o of recognizePlainText(text, data, lines, start + 1, end - 1)) addPending(o, PROSE);
        return;
      }
      literal(top!, key, Kind.String, read(start + 1, end - 1, v, -1));
    },
    number: (start, end, numberEnd) => {
      const key = readKey();
      if (key) literal(top!, key, Kind.Number, read(start, end, undefined, numberEnd));
    },
    keyword: (start, end, v) => {
      const key = readKey();
      if (key) literal(top!, key, Kind.Keyword, read(start, end, String(v), -1));
    },
  });
  return {
    jsonLayout: layout,
    read: (until) => walker.walk(until),
    get done() {
      return walker.done;
    },
    finish: () => {
      while (top) pop();
      for (let i = 0; i < pending.length; i++) pending[i].facts = compactFacts(pending[i].facts);
      return inDocumentOrder(pending);
    },
  };
}

/**
 * Whether `text[start, end)` has three digits in a row: every code shape does (`99213`, `J1100`,
 * `0001F`), so prose without them holds no code and is not read. Looks at every third character
 * (any three in a row include one of them) and around the digits it finds.
 */
function hasThreeDigits(text: string, start: number, end: number): boolean {
  for (let i = start + 2; i < end; i += 3) {
    if (!isDigit(text.charCodeAt(i))) continue;
    let from = i;
    while (from > start && isDigit(text.charCodeAt(from - 1))) from--;
    let to = i + 1;
    while (to < end && to - from < 3 && isDigit(text.charCodeAt(to))) to++;
    if (to - from >= 3) return true;
  }
  return false;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

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
