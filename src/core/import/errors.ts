/**
 * The one error every importer throws: the file, the 1-based line (when there is one) and
 * the reason in words. An importer that throws has produced nothing: there is no half result.
 *
 * It extends PackError, so code that already reports pack errors reports these the same way.
 */
import { PackError } from '../pack/parse';

export class ImportError extends PackError {
  override readonly name = 'ImportError';
  constructor(file: string, line: number | undefined, reason: string) {
    super(file, line, reason);
  }
}

/** Line of a character offset (1-based), counting LF only: linear, used on error paths. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  let at = text.indexOf('\n');
  while (at >= 0 && at < offset) {
    line++;
    at = text.indexOf('\n', at + 1);
  }
  return line;
}
