/**
 * A code or modifier alone in its cell or component (a large file holds tens of thousands of them)
 * moves after an edit exactly as a plain range does, whether or not its range was made before.
 */
import { strict as assert } from 'assert';
import { LoneCodeOccurrence, LoneModifier } from '../../../src/core/recognize/loneCode';
import { After, movePosition } from '../../../src/core/text/movePosition';
import { rng } from '../helpers/sameAsFull';
import type { Range } from '../../../src/core/model';

const SPELLING = { text: '99213', code: '99213', system: 'CPT-I' as const };

/** An edit's `After` near line 3, character 40: a line or characters added or removed, at, before, inside or after a code there. */
function randomAfter(r: () => number): After {
  return {
    line: 2 + Math.floor(r() * 3),
    character: 34 + Math.floor(r() * 14),
    lineDelta: Math.floor(r() * 5) - 2,
    characterDelta: Math.floor(r() * 9) - 4,
  };
}

describe('codes and modifiers alone in their cell move as plain ranges do', () => {
  const cases: [string, number, number, (line: number, character: number) => LoneCodeOccurrence | LoneModifier][] = [
    ['a code', 5, 5, (line, character) => new LoneCodeOccurrence(line, character, SPELLING, {})],
    ['a modifier', 2, 6, (line, character) => new LoneModifier('25', line, character)],
  ];
  for (const [name, length, seed, make] of cases) {
    it(`${name}, with its range made or not, over 2,000 random edits`, () => {
      const r = rng(seed);
      for (let n = 0; n < 2000; n++) {
        const line = 2 + Math.floor(r() * 3);
        const character = 36 + Math.floor(r() * 8);
        const after = randomAfter(r);
        const plain: Range = { startLine: line, startCharacter: character, endLine: line, endCharacter: character + length };
        const lone = make(line, character);
        if (n % 2) void lone.range; // its range made first: moved in place
        movePosition(plain, after);
        lone.moveAlong(after);
        assert.deepEqual({ ...lone.range }, plain, `edit ${n}: ${JSON.stringify(after)} on ${line}:${character}`);
        assert.deepEqual([lone.startLine, lone.startCharacter], [plain.startLine, plain.startCharacter]);
        if (lone instanceof LoneModifier) assert.deepEqual([lone.endLine, lone.endCharacter], [plain.endLine, plain.endCharacter]);
      }
    });
  }
});
