/**
 * Parses and checks a data pack. A pack that fails any check is rejected whole, with
 * the line of the problem, so the caller can keep the data it already has.
 */
import { DataPack, PACK_FORMAT, PACK_SCHEMA_VERSION } from './types';
import { lazyTableOf, OBJECT } from './lazyTable';
import { scanPack } from './scan';

export class PackError extends Error {
  constructor(readonly file: string, readonly line: number | undefined, readonly reason: string) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${reason}`);
  }
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Line of the first occurrence of `"key"` in the text, to point a schema error somewhere useful. */
function lineOfKey(text: string, key: string): number | undefined {
  const at = text.indexOf(JSON.stringify(key));
  return at < 0 ? undefined : lineOfOffset(text, at);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parsePack(text: string, file: string): DataPack {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.indexOf('\u0000') >= 0) throw new PackError(file, lineOfOffset(text, text.indexOf('\u0000')), 'binary data (NUL byte): not a JSON data pack');
  // The fast path: syntax checked and big tables indexed in one pass, entries parsed on demand.
  const scanned = scanPack(text);
  if (scanned) return checkPack(scanned, file, text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const m = /position (\d+)/.exec(message);
    const line = m ? lineOfOffset(text, Number(m[1])) : text.trim() === '' ? 1 : lineOfOffset(text, text.length);
    throw new PackError(file, line, `not valid JSON (${message.replace(/^JSON\.parse: /, '')})`);
  }
  return checkPack(value, file, text);
}

/**
 * The checks of `parsePack` on a value already in memory (a pack an importer built). With the
 * JSON `text`, errors point at the line of the offending key; without it they carry no line.
 */
export function checkPack(value: unknown, file: string, text?: string): DataPack {
  if (!isObject(value)) throw new PackError(file, 1, 'a data pack is a JSON object');
  const fail = (key: string, reason: string): never => {
    throw new PackError(file, text === undefined ? undefined : lineOfKey(text, key), reason);
  };
  if (value.format !== PACK_FORMAT) fail('format', `"format" must be "${PACK_FORMAT}"`);
  if (typeof value.schemaVersion !== 'number' || value.schemaVersion < 1) fail('schemaVersion', '"schemaVersion" must be a positive number');
  if ((value.schemaVersion as number) > PACK_SCHEMA_VERSION) {
    fail('schemaVersion', `schema version ${value.schemaVersion} is newer than this version of CPT Lens understands (${PACK_SCHEMA_VERSION})`);
  }
  if (typeof value.id !== 'string' || !value.id) fail('id', '"id" must be a non-empty string');
  if (typeof value.title !== 'string') fail('title', '"title" must be a string');
  if (!isObject(value.source)) fail('source', '"source" must be an object');
  for (const key of ['codes', 'modifiers', 'placesOfService'] as const) {
    // A lazy table is an object whose entries' shapes are known: no need to parse it to check it.
    if (lazyTableOf(value, key)?.every((shape) => shape === OBJECT)) continue;
    const table = value[key];
    if (table === undefined) continue;
    if (!isObject(table)) fail(key, `"${key}" must be an object keyed by code`);
    // for...in, not Object.entries: no pair array per entry of tables with thousands of codes.
    const entries = table as Record<string, unknown>;
    for (const code in entries) {
      if (!isObject(entries[code])) fail(code, `${key} entry "${code}" must be an object`);
    }
  }
  if (value.sections !== undefined && !Array.isArray(value.sections)) fail('sections', '"sections" must be an array');
  if (value.opps !== undefined) {
    const opps = value.opps;
    // A lazy table is an object by construction: asking would parse it.
    const lazyStatus = lazyTableOf(opps as object, 'status');
    if (!isObject(opps) || !Array.isArray(opps.quarters) || !(lazyStatus || isObject(opps.status))) {
      fail('opps', '"opps" needs "quarters" (array) and "status" (object)');
    }
    const n = ((opps as Record<string, unknown>).quarters as unknown[]).length;
    if (!lazyStatus?.every((shape) => shape === n)) {
      const status = (opps as Record<string, unknown>).status as Record<string, unknown>;
      for (const code in status) {
        const row = status[code];
        if (!Array.isArray(row) || row.length !== n) fail(code, `opps status of "${code}" must have one entry per quarter (${n})`);
      }
    }
  }
  if (value.pfs !== undefined) {
    const pfs = value.pfs;
    const lazyRows = lazyTableOf(pfs as object, 'rows');
    if (!isObject(pfs) || !Array.isArray(pfs.columns) || !(lazyRows || isObject(pfs.rows))) fail('pfs', '"pfs" needs "columns" (array) and "rows" (object)');
  }
  if (value.ptp !== undefined) {
    const ptp = value.ptp;
    if (!isObject(ptp) || !Array.isArray(ptp.rationales) || !isObject(ptp.edits)) fail('ptp', '"ptp" needs "rationales" (array) and "edits" (object)');
    const n = ((ptp as Record<string, unknown>).rationales as unknown[]).length;
    for (const [code, rows] of Object.entries((ptp as Record<string, unknown>).edits as Record<string, unknown>)) {
      if (!Array.isArray(rows)) fail(code, `ptp edits of "${code}" must be an array`);
      for (const row of rows as unknown[]) {
        if (
          !Array.isArray(row) || row.length !== 5 || typeof row[0] !== 'string' || typeof row[1] !== 'number' ||
          (row[2] !== null && typeof row[2] !== 'number') || (row[3] !== 0 && row[3] !== 1 && row[3] !== 9) ||
          typeof row[4] !== 'number' || row[4] < 0 || row[4] >= n
        ) {
          fail(code, `ptp edit of "${code}" must be [column2, effective YYYYMMDD, deletion YYYYMMDD or null, modifier 0/1/9, rationale index]`);
        }
      }
    }
  }
  if (value.mue !== undefined) {
    const mue = value.mue;
    if (!isObject(mue) || !Array.isArray(mue.rationales) || !isObject(mue.values)) fail('mue', '"mue" needs "rationales" (array) and "values" (object)');
    const n = ((mue as Record<string, unknown>).rationales as unknown[]).length;
    for (const [code, row] of Object.entries((mue as Record<string, unknown>).values as Record<string, unknown>)) {
      if (!Array.isArray(row) || row.length !== 3 || typeof row[0] !== 'number' || typeof row[1] !== 'number' || typeof row[2] !== 'number' || row[2] < 0 || row[2] >= n) {
        fail(code, `mue value of "${code}" must be [value, adjudication indicator, rationale index]`);
      }
    }
  }
  return value as unknown as DataPack;
}
