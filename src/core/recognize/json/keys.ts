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

export interface KeyInfo {
  readonly key: string;
  readonly special: Special;
  /** Strings under this key are prose (plain-text rules). */
  readonly text: boolean;
  /** The role of the key's header form (`procedureCode` -> `procedure code` -> code). */
  readonly role: ColumnRole;
  /** The header form. */
  readonly name: string;
  /** An array of service lines (`item`, `detail`, ...). */
  readonly item: boolean;
  readonly concept: Concept;
  /** `coding`, `servicedPeriod`, `quantity`: keys whose objects' literals are read differently. */
  readonly coding: boolean;
  readonly servicedPeriod: boolean;
  readonly quantity: boolean;
  /** Whether any literal under this key can matter: false lets the recognizer skip it at once. */
  readonly read: boolean;
}

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

function classify(key: string): KeyInfo {
  const name = keyName(key);
  const role = roleOf(name);
  const special = Object.prototype.hasOwnProperty.call(SPECIAL, key) ? SPECIAL[key] : Special.None;
  const text = TEXT_KEYS.has(key);
  return {
    key,
    special,
    text,
    role,
    name,
    item: ITEM_ARRAYS.has(key),
    concept: key === 'modifier' || key === 'modifiers' ? Concept.Modifier : key === 'locationCodeableConcept' ? Concept.Location : Concept.None,
    coding: key === 'coding',
    servicedPeriod: key === 'servicedPeriod',
    quantity: key === 'quantity',
    read: special !== Special.None || text || READ_ROLES.has(role),
  };
}

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

/** Property names of one document, by their characters. */
export class KeyTable {
  private slots: (Slot | undefined)[] = new Array<Slot | undefined>(64);
  private count = 0;

  /** The key written as the characters `text[start, end)` (no escapes in them). */
  inText(text: string, start: number, end: number): KeyInfo {
    let h = 0;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    const n = end - start;
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const s = this.slots[i];
      if (!s) return this.add(h, text.slice(start, end));
      if (s.hash === h && sameKey(s.info.key, text, start, n)) return s.info;
    }
  }

  /** The key with this value (a name written with escapes). */
  ofValue(key: string): KeyInfo {
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const s = this.slots[i];
      if (!s) return this.add(h, key);
      if (s.hash === h && s.info.key === key) return s.info;
    }
  }

  private add(hash: number, key: string): KeyInfo {
    const info = classify(key);
    if (++this.count * 2 > this.slots.length) this.grow();
    this.place({ hash, info });
    return info;
  }

  private place(slot: Slot): void {
    const mask = this.slots.length - 1;
    let i = slot.hash & mask;
    while (this.slots[i]) i = (i + 1) & mask;
    this.slots[i] = slot;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Array<Slot | undefined>(old.length * 2);
    for (const s of old) if (s) this.place(s);
  }
}
