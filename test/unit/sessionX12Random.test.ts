/**
 * Checking while editing an X12 file edited anywhere at random, as a fuzzer would: codes,
 * modifiers, separators, terminators, line breaks and whole structure segments (HL, SE, a GS of
 * another transaction) typed over any span, ISA included, in a file with a segment per line, on
 * one line, wrapped at 80 characters, and in the real COB 837P and the repriced 837I on one line.
 * After every edit the session equals a full check. The seeds that once found a difference stay.
 */
import * as fs from 'fs';
import { engineOn, sharedFile } from './helpers/engine';
import { CheckSession, TextEdit } from '../../src/core/session';
import { assertSameAsFull, rng } from './helpers/sameAsFull';
import { claimFile, oneLine, wrapped } from './helpers/claimFile';

const engine = engineOn();

const TYPED = ['99213', '64866', '25', 'RT', '', ':', '*', 'HC:99214', '~', '\n', '~\n  ', '\r\n', ' ', '\n\n', 'HL*9*1*22*0~', 'SE*3*1~', 'GS*HC*A*B*1*1*1*X*005010X223A2~'];

function files(context: Mocha.Context): Record<string, string> {
  const real = (file: string) => fs.readFileSync(sharedFile(context, `samples/real/${file}`), 'utf8');
  const claims = claimFile(real('837p_professional_claim1.txt'), 4);
  return {
    lines: claims,
    one: oneLine(claims),
    wrapped: wrapped(claims, 80),
    cob: real('837p_cob_example4.837'),
    inst: oneLine(real('837i_ppo_repriced.837i')),
  };
}

/** `count` edits of `text` at random places from `seed`, each compared with a full check. */
function randomEdits(name: string, text: string, seed: number, count: number): void {
  const s = new CheckSession(engine, text, { fileName: 'c.837p' });
  const r = rng(seed * 97 + name.length);
  for (let i = 0; i < count; i++) {
    const t = s.text;
    const at = Math.floor(r() * t.length);
    const edit: TextEdit = { start: at, oldEnd: Math.min(t.length, at + Math.floor(r() * 4)), text: r() < 0.3 ? '' : TYPED[Math.floor(r() * TYPED.length)] };
    s.edit(edit);
    assertSameAsFull(engine, s, `${name} seed ${seed} edit ${i} ${JSON.stringify(edit)}`, 'c.837p');
  }
}

describe('checking while editing an X12 file anywhere, at random', () => {
  it('stays equal to a full check in five layouts, an edit at a time', function () {
    const all = files(this);
    for (const [name, text] of Object.entries(all)) for (const seed of [1, 2, 3]) randomEdits(name, text, seed, 120);
  });

  it('and for the seeds that found differences: an element separator typed back in a wrapped ISA, a GS inside a claim before a line\'s date, a claim date past an SE, a CLM line that a DMG without its terminator runs into, an ISA ending in spaces (an edit looped forever)', function () {
    const all = files(this);
    randomEdits('wrapped', all.wrapped, 6, 105);
    randomEdits('lines', all.lines, 12, 67);
    randomEdits('lines', all.lines, 25, 118);
    randomEdits('lines', all.lines, 31, 14);
    randomEdits('lines', all.lines, 68, 20);
  });
});
