/** Shared helpers of the importer tests. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ImportError, importData } from '../../../src/core/import';
import type { ImportOptions, ImportResult } from '../../../src/core/import';
import { REPO_ROOT, sharedFile } from '../helpers/engine';

export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'import');

export function fixture(name: string, options?: ImportOptions): ImportResult {
  const file = path.join(FIXTURES, name);
  return importData(fs.readFileSync(file), file, options);
}

/** Imports a real CMS file from ../shared/data/raw, or skips the test when it is absent. */
const sharedCache = new Map<string, ImportResult>();

/** Drops the converted real files, so later suites (some timed) do not carry their heap. */
export function clearShared(): void {
  sharedCache.clear();
}

export function shared(ctx: Mocha.Context, relative: string, options?: ImportOptions): ImportResult {
  const file = sharedFile(ctx, `data/raw/${relative}`);
  const key = `${relative}|${JSON.stringify(options ?? {})}`;
  let result = sharedCache.get(key);
  if (!result) sharedCache.set(key, (result = importData(fs.readFileSync(file), file, options)));
  return result;
}

export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Asserts that `fn` throws an ImportError for `file` at `line` whose reason matches. */
export function throwsImport(fn: () => unknown, file: string, line: number | undefined, reason: RegExp): ImportError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ImportError, `expected ImportError, got ${(e as Error).stack}`);
    assert.equal(e.file, file);
    assert.equal(e.line, line, `line of: ${e.message}`);
    assert.match(e.reason, reason);
    assert.match(e.message, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${line !== undefined ? `:${line}` : ''}: `));
    return e;
  }
  assert.fail('no ImportError thrown');
}

/** Loads data/build/validate.mjs (ESM) from the compiled CommonJS tests. */
export async function schemaCheck(value: unknown): Promise<string[]> {
  const load = new Function('p', 'return import(p)') as (p: string) => Promise<{ validate(v: unknown, s: unknown): string[] }>;
  const { validate } = await load(path.join(REPO_ROOT, 'data', 'build', 'validate.mjs'));
  const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'data', 'pack.schema.json'), 'utf8'));
  return validate(value, schema);
}
