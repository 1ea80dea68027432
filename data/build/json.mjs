// Deterministic JSON output. Maps keyed by code are passed as `Map`s with sorted entries, so
// their order is the sort order even for keys such as "22" that JavaScript objects would
// reorder (integer-like keys come first in an object). Plain objects keep insertion order.

/** A Map of the object's (or iterable's) entries, keys sorted by UTF-16 code units. */
export function sortedMap(entries) {
  const list = entries instanceof Map ? [...entries] : Array.isArray(entries) ? entries : Object.entries(entries);
  list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 1; i < list.length; i++) {
    if (list[i - 1][0] === list[i][0]) throw new Error(`duplicate key ${list[i][0]}`);
  }
  return new Map(list);
}

/**
 * Serializes `value`. `pretty`: two-space indentation like JSON.stringify(v, null, 2).
 * Compact: no indentation, but each entry of a Map starts a new line so diffs stay readable.
 */
export function stringify(value, { pretty = false } = {}) {
  const out = [];
  const write = (v, depth) => {
    if (v === null || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new Error('non-finite number');
      out.push(JSON.stringify(v));
      return;
    }
    const nl = pretty ? `\n${'  '.repeat(depth + 1)}` : '';
    const close = pretty ? `\n${'  '.repeat(depth)}` : '';
    const sep = pretty ? ': ' : ':';
    if (Array.isArray(v)) {
      if (v.length === 0) return void out.push('[]');
      out.push('[');
      v.forEach((item, i) => {
        if (i) out.push(',');
        out.push(nl);
        write(item === undefined ? null : item, depth + 1);
      });
      out.push(close, ']');
      return;
    }
    const isMap = v instanceof Map;
    const entries = (isMap ? [...v] : Object.entries(v)).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return void out.push('{}');
    out.push('{');
    entries.forEach(([k, x], i) => {
      if (i) out.push(',');
      out.push(pretty ? nl : isMap ? '\n' : '');
      out.push(JSON.stringify(String(k)), sep);
      write(x, depth + 1);
    });
    out.push(pretty ? close : isMap ? '\n' : '', '}');
  };
  write(value, 0);
  return out.join('') + '\n';
}

