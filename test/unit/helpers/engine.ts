/** The engine over the bundled packs in `data/packs`, loaded once for all unit tests. */
import * as fs from 'fs';
import * as path from 'path';
import { Engine } from '../../../src/core/engine';
import { BUNDLED_PACKS } from '../../../src/core/pack/bundled';
import { parsePack } from '../../../src/core/pack/parse';
import type { DataPack } from '../../../src/core/pack/types';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const SHARED = path.resolve(REPO_ROOT, '../shared');

let packs: DataPack[] | undefined;

export function bundledPacks(): DataPack[] {
  return (packs ??= BUNDLED_PACKS.map((name) => {
    const file = path.join(REPO_ROOT, 'data', 'packs', name);
    return parsePack(fs.readFileSync(file, 'utf8'), file);
  }));
}

/** An engine whose "today" is fixed, so inpatient-only answers do not drift with the calendar. */
export function engineOn(today = '2026-11-27', extra: DataPack[] = []): Engine {
  return new Engine([...bundledPacks(), ...extra], () => today);
}

/** Reads a real sample from ../shared, or skips the test with a clear reason when it is absent. */
export function sharedFile(ctx: Mocha.Context, relative: string): string {
  const file = path.join(SHARED, relative);
  if (!fs.existsSync(file)) {
    console.warn(`SKIPPED: ${relative} needs ../shared, which is absent here`);
    ctx.skip();
  }
  return file;
}
