/**
 * The text between two byte offsets of an open file, read when asked for. A pack restored from the
 * snapshot is asked for a few hundred to a few thousand entries in a CLI run; reading its whole file
 * (3.8 MB for the bundled packs) into fresh memory cost more than everything read from it, and one
 * read per entry cost more again (a system call is slow on the project's VM). So the file is read a
 * block at a time, each block once, when an entry in it is first asked for.
 */
import { closeSync, readSync } from 'fs';

/** Bytes read at a time: entries of one table lie next to each other, and codes are asked in clusters. */
const BLOCK = 16 * 1024;

/** Closes the descriptor once nothing can read through it any more. */
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/** `slice(start, end)` over `fd`, which it owns from now on (closed when the slice is collected). */
export function fileSlices(fd: number): (start: number, end: number) => string {
  const blocks = new Map<number, Buffer>();
  const block = (index: number): Buffer => {
    let bytes = blocks.get(index);
    if (!bytes) {
      bytes = Buffer.allocUnsafe(BLOCK);
      let done = 0;
      for (let n = 1; n > 0 && done < BLOCK; done += n) n = readSync(fd, bytes, done, BLOCK - done, index * BLOCK + done);
      blocks.set(index, (bytes = bytes.subarray(0, done)));
    }
    return bytes;
  };
  const slice = (start: number, end: number): string => {
    const first = Math.floor(start / BLOCK);
    const last = Math.floor((end - 1) / BLOCK);
    const parts: Buffer[] = [];
    for (let b = first; b <= last; b++) {
      const bytes = block(b);
      const from = b === first ? start - b * BLOCK : 0;
      const to = b === last ? end - b * BLOCK : BLOCK;
      if (to > bytes.length) throw new Error('the pack file became shorter while it was read');
      parts.push(bytes.subarray(from, to));
    }
    // Bytes first, then text: a character may straddle two blocks.
    return (parts.length === 1 ? parts[0] : Buffer.concat(parts)).toString('utf8');
  };
  closer.register(slice, fd);
  return slice;
}
