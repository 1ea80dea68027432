/**
 * `cpt-lens`: the command-line checker over the same engine as the extension.
 * Reads files, never writes them. Reads them synchronously: a run has nothing to overlap with its
 * reads, and asynchronous ones only add trips through the thread pool (and loading fs/promises).
 */
import { existsSync, readFileSync, writeSync } from 'fs';
import * as path from 'path';
import { Engine } from '../core/engine';
import { loadPacks } from '../core/pack/load';
import { bundledPackFiles } from '../core/pack/nodeFiles';
import type { DataPack } from '../core/pack/types';
import { ImportError, importData, ImportOptions, ImportResult, orderImported } from '../core/import';
import { useNodeSha256 } from '../core/import/nodeSha256';
import { dataFileEntries, entryOptions, findProjectConfig, parseProjectConfig, ProjectConfig } from '../core/config/projectConfig';
import type { RuleSettings } from '../core/rules/types';
import { looksBinary } from '../core/text/decode';
import { cardToMarkdown } from '../core/card/markdown';
import { cardToText } from '../core/card/text';
import { codeShape } from '../core/codes/shapes';
import { Args, parseArgs, UsageError, USAGE } from './args';
import { toSarif, SarifInput } from './sarif';
import { cliVersion } from './version';
import { fileText } from './fileText';
import { findingRow, occurrenceRow, Row, rowText } from './rows';

// Converted files are keyed by Node's own SHA-256 (the portable one is for hosts without it).
useNodeSha256();

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Writes straight to the descriptor: a run writes its output once, and creating process.stdout
 * for it loads the stream machinery. Anything the descriptor does not take at once (a
 * non-blocking pipe that is full, an error) goes through the stream as before.
 */
function writeFd(fd: 1 | 2, text: string): void {
  const line = text.endsWith('\n') ? text : `${text}\n`;
  let bytes: Buffer | undefined;
  let done = 0;
  try {
    // The string as it is (no Buffer copy of megabytes of rows); a partial write goes on from its byte.
    done = writeSync(fd, line);
    if (done < Buffer.byteLength(line)) {
      bytes = Buffer.from(line, 'utf8');
      while (done < bytes.length) done += writeSync(fd, bytes, done);
    }
  } catch (e) {
    // The reader is gone (`cpt-lens check ... | head`): nothing more to write, and nothing to report.
    if (isClosedPipe(e)) return;
    const stream = fd === 1 ? process.stdout : process.stderr;
    // The reader may go away while the stream still writes: that too ends the output quietly.
    if (!stream.listeners('error').includes(ignoreClosedPipe)) stream.on('error', ignoreClosedPipe);
    streamed = true;
    stream.write((bytes ?? Buffer.from(line, 'utf8')).subarray(done));
  }
}

const isClosedPipe = (e: unknown): boolean => (e as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
const ignoreClosedPipe = (e: Error): void => {
  if (!isClosedPipe(e)) throw e;
};

/** Some output went through a stream, which may still be writing it. */
let streamed = false;

/** Whether everything the CLI printed has been written (nothing left to a stream): the process may end at once. */
export function outputWritten(): boolean {
  return !streamed;
}

const stdio: Io = {
  out: (t) => writeFd(1, t),
  err: (t) => writeFd(2, t),
};

/** Root of the installed package: `dist/cli.js` lives one level below it. */
function packageRoot(): string {
  return path.resolve(__dirname, '..');
}

/**
 * `readsInputs` is told every file a `check` or `codes` run will read (its documents and its data
 * files) before it reads them: the process entry sets V8's tiering by their size (tiering.ts).
 */
export async function main(
  argv: readonly string[], io: Io = stdio, root = packageRoot(), cwd = process.cwd(), readsInputs?: (files: string[]) => void,
): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) io.err(`cpt-lens: ${e.message}`);
      io.err(USAGE);
      return e.message ? 2 : 0;
    }
    throw e;
  }
  if (args.command === 'import') return importCommand(args, io, cwd);
  const { packs, errors } = await loadPacks(bundledPackFiles(root));
  for (const e of errors) io.err(`cpt-lens: data not loaded: ${e.message}`);
  const inputs = args.command === 'check' || args.command === 'codes' ? readsInputs : undefined;
  const user = await loadUserData(args, io, cwd, inputs && ((data) => inputs([...args.positional.map((f) => path.resolve(cwd, f)), ...data])));
  if (!user) return 2;
  const engine = new Engine([...packs, ...user.packs]);
  if (args.command === 'show') return show(engine, args, io);
  return scan(engine, args, io, user.rules, cwd);
}

/** A data file to import: where it is, how it is named in messages, and its options. */
interface DataFile {
  file: string;
  options: ImportOptions;
}

/** Reads and converts one data file; reports a problem (file, line, reason) and returns undefined. */
async function importFile(f: DataFile, io: Io): Promise<ImportResult | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(f.file);
  } catch (e) {
    io.err(`cpt-lens: data not loaded: ${f.file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    return undefined;
  }
  try {
    return importData(bytes, f.file, f.options);
  } catch (e) {
    if (e instanceof ImportError) {
      io.err(`cpt-lens: data not loaded: ${e.message}`);
      return undefined;
    }
    throw e;
  }
}

/** The nearest .cptlens.json (or --config), parsed; null when it is broken (reported). */
async function projectConfig(args: Args, io: Io, cwd: string): Promise<{ config: ProjectConfig; dir: string } | null | undefined> {
  if (!args.config) return undefined;
  const file = args.configFile ? path.resolve(cwd, args.configFile) : findProjectConfig(cwd, existsSync);
  if (!file) return undefined;
  try {
    return { config: parseProjectConfig(readFileSync(file, 'utf8'), file), dir: path.dirname(file) };
  } catch (e) {
    if (e instanceof ImportError) io.err(`cpt-lens: configuration not read: ${e.message}`);
    else io.err(`cpt-lens: configuration not read: ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    return null;
  }
}

/**
 * The user's data: the files of .cptlens.json, then the --data files, converted and put in
 * merge order. Any file that cannot be loaded fails the run (exit 2): nothing half-loaded.
 */
async function loadUserData(
  args: Args, io: Io, cwd: string, beforeImport?: (files: string[]) => void,
): Promise<{ packs: DataPack[]; rules: RuleSettings } | undefined> {
  const project = await projectConfig(args, io, cwd);
  if (project === null) return undefined;
  const files: DataFile[] = [
    ...(project ? dataFileEntries(project.config).map((e) => ({ file: path.resolve(project.dir, e.path), options: entryOptions(e) })) : []),
    ...args.data.map((f) => ({ file: path.resolve(cwd, f), options: {} })),
  ];
  beforeImport?.(files.map((f) => f.file));
  const results = await Promise.all(files.map((f) => importFile(f, io)));
  if (results.some((r) => r === undefined)) return undefined;
  return { packs: orderImported(results as ImportResult[]).map((r) => r.pack), rules: project?.config.rules ?? {} };
}

/** `cpt-lens import FILE...`: what each file is and holds, without loading it. */
async function importCommand(args: Args, io: Io, cwd: string): Promise<number> {
  let status = 0;
  const summaries = [];
  for (const raw of args.positional) {
    const result = await importFile({ file: path.resolve(cwd, raw), options: {} }, io);
    if (!result) {
      status = 2;
      continue;
    }
    const s = result.summary;
    summaries.push(s);
    if (args.format === 'text') {
      const extra = [
        s.asOf && `as of ${s.asOf}`, s.quarters && s.quarters.length > 1 && `quarters ${s.quarters.join(', ')}`, s.year && `code set ${s.year}`,
        s.ptpEdits !== undefined && `${s.ptpEdits} PTP edits`, s.mueValues !== undefined && `${s.mueValues} MUE values`,
      ].filter(Boolean);
      io.out(`${raw}: ${s.formatLabel}; ${s.codes} codes, ${s.modifiers} modifiers${extra.length ? `; ${extra.join('; ')}` : ''}; fields: ${s.fields.join(', ')}`);
      for (const w of s.warnings) io.out(`  note: ${w}`);
    }
  }
  if (args.format === 'json') io.out(JSON.stringify(summaries, null, 2));
  return status;
}

function show(engine: Engine, args: Args, io: Io): number {
  let status = 0;
  const cards: unknown[] = [];
  for (const raw of args.positional) {
    const code = raw.trim().toUpperCase();
    const card = engine.card(code, { dateOfService: args.date });
    if (!card) {
      io.err(codeShape(code) ? `cpt-lens: ${code} is not in the loaded data` : `cpt-lens: "${raw}" is not a CPT or HCPCS code`);
      status = 2;
      continue;
    }
    if (args.format === 'json') cards.push({ record: engine.record(code), card });
    else io.out(args.format === 'markdown' ? cardToMarkdown(card, { maxPartLength: 100_000 }) : cardToText(card));
  }
  if (args.format === 'json' && cards.length) io.out(JSON.stringify(cards.length === 1 ? cards[0] : cards, null, 2));
  return status;
}

async function scan(engine: Engine, args: Args, io: Io, rules: RuleSettings = {}, cwd = process.cwd()): Promise<number> {
  const rows: Row[] = [];
  const sarifInputs: SarifInput[] = [];
  let unreadable = false;
  let errorFound = false;
  for (const file of args.positional) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.resolve(cwd, file));
    } catch (e) {
      io.err(`cpt-lens: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
      unreadable = true;
      continue;
    }
    if (looksBinary(bytes)) {
      io.err(`cpt-lens: skipped ${file}: binary content (NUL bytes), not a text document`);
      unreadable = true;
      continue;
    }
    const text = fileText(bytes);
    if (args.command === 'codes') {
      for (const o of engine.recognize(text, { fileName: file })) rows.push(occurrenceRow(file, o));
    } else {
      const { findings } = engine.check(text, { fileName: file }, { rules });
      sarifInputs.push({ file, findings });
      for (const f of findings) {
        if (f.severity === 'error') errorFound = true;
        rows.push(findingRow(file, f));
      }
    }
  }
  if (args.format === 'json') io.out(JSON.stringify(rows));
  else if (args.format === 'sarif') io.out(JSON.stringify(toSarif(sarifInputs, cliVersion()), null, 2));
  else if (rows.length) io.out(rows.map(rowText).join('\n'));
  if (unreadable) return 2;
  return errorFound ? 1 : 0;
}
