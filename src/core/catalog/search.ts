/**
 * Search over the catalog: codes by prefix (binary search in the sorted code list) and by
 * words (an inverted index of descriptor and plain-language words, tolerant of word order,
 * unfinished last words and small typos). Built once per data load, on first use.
 */
import type { Catalog } from './catalog';

export interface SearchHit {
  code: string;
  score: number;
}

const STOP_WORDS = new Set(['a', 'an', 'and', 'or', 'of', 'the', 'to', 'in', 'on', 'for', 'with', 'w', 'by', 'at', 'per', 'each']);

export function words(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (w.length >= 2 && !STOP_WORDS.has(w)) out.push(w);
  }
  return out;
}

/**
 * The words of the described codes: the inverted index before its vocabulary is sorted. Made a
 * slice of codes at a time by `indexWordsInSlices`, or in one go.
 */
export interface IndexedWords {
  readonly postings: Map<string, number[]>;
  readonly described: string[];
  readonly docLength: number[];
}

/** Codes indexed per slice: up to about 20 ms each in a fresh process (the first slices decode the records from the packs). */
const CODES_PER_SLICE = 100;

/** Indexes the words of `codes[from, to)` into `into`. */
function indexWords(catalog: Catalog, codes: readonly string[], from: number, to: number, into: IndexedWords): void {
  for (let i = from; i < to; i++) {
    const code = codes[i];
    const r = catalog.record(code);
    if (!r) continue;
    const text = [r.shortDescriptor, r.mediumDescriptor, r.longDescriptor, r.summary, r.plainLanguage].filter(Boolean).join(' ');
    const ws = new Set(words(text));
    if (!ws.size) continue;
    const id = into.described.length;
    into.described.push(code);
    into.docLength.push((r.longDescriptor ?? r.shortDescriptor ?? text).length);
    for (const w of ws) {
      let list = into.postings.get(w);
      if (!list) into.postings.set(w, (list = []));
      list.push(id);
    }
  }
}

const noWords = (): IndexedWords => ({ postings: new Map(), described: [], docLength: [] });

/**
 * The words of every described code, a slice of codes at a time with `pause` between slices (it
 * resolves false to give up: undefined then). Reading the records decodes them from the packs: in a
 * fresh extension host the whole index took 0.3-0.5 s, a time in which no hover or keystroke is
 * answered.
 */
export async function indexWordsInSlices(catalog: Catalog, pause: () => Promise<boolean>, slice = CODES_PER_SLICE): Promise<IndexedWords | undefined> {
  const codes = catalog.describedCodes();
  const into = noWords();
  for (let from = 0; from < codes.length; from += slice) {
    indexWords(catalog, codes, from, Math.min(codes.length, from + slice), into);
    if (!(await pause())) return undefined;
  }
  return into;
}

export class SearchIndex {
  private readonly codes: readonly string[];
  private readonly postings: Map<string, number[]>;
  private readonly described: string[];
  private readonly docLength: number[];
  private vocabulary: string[] = [];
  /** Vocabulary words by length, with the set of letters of each (a 26-bit mask): the typo scan's candidates. */
  private readonly byLength = new Map<number, { words: string[]; masks: Int32Array }>();
  /** Work done since the index was built: vocabulary words looked at, edit distances computed, postings read. */
  readonly work = { scanned: 0, compared: 0, postings: 0 };

  /** The index of `catalog`, from its words when already indexed (`indexWordsInSlices`). */
  constructor(catalog: Catalog, indexed?: IndexedWords) {
    this.codes = catalog.codes();
    if (!indexed) {
      const codes = catalog.describedCodes();
      indexWords(catalog, codes, 0, codes.length, (indexed = noWords()));
    }
    this.postings = indexed.postings;
    this.described = indexed.described;
    this.docLength = indexed.docLength;
    this.vocabulary = [...this.postings.keys()].sort();
    const lengths = new Map<number, string[]>();
    for (const w of this.vocabulary) {
      let list = lengths.get(w.length);
      if (!list) lengths.set(w.length, (list = []));
      list.push(w);
    }
    for (const [length, list] of lengths) this.byLength.set(length, { words: list, masks: Int32Array.from(list, letterMask) });
  }

  /** Codes starting with `prefix` (case-insensitive), in code order. */
  prefix(prefix: string, limit = 100): string[] {
    const p = prefix.toUpperCase();
    let lo = 0;
    let hi = this.codes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.codes[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.codes.length && out.length < limit && this.codes[i].startsWith(p); i++) out.push(this.codes[i]);
    return out;
  }

  /** What a look-up box does with what the user typed: a code prefix, or words. */
  find(query: string, limit = 50): SearchHit[] {
    const q = query.trim();
    if (/^[A-Za-z]?\d{1,4}[0-9A-Za-z]?$/.test(q)) return this.prefix(q, limit).map((code) => ({ code, score: 1 }));
    return this.search(q, limit);
  }

  /** Codes whose text matches the query words, best first. */
  search(query: string, limit = 20): SearchHit[] {
    const terms = words(query);
    if (!terms.length) return [];
    const total = this.described.length || 1;
    const scores = new Map<number, { score: number; matched: number }>();
    terms.forEach((term, index) => {
      const last = index === terms.length - 1;
      const best = new Map<number, number>();
      for (const [word, weight] of this.expand(term, last)) {
        const list = this.postings.get(word)!;
        const idf = Math.log(1 + total / list.length);
        this.work.postings += list.length;
        for (const id of list) best.set(id, Math.max(best.get(id) ?? 0, weight * idf));
      }
      for (const [id, s] of best) {
        const entry = scores.get(id) ?? { score: 0, matched: 0 };
        entry.score += s;
        entry.matched++;
        scores.set(id, entry);
      }
    });
    const hits: { id: number; score: number; matched: number }[] = [];
    for (const [id, e] of scores) hits.push({ id, ...e });
    // Codes matching every term when there are any (only those are sorted), else the best partial matches.
    const full = hits.filter((h) => h.matched === terms.length);
    const ranked = full.length ? full : hits;
    ranked.sort(
      (a, b) => b.matched - a.matched || b.score - a.score || this.docLength[a.id] - this.docLength[b.id] || (this.described[a.id] < this.described[b.id] ? -1 : 1),
    );
    return ranked.slice(0, limit).map((h) => ({ code: this.described[h.id], score: h.score }));
  }

  /** Index words a query term stands for, with a weight: exact 1, prefix 0.8, one or two typos 0.6 (only for a word the index lacks). */
  private expand(term: string, allowPrefix: boolean): [string, number][] {
    const out: [string, number][] = [];
    if (this.postings.has(term)) out.push([term, 1]);
    if (allowPrefix || term.length >= 4) {
      let lo = 0;
      let hi = this.vocabulary.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.vocabulary[mid] < term) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < this.vocabulary.length && this.vocabulary[i].startsWith(term) && out.length < 200; i++) {
        if (this.vocabulary[i] !== term) out.push([this.vocabulary[i], 0.8]);
      }
    }
    // A word the index has is taken as written: its near neighbours (`infection` for `injection`) are not typos of it.
    if (term.length >= 4 && !this.postings.has(term)) {
      const maxEdits = term.length >= 8 ? 2 : 1;
      // k edits change at most 2k letters of the word's letter set: a cheap filter before the distance.
      const mask = letterMask(term);
      const typos: string[] = [];
      for (let length = term.length - maxEdits; length <= term.length + maxEdits; length++) {
        const bucket = this.byLength.get(length);
        if (!bucket) continue;
        this.work.scanned += bucket.words.length;
        for (let i = 0; i < bucket.words.length; i++) {
          if (bitCount(bucket.masks[i] ^ mask) > 2 * maxEdits) continue;
          const w = bucket.words[i];
          if (w === term) continue;
          this.work.compared++;
          if (editDistanceWithin(term, w, maxEdits)) typos.push(w);
        }
      }
      // In vocabulary order, as a scan of the sorted vocabulary would find them.
      typos.sort();
      for (const w of typos) out.push([w, 0.6]);
    }
    return out;
  }
}

/** The set of letters and digit classes of a word as bits: a-z one bit each, 0-9 share bits 26-30. */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) mask |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) mask |= 1 << (26 + ((c - 48) % 5));
  }
  return mask;
}

function bitCount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Damerau-Levenshtein (adjacent transpositions) distance ≤ max, with early exit. */
export function editDistanceWithin(a: string, b: string, max: number): boolean {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return false;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m] <= max;
}
