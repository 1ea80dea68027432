/** Pack files read from the local disk (CLI, desktop extension host). */
import { readFile } from 'fs/promises';
import * as path from 'path';
import { BUNDLED_PACKS } from './bundled';
import type { PackFile } from './load';

export function diskPackFile(file: string): PackFile {
  return { name: file, read: () => readFile(file, 'utf8') };
}

/** The bundled packs inside an installed extension or a checkout (`<root>/data/packs`). */
export function bundledPackFiles(root: string): PackFile[] {
  return BUNDLED_PACKS.map((name) => diskPackFile(path.join(root, 'data', 'packs', name)));
}
