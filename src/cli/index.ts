/** Process entry of the `cpt-lens` command. */
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`cpt-lens: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  },
);
