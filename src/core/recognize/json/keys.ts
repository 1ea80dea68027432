/**
 * What the JSON recognizer knows about a property name, worked out once per distinct name of a
 * document: its role (`roleOf` of its header form), whether it is one of the FHIR keys read in any
 * object, whether its strings are prose. A table looks names up by their characters in the
 * document, so the ~100,000 names of a large Bundle are not each copied into a string.
 */
import { normalizeHeader, roleOf } from '../csv/headers';
import type { ColumnRole } from '../csv/headers';
import { ITEM_ARRAYS } from '../fhir';

/** Keys read in any object (before roles), as the FHIR resources use them. */
export const enum Special { None, System, Code, ResourceType, Id, ServicedDate, Sequence, Start, Value }

/** Concepts whose codings are not procedure codes of the item. */
export const enum Concept { None, Modifier, Location }

/** Keys whose string value is prose. */
const TEXT_KEYS = new Set(['description', 'display', 'text', 'note', 'notes', 'comment', 'comments', 'remarks', 'additional_generic_notes',
  'additional_payer_notes', 'narrative', 'short_description', 'long_description', 'shortDescription', 'longDescription']);

const SPECIAL: Record<string, Special> = {
  system: Special.System, code: Special.Code, resourceType: Special.ResourceType, id: Special.Id, servicedDate: Special.ServicedDate,
  sequence: Special.Sequence, start: Special.Start, value: Special.Value,
};

/** Roles whose literals the recognizer reads; the others (claim id, line number, text columns...) only matter in CSV. */
const READ_ROLES = new Set<ColumnRole>(['code', 'codeType', 'modifier', 'setting', 'pos', 'units', 'date']);

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

/**
 * One property name. The cheap facts are worked out at once; the role (`keyName` and `roleOf`,
 * a few microseconds) only when a literal is found under the name, as a document may use ids or
 * codes as names by the hundred thousand.
 */
export class KeyInfo {
  readonly special: Special;
  /** Strings under this key are prose (plain-text rules). */
  readonly text: boolean;
  /** An array of service lines (`item`, `detail`, ...). */
  readonly item: boolean;
  readonly concept: Concept;
  /** `coding`, `servicedPeriod`, `quantity`: keys whose objects' literals are read differently. */
  readonly coding: boolean;
  readonly servicedPeriod: boolean;
  readonly quantity: boolean;
  private header: string | undefined;
  private columnRole: ColumnRole | undefined;
  private reads: boolean | undefined;

  constructor(readonly key: string) {
    this.special = Object.prototype.hasOwnProperty.call(SPECIAL, key) ? SPECIAL[key] : Special.None;
    this.text = TEXT_KEYS.has(key);
    this.item = ITEM_ARRAYS.has(key);
    this.concept = key === 'modifier' || key === 'modifiers' ? Concept.Modifier : key === 'locationCodeableConcept' ? Concept.Location : Concept.None;
    this.coding = key === 'coding';
    this.servicedPeriod = key === 'servicedPeriod';
    this.quantity = key === 'quantity';
  }

  /** The header form (`procedureCode` -> `procedure code`). */
  get name(): string {
    return (this.header ??= keyName(this.key));
  }

  /** The role of the header form. */
  get role(): ColumnRole {
    return (this.columnRole ??= roleOf(this.name));
  }

  /** Whether any literal under this key can matter: false lets the recognizer skip it at once. */
  get read(): boolean {
    return (this.reads ??= this.special !== Special.None || this.text || READ_ROLES.has(this.role));
  }
}

const classify = (key: string): KeyInfo => new KeyInfo(key);

/** Whether `key` is written as `text[start, start + n)` (a loop: cheaper than `startsWith` for names this short). */
function sameKey(key: string, text: string, start: number, n: number): boolean {
  if (key.length !== n) return false;
  for (let i = 0; i < n; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

interface Slot {
  hash: number;
  info: KeyInfo;
}

/** Probes before a name is looked up in the engine's own map instead (see `KeyTable.crowded`). */
const MAX_PROBES = 16;

/** Property names of one document, by their characters. */
export class KeyTable {
  private slots: (Slot | undefined)[] = new Array<Slot | undefined>(64);
  private count = 0;
  /**
   * Names that found no place within `MAX_PROBES` slots: only many names with one hash do that (a
   * hostile file can make them: `Aa` and `BB` hash alike), and the engine's map is not fooled so.
   */
  private overflow: Map<string, KeyInfo> | undefined;

  /** The key written as the characters `text[start, end)` (no escapes in them). */
  inText(text: string, start: number, end: number): KeyInfo {
    let h = 0;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    const n = end - start;
    const mask = this.slots.length - 1;
    let i = h & mask;
    for (let probes = 0; probes < MAX_PROBES; probes++, i = (i + 1) & mask) {
      const s = this.slots[i];
      if (!s) return this.missing(text.slice(start, end), h, i);
      if (s.hash === h && sameKey(s.info.key, text, start, n)) return s.info;
    }
    return this.crowded(text.slice(start, end));
  }

  /** The key with this value (a name written with escapes). */
  ofValue(key: string): KeyInfo {
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
    const mask = this.slots.length - 1;
    let i = h & mask;
    for (let probes = 0; probes < MAX_PROBES; probes++, i = (i + 1) & mask) {
      const s = this.slots[i];
      if (!s) return this.missing(key, h, i);
      if (s.hash === h && s.info.key === key) return s.info;
    }
    return this.crowded(key);
  }

  /** A name not in the table, with a free slot for it (unless it went to the overflow map before). */
  private missing(key: string, hash: number, free: number): KeyInfo {
    const known = this.overflow?.get(key);
    if (known) return known;
    const info = classify(key);
    this.slots[free] = { hash, info };
    if (++this.count * 2 > this.slots.length) this.grow();
    return info;
  }

  private crowded(key: string): KeyInfo {
    let info = (this.overflow ??= new Map()).get(key);
    if (!info) this.overflow.set(key, (info = classify(key)));
    return info;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Array<Slot | undefined>(old.length * 2);
    const mask = this.slots.length - 1;
    for (const s of old) {
      if (!s) continue;
      let i = s.hash & mask;
      while (this.slots[i]) i = (i + 1) & mask;
      this.slots[i] = s;
    }
  }
}
