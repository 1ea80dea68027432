/** Process entry of the `cpt-lens` command. */
import { main, outputWritten } from './main';
import { tierForRun } from './tiering';

// A short run keeps V8 to baseline code (tiering.ts), told the files once main has read its arguments.
main(process.argv.slice(2), undefined, undefined, undefined, tierForRun).then(
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
