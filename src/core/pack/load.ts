/**
 * Loading a set of packs: each file is read and checked on its own; a file that fails is
 * reported and left out, and the others still load.
 */
import type { DataPack } from './types';
import { PackError, parsePack } from './parse';

export interface PackFile {
  /** Path or name, used in messages. */
  name: string;
  read(): Promise<string>;
  /** The pack read another way (a build-time snapshot of the same bytes), or undefined: then `read` and parse. */
  load?(): Promise<DataPack | undefined>;
}

export interface LoadResult {
  packs: DataPack[];
  errors: PackError[];
}

export async function loadPacks(files: readonly PackFile[]): Promise<LoadResult> {
  const results = await Promise.all(
    files.map(async (file) => {
      try {
        return (await file.load?.()) ?? parsePack(await file.read(), file.name);
      } catch (e) {
        return e instanceof PackError ? e : new PackError(file.name, undefined, (e as Error).message);
      }
    }),
  );
  return {
    packs: results.filter((r): r is DataPack => !(r instanceof PackError)),
    errors: results.filter((r): r is PackError => r instanceof PackError),
  };
}
