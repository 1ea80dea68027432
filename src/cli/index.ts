/** Process entry of the `cpt-lens` command. */
import { existsSync } from 'fs';
import * as path from 'path';
import { findProjectConfig } from '../core/config/projectConfig';
import { parseArgs } from './args';
import { main, outputWritten } from './main';
import { tierForRun } from './tiering';

/** Caps V8's tiering for a short check (see tiering.ts), when every file the run reads is known: no .cptlens.json with data files of its own. */
function tierForThisRun(argv: readonly string[]): void {
  try {
    const args = parseArgs(argv);
    if (args.command !== 'check' && args.command !== 'codes') return;
    if (args.config && (args.configFile || findProjectConfig(process.cwd(), existsSync))) return;
    tierForRun([...args.positional, ...args.data].map((f) => path.resolve(f)));
  } catch {
    // main reports bad usage
  }
}

tierForThisRun(process.argv.slice(2));
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // With the output written, end now: ending by itself, Node first waits for V8's background
    // work (optimizing functions that will not run again) and tears the heap down.
    if (outputWritten()) process.exit(code);
  },
  (e: unknown) => {
    process.stderr.write(`cpt-lens: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  },
);
