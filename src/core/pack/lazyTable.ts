/**
 * A pack table (`codes`, `pfs.rows`, `opps.status`) kept as its JSON text: the keys are indexed,
 * an entry is parsed when it is first asked for. The bundled packs hold tens of thousands of
 * entries and a CLI check reads a few hundred of them; parsing them all was most of start-up.
 *
 * The table still reads as a plain object: its property on the pack is a getter that parses the
 * whole table on first access (then a plain data property), so code that walks `pack.codes` sees
 * exactly what `JSON.parse` gives. The catalog asks `lazyTableOf` first and never materializes.
 */

/** Shape of an entry's value, enough for the pack checks: an object, an array of n items, an array not counted, or other. */
export const OBJECT = -1;
export const OTHER = -2;
export const UNCOUNTED = -3;

/** How the catalog normalizes table keys: codes are trimmed and upper-cased, indicator rows upper-cased. */
export const codeKey = (key: string): string => key.trim().toUpperCase();
export const rowKey = (key: string): string => key.toUpperCase();

export class LazyTable {
  /** Normalized key -> entry number (a table scanned here). */
  private readonly byKey = new Map<string, number>();
  /** A restored table is searched instead: its normalized keys, and the entry numbers in key order. */
  private sorted: { keys: SavedKeys; order: Int32Array; raw?: string[] } | undefined;
  private rawKeys: string[] | undefined = [];
  /** Where each entry's value starts and ends in the text, and its shape (typed: no boxing, little to collect). */
  start: Int32Array = new Int32Array(1024);
  end: Int32Array = new Int32Array(1024);
  /** OBJECT, OTHER, UNCOUNTED, or the length of an array value. */
  shape: Int32Array = new Int32Array(1024);
  /** Two different raw keys normalize to the same key: the catalog reads this table as an object instead. */
  mixed = false;

  /**
   * `slice(start, end)` gives the pack's text between two offsets: the text itself when scanned
   * here, or the file's bytes decoded on demand when restored from a snapshot.
   */
  constructor(readonly slice: (start: number, end: number) => string, readonly normalize: (key: string) => string, public from = 0, public to = 0) {}

  /** Raw key (as written, unescaped) of each entry, in order of first appearance. */
  get raw(): string[] {
    if (this.rawKeys) return this.rawKeys;
    const { keys, raw } = this.sorted!;
    return (this.rawKeys = raw ?? Array.from({ length: keys.starts.length - 1 }, (_, i) => keyAt(keys, i)));
  }

  /**
   * Records one entry; `key` is `raw` normalized (the scanner knows when they are equal). A key
   * written twice keeps its first position and its last value, as JSON.parse does.
   */
  add(raw: string, key: string, start: number, end: number, shape: number): void {
    let i = this.raw.length;
    const map = this.byKey;
    map.set(key, i);
    if (map.size === i) {
      // Seen before (rare): restore its number; the same raw key takes the new value.
      i = this.raw.findIndex((r) => this.normalize(r) === key);
      map.set(key, i);
      if (this.raw[i] !== raw) this.mixed = true;
    } else {
      this.raw.push(raw);
      if (i === this.start.length) this.grow();
    }
    this.start[i] = start;
    this.end[i] = end;
    this.shape[i] = shape;
  }

  private grow(): void {
    const more = (a: Int32Array): Int32Array => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.start = more(this.start);
    this.end = more(this.end);
    this.shape = more(this.shape);
  }

  /**
   * A table recorded earlier over the same text (see `snapshot.ts`): `keys` normalized, `raw` as
   * written when any differs; offsets and shapes as `start`, `end` and `shape` held them.
   */
  static restore(
    slice: (start: number, end: number) => string, normalize: (key: string) => string, from: number, to: number,
    keys: SavedKeys, raw: string[] | undefined, start: Int32Array, end: Int32Array, shape: Int32Array, order: Int32Array,
  ): LazyTable {
    // A binary search over the saved order, keys cut from one string when compared: filling a Map
    // with tens of thousands of keys would cost more than every lookup of a CLI run together.
    const table = new LazyTable(slice, normalize, from, to);
    table.sorted = { keys, order, raw };
    table.rawKeys = undefined;
    table.start = start;
    table.end = end;
    table.shape = shape;
    return table;
  }

  /** The entry number of a normalized key, or -1. */
  find(key: string): number {
    const sorted = this.sorted;
    if (!sorted) return this.byKey.get(key) ?? -1;
    const { keys, order } = sorted;
    let lo = 0;
    let hi = order.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const i = order[mid];
      const k = keyAt(keys, i);
      if (k === key) return i;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Entry numbers in key order (for the saved layout). */
  keyOrder(): Int32Array {
    if (this.sorted) return this.sorted.order;
    const keys = this.keys();
    return Int32Array.from(keys.keys()).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  }

  /** Normalized keys, in entry order. */
  keys(): string[] {
    return this.raw.map(this.normalize);
  }

  get size(): number {
    return this.sorted ? this.sorted.order.length : this.raw.length;
  }

  /** The parsed value of entry `i`. */
  entry(i: number): unknown {
    return JSON.parse(this.slice(this.start[i], this.end[i]));
  }

  /** Whether every entry's shape passes `ok` (a check that needs no parsing). */
  every(ok: (shape: number) => boolean): boolean {
    for (let i = 0, n = this.size; i < n; i++) if (!ok(this.shape[i])) return false;
    return true;
  }

  /**
   * Normalized keys in the order `for...in` visits the parsed object: array-index keys ascending,
   * then the others as written. The catalog's code order has always been that order.
   */
  keysInObjectOrder(): string[] {
    const indices: number[] = [];
    const others: string[] = [];
    for (const raw of this.raw) {
      if (isArrayIndex(raw)) indices.push(Number(raw));
      else others.push(this.normalize(raw));
    }
    indices.sort((a, b) => a - b);
    return [...indices.map((n) => this.normalize(String(n))), ...others];
  }

  /** The whole table, as `JSON.parse` of the pack would have made it. */
  parse(): unknown {
    return JSON.parse(this.slice(this.from, this.to));
  }
}

/** Keys saved as one string: key i is `joined.slice(starts[i], starts[i + 1])`. */
export interface SavedKeys {
  joined: string;
  starts: Int32Array;
}

function keyAt(keys: SavedKeys, i: number): string {
  return keys.joined.slice(keys.starts[i], keys.starts[i + 1]);
}

function isArrayIndex(key: string): boolean {
  if (key.length === 0 || key.length > 10) return false;
  const c = key.charCodeAt(0);
  if (c === 48) return key.length === 1;
  for (let i = 0; i < key.length; i++) {
    const d = key.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return Number(key) < 4294967295;
}

/** Lazy tables still unparsed, by the object holding them (a pack, its `pfs` or its `opps`). */
const registry = new WeakMap<object, Map<string, { table: LazyTable; getter: () => unknown }>>();

/** Puts `table` on `holder[key]` as a property that parses the table on first read. */
export function defineLazyTable(holder: Record<string, unknown>, key: string, table: LazyTable): void {
  const settle = (value: unknown): void => {
    Object.defineProperty(holder, key, { value, writable: true, enumerable: true, configurable: true });
    registry.get(holder)?.delete(key);
  };
  const getter = (): unknown => {
    const value = table.parse();
    settle(value);
    return value;
  };
  Object.defineProperty(holder, key, { get: getter, set: settle, enumerable: true, configurable: true });
  let tables = registry.get(holder);
  if (!tables) registry.set(holder, (tables = new Map()));
  tables.set(key, { table, getter });
}

/** The lazy table on `holder[key]`, while it is still unparsed and untouched. */
export function lazyTableOf(holder: object | undefined, key: string): LazyTable | undefined {
  if (!holder) return undefined;
  const lazy = registry.get(holder)?.get(key);
  if (!lazy || Object.getOwnPropertyDescriptor(holder, key)?.get !== lazy.getter) return undefined;
  return lazy.table;
}

/** Number of keys of `holder[key]` (an object table), without parsing a lazy one. */
export function tableSize(holder: object | undefined, key: string): number {
  const lazy = lazyTableOf(holder, key);
  if (lazy) return lazy.size;
  const table = (holder as Record<string, object | undefined> | undefined)?.[key];
  return table ? Object.keys(table).length : 0;
}
