/**
 * One pass over a pack's JSON text that checks its syntax as strictly as `JSON.parse` and, instead
 * of building the big tables (`codes`, `pfs.rows`, `opps.status`), indexes their entries by key
 * (`LazyTable`). Everything else is parsed as usual. A text this pass cannot vouch for (a syntax
 * error, an unusual key) gives `undefined`: the caller then parses it whole, which also gives
 * the usual error message.
 */
import { codeKey, defineLazyTable, LazyTable, OBJECT, OTHER, rowKey, UNCOUNTED } from './lazyTable';

// Regular expressions run as native code from the first call; a character loop in JavaScript is
// interpreted at first, and a CLI process scans each pack once. JSON's own whitespace, not \s.
const WS = '[ \\t\\n\\r]*';
const STR = '"[^"\\\\\\x00-\\x1f]*(?:\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\\\\x00-\\x1f]*)*"';
const SCALAR = `(?:${STR}|-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null)`;
const ARRAY = `\\[${WS}(?:${SCALAR}(?:${WS},${WS}${SCALAR})*)?${WS}\\]`;
const MEMBER = `${STR}${WS}:${WS}(?:${SCALAR}|${ARRAY})`;
/** A string, validated; one without escapes; a key without escapes and the colon after it. */
const STRING_RE = new RegExp(STR, 'y');
const PLAIN = '"([^"\\\\\\x00-\\x1f]*)"';
const PLAIN_STRING_RE = new RegExp(PLAIN, 'y');
/** A key as the catalog looks codes up (digits and capitals), then its colon: no normalizing to do. */
const CODE_KEY_RE = new RegExp(`"([0-9A-Z]*)"${WS}:${WS}`, 'y');
/** The usual entries: an object of scalars and arrays of scalars (codes), an array of scalars (rows). */
const FLAT_OBJECT_RE = new RegExp(`\\{${WS}(?:${MEMBER}(?:${WS},${WS}${MEMBER})*)?${WS}\\}`, 'y');
const ARRAY_RE = new RegExp(ARRAY, 'y');
/** An array of exactly n scalars (OPPS rows: one per quarter). */
const arrayOf = (n: number): RegExp => new RegExp(n === 0 ? `\\[${WS}\\]` : `\\[${WS}${SCALAR}(?:${WS},${WS}${SCALAR}){${n - 1}}${WS}\\]`, 'y');

/** An entry matched by a table's expression has this shape; others are scanned one by one. */
interface EntryPattern {
  re: RegExp;
  shape: number;
}

/**
 * Where each member of the root object (and of `pfs`/`opps`) lies in the text, in order: a value
 * parsed as it is, a lazy table, or an object of such members. Enough to rebuild the same pack
 * from the same text without scanning it (`snapshot.ts`).
 */
export type PackLayout = ({ key: string; start: number; end: number } | { key: string; table: LazyTable } | { key: string; members: PackLayout })[];

/** Thrown inside the scan for anything it does not accept; never escapes `scanPack`. */
const REJECT = new Error('not a pack this scan vouches for');

/** Tables kept lazy: path in the pack -> how the catalog normalizes their keys. */
const ROOT_TABLES: Record<string, (key: string) => string> = { codes: codeKey };
const NESTED_TABLES: Record<string, Record<string, (key: string) => string>> = { pfs: { rows: rowKey }, opps: { status: rowKey } };

class Scanner {
  pos = 0;
  /** Items of the last array scanned. */
  count = 0;

  readonly slice: (start: number, end: number) => string;

  constructor(readonly text: string) {
    this.slice = (start, end) => text.slice(start, end);
  }

  /** Skips whitespace; the character code there (NaN at the end). */
  ws(): number {
    const t = this.text;
    let p = this.pos;
    let c = t.charCodeAt(p);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = t.charCodeAt(++p);
    this.pos = p;
    return c;
  }

  /** A string at `pos` (on its quote); true when it holds an escape. */
  string(): boolean {
    PLAIN_STRING_RE.lastIndex = this.pos;
    if (PLAIN_STRING_RE.test(this.text)) {
      this.pos = PLAIN_STRING_RE.lastIndex;
      return false;
    }
    STRING_RE.lastIndex = this.pos;
    if (!STRING_RE.test(this.text)) throw REJECT;
    this.pos = STRING_RE.lastIndex;
    return true;
  }

  /** The key at `pos` as JSON.parse reads it. */
  key(): string {
    const start = this.pos;
    const escaped = this.string();
    return escaped ? (JSON.parse(this.text.slice(start, this.pos)) as string) : this.text.slice(start + 1, this.pos - 1);
  }

  number(): void {
    const t = this.text;
    let p = this.pos;
    if (t.charCodeAt(p) === 45) p++;
    let c = t.charCodeAt(p);
    if (c === 48) c = t.charCodeAt(++p);
    else if (c >= 49 && c <= 57) while (c >= 48 && c <= 57) c = t.charCodeAt(++p);
    else throw REJECT;
    if (c === 46) {
      c = t.charCodeAt(++p);
      if (!(c >= 48 && c <= 57)) throw REJECT;
      while (c >= 48 && c <= 57) c = t.charCodeAt(++p);
    }
    if (c === 101 || c === 69) {
      c = t.charCodeAt(++p);
      if (c === 43 || c === 45) c = t.charCodeAt(++p);
      if (!(c >= 48 && c <= 57)) throw REJECT;
      while (c >= 48 && c <= 57) c = t.charCodeAt(++p);
    }
    this.pos = p;
  }

  literal(word: string): void {
    if (!this.text.startsWith(word, this.pos)) throw REJECT;
    this.pos += word.length;
  }

  /** Any value at `pos` (after whitespace); returns its shape. */
  value(): number {
    const c = this.ws();
    if (c === 123) {
      this.object();
      return OBJECT;
    }
    if (c === 91) {
      this.array();
      return this.count;
    }
    if (c === 34) this.string();
    else if (c === 45 || (c >= 48 && c <= 57)) this.number();
    else if (c === 116) this.literal('true');
    else if (c === 102) this.literal('false');
    else if (c === 110) this.literal('null');
    else throw REJECT;
    return OTHER;
  }

  /**
   * An object at `pos`; `member` is called for each key with `pos` on its value, and must scan
   * the value. By default values are scanned and dropped.
   */
  object(member?: (key: string) => void): void {
    this.pos++;
    let c = this.ws();
    if (c === 125) {
      this.pos++;
      return;
    }
    for (;;) {
      if (c !== 34) throw REJECT;
      if (member) {
        const key = this.key();
        if (this.ws() !== 58) throw REJECT;
        this.pos++;
        this.ws();
        member(key);
      } else {
        this.string();
        if (this.ws() !== 58) throw REJECT;
        this.pos++;
        this.value();
      }
      c = this.ws();
      if (c === 44) {
        this.pos++;
        c = this.ws();
      } else if (c === 125) {
        this.pos++;
        return;
      } else {
        throw REJECT;
      }
    }
  }

  array(): void {
    this.pos++;
    let n = 0;
    let c = this.ws();
    if (c !== 93) {
      for (;;) {
        this.value();
        n++;
        c = this.ws();
        if (c === 44) this.pos++;
        else if (c === 93) break;
        else throw REJECT;
      }
    }
    this.pos++;
    this.count = n;
  }

  /** A table object at `pos`: each entry recorded in `table`, not built. */
  table(table: LazyTable, pattern: EntryPattern): void {
    const t = this.text;
    const re = pattern.re;
    table.from = this.pos;
    this.pos++;
    let c = this.ws();
    if (c !== 125) {
      for (;;) {
        if (c !== 34) throw REJECT;
        CODE_KEY_RE.lastIndex = this.pos;
        const m = CODE_KEY_RE.exec(t);
        let raw: string;
        let key: string;
        if (m) {
          raw = key = m[1];
          this.pos = CODE_KEY_RE.lastIndex;
        } else {
          raw = this.key();
          key = table.normalize(raw);
          if (this.ws() !== 58) throw REJECT;
          this.pos++;
          this.ws();
        }
        const start = this.pos;
        re.lastIndex = start;
        let shape = pattern.shape;
        if (re.test(t)) this.pos = re.lastIndex;
        else shape = this.value();
        table.add(raw, key, start, this.pos, shape);
        c = this.ws();
        if (c === 44) {
          this.pos++;
          c = this.ws();
        } else if (c === 125) {
          break;
        } else {
          throw REJECT;
        }
      }
    }
    this.pos++;
    table.to = this.pos;
  }

  /** A member value: parsed, or kept lazy when it is one of `tables` and an object. */
  member(holder: Record<string, unknown>, key: string, tables: Record<string, (key: string) => string> | undefined, layout: PackLayout): void {
    // A key written twice, or one JSON.parse treats specially, is left to JSON.parse.
    if (Object.prototype.hasOwnProperty.call(holder, key) || key === '__proto__') throw REJECT;
    const start = this.pos;
    const normalize = tables && Object.prototype.hasOwnProperty.call(tables, key) ? tables[key] : undefined;
    if (normalize && this.text.charCodeAt(start) === 123) {
      const table = new LazyTable(this.slice, normalize);
      this.table(table, entryPattern(holder, key));
      if (table.mixed) {
        holder[key] = table.parse();
        layout.push({ key, start, end: this.pos });
      } else {
        defineLazyTable(holder, key, table);
        layout.push({ key, table });
      }
      return;
    }
    const nested = Object.prototype.hasOwnProperty.call(NESTED_TABLES, key) ? NESTED_TABLES[key] : undefined;
    if (tables === ROOT_TABLES && nested && this.text.charCodeAt(start) === 123) {
      const inner: Record<string, unknown> = {};
      const members: PackLayout = [];
      this.object((k) => this.member(inner, k, nested, members));
      holder[key] = inner;
      layout.push({ key, members });
      return;
    }
    this.value();
    holder[key] = JSON.parse(this.text.slice(start, this.pos));
    layout.push({ key, start, end: this.pos });
  }
}

/**
 * What the entries of a table usually look like. OPPS rows have one item per quarter: with the
 * quarters already read, a row of that length is matched as such (its shape is the check's).
 */
function entryPattern(holder: Record<string, unknown>, key: string): EntryPattern {
  if (key === 'codes') return { re: FLAT_OBJECT_RE, shape: OBJECT };
  if (key === 'status' && Array.isArray(holder.quarters)) return { re: arrayOf(holder.quarters.length), shape: holder.quarters.length };
  return { re: ARRAY_RE, shape: UNCOUNTED };
}

/**
 * The pack's root object with its big tables lazy, or undefined when the text is not valid JSON,
 * not an object, or unusual enough that `JSON.parse` should decide.
 */
export function scanPack(text: string, layout: PackLayout = []): Record<string, unknown> | undefined {
  const s = new Scanner(text);
  try {
    if (s.ws() !== 123) return undefined;
    const root: Record<string, unknown> = {};
    s.object((key) => s.member(root, key, ROOT_TABLES, layout));
    if (!Number.isNaN(s.ws())) return undefined;
    return root;
  } catch {
    // REJECT, or a stack overflow on deeply nested arrays: JSON.parse decides.
    return undefined;
  }
}
