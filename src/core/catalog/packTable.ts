/**
 * One keyed table of one pack (`codes`, `pfs.rows` or `opps.status`) as the catalog reads it:
 * by normalized key, without copying it. A table still lazy (see `pack/lazyTable.ts`) is read
 * through its key index and parses an entry when asked; a plain object is indexed once.
 */
import { LazyTable, lazyTableOf } from '../pack/lazyTable';

export interface PackTable<V> {
  has(key: string): boolean;
  /** The entries under a normalized key, in the order `for...in` over the object visits them. */
  get(key: string): V[] | undefined;
  /** Normalized keys in `for...in` order of the object (first visit of each). */
  keys(): Iterable<string>;
}

class LazyPackTable<V> implements PackTable<V> {
  constructor(private readonly table: LazyTable) {}

  has(key: string): boolean {
    return this.table.find(key) >= 0;
  }

  get(key: string): V[] | undefined {
    const i = this.table.find(key);
    return i < 0 ? undefined : [this.table.entry(i) as V];
  }

  keys(): Iterable<string> {
    return this.table.keysInObjectOrder();
  }
}

class ObjectPackTable<V> implements PackTable<V> {
  private readonly byKey = new Map<string, V[]>();

  constructor(object: Record<string, V>, normalize: (key: string) => string) {
    // for...in, not Object.entries: no pair array per entry.
    for (const raw in object) {
      const key = normalize(raw);
      const list = this.byKey.get(key);
      if (list) list.push(object[raw]);
      else this.byKey.set(key, [object[raw]]);
    }
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  get(key: string): V[] | undefined {
    return this.byKey.get(key);
  }

  keys(): Iterable<string> {
    return this.byKey.keys();
  }
}

/** `holder[key]` as a table, or undefined when the holder has none. */
export function packTable<V>(holder: object | undefined, key: string, normalize: (key: string) => string): PackTable<V> | undefined {
  const lazy = lazyTableOf(holder, key);
  if (lazy && lazy.normalize === normalize) return new LazyPackTable<V>(lazy);
  const object = (holder as Record<string, Record<string, V> | undefined> | undefined)?.[key];
  return object ? new ObjectPackTable<V>(object, normalize) : undefined;
}
