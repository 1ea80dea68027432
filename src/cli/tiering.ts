/**
 * How far V8 may optimize a run's code. A short run is over before TurboFan's optimized code pays
 * back its compiling, which shares the machine's cores with the check and deoptimizes when a hidden
 * class changes; baseline code (Sparkplug) is compiled at once and is enough. A long run needs
 * TurboFan. Measured on the project's 2-core machine (issue 8): a whole `cpt-lens check` of about
 * 1 MB took 10-20% less time capped at baseline code; an 837P broke even at about 1.5 MB, a FHIR
 * Bundle at about 3 MB and a charge master above 8 MB; the 13-34 MB benchmark inputs took 13-68%
 * more. So the cap holds for runs whose input is smaller than the 837P's break-even.
 */
import { statSync } from 'fs';

/** Input bytes below which a run keeps to baseline code. */
export const SHORT_RUN_BYTES = 1_500_000;

/** The bytes a run reads: its files and data files (undefined when a file's size is unknown: standard input, a missing file). */
export function inputBytes(files: readonly string[]): number | undefined {
  let total = 0;
  for (const f of files) {
    if (f === '-') return undefined;
    try {
      total += statSync(f).size;
    } catch {
      return undefined;
    }
  }
  return total;
}

/**
 * Caps V8 at baseline code for a short run. Call before the run's work; it changes nothing for
 * the code already optimized, and a run of unknown size keeps V8's default.
 */
export function tierForRun(files: readonly string[]): boolean {
  const short = isShortRun(inputBytes(files));
  // Node's v8 module is loaded only here: loading it takes about 6 ms.
  if (short) (require('v8') as typeof import('v8')).setFlagsFromString('--max-opt=1');
  return short;
}

/** Whether a run reading `bytes` is short enough for baseline code (unknown: no). */
export function isShortRun(bytes: number | undefined): boolean {
  return bytes !== undefined && bytes < SHORT_RUN_BYTES;
}
