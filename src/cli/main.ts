/**
 * `cpt-lens`: the command-line checker over the same engine as the extension.
 * Reads files, never writes them.
 */
import { readFile } from 'fs/promises';
import * as path from 'path';
import { Engine } from '../core/engine';
import { loadPacks } from '../core/pack/load';
import { bundledPackFiles, diskPackFile } from '../core/pack/nodeFiles';
import { decodeText, looksBinary } from '../core/text/decode';
import { cardToMarkdown } from '../core/card/markdown';
import { cardToText } from '../core/card/text';
import { codeShape } from '../core/codes/shapes';
import { Args, parseArgs, UsageError, USAGE } from './args';
import { findingRow, occurrenceRow, Row, rowText } from './rows';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const stdio: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

/** Root of the installed package: `dist/cli.js` lives one level below it. */
function packageRoot(): string {
  return path.resolve(__dirname, '..');
}

export async function main(argv: readonly string[], io: Io = stdio, root = packageRoot()): Promise<number> {
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
  const { packs, errors } = await loadPacks([...bundledPackFiles(root), ...args.data.map((f) => diskPackFile(path.resolve(f)))]);
  for (const e of errors) io.err(`cpt-lens: data not loaded: ${e.message}`);
  if (errors.length && args.data.length) return 2;
  const engine = new Engine(packs);
  if (args.command === 'show') return show(engine, args, io);
  return scan(engine, args, io);
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

async function scan(engine: Engine, args: Args, io: Io): Promise<number> {
  const rows: Row[] = [];
  let unreadable = false;
  let errorFound = false;
  for (const file of args.positional) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
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
    const { text } = decodeText(bytes);
    if (args.command === 'codes') {
      for (const o of engine.recognize(text, { fileName: file })) rows.push(occurrenceRow(file, o));
    } else {
      const { findings } = engine.check(text, { fileName: file });
      for (const f of findings) {
        if (f.severity === 'error') errorFound = true;
        rows.push(findingRow(file, f));
      }
    }
  }
  if (args.format === 'json') io.out(JSON.stringify(rows));
  else if (rows.length) io.out(rows.map(rowText).join('\n'));
  if (unreadable) return 2;
  return errorFound ? 1 : 0;
}
