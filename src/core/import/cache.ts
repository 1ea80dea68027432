/**
 * Converting once: a converted pack is kept under `importCacheKey(bytes, options)` (the file's
 * SHA-256, the importer version and the options), so a later activation loads it instead of
 * parsing the source file again. The host supplies the storage (the extension: files in its
 * global storage; tests: a Map). A cache entry that cannot be read is ignored and the file is
 * converted again; a failed write is ignored too: the cache is never the reason data is missing.
 */
import { checkPack } from '../pack/parse';
import { importCacheKey, importData } from './index';
import { baseName } from './input';
import type { ImportOptions, ImportResult, ImportSummary } from './types';

export interface PackCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, text: string): Promise<void>;
}

export interface CachedImport extends ImportResult {
  key: string;
  fromCache: boolean;
}

/** What a cache entry holds. */
interface CacheEntry {
  cacheFormat: 1;
  summary: ImportSummary;
  pack: unknown;
}

/** A file name for a cache key (keys are hex and dashes, safe everywhere). */
export function cacheFileName(key: string): string {
  return `${key}.cptlens-import.json`;
}

/**
 * The pack of a file, from the cache when it holds this content, else converted (and cached).
 * Throws ImportError exactly as `importData` does; `convert` replaces `importData` (same contract).
 */
export async function importCached(
  bytes: Uint8Array, file: string, options: ImportOptions, cache: PackCache,
  convert: (bytes: Uint8Array, file: string, options: ImportOptions) => ImportResult | Promise<ImportResult> = importData,
): Promise<CachedImport> {
  const key = importCacheKey(bytes, options);
  const text = await cache.get(key).catch(() => undefined);
  if (text !== undefined) {
    try {
      const entry = JSON.parse(text) as CacheEntry;
      if (entry.cacheFormat === 1 && entry.summary && entry.pack) {
        const pack = checkPack(entry.pack, cacheFileName(key));
        // Same bytes under another name: the pack is named after the file asked for.
        pack.id = options.id ?? (pack.imported ? `file:${baseName(file)}` : pack.id);
        if (pack.imported) pack.imported.file = baseName(file);
        return { pack, summary: { ...entry.summary, file }, key, fromCache: true };
      }
    } catch {
      // Unreadable entry: convert again below.
    }
  }
  // The host may convert elsewhere (the extension: a worker thread, so a 100 MB file does not hold up its host).
  const result = await convert(bytes, file, options);
  const entry: CacheEntry = { cacheFormat: 1, summary: result.summary, pack: result.pack };
  await cache.set(key, JSON.stringify(entry)).catch(() => undefined);
  return { ...result, key, fromCache: false };
}
