/** An 837P of many claims built from a real one, for the tests of editing X12 files. */
import { strict as assert } from 'assert';
import type { Engine } from '../../../src/core/engine';
import { CheckSession, TextEdit } from '../../../src/core/session';
import { assertSameAsFull } from './sameAsFull';

/** An X12 file written on one line, as X12 is sent: every line's indentation and line break gone. */
export const oneLine = (text: string): string => text.split(/\r?\n/).map((l) => l.trim()).join('');

/** The file wrapped at `width` characters, as some systems write it: segments run over line breaks. */
export const wrapped = (text: string, width: number): string => oneLine(text).match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n');

/** ProfessionalClaim1 with its patient loop (HL 3 ... seven service lines) repeated: claims far apart, two of them with one id. */
export function claimFile(sample: string, copies: number): string {
  const lines = sample.split(/\r?\n/);
  const patient = lines.findIndex((l) => /^\s*HL\*3\*/.test(l));
  const se = lines.findIndex((l) => /^\s*SE\*/.test(l));
  const out = lines.slice(0, patient);
  for (let i = 0; i < copies; i++) {
    const id = i === copies - 1 ? 26463774 : 26463774 + i; // the last claim repeats the first one's id
    for (const l of lines.slice(patient, se)) out.push(l.replace(/^(\s*)HL\*3\*2\*/, `$1HL*${3 + i}*2*`).replace(/^(\s*)CLM\*26463774\*/, `$1CLM*${id}*`));
  }
  return [...out, ...lines.slice(se)].join('\n');
}

/**
 * `claimFile(sample, 3)` as `text` (on its lines or on one): the last claim repeats the first one's
 * id. Its second line (87070, 2006-10-03) typed over as 64866 re-reads only its claim, equals a
 * full check, and the inpatient-only error names the other services of both claims on that date.
 * Returns the session, for more edits.
 */
export function assertClaimRulesSeeBothClaims(engine: Engine, text: string): CheckSession {
  const s = new CheckSession(engine, text, { fileName: 'claims.837p' });
  const last = s.text.lastIndexOf('SV1*HC:87070') + 7;
  assert.equal(s.edit({ start: last, oldEnd: last + 5, text: '64866' }), 'rows');
  assertSameAsFull(engine, s, '64866 in the last claim', 'claims.837p');
  const [f] = s.findings.filter((x) => x.rule === 'inpatient-only-outpatient');
  assert.match(f.message, /nor the 7 other services on this claim and date/, 'its own three other lines of 2006-10-03 and the first claim\'s four');
  return s;
}

/**
 * Edits of the envelope of `claimFile`'s text (on its lines or on one) that leave what the reader
 * takes from it as it was: control numbers and a version kept. `at(needle, offset)` is where the
 * needle is when the edit is typed.
 */
export function envelopeEdits(at: (needle: string, offset?: number) => number): [string, () => TextEdit][] {
  return [
    ['ISA13, the interchange control number', () => ({ start: at('*000000905*', 1), oldEnd: at('*000000905*', 10), text: '000000906' })],
    ['GS08 still names the 837P', () => ({ start: at('X*005010X222~', 12), oldEnd: at('X*005010X222~', 12), text: 'A1' })],
    ['ST02, the transaction control number', () => ({ start: at('ST*837*0021', 7), oldEnd: at('ST*837*0021', 11), text: '0022' })],
    ['an HL\'s parent', () => ({ start: at('HL*4*2*', 5), oldEnd: at('HL*4*2*', 6), text: '1' })],
  ];
}
