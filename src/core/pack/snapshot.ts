/**
 * A pack's layout, saved at build time for the bundled packs: where each member lies in the file
 * (byte offsets) and every big table's key index. With the file's bytes unchanged (the caller
 * compares a hash), the pack is rebuilt without decoding or scanning the whole file: what
 * `parsePack` gives, with every value decoded from its own bytes when first read.
 */
import { codeKey, defineLazyTable, LazyTable, rowKey, SavedKeys } from './lazyTable';
import { parsePack } from './parse';
import { PackLayout, scanPack } from './scan';
import type { DataPack } from './types';

export const SNAPSHOT_FORMAT = 'cpt-lens-pack-snapshot';
export const SNAPSHOT_VERSION = 1;

/** A lazy table as saved: `offsets` holds every entry's start, then every end, every shape, and the entry numbers in key order. */
export interface SavedTable {
  normalize: 'code' | 'row';
  from: number;
  to: number;
  keys: SavedKeys;
  /** Keys as written, when any differs from its normalized form. */
  raw?: string[];
  offsets: Int32Array;
}

export type SavedLayout = ({ k: string; s: number; e: number } | { k: string; t: SavedTable } | { k: string; m: SavedLayout })[];

/**
 * The layout of a pack text that `parsePack` accepts, with offsets in UTF-8 bytes; undefined for
 * a text it rejects, parses whole, or that starts with a byte order mark.
 */
export function layoutOf(text: string, file: string): SavedLayout | undefined {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  const layout: PackLayout = [];
  const value = scanPack(text, layout);
  if (!value) return undefined;
  parsePack(text, file); // throws on a pack that fails the checks: nothing to save
  return save(layout, byteOffsets(text));
}

/** Offset in characters -> offset in UTF-8 bytes (identity for ASCII text). */
function byteOffsets(text: string): (offset: number) => number {
  if (!/[^\u0000-\u007f]/.test(text)) return (o) => o;
  const bytes = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is 4 bytes, 2 per half.
    bytes[i + 1] = bytes[i] + (c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3);
  }
  return (o) => bytes[o];
}

function save(layout: PackLayout, byte: (offset: number) => number): SavedLayout {
  return layout.map((m) => {
    if ('members' in m) return { k: m.key, m: save(m.members, byte) };
    if ('start' in m) return { k: m.key, s: byte(m.start), e: byte(m.end) };
    const t = m.table;
    const n = t.size;
    const offsets = new Int32Array(4 * n);
    offsets.set(t.start.subarray(0, n).map(byte), 0);
    offsets.set(t.end.subarray(0, n).map(byte), n);
    offsets.set(t.shape.subarray(0, n), 2 * n);
    offsets.set(t.keyOrder(), 3 * n);
    const list = t.keys();
    const starts = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) starts[i + 1] = starts[i] + list[i].length;
    const keys = { joined: list.join(''), starts };
    const saved: SavedTable = { normalize: t.normalize === codeKey ? 'code' : 'row', from: byte(t.from), to: byte(t.to), keys, offsets };
    if (list.some((k, i) => k !== t.raw[i])) saved.raw = t.raw;
    return { k: m.key, t: saved };
  });
}

/**
 * The pack `parsePack` gives for the file whose bytes the layout was saved from; `slice` decodes
 * the bytes between two offsets. No checks run: these very bytes passed them when the layout was saved.
 */
export function restorePack(slice: (start: number, end: number) => string, layout: SavedLayout): DataPack {
  return restore(slice, layout) as unknown as DataPack;
}

function restore(slice: (start: number, end: number) => string, layout: SavedLayout): Record<string, unknown> {
  const holder: Record<string, unknown> = {};
  for (const m of layout) {
    if ('m' in m) holder[m.k] = restore(slice, m.m);
    else if ('s' in m) holder[m.k] = JSON.parse(slice(m.s, m.e));
    else {
      const t = m.t;
      const n = t.keys.starts.length - 1;
      const o = t.offsets;
      const table = LazyTable.restore(slice, t.normalize === 'code' ? codeKey : rowKey, t.from, t.to, t.keys, t.raw, o.subarray(0, n), o.subarray(n, 2 * n), o.subarray(2 * n, 3 * n), o.subarray(3 * n, 4 * n));
      defineLazyTable(holder, m.k, table);
    }
  }
  return holder;
}
