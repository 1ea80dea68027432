/**
 * `.cptlens.json`: a project's CPT Lens settings, read by the CLI (from the current directory
 * or the nearest parent) and by the extension (workspace folder). Shape:
 *
 *     {
 *       "data": {
 *         "files": [
 *           "cms/PPRRVU2025_Oct.csv",
 *           { "path": "payer/list.csv", "mapping": { "code": "CPT", "shortDescriptor": "Description" } }
 *         ]
 *       },
 *       "rules": { "inpatient-only": "error", "modifier-unknown": "off" }
 *     }
 *
 * Paths are relative to the folder holding the file. Files load after the bundled packs, in
 * the order listed (later releases of the same format after earlier ones). Pure: the caller
 * reads the file and says which paths exist.
 */
import type { RuleSettings } from '../rules/types';
import { ImportError, lineAt } from '../import/errors';
import type { ColumnMapping, ImportFormat, ImportOptions } from '../import/types';

export const PROJECT_CONFIG_FILE = '.cptlens.json';

/** A data file with the options its import needs (a mapping, a quarter the file does not state). */
export interface DataFileEntry extends Omit<ImportOptions, 'meter' | 'mapping' | 'format'> {
  path: string;
  format?: ImportFormat;
  mapping?: ColumnMapping;
}

export interface ProjectConfig {
  data?: { files?: (string | DataFileEntry)[] };
  rules?: RuleSettings;
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Parses and checks `.cptlens.json`; a problem is an ImportError naming the file and line. */
export function parseProjectConfig(text: string, file: string): ProjectConfig {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    throw new ImportError(file, m ? lineAt(text, Number(m[1])) : 1, `not valid JSON (${(e as Error).message})`);
  }
  const lineOf = (key: string): number | undefined => {
    const at = text.indexOf(JSON.stringify(key));
    return at < 0 ? undefined : lineAt(text, at);
  };
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(value)) throw new ImportError(file, 1, `${PROJECT_CONFIG_FILE} holds a JSON object`);
  const config: ProjectConfig = {};
  if (value.data !== undefined) {
    if (!isObject(value.data)) throw new ImportError(file, lineOf('data'), '"data" must be an object with "files"');
    const files = value.data.files;
    if (files !== undefined) {
      if (!Array.isArray(files)) throw new ImportError(file, lineOf('files'), '"data.files" must be an array of paths or {"path": ...} objects');
      for (const f of files) {
        if (typeof f === 'string' && f) continue;
        if (isObject(f) && typeof f.path === 'string' && f.path) {
          if (f.mapping !== undefined && (!isObject(f.mapping) || f.mapping.code === undefined)) {
            throw new ImportError(file, lineOf('mapping'), `the mapping of "${f.path}" needs "code"`);
          }
          continue;
        }
        throw new ImportError(file, lineOf('files'), '"data.files" entries are paths or objects with a "path"');
      }
      config.data = { files: files as (string | DataFileEntry)[] };
    } else config.data = {};
  }
  if (value.rules !== undefined) {
    if (!isObject(value.rules)) throw new ImportError(file, lineOf('rules'), '"rules" maps rule ids to error, warning, information, hint or off');
    for (const [rule, severity] of Object.entries(value.rules)) {
      if (typeof severity !== 'string' || !SEVERITIES.has(severity)) {
        throw new ImportError(file, lineOf(rule), `rule "${rule}": "${String(severity)}" is not error, warning, information, hint or off`);
      }
    }
    config.rules = value.rules as RuleSettings;
  }
  return config;
}

/** The data files of a config as entries, paths as written. */
export function dataFileEntries(config: ProjectConfig): DataFileEntry[] {
  return (config.data?.files ?? []).map((f) => (typeof f === 'string' ? { path: f } : f));
}

/** Import options of an entry (everything but its path). */
export function entryOptions(entry: DataFileEntry): ImportOptions {
  const { path: _path, ...options } = entry;
  return options;
}

/**
 * The config file that applies to `dir`: `.cptlens.json` in it or the nearest parent.
 * `exists` is the host's file check; paths use `/` or `\` as written.
 */
export function findProjectConfig(dir: string, exists: (file: string) => boolean): string | undefined {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  let current = dir.replace(/[\\/]+$/, '') || sep;
  for (;;) {
    const candidate = current === sep ? `${sep}${PROJECT_CONFIG_FILE}` : `${current}${sep}${PROJECT_CONFIG_FILE}`;
    if (exists(candidate)) return candidate;
    const cut = Math.max(current.lastIndexOf('/'), current.lastIndexOf('\\'));
    if (cut < 0) return undefined;
    const parent = cut === 0 ? sep : current.slice(0, cut);
    if (parent === current || /^[A-Za-z]:$/.test(current)) return undefined;
    current = parent;
  }
}
