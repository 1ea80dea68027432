/**
 * How an edit moved what follows it, and moving a position by it: what a check session applies to
 * the occurrences and findings after the text it read again.
 */
import type { Range } from '../model';

/**
 * Where the text an edit changed ends, before the edit (`line`:`character`), and how the edit moved
 * what follows: `lineDelta` lines, and on that line `characterDelta` characters along it.
 */
export interface After {
  line: number;
  character: number;
  lineDelta: number;
  characterDelta: number;
}

/** What follows lines taken out whole, up to `last`: the lines after them, moved by `lineDelta`. */
export const wholeLines = (last: number, lineDelta: number): After => ({ line: last, character: Infinity, lineDelta, characterDelta: 0 });

/** Moves a position of the text before an edit to where it is after it (positions before `after` stay). */
export function movePosition(r: Range, after: After): void {
  if (r.startLine > after.line) r.startLine += after.lineDelta;
  else if (r.startLine === after.line && r.startCharacter >= after.character) {
    r.startLine += after.lineDelta;
    r.startCharacter += after.characterDelta;
  }
  if (r.endLine > after.line) r.endLine += after.lineDelta;
  else if (r.endLine === after.line && r.endCharacter >= after.character) {
    r.endLine += after.lineDelta;
    r.endCharacter += after.characterDelta;
  }
}
