/**
 * The text between two byte offsets of an open file, read when asked for. A pack restored from the
 * snapshot is asked for a few hundred entries in a CLI run; reading its whole file (3.8 MB for the
 * bundled packs) into fresh memory cost more than everything read from it.
 */
import { closeSync, readSync } from 'fs';

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
  const slice = (start: number, end: number): string => {
    const bytes = Buffer.allocUnsafe(end - start);
    for (let done = 0; done < bytes.length; ) {
      const n = readSync(fd, bytes, done, bytes.length - done, start + done);
      if (n === 0) throw new Error('the pack file became shorter while it was read');
      done += n;
    }
    return bytes.toString('utf8');
  };
  closer.register(slice, fd);
  return slice;
}
