/**
 * Completion in a large document whose check session follows its edits: read from the parts of
 * the text it needs (the start, the cursor's lines), it answers as it does from the whole text.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import { engineOn, sharedFile } from '../helpers/engine';
import { CheckSession } from '../../../src/core/session';
import { completionContext } from '../../../src/core/complete';
import { HEAD_LINES } from '../../../src/core/complete/parts';

const engine = engineOn();
const options = (fileName: string) => ({ data: engine, fileName, wordPrefix: '?' });

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Every offset of the given lines, and random ones: the session's answer equals the whole text's. */
function assertSameAsWhole(session: CheckSession, fileName: string, lines: number[], label: string, random = 300): number {
  const text = session.text;
  const offsets: number[] = [];
  for (const line of lines) for (let o = session.lines.lineStart(line); o <= session.lines.lineEnd(line); o++) offsets.push(o);
  const r = rng(lines.length);
  for (let k = 0; k < random; k++) offsets.push(Math.floor(r() * (text.length + 1)));
  let answered = 0;
  for (const offset of offsets) {
    const whole = completionContext(text, offset, options(fileName));
    assert.deepEqual(session.completionContext(offset, options(fileName)), whole, `${label} at ${offset} (line ${session.lines.lineAt(offset)})`);
    if (whole) answered++;
  }
  return answered;
}

describe('completion in a large document, read in parts', () => {
  it('a fee schedule: codes, modifiers and places of service far below the header, before and after row edits', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${['64866', '99213', 'J1100', '27447'][i % 4]},${i % 3 ? '22' : ''},${i % 5 ? '11' : '22'},"$${i}.00 ",Row ${i}`);
    const text = `CPT,MOD,POS,Fee,Description\n${rows.join('\n')}\n`;
    const session = new CheckSession(engine, text, { fileName: 'fees.csv' });
    const far = [1, 2, HEAD_LINES - 3, HEAD_LINES + 2, HEAD_LINES + 3, 2500, 3000];
    assert.ok(assertSameAsWhole(session, 'fees.csv', far, 'as opened') > 40);
    // Row edits keep the session (its text is pieces plus edits, never joined for completion).
    const at = session.lines.lineStart(2500);
    assert.equal(session.edit({ start: at, oldEnd: at + 5, text: '6486' }), 'rows');
    assert.equal(session.edit({ start: session.lines.lineStart(2000), oldEnd: session.lines.lineStart(2000), text: '99214,25,11,1.00,New row\n' }), 'rows');
    assert.ok(assertSameAsWhole(session, 'fees.csv', far, 'after row edits') > 40);
  });

  it('an 837 file with an 837P and then an 837I transaction: the 837I\'s CLM05-1 is a bill type, not a place of service', () => {
    const isa = 'ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *260105*1200*^*00501*000000001*0*T*:~\n';
    const claims = (n: number, sv: string) => Array.from({ length: n }, (_, i) => `CLM*C${i}*100***11:B:1*Y*A*Y*I~\nLX*1~\n${sv}~\nDTP*472*D8*20260105~`).join('\n');
    const text = `${isa}GS*HC*S*R*20260105*1200*1*X*005010X222A1~\nST*837*0001*005010X222A1~\n${claims(400, 'SV1*HC:64866:22*100*UN*1*11**1')}\nSE*1*0001~\n` +
      `ST*837*0002*005010X223A2~\n${claims(400, 'SV2*0450*HC:99213:25*100*UN*1')}\nSE*1*0002~\nGE*2*1~\nIEA*1*000000001~\n`;
    const session = new CheckSession(engine, text, { fileName: 'claims.837' });
    const lineOf = (needle: string, from = 0) => session.lines.lineAt(text.indexOf(needle, from));
    const inI = text.indexOf('005010X223A2');
    const lines = [lineOf('CLM*C350'), lineOf('SV1*HC', text.indexOf('CLM*C350')), lineOf('CLM*C300', inI), lineOf('SV2*0450', text.indexOf('CLM*C300', inI))];
    assert.ok(lines.every((l) => l > HEAD_LINES + 2), `lines ${lines} lie past the head`);
    assert.ok(assertSameAsWhole(session, 'claims.837', lines, '837') > 10);
    const clm = text.indexOf('CLM*C300*100***', inI) + 'CLM*C300*100***'.length;
    assert.equal(session.completionContext(clm + 1, options('claims.837')), undefined, 'no place of service in an 837I CLM05-1');
    assert.equal(session.completionContext(text.indexOf('CLM*C350*100***') + 'CLM*C350*100***'.length + 1, options('claims.837'))?.what, 'pos');
  });

  it('the same 837 written on one line, as X12 is sent: read around the cursor, the 837I\'s CLM05-1 still a bill type', () => {
    const isa = 'ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *260105*1200*^*00501*000000001*0*T*:~';
    const claims = (n: number, sv: string) => Array.from({ length: n }, (_, i) => `CLM*C${i}*100***11:B:1*Y*A*Y*I~LX*1~${sv}~DTP*472*D8*20260105~`).join('');
    const text = `${isa}GS*HC*S*R*20260105*1200*1*X*005010X222A1~ST*837*0001*005010X222A1~${claims(1500, 'SV1*HC:64866:22*100*UN*1*11**1')}SE*1*0001~` +
      `ST*837*0002*005010X223A2~${claims(1500, 'SV2*0450*HC:99213:25*100*UN*1')}SE*1*0002~GE*2*1~IEA*1*000000001~`;
    const session = new CheckSession(engine, text, { fileName: 'claims.837' });
    assert.equal(session.lines.lineCount, 1);
    const inI = text.indexOf('005010X223A2');
    const offsets = ['CLM*C1350*', 'SV1*HC:64866'].map((n) => text.indexOf(n, 100_000)).concat(['CLM*C1300*', 'SV2*0450'].map((n) => text.indexOf(n, inI + 100_000)));
    let answered = 0;
    for (const start of offsets) {
      for (let offset = start; offset < start + 40; offset++) {
        const whole = completionContext(text, offset, options('claims.837'));
        assert.deepEqual(session.completionContext(offset, options('claims.837')), whole, `at ${offset}`);
        if (whole) answered++;
      }
    }
    assert.ok(answered > 20, `${answered} answers`);
    const clm = text.indexOf('CLM*C1300*100***', inI) + 'CLM*C1300*100***'.length;
    assert.equal(session.completionContext(clm + 1, options('claims.837')), undefined, 'no place of service in an 837I CLM05-1');
    assert.equal(session.completionContext(text.indexOf('CLM*C1350*100***') + 'CLM*C1350*100***'.length + 1, options('claims.837'))?.what, 'pos');
  });

  it('notes in Markdown: a code after a cue word and the word trigger far down', () => {
    const lines = Array.from({ length: 2500 }, (_, i) => (i % 7 ? `Line ${i} of the notes, nothing to code.` : `Planned: CPT 6486 and ?facial nerve, 64866-2 POS 1`));
    const session = new CheckSession(engine, `${lines.join('\n')}\n`, { fileName: 'notes.md' });
    assert.ok(assertSameAsWhole(session, 'notes.md', [7, 2002, 2401], 'notes') > 10);
  });

  it('a FHIR Bundle of real EOBs (3.5 MB): read around the cursor, as from the whole text, before and after an edit', function () {
    const eob = fs.readFileSync(sharedFile(this, 'samples/real/fhir_eob_carrier_multiline_bfd.json'), 'utf8').trim();
    const entries = Array.from({ length: 40 }, (_, i) => `{"resource": ${eob.replace(/"id"\s*:\s*"[^"]*"/, `"id": "eob-${i}"`)}}`);
    const text = `{"resourceType": "Bundle", "type": "searchset", "entry": [\n${entries.join(',\n')}\n]}\n`;
    assert.ok(text.length > 3_000_000, `${text.length} characters`);
    const session = new CheckSession(engine, text, { fileName: 'bundle.json' });
    const codes = [...text.matchAll(/"code"\s*:\s*"/g)].map((m) => m.index! + m[0].length).filter((_, k) => k % 97 === 0);
    const check = (label: string) => {
      const whole = session.text;
      let answered = 0;
      const elsewhere = Array.from({ length: 8 }, (_, k) => Math.floor((whole.length * (k + 0.5)) / 8));
      for (const offsets of [...codes.map((at) => [at, at + 1, at + 3]), elsewhere]) {
        for (const offset of offsets) {
          const expected = completionContext(whole, offset, options('bundle.json'));
          assert.deepEqual(session.completionContext(offset, options('bundle.json')), expected, `${label} at ${offset}`);
          if (expected) answered++;
        }
      }
      return answered;
    };
    assert.ok(check('as opened') > 10);
    const code = text.indexOf('"code"', text.indexOf('hcpcs', text.length >> 1));
    assert.equal(session.edit({ start: code + 10, oldEnd: code + 11, text: '9' }), 'rows');
    assert.ok(check('after an edit') > 10);
  });

  it('a JSON claim is read whole (its completion finds the objects around the cursor itself)', () => {
    const item = (i: number) => `{"sequence":${i},"productOrService":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"6486"}]}}`;
    const text = `{"resourceType":"Claim","item":[\n${Array.from({ length: 2000 }, (_, i) => item(i)).join(',\n')}\n]}\n`;
    const session = new CheckSession(engine, text, { fileName: 'claim.json' });
    assert.ok(assertSameAsWhole(session, 'claim.json', [1500], 'json', 20) > 0);
  });
});
