/**
 * For hosts on Node (the CLI, the desktop extension host, the import worker): key converted files
 * with Node's own SHA-256 instead of the portable one (`sha256.ts`), 25x faster on a 100 MB file.
 */
import type * as Crypto from 'crypto';
import { readSync } from 'fs';
import { useNativeSha256 } from './sha256';

let crypto: typeof Crypto | undefined;

/**
 * A new SHA-256 hash. Node's crypto is loaded on the first call: it loads some 35 modules (the
 * stream machinery among them), a tenth of a CLI start that hashes nothing.
 */
const sha256 = (): Crypto.Hash => (crypto ??= require('crypto') as typeof Crypto).createHash('sha256');

/** SHA-256 of the bytes, hex. */
export function nodeSha256Hex(data: Uint8Array): string {
  return sha256().update(data).digest('hex');
}

export function useNodeSha256(): void {
  useNativeSha256(nodeSha256Hex);
}

/** Read buffer of `fileSha256Hex`, reused: a file's bytes are hashed, not kept. */
let scratch: Buffer | undefined;

/**
 * SHA-256 of an open file's bytes, hex, read 64 KB at a time into one buffer that is reused (reading
 * the 3.8 MB of bundled packs whole into fresh memory cost as much as hashing them).
 */
export function fileSha256Hex(fd: number): string {
  const hash = sha256();
  const buffer = (scratch ??= Buffer.allocUnsafe(64 * 1024));
  for (let at = 0, n: number; (n = readSync(fd, buffer, 0, buffer.length, at)) > 0; at += n) hash.update(buffer.subarray(0, n));
  return hash.digest('hex');
}
