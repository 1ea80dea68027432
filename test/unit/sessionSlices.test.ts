/**
 * A large document is checked in slices, pausing in between so that the editor can answer hovers
 * and typing can drop a check that is out of date. What a coder sees must not depend on it: the
 * sliced check equals the one-go check, and a dropped check leaves nothing behind.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import { engineOn, sharedFile } from './helpers/engine';
import { CheckSession } from '../../src/core/session';
import type { CodeOccurrence, Finding } from '../../src/core/model';
import { decodeText } from '../../src/core/text/decode';

const engine = engineOn();
const at = (r: { startLine: number; startCharacter: number; endLine: number; endCharacter: number }) => `${r.startLine}:${r.startCharacter}-${r.endLine}:${r.endCharacter}`;
const occ = (o: CodeOccurrence) => `${at(o.range)} ${o.code}${o.modifiers.map((m) => `-${m.code}@${at(m.range)}`).join('')} ${JSON.stringify(o.facts)}`;
const fin = (f: Finding) => `${at(f.range)} ${f.rule} ${f.severity} ${f.message} ${JSON.stringify(f.related ?? [])} ${JSON.stringify(f.fixes ?? [])}`;

async function sliced(text: string, fileName: string, sliceChars: number): Promise<{ session: CheckSession; pauses: number }> {
  let pauses = 0;
  const session = await CheckSession.inSlices(engine, text, { fileName }, {}, async () => (pauses++, true), sliceChars);
  assert.ok(session, 'a check nobody drops completes');
  return { session, pauses };
}

function assertSame(a: CheckSession, b: CheckSession, label: string): void {
  assert.deepEqual(a.occurrences.map(occ), b.occurrences.map(occ), `${label}: occurrences`);
  assert.deepEqual(a.invalid.map(occ), b.invalid.map(occ), `${label}: invalid values`);
  assert.deepEqual(a.findings.map(fin), b.findings.map(fin), `${label}: findings`);
}

/**
 * A real sample checked in slices of each size (and of its length less one) gives what the one-go
 * check gives, and pauses between slices of reading: at least once per 8 slices' worth of text (a
 * token or segment read whole may run past a slice's end).
 */
async function slicedAsWhole(ctx: Mocha.Context, name: string, sizes: number[]): Promise<void> {
  const text = decodeText(fs.readFileSync(sharedFile(ctx, `samples/real/${name}`))).text;
  const whole = new CheckSession(engine, text, { fileName: name });
  assert.ok(whole.occurrences.length + whole.findings.length > 0, `${name} has something to find`);
  for (const sliceChars of [...sizes, text.length - 1]) {
    const { session, pauses } = await sliced(text, name, sliceChars);
    assertSame(session, whole, `${name} in slices of ${sliceChars}`);
    if (sliceChars < text.length / 2) assert.ok(pauses > text.length / sliceChars / 8, `${name}: paused ${pauses} times in slices of ${sliceChars}`);
  }
}

/** A charge file with a banner above the header, codes, modifiers, a bad value and an inpatient-only code. */
function chargeFile(rows: number): string {
  const lines = ['Hospital charge master; codes per CMS HCPCS G2023 notice,,,,', 'CDM,Description,CPT,MOD,POS,Setting,Charge'];
  const codes = ['64866', '99213', 'J1100', '27447', 'G0202', '648666', '99999'];
  for (let i = 0; i < rows; i++) lines.push(`${i},ITEM ${i},${codes[i % codes.length]},${i % 3 ? '' : 'RT'},${i % 5 ? '22' : '99'},outpatient,${i}.00`);
  return lines.join('\n') + '\n';
}

describe('checking a large document in slices', () => {
  it('a CSV read a few rows at a time gives what the one-go check gives, pausing in between', async () => {
    const text = chargeFile(2_000);
    const whole = new CheckSession(engine, text, { fileName: 'charges.csv' });
    const { session, pauses } = await sliced(text, 'charges.csv', 2_000);
    assertSame(session, whole, 'charges');
    assert.ok(whole.findings.some((f) => f.rule === 'invalid-code') && whole.findings.some((f) => f.rule === 'inpatient-only-outpatient'));
    assert.ok(pauses > 20, `it paused between slices (${pauses})`);
  });

  it('a CSV whose stray quotes make one row of several lines gives what the one-go check gives, wherever a slice ends', async () => {
    // `5"` is a quote inside an unquoted cell and `"7.00` opens a quoted cell: the quotes pair on
    // the line, but the CSV reading runs the row on to the next line's first quote, and that
    // line's 99214 is no code of the CPT column (a reading from the line's start would take it).
    const lines = ['CDM,Description,CPT,MOD,POS,Setting,Charge'];
    for (let i = 0; i < 300; i++) {
      if (i % 10 === 3) lines.push(`${i},GAUZE 5",64866,,22,outpatient,"${i}.00`, `${i}b,NOTE" ${i}",99214,,22,inpatient,1.00`);
      else lines.push(`${i},ITEM ${i},${i % 2 ? '99213' : '64866'},${i % 3 ? '' : 'RT'},22,outpatient,${i}.00`);
    }
    const text = lines.join('\n') + '\n';
    const whole = new CheckSession(engine, text, { fileName: 'charges.csv' });
    assert.ok(whole.occurrences.length > 250 && !whole.occurrences.some((o) => o.code === '99214'), `${whole.occurrences.length} occurrences`);
    for (const sliceChars of [40, 97, 256, 1_000, 3_000]) assertSame((await sliced(text, 'charges.csv', sliceChars)).session, whole, `slices of ${sliceChars}`);
  });

  it('real charge masters and a fee schedule give the same problems sliced or not', async function () {
    for (const name of ['sutter_lakeside_standardcharges.csv', 'oshpd_106190305_cdm_2018.csv', 'payer_drug_fee_schedule_2023-11-17.csv', 'hpt_cms_v3_wide_example.csv']) {
      const text = decodeText(fs.readFileSync(sharedFile(this, `samples/real/${name}`))).text;
      const whole = new CheckSession(engine, text, { fileName: name });
      const { session } = await sliced(text, name, 4_096);
      assertSame(session, whole, name);
    }
  });

  it('an X12 claim file read a few segments at a time gives what the one-go check gives, whatever the slice size', async function () {
    // Slices ending anywhere: inside a segment, on a terminator, inside the indentation.
    for (const name of ['837p_professional_claim1.txt', '837p_cob_example4.837', '837i_ppo_repriced.837i']) await slicedAsWhole(this, name, [1, 7, 64, 333, 1_024]);
  });

  it('a service line whose date comes in the next slice keeps it, and the claim carries over', async () => {
    const isa = 'ISA*00*          *00*          *ZZ*SUB            *ZZ*REC            *260105*1200*^*00501*000000001*0*T*:~\n';
    const claims = Array.from({ length: 40 }, (_, c) => `CLM*C${c}*100***${c % 2 ? '11' : '22'}:B:1*Y*A*Y*Y~\nLX*1~\nSV1*HC:99213:25:BB*100*UN*1***1~\nDTP*472*D8*2026${c % 2 ? '0105' : '1105'}~\nLX*2~\nSV1*HC:27447*100*UN*2*21**1~\nDTP*472*D8*20260106~\n`);
    const text = `${isa}ST*837*0001*005010X222A1~\n${claims.join('')}SE*9*0001~\n`;
    const whole = new CheckSession(engine, text, { fileName: 'c.837' });
    assert.equal(whole.occurrences.length, 80);
    for (const sliceChars of [5, 50, 97, 500]) assertSame((await sliced(text, 'c.837', sliceChars)).session, whole, `slices of ${sliceChars}`);
  });

  it('an X12 check dropped while its segments are read returns nothing', async function () {
    const text = decodeText(fs.readFileSync(sharedFile(this, 'samples/real/837p_professional_claim1.txt'))).text;
    let pauses = 0;
    const session = await CheckSession.inSlices(engine, text, { fileName: 'c.837' }, {}, async () => ++pauses < 3, 100);
    assert.equal(session, undefined);
    assert.equal(pauses, 3, 'no work after the drop');
  });

  it('FHIR and price-transparency JSON read a few tokens at a time give what the one-go check gives, whatever the slice size', async function () {
    // Slices ending anywhere: inside a string, a number, a keyword, between a key and its value.
    const names = ['fhir_eob_carrier_multiline_bfd.json', 'fhir_claim_mcs_bfd.json', 'fhir_eob_professional_carin.json', 'hpt_cms_v3_example.json'];
    for (const name of names) await slicedAsWhole(this, name, [1, 5, 64, 333, 1_024]);
  });

  it('broken and oddly written JSON gives the same codes in slices', async () => {
    const coding = '{"system": "http://www.ama-assn.org/go/cpt", "code": "64866"}';
    const texts = [
      `{"item": [{"productOrService": {"coding": [${coding}]}, "modifier": [{"coding": [{"code": "50"}]}]}]}`,
      `// a comment\n{"item": [{"productOrService": {"coding": [${coding},]}, "servicedDate": "2026-01-05",}], /* more */ "x": [1, 2.5e3, -0, true, null]}`,
      `{"item": [{"productOrService": {"coding": [${coding}]}, "quantity": {"value": 2}`, // cut off
      `{"a" "b", "item": [{"productOrService": {"coding": [${coding}]}}], "c": NaN, "d": "\\"quoted\\" \\u0041"}`,
      `{"code": "99213", "code_type": "CPT", "description": "office visit 99214 or 64866"}`,
    ];
    for (const text of texts) {
      const whole = new CheckSession(engine, text, { fileName: 'c.json' });
      for (let sliceChars = 1; sliceChars <= 12; sliceChars++) assertSame((await sliced(text, 'c.json', sliceChars)).session, whole, `${text.slice(0, 30)} in slices of ${sliceChars}`);
    }
  });

  it('a check dropped at any pause returns nothing', async () => {
    const text = chargeFile(500);
    for (let stopAt = 1; stopAt <= 6; stopAt++) {
      let pauses = 0;
      const session = await CheckSession.inSlices(engine, text, { fileName: 'charges.csv' }, {}, async () => ++pauses < stopAt, 1_000);
      assert.equal(session, undefined, `dropped at pause ${stopAt}`);
      assert.equal(pauses, stopAt, 'no work after the drop');
    }
  });

  it('a sliced session takes row edits like any other', async () => {
    const text = chargeFile(300);
    const { session } = await sliced(text, 'charges.csv', 1_000);
    const start = session.text.indexOf('\n7,ITEM 7,') + '\n7,ITEM 7,'.length;
    assert.equal(session.edit({ start, oldEnd: start + 5, text: '64866' }), 'rows');
    assertSame(session, new CheckSession(engine, session.text, { fileName: 'charges.csv' }), 'after a row edit');
  });
});
