/**
 * Checking while editing an X12 file written on one line, as X12 is sent (or wrapped at a width):
 * an edit inside one segment re-reads only its claim, what follows moves along the line, and the
 * result always equals a full check.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import { engineOn, sharedFile } from './helpers/engine';
import { CheckSession, TextEdit } from '../../src/core/session';
import { assertReadsNothing, assertSameAsFull as sameAsFull, editKeeping, rng } from './helpers/sameAsFull';
import { assertClaimRulesSeeBothClaims, claimFile, envelopeEdits, oneLine, wrapped } from './helpers/claimFile';

const engine = engineOn();
const assertSameAsFull = (session: CheckSession, label: string, fileName: string): void => sameAsFull(engine, session, label, fileName);

// Typed over a span inside a segment's elements: codes, modifiers, places of service, dates, units,
// names, an element or a component added; a terminator (a segment split), a line break (a segment
// run over two lines, or the file broken after a terminator).
const SNIPPETS = ['99213', '64866', 'J1100', '11045', '648666', '25', 'RT', 'ZZ', '59', '11', '21', '20260105', '3', '', 'X', ':', '*', 'HC:99214', '~', '\n', '~\n  ', '\r\n'];

/** `count` random edits inside the segments of `text`, each compared with a full check; returns how many re-read only a claim or nothing. */
function randomEdits(name: string, text: string, fileName: string, seed: number, count: number): number {
  const s = new CheckSession(engine, text, { fileName });
  const r = rng(seed);
  let claimEdits = 0;
  for (let i = 0; i < count; i++) {
    const t = s.text;
    const ends: number[] = [];
    for (let k = t.indexOf('~'); k >= 0; k = t.indexOf('~', k + 1)) ends.push(k);
    const n = Math.floor(r() * ends.length);
    const segmentStart = n === 0 ? 0 : ends[n - 1] + 1;
    const star = t.indexOf('*', segmentStart);
    if (star < 0 || star > ends[n]) continue;
    const at = star + 1 + Math.floor(r() * Math.max(1, ends[n] - star - 1));
    const edit: TextEdit = { start: at, oldEnd: Math.min(at + Math.floor(r() * 6), ends[n]), text: SNIPPETS[Math.floor(r() * SNIPPETS.length)] };
    if (s.edit(edit) === 'rows') claimEdits++;
    assertSameAsFull(s, `${name}, edit ${i} at ${at}`, fileName);
  }
  return claimEdits;
}

describe('checking while editing an X12 file written on one line', () => {
  it('edits inside one segment of a one-line 837P re-read only their claim (claims far apart, two with one id) and stay equal to a full check', function () {
    const text = oneLine(claimFile(fs.readFileSync(sharedFile(this, 'samples/real/837p_professional_claim1.txt'), 'utf8'), 12));
    assert.equal(text.split('\n').length, 1);
    const claimEdits = randomEdits('ProfessionalClaim1 x 12 on one line', text, 'claims.837p', 7, 150);
    assert.ok(claimEdits > 150 * 0.75, `most edits stayed inside their claim (${claimEdits} of 150)`);
  });

  it('and so in the real COB 837P and the repriced 837I on one line, and in an 837P wrapped at 80 characters', function () {
    const files: [string, string, number][] = [
      ['samples/real/837p_cob_example4.837', 'cob.837', 17],
      ['samples/real/837i_ppo_repriced.837i', 'repriced.837i', 19],
    ];
    for (const [file, name, seed] of files) {
      const claimEdits = randomEdits(file, oneLine(fs.readFileSync(sharedFile(this, file), 'utf8')), name, seed, 60);
      assert.ok(claimEdits > 60 * 0.6, `${file}: most edits stayed inside their claim (${claimEdits} of 60)`);
    }
    const sample = fs.readFileSync(sharedFile(this, 'samples/real/837p_professional_claim1.txt'), 'utf8');
    const claimEdits = randomEdits('wrapped at 80', wrapped(claimFile(sample, 6), 80), 'wrapped.837p', 23, 80);
    assert.ok(claimEdits > 80 * 0.5, `wrapped: most edits stayed inside their claim (${claimEdits} of 80)`);
  });

  it('a code typed in the last claim: its claim is read again, the claim rules see the lines of the first claim with the same id, and the next claims move along the line', function () {
    const s = assertClaimRulesSeeBothClaims(engine, oneLine(claimFile(fs.readFileSync(sharedFile(this, 'samples/real/837p_professional_claim1.txt'), 'utf8'), 3)));
    // A code of the first claim made two characters longer: every later code moves two characters along line 0.
    const firstCode = s.text.indexOf('SV1*HC:99213') + 7;
    const before = s.occurrences.map((o) => o.range.startCharacter);
    assert.equal(s.edit({ start: firstCode + 5, oldEnd: firstCode + 5, text: ':25' }), 'rows');
    assertSameAsFull(s, 'a modifier added in the first claim', 'claims.837p');
    const moved = s.occurrences.map((o, i) => o.range.startCharacter - before[i]);
    assert.deepEqual(moved.slice(0, 1), [0]);
    assert.ok(moved.slice(1).every((d) => d === 3), 'every later code moved three characters along the line');
  });

  it('segments typed, split, joined or renamed inside a claim (a CLM too) re-read its claims; a control number or a count in ISA, GS, ST, SE or HL is nothing to read; new separators, a new transaction, or an ISA, GS, ST, SE or HL typed is a full check; line breaks typed after terminators or inside a segment, and taken out, re-read what they touch; a name is nothing to read', function () {
    const text = oneLine(claimFile(fs.readFileSync(sharedFile(this, 'samples/real/837p_professional_claim1.txt'), 'utf8'), 3));
    const s = new CheckSession(engine, text, { fileName: 'claims.837p' });
    const at = (needle: string, offset = 0) => s.text.indexOf(needle) + offset;
    // Each edit where the text is when it is typed.
    const claimEdits: [string, () => TextEdit][] = [
      ['a segment split in two', () => ({ start: at('SV1*HC:99213', 7), oldEnd: at('SV1*HC:99213', 7), text: '~' })],
      ['and joined again', () => ({ start: at('SV1*HC:~', 7), oldEnd: at('SV1*HC:~', 8), text: '' })],
      ['a service line typed after a DTP', () => ({ start: at('DTP*472', 20), oldEnd: at('DTP*472', 20), text: 'LX*9~SV1*HC:64866*10*UN*1***1~DTP*472*D8*20061003~' })],
      ['SV1 made SV2', () => ({ start: at('SV1*HC:87070', 2), oldEnd: at('SV1*HC:87070', 3), text: '2' })],
      ['a service line deleted', () => ({ start: at('LX*9~'), oldEnd: at('LX*9~') + 'LX*9~SV1*HC:64866*10*UN*1***1~'.length, text: '' })],
      ['a claim typed before the second line of the first (the lines after it are its own)', () => ({ start: at('LX*2~'), oldEnd: at('LX*2~'), text: 'CLM*X1*10***21:B:1*Y*A*Y*I~' })],
      ['the CLM typed made an LX again (its lines go back to the claim before)', () => ({ start: at('CLM*X1*'), oldEnd: at('CLM*X1*') + 'CLM*X1*10***21:B:1*Y*A*Y*I'.length, text: 'LX*8' })],
    ];
    for (const [label, edit] of claimEdits) {
      assert.equal(s.edit(edit()), 'rows', label);
      assertSameAsFull(s, label, 'claims.837p');
    }
    const envelope: [string, () => TextEdit][] = [
      ...envelopeEdits(at),
      ['SE01, the segment count', () => ({ start: at('SE*', 3), oldEnd: at('SE*', 4), text: '9' })],
    ];
    for (const [label, edit] of envelope) assertReadsNothing(engine, s, label, edit(), 'claims.837p');
    const edits: [string, () => TextEdit][] = [
      ['an HL typed inside a claim', () => ({ start: at('LX*2~'), oldEnd: at('LX*2~'), text: 'HL*99*2*22*0~' })],
      ['an SE typed inside a claim', () => ({ start: at('LX*3~'), oldEnd: at('LX*3~'), text: 'SE*9*0021~' })],
      ['ISA16, the component separator', () => ({ start: at('*:~'), oldEnd: at('*:~') + 2, text: '*>' })],
      ['ST03 made the 837I', () => ({ start: at('ST*837*0022*005010X222', 21), oldEnd: at('ST*837*0022*005010X222', 22), text: '3' })],
      ['ST made SX', () => ({ start: at('ST*837*', 1), oldEnd: at('ST*837*', 2), text: 'X' })],
      ['an HL made HX', () => ({ start: at('HL*5*2*', 1), oldEnd: at('HL*5*2*', 2), text: 'X' })],
    ];
    for (const [label, edit] of edits) {
      assert.equal(s.edit(edit()), 'full', label);
      assertSameAsFull(s, label, 'claims.837p');
    }
    // The file broken into lines after terminators, as a coder makes it readable, and joined again
    // (the first claim now holds an HL and an SE typed above: a claim later in the file).
    const last = (needle: string) => s.text.lastIndexOf(needle);
    const breaks: [string, () => TextEdit, 'claim' | 'nothing'][] = [
      ['a line break after the terminator before an HL', () => ({ start: at('HL*3*2*'), oldEnd: at('HL*3*2*'), text: '\n' }), 'nothing'],
      ['and before an LX of the last claim', () => ({ start: last('LX*2~'), oldEnd: last('LX*2~'), text: '\n    ' }), 'claim'],
      ['a line break inside an SV1 (the segment runs over two lines)', () => ({ start: at('SV1*HC:99213', 9), oldEnd: at('SV1*HC:99213', 9), text: '\r\n' }), 'claim'],
      ['the SV1 joined again', () => ({ start: at('SV1*HC:99\r\n', 9), oldEnd: at('SV1*HC:99\r\n', 11), text: '' }), 'claim'],
      ['the line before the LX joined again', () => ({ start: last('\n    LX*2~'), oldEnd: last('\n    LX*2~') + 5, text: '' }), 'claim'],
    ];
    for (const [label, edit, read] of breaks) {
      const { outcome, keptAll } = editKeeping(s, edit());
      assert.equal(outcome, 'rows', label);
      assert.equal(keptAll, read === 'nothing', `${label}: ${read === 'nothing' ? 'nothing' : 'its claim'} read again`);
      assertSameAsFull(s, label, 'claims.837p');
    }
    const name = at('NM1*QC*1*', 9);
    const codes = s.occurrences.length;
    assert.equal(s.edit({ start: name, oldEnd: name + 3, text: 'ABCDEF' }), 'rows', 'a patient name: a segment the reader skips');
    assert.equal(s.occurrences.length, codes);
    assertSameAsFull(s, 'a name', 'claims.837p');
  });

  const isa = 'ISA*00*          *00*          *ZZ*SUB            *ZZ*REC            *260105*1200*^*00501*000000001*0*T*:~';
  const professional = (c: number) => [`HL*${c}*1*22*0~`, `NM1*IL*1*${'X'.repeat(60)}~`, `CLM*P${c}*100***11:B:1*Y*A*Y*Y~`, 'LX*1~', 'SV1*HC:99213*50*UN*1***1~', 'DTP*472*D8*20260105~'];
  /** An 837P transaction, then an 837I one, on one line. */
  const mixed = [isa, 'GS*HC*SUB*REC*20260105*1200*1*X*005010X222A1~', 'ST*837*0001*005010X222A1~', ...professional(1), ...professional(2), 'SE*1*0001~',
    'ST*837*0002*005010X223A3~', 'HL*1**20*1~', 'CLM*I1*500***13:A:1**A*Y*Y~', 'DTP*434*RD8*20260105-20260106~', 'LX*1~', 'SV2*0360*HC:36415*100*UN*1~', 'SE*1*0002~', 'GE*2*1~', 'IEA*1*000000001~'].join('');

  it('a file on one line made a segment per line, Enter after each terminator: no keystroke is a full check, and its transactions keep their lines', () => {
    const s = new CheckSession(engine, mixed, { fileName: 'mixed.x12' });
    // From the last terminator back, so that each is where the text was when it is typed.
    const terminators: number[] = [];
    for (let k = mixed.indexOf('~'); k >= 0 && k < mixed.length - 1; k = mixed.indexOf('~', k + 1)) terminators.push(k);
    for (const k of terminators.slice(1).reverse()) {
      assert.equal(s.edit({ start: k + 1, oldEnd: k + 1, text: '\n' }), 'rows', `Enter after the terminator at ${k}`);
      assertSameAsFull(s, `Enter after the terminator at ${k}`, 'mixed.x12');
    }
    assert.equal(s.lines.lineCount, terminators.length);
    // A code typed in the 837P's first claim is now an edit of a line of one segment, bounded by lines:
    // the 837I transaction after it must be on the line where its ST now is.
    const code = s.text.indexOf('SV1*HC:99213') + 7;
    assert.equal(s.edit({ start: code, oldEnd: code + 5, text: '64866' }), 'rows');
    assertSameAsFull(s, 'a code typed in the 837P', 'mixed.x12');
    assert.equal(s.occurrences.find((o) => o.code === '64866')?.facts.placeOfService, '11');
  });

  it('a transaction after the edits keeps its kind: the 837I claim after a shortened 837P is still read as institutional', () => {
    const s = new CheckSession(engine, mixed, { fileName: 'mixed.x12' });
    for (let i = 0; i < 2; i++) {
      const name = s.text.indexOf('X'.repeat(60));
      assert.equal(s.edit({ start: name, oldEnd: name + 60, text: 'Y' }), 'rows', `name ${i} shortened`);
    }
    const code = s.text.indexOf('SV2*0360*HC:') + 12;
    assert.equal(s.edit({ start: code, oldEnd: code + 5, text: '64866' }), 'rows');
    assertSameAsFull(s, 'the 837I claim after the names shortened above', 'mixed.x12');
    assert.equal(s.occurrences.find((o) => o.code === '64866')?.facts.billType, '131');
  });
});
