/** Pack files read from the local disk (CLI, desktop extension host). */
import { closeSync, fstatSync, openSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { fileSha256Hex, nodeSha256Hex as sha256 } from '../import/nodeSha256';
import { BUNDLED_PACKS } from './bundled';
import { fileSlices } from './fileSlices';
import type { PackFile } from './load';
import type { DataPack } from './types';
import { layoutOf, restorePack, SavedLayout, SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from './snapshot';

/**
 * A pack file on disk. Read synchronously: a local file is read faster in one call than through
 * the thread pool in chunks, and a CLI run has nothing else to do meanwhile.
 */
export function diskPackFile(file: string): PackFile {
  return { name: file, read: async () => readFileSync(file, 'utf8') };
}

/** Where `npm run build` saves the bundled packs' layouts (see `snapshot.ts`), and their numbers. */
export function snapshotFile(root: string): string {
  return path.join(root, 'dist', 'packs.snapshot.json');
}
const numbersFile = (root: string): string => path.join(root, 'dist', 'packs.snapshot.bin');

/**
 * A pack file's size and modification time (nanoseconds, as a decimal string) when the build read
 * it. Recorded only when the file was last modified well before the build read it, so that an edit
 * right after the build cannot land on the same (coarse) timestamp ("racy" stamps, as git says).
 */
export interface FileStamp {
  size: number;
  mtimeNs: string;
}

interface SavedPack {
  sha256: string;
  stamp?: FileStamp;
  layout: SavedLayout;
}

interface SnapshotFile {
  format: string;
  version: number;
  packs: Record<string, SavedPack>;
  /** Size of the binary file, to refuse one that does not belong to this JSON. */
  bytes?: number;
}

/**
 * In the JSON file a table's keys are one string and its numbers (offsets, shapes, key order, key
 * starts) lie in the binary file next to it, read as views without copying or decoding.
 */
interface StoredTable {
  normalize: 'code' | 'row';
  from: number;
  to: number;
  keys: string;
  raw?: string[];
  /** Index (in Int32 units) of the table's numbers in the binary file; n entries: 4n + (n + 1) numbers. */
  at: number;
  n: number;
}

function encode(layout: SavedLayout, numbers: Int32Array[], at: { next: number }): unknown {
  return layout.map((m) => {
    if ('m' in m) return { k: m.k, m: encode(m.m, numbers, at) };
    if (!('t' in m)) return m;
    const t = m.t;
    const n = t.keys.starts.length - 1;
    const stored: StoredTable = { normalize: t.normalize, from: t.from, to: t.to, keys: t.keys.joined, at: at.next, n };
    if (t.raw) stored.raw = t.raw;
    numbers.push(t.offsets, t.keys.starts);
    at.next += t.offsets.length + t.keys.starts.length;
    return { k: m.k, t: stored };
  });
}

function decode(layout: unknown[], numbers: Int32Array): SavedLayout {
  return (layout as SavedLayout).map((m) => {
    if ('m' in m) return { k: m.k, m: decode(m.m, numbers) };
    if (!('t' in m)) return m;
    const t = m.t as unknown as StoredTable;
    const offsets = numbers.subarray(t.at, t.at + 4 * t.n);
    const starts = numbers.subarray(t.at + 4 * t.n, t.at + 5 * t.n + 1);
    return { k: m.k, t: { normalize: t.normalize, from: t.from, to: t.to, keys: { joined: t.keys, starts }, raw: t.raw, offsets } };
  });
}

/** Timestamps this close to the read may be shared by a later edit (coarse clocks: 2 s on FAT). */
const RACY_MS = 2000;

/** Saves the layouts of the bundled packs under `root` (run by scripts/build.mjs). */
export function writeBundledSnapshot(root: string): string {
  const packs: SnapshotFile['packs'] = {};
  const numbers: Int32Array[] = [];
  const at = { next: 0 };
  for (const name of BUNDLED_PACKS) {
    const readAt = Date.now();
    const { bytes, stamp } = readStamped(path.join(root, 'data', 'packs', name));
    const layout = layoutOf(bytes.toString('utf8'), name);
    if (!layout) continue;
    const saved: SavedPack = { sha256: sha256(bytes), layout: encode(layout, numbers, at) as SavedLayout };
    if (Number(BigInt(stamp.mtimeNs) / 1_000_000n) < readAt - RACY_MS) saved.stamp = stamp;
    packs[name] = saved;
  }
  const all = new Int32Array(at.next);
  let o = 0;
  for (const a of numbers) {
    all.set(a, o);
    o += a.length;
  }
  writeFileSync(numbersFile(root), new Uint8Array(all.buffer));
  const file = snapshotFile(root);
  writeFileSync(file, JSON.stringify({ format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, bytes: all.byteLength, packs }));
  return file;
}

/** A file's bytes and the stamp of the very file read (one open: no swap between stat and read). */
function readStamped(file: string): { bytes: Buffer; stamp: FileStamp } {
  const fd = openSync(file, 'r');
  try {
    const { mtimeNs } = fstatSync(fd, { bigint: true });
    const bytes = readFileSync(fd);
    return { bytes, stamp: { size: bytes.length, mtimeNs: String(mtimeNs) } };
  } finally {
    closeSync(fd);
  }
}

const sameStamp = (a: FileStamp | undefined, b: FileStamp): boolean => a !== undefined && a.size === b.size && a.mtimeNs === b.mtimeNs;

/** The saved layouts, or nothing when absent, unreadable or of another version (packs are then scanned). */
function readSnapshot(root: string): Record<string, SavedPack> {
  try {
    const saved = JSON.parse(readFileSync(snapshotFile(root), 'utf8')) as SnapshotFile;
    if (saved.format !== SNAPSHOT_FORMAT || saved.version !== SNAPSHOT_VERSION) return {};
    const bytes = readFileSync(numbersFile(root));
    if (bytes.byteLength !== saved.bytes || bytes.byteOffset % 4 !== 0) return {};
    const numbers = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    const packs: Record<string, SavedPack> = {};
    for (const [name, p] of Object.entries(saved.packs)) packs[name] = { sha256: p.sha256, stamp: p.stamp, layout: decode(p.layout, numbers) };
    return packs;
  } catch {
    // No snapshot: a checkout before `npm run build`.
    return {};
  }
}

/** The pack rebuilt from its saved layout, or undefined when the file's bytes are not the saved ones. */
function restoreSaved(file: string, saved: SavedPack): DataPack | undefined {
  const fd = openSync(file, 'r');
  let owned = false;
  try {
    const { size, mtimeNs } = fstatSync(fd, { bigint: true });
    // The very bytes saved when the stamp says so (no read), else when their hash does (an installed
    // copy: installing sets new times). Then only what is asked for is read, through this descriptor
    // (this file, whatever replaces it on disk later), which the slices own and close.
    if (!sameStamp(saved.stamp, { size: Number(size), mtimeNs: String(mtimeNs) }) && saved.sha256 !== fileSha256Hex(fd)) return undefined;
    const slice = fileSlices(fd);
    owned = true;
    return restorePack(slice, saved.layout);
  } finally {
    if (!owned) closeSync(fd);
  }
}

/**
 * The bundled packs inside an installed extension or a checkout (`<root>/data/packs`). A pack whose
 * bytes are exactly the ones snapshotted at build time is rebuilt from its saved layout, and only
 * the parts read are ever decoded; any other is read and parsed from its text. The bytes are known
 * to be the same when the file's size and modification time are the ones the build recorded
 * (hashing the 3.8 MB of packs took a tenth of a CLI run), and then only the parts asked for are
 * read; else when their hash is.
 */
export function bundledPackFiles(root: string): PackFile[] {
  let snapshot: Record<string, SavedPack> | undefined;
  return BUNDLED_PACKS.map((name) => {
    const file = path.join(root, 'data', 'packs', name);
    return {
      ...diskPackFile(file),
      load: async () => {
        snapshot ??= readSnapshot(root);
        const saved = Object.prototype.hasOwnProperty.call(snapshot, name) ? snapshot[name] : undefined;
        if (!saved) return undefined;
        return restoreSaved(file, saved);
      },
    };
  });
}
