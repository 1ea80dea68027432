/** Process entry of the `cpt-lens` command. */
import { main, outputWritten } from './main';

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
