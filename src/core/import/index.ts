/**
 * Importing a user's data file into a data pack. One entry point, bytes in:
 *
 *     const { pack, summary } = importData(bytes, 'PPRRVU2025_Oct.csv');
 *
 * The format is detected from the content; the result is a whole DataPack (checked by
 * `parsePack`) and a summary of what was found, or an ImportError {file, line, reason}:
 * never a half result. Hosts cache the pack by `importCacheKey(bytes, options)`.
 */
import { checkPack, parsePack, PackError } from '../pack/parse';
import { findDuplicateKey } from '../pack/duplicates';
import { DataPack, PACK_FORMAT, PACK_SCHEMA_VERSION } from '../pack/types';
import { importAmaDescriptors, importAmaTable } from './ama';
import type { Converted, ImportContext } from './common';
import { detectFormat } from './detect';
import { ImportError } from './errors';
import { importHcpcsCsv, importHcpcsFixed } from './hcpcs';
import { baseName, decodeInput } from './input';
import { importMappedCsv, importMappedJson } from './mapped';
import { importMue, importPtp } from './ncci';
import { importOpps } from './opps';
import { importPfsCsv, importPfsFixed } from './pfs';
import { sha256Hex } from './sha256';
import { FORMAT_LABELS, ImportFormat, ImportOptions, ImportResult, ImportSummary } from './types';

export { ImportError } from './errors';
export { detectFormat } from './detect';
export { sha256Hex, useNativeSha256 } from './sha256';
export * from './types';

/** Bumped whenever an importer's output changes, so cached packs are converted again. */
export const IMPORTER_VERSION = 1;

function convert(format: ImportFormat, ctx: ImportContext): Converted {
  const mapping = ctx.options.mapping;
  switch (format) {
    case 'ama-descriptors': return importAmaDescriptors(ctx);
    case 'ama-consumer': return importAmaTable(ctx, 'consumer');
    case 'ama-clinician': return importAmaTable(ctx, 'clinician');
    case 'cms-pfs-rvu': return importPfsCsv(ctx);
    case 'cms-pfs-rvu-fixed': return importPfsFixed(ctx);
    case 'cms-opps-addendum-b': return importOpps(ctx);
    case 'cms-hcpcs': return importHcpcsCsv(ctx);
    case 'cms-hcpcs-fixed': return importHcpcsFixed(ctx);
    case 'ncci-ptp': return importPtp(ctx);
    case 'ncci-mue': return importMue(ctx);
    case 'mapped-csv':
    case 'mapped-json':
      if (!mapping) throw new ImportError(ctx.input.file, undefined, `${format} needs a column mapping`);
      return format === 'mapped-csv' ? importMappedCsv(ctx, mapping) : importMappedJson(ctx, mapping);
    case 'cptlens-pack':
      throw new Error('unreachable');
  }
}

/** Which card fields a pack fills, for the summary ("shortDescriptor", "pfs", ...). */
export function packFields(pack: DataPack): string[] {
  const fields = new Set<string>();
  for (const entry of Object.values(pack.codes ?? {})) for (const [k, v] of Object.entries(entry)) if (v !== undefined) fields.add(k);
  for (const k of ['pfs', 'opps', 'ptp', 'mue'] as const) if (pack[k]) fields.add(k);
  if (pack.modifiers && Object.keys(pack.modifiers).length) fields.add('modifiers');
  return [...fields].sort();
}

/** Distinct procedure codes a pack says anything about. */
export function packCodeCount(pack: DataPack): number {
  const all = new Set<string>(Object.keys(pack.codes ?? {}));
  for (const c of Object.keys(pack.pfs?.rows ?? {})) all.add(c);
  for (const c of Object.keys(pack.opps?.status ?? {})) all.add(c);
  for (const c of Object.keys(pack.ptp?.edits ?? {})) all.add(c);
  for (const c of Object.keys(pack.mue?.values ?? {})) all.add(c);
  return all.size;
}

/**
 * Converts a data file to a pack. Throws ImportError naming the file, the line and the
 * reason; anything else thrown by an importer is a bug and is rethrown as an ImportError
 * without a line, so a host never half-loads.
 */
export function importData(bytes: Uint8Array, file: string, options: ImportOptions = {}): ImportResult {
  try {
    return importUnchecked(bytes, file, options);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    if (e instanceof PackError) throw new ImportError(e.file, e.line, e.reason);
    throw new ImportError(file, undefined, `could not be converted: ${(e as Error).message ?? e}`);
  }
}

function importUnchecked(bytes: Uint8Array, file: string, options: ImportOptions): ImportResult {
  const input = decodeInput(bytes, file);
  const { format } = detectFormat(input.text, file, options);
  const sha256 = sha256Hex(bytes);
  const warnings: string[] = [];
  let pack: DataPack;
  let rows: number;
  let quarters: string[] | undefined;
  if (format === 'cptlens-pack') {
    pack = parsePack(input.text, file);
    const duplicate = findDuplicateKey(input.text);
    if (duplicate) throw new ImportError(file, duplicate.line, `"${duplicate.key}" is listed twice in "${duplicate.table}": a second entry would silently replace the first`);
    rows = packCodeCount(pack);
    quarters = pack.opps?.quarters;
  } else {
    const ctx: ImportContext = { input, options, warnings, meter: options.meter };
    const c = convert(format, ctx);
    rows = c.rows;
    quarters = c.quarters;
    const built: DataPack = {
      format: PACK_FORMAT,
      schemaVersion: PACK_SCHEMA_VERSION,
      id: options.id ?? `file:${baseName(file)}`,
      title: c.title,
      ...(c.asOf ? { asOf: c.asOf } : {}),
      ...(c.codeSetYear ? { codeSetYear: c.codeSetYear } : {}),
      source: c.source,
      ...c.data,
      imported: { format, file: baseName(file), sha256, importerVersion: IMPORTER_VERSION, encoding: input.encoding, ...(warnings.length ? { warnings } : {}) },
    };
    // Same checks as any pack from disk: what is cached and loaded later parses the same way.
    pack = checkPack(built, file);
  }
  const summary: ImportSummary = {
    format,
    formatLabel: FORMAT_LABELS[format],
    file,
    encoding: input.encoding,
    codes: packCodeCount(pack),
    modifiers: Object.keys(pack.modifiers ?? {}).length,
    ...(pack.ptp ? { ptpEdits: Object.values(pack.ptp.edits).reduce((n, rows) => n + rows.length, 0) } : {}),
    ...(pack.mue ? { mueValues: Object.keys(pack.mue.values).length } : {}),
    ...(pack.asOf ? { asOf: pack.asOf } : {}),
    ...(quarters?.length ? { quarters } : {}),
    ...(pack.codeSetYear ? { year: pack.codeSetYear } : {}),
    fields: packFields(pack),
    rows,
    warnings,
    sha256,
  };
  return { pack, summary };
}

/**
 * The cache key of a conversion: the file's SHA-256, the importer version and the options
 * that change the output. Same key, same pack.
 */
export function importCacheKey(bytes: Uint8Array, options: ImportOptions = {}): string {
  const { meter: _meter, ...rest } = options;
  const optionsHash = Object.keys(rest).length ? `-${sha256Hex(new TextEncoder().encode(JSON.stringify(rest, sortedReplacer))).slice(0, 12)}` : '';
  return `${sha256Hex(bytes)}-v${IMPORTER_VERSION}${optionsHash}`;
}

function sortedReplacer(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return value;
}

/**
 * Merge order of user packs: the order the user listed them, except that packs of the same
 * format trade places so that an older release comes before a newer one (later quarters win).
 * Packs without a release keep their place. Bundled packs come before all of these.
 */
export function orderImported<T extends { pack: DataPack }>(items: readonly T[]): T[] {
  const out = [...items];
  const byFormat = new Map<string, number[]>();
  items.forEach((item, i) => {
    const f = item.pack.imported?.format ?? 'cptlens-pack';
    if (!item.pack.asOf) return;
    (byFormat.get(f) ?? byFormat.set(f, []).get(f)!).push(i);
  });
  for (const slots of byFormat.values()) {
    const sorted = slots.map((i) => items[i]).sort((a, b) => (a.pack.asOf! < b.pack.asOf! ? -1 : a.pack.asOf! > b.pack.asOf! ? 1 : 0));
    slots.forEach((slot, k) => (out[slot] = sorted[k]));
  }
  return out;
}

export { importCached, cacheFileName } from './cache';
export type { PackCache, CachedImport } from './cache';
