/** Checking while editing: after any edit, the session's result equals a full check of the new text. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import { engineOn, sharedFile } from './helpers/engine';
import { CheckSession, TextEdit } from '../../src/core/session';
import { assertReadsNothing, assertSameAsFull as sameAsFull, rng } from './helpers/sameAsFull';
import { decodeText } from '../../src/core/text/decode';
import { assertClaimRulesSeeBothClaims, claimFile, envelopeEdits, oneLine } from './helpers/claimFile';

const engine = engineOn();
const assertSameAsFull = (session: CheckSession, label: string, fileName = 'x.csv'): void => sameAsFull(engine, session, label, fileName);

const CHARGES = [
  'CDM,Description,CPT,MOD,POS,Setting,Claim,Charge',
  '1,NERVE ANASTOMOSIS,64866,22,22,outpatient,C1,100.00',
  '2,OFFICE VISIT,99213,25,11,outpatient,C1,80.00',
  '3,DEXAMETHASONE,J1100,,11,outpatient,C2,1.00',
  '4,KNEE,27447,RT,21,inpatient,C3,900.00',
  '5,BAD POS,99214,,30,outpatient,C4,90.00',
  '6,DELETED,G0202,,11,outpatient,C5,10.00',
  '',
].join('\n');

describe('checking while editing (CheckSession)', () => {
  it('an edit inside a data row re-reads only that row', () => {
    const s = new CheckSession(engine, CHARGES, { fileName: 'x.csv' });
    const at = s.text.indexOf('99213');
    assert.equal(s.edit({ start: at, oldEnd: at + 5, text: '64866' }), 'rows');
    assertSameAsFull(s, 'replace a code');
    assert.ok(s.findings.some((f) => f.rule === 'inpatient-only-outpatient' && f.range.startLine === 2));
  });

  it('adding and deleting rows moves the problems below them', () => {
    const s = new CheckSession(engine, CHARGES, { fileName: 'x.csv' });
    const at = s.text.indexOf('3,DEXA');
    assert.equal(s.edit({ start: at, oldEnd: at, text: '9,NEW,64866,,22,outpatient,C9,1.00\n' }), 'rows');
    assertSameAsFull(s, 'insert a row');
    const del = s.text.indexOf('2,OFFICE');
    assert.equal(s.edit({ start: del, oldEnd: s.text.indexOf('9,NEW'), text: '' }), 'rows');
    assertSameAsFull(s, 'delete a row');
  });

  it('an edit of the header or one with a quote is a full check', () => {
    const s = new CheckSession(engine, CHARGES, { fileName: 'x.csv' });
    assert.equal(s.edit({ start: 0, oldEnd: 3, text: 'ID' }), 'full');
    assertSameAsFull(s, 'header');
    const at = s.text.indexOf('NERVE');
    assert.equal(s.edit({ start: at, oldEnd: at, text: '"' }), 'full');
  });

  it('an edit in the rows a file\'s columns are read from is checked against them read again: a generic "Code" column that stops holding codes, a file without a header', () => {
    // A column named only "Code" is a code column when most of its cells hold codes (7 of 10 here).
    const named = ['Code,Description,Price', ...Array.from({ length: 10 }, (_, i) => `${i < 7 ? '99213' : `X${i}`},Visit,100`)].join('\n');
    const s = new CheckSession(engine, `${named}\n`, { fileName: 'list.csv' });
    assert.equal(s.occurrences.length, 7);
    for (const row of [1, 2]) {
      const at = s.lines.lineStart(row);
      s.edit({ start: at, oldEnd: at + 5, text: 'INT01' });
      assertSameAsFull(s, `an internal id in row ${row}`);
    }
    assert.equal(s.occurrences.length, 0, 'five codes of ten: an id column, not a code column');
    // Without a header, a column is a code column when its cells are known codes.
    const bare = Array.from({ length: 6 }, (_, i) => `${i + 1},${i < 5 ? '64866' : '27447'},Anastomosis`).join('\n');
    const t = new CheckSession(engine, `${bare}\n`, { fileName: 'list.csv' });
    assert.equal(t.occurrences.length, 6);
    for (const row of [0, 1]) {
      const at = t.lines.lineStart(row) + 2;
      t.edit({ start: at, oldEnd: at + 5, text: 'ABCDE' });
      assertSameAsFull(t, `a name in row ${row}`);
    }
  });

  it('equals a full check after 300 random edits of a charge file', () => {
    const r = rng(7);
    const s = new CheckSession(engine, CHARGES, { fileName: 'x.csv' });
    const snippets = ['64866', '99213', 'J1100', ',', '\n', '-22', 'RT', '21', '22', 'C1', 'x', '', '0', 'J34901', '1'];
    for (let i = 0; i < 300; i++) {
      const start = Math.floor(r() * s.text.length);
      const end = Math.min(s.text.length, start + Math.floor(r() * 8));
      const edit: TextEdit = { start, oldEnd: end, text: snippets[Math.floor(r() * snippets.length)] };
      s.edit(edit);
      assertSameAsFull(s, `edit ${i} ${JSON.stringify(edit)}`);
    }
  });

  it('rows with quoted cells (a fee schedule\'s prices, descriptions with commas) are row edits too, rows with quotes added whole as well, equal to a full check after 400 random edits', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i},"KNEE, ${i % 2 ? 'LEFT' : 'RIGHT'}",${['64866', '99213', 'J1100', '27447'][i % 4]},${i % 3 ? '' : 'RT'},${i % 5 ? '11' : '22'},outpatient,C${i >> 1},"$1,0${i}.38 "`);
    const s = new CheckSession(engine, [CHARGES.split('\n')[0], ...rows, ''].join('\n'), { fileName: 'x.csv' });
    const r = rng(11);
    // Delimiters typed inside quoted cells and out, codes and modifiers typed over, rows added and
    // deleted whole (a line break typed inside a quoted cell is the next test's).
    const snippets = ['64866', '99213', 'J1100', ',', '-22', 'RT', '22', 'x', '', '0', ', LEFT', ' ', '""', ',"Q, R"'];
    let rowEdits = 0;
    for (let i = 0; i < 400; i++) {
      const line = 1 + Math.floor(r() * (s.lines.lineCount - 2));
      const lineStart = s.lines.lineStart(line);
      const start = Math.min(s.text.length, lineStart + Math.floor(r() * 40));
      const pick = r();
      const edit: TextEdit = pick < 0.1 ? { start: lineStart, oldEnd: lineStart, text: `7,"ADDED, ${i}",99214,,11,outpatient,C9,"$2.00 "\n` }
        : pick < 0.2 ? { start: lineStart, oldEnd: s.lines.lineStart(line + 1), text: '' }
          : { start, oldEnd: Math.min(s.lines.lineEnd(line), start + Math.floor(r() * 4)), text: snippets[Math.floor(r() * snippets.length)] };
      // A quote removed or typed alone leaves a cell open over the next lines: a full check, and so
      // would every edit after it be (the next test's).
      if (s.text.slice(edit.start, edit.oldEnd).includes('"')) edit.oldEnd = edit.start;
      if (s.edit(edit) === 'rows') rowEdits++;
      assertSameAsFull(s, `edit ${i} ${JSON.stringify(edit)}`);
    }
    assert.ok(rowEdits > 200, `most edits are row edits (${rowEdits} of 400)`);
  });

  it('a line break typed inside a quoted cell is a full check (the cell now spans two lines)', () => {
    const s = new CheckSession(engine, `${CHARGES.split('\n')[0]}\n1,"KNEE, LEFT",27447,RT,21,inpatient,C1,"$900.00 "\n2,VISIT,99213,,11,outpatient,C2,80.00\n`, { fileName: 'x.csv' });
    const inside = s.text.indexOf('LEFT');
    assert.equal(s.edit({ start: inside, oldEnd: inside, text: '1' }), 'rows');
    assert.equal(s.edit({ start: inside, oldEnd: inside, text: '""' }), 'rows', 'a doubled quote is a quote inside the cell');
    const next = s.text.indexOf('2,VISIT');
    assert.equal(s.edit({ start: next, oldEnd: next, text: '3,"HIP, RIGHT",27130,,21,inpatient,C3,"$2.00 "\n' }), 'rows', 'a whole row with quoted cells');
    assertSameAsFull(s, 'quotes that keep rows on their lines');
    assert.equal(s.edit({ start: inside, oldEnd: inside, text: '\n' }), 'full');
    assertSameAsFull(s, 'a cell over two lines');
  });

  it('a quote typed alone, or removed, opens a cell to the next lines: a full check', () => {
    const text = `${CHARGES.split('\n')[0]}\n1,"KNEE, LEFT",27447,RT,21,inpatient,C1,"$900.00 "\n2,VISIT,99213,,11,outpatient,C2,80.00\n`;
    const typed = new CheckSession(engine, text, { fileName: 'x.csv' });
    assert.equal(typed.edit({ start: text.indexOf('VISIT'), oldEnd: text.indexOf('VISIT'), text: '"' }), 'full');
    assertSameAsFull(typed, 'a quote typed');
    const removed = new CheckSession(engine, text, { fileName: 'x.csv' });
    assert.equal(removed.edit({ start: text.indexOf('"$900'), oldEnd: text.indexOf('"$900') + 1, text: '' }), 'full');
    assertSameAsFull(removed, 'a quote removed');
  });

  it('so is a line break typed where stray quotes hide an open cell (the tokenizer\'s reading, not only the count of quotes)', () => {
    // `"ab"x"` is a closed cell and stray characters; `"cd` then opens a cell the line break falls in,
    // though both lines hold an even number of quotes (`R"T` is one more stray quote).
    const s = new CheckSession(engine, `${CHARGES.split('\n')[0]}\n1,"ab"x","cd ef",27447,R"T,21,inpatient,C1,9.00\n2,VISIT,99213,,11,outpatient,C2,80.00\n`, { fileName: 'x.csv' });
    const before = s.text.indexOf('VISIT');
    assert.equal(s.edit({ start: before, oldEnd: before, text: 'A' }), 'rows', 'the file has no cell over two lines');
    const at = s.text.indexOf(' ef');
    assert.equal(s.edit({ start: at, oldEnd: at, text: '\n' }), 'full');
    assertSameAsFull(s, 'stray quotes');
  });

  it('a file whose stray quotes already run a row over two lines re-reads no single rows, and stays equal to a full check', () => {
    // `5"` is a stray quote, `"3.00` opens a cell that the next line's first quote closes: the
    // quotes pair on each line, but row 3 is two lines, and the second line's 99214 is a charge
    // cell's content, no code. Re-reading that line alone would make it one.
    const text = `${CHARGES.split('\n')[0]}\n3,GAUZE 5",64866,,22,outpatient,C1,"3.00\n3b,NOTE" 3",99214,,22,inpatient,C1,1.00\n4,VISIT,99213,,11,outpatient,C2,80.00\n`;
    const s = new CheckSession(engine, text, { fileName: 'x.csv' });
    assert.ok(!s.occurrences.some((o) => o.code === '99214'), 'the full check reads rows as the tokenizer does');
    const code = s.text.indexOf('99214');
    assert.equal(s.edit({ start: code, oldEnd: code + 5, text: '99215' }), 'full', 'the second line of row 3 is not a row');
    assertSameAsFull(s, 'the second line of a row edited');
    const visit = s.text.indexOf('99213');
    assert.equal(s.edit({ start: visit, oldEnd: visit + 5, text: '64866' }), 'full', 'nor is any row re-read alone in such a file');
    assertSameAsFull(s, 'another row edited');
  });

  it('stays equal to a full check over runs of row edits made without reading the text in between', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `${i},ITEM ${i},${['64866', '99213', 'J1100', '27447'][i % 4]},${i % 3 ? '' : 'RT'},${i % 5 ? '11' : '99'},outpatient,,1.00`);
    let text = [CHARGES.split('\n')[0], ...rows, ''].join('\n');
    const s = new CheckSession(engine, text, { fileName: 'x.csv' });
    const r = rng(5);
    const snippets = ['64866', '99213', 'J1100', '22', 'RT', 'x', '', '\n3,NEW,99214,,11,outpatient,,2.00'];
    let rowEdits = 0;
    for (let i = 0; i < 200; i++) {
      const line = 1 + Math.floor(r() * (s.lines.lineCount - 2));
      const start = s.lines.lineStart(line) + Math.floor(r() * 12);
      const edit: TextEdit = { start, oldEnd: Math.min(text.length, start + Math.floor(r() * 6)), text: snippets[Math.floor(r() * snippets.length)] };
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.oldEnd);
      if (s.tryRowEdit(edit)) rowEdits++;
      else s.edit(edit);
      if (i % 25 === 24) {
        assert.equal(s.text, text);
        assertSameAsFull(s, `edit ${i}`);
      }
    }
    assert.ok(rowEdits > 150, `most edits are row edits (${rowEdits})`);
  });

  it('in a claim file, row edits run the claim rules on the text in place (no copy of it per keystroke) and stay equal to a full check', () => {
    // Claim ids in rows: a row edit re-runs the rules of the claims it touched over the whole
    // document, and an unknown modifier's fix reads the separator next to it.
    const rows = Array.from({ length: 600 }, (_, i) => `${i},ITEM ${i},${['64866', '99213', 'J1100', '27447'][i % 4]},${i % 3 ? 'ZZ' : 'RT'},11,outpatient,C${Math.floor(i / 3)},1.00`);
    let text = [CHARGES.split('\n')[0], ...rows, ''].join('\n');
    const s = new CheckSession(engine, text, { fileName: 'x.csv' });
    const r = rng(9);
    const snippets = ['64866', '99213', 'J1100', 'ZZ', 'RT', '22'];
    let built = 0;
    let editing = false;
    const join = Array.prototype.join;
    Array.prototype.join = function (this: unknown[], separator?: string): string {
      const out = join.call(this, separator);
      if (editing && out.length >= text.length / 2) built++;
      return out;
    };
    try {
      for (let i = 0; i < 300; i++) {
        const line = 1 + Math.floor(r() * 600);
        const cells = s.lines.lineStart(line) + text.slice(s.lines.lineStart(line), s.lines.lineEnd(line)).indexOf(',', String(line - 1).length + 1) + 1;
        const edit: TextEdit = { start: cells, oldEnd: cells + 5, text: snippets[Math.floor(r() * 3)] };
        text = text.slice(0, edit.start) + edit.text + text.slice(edit.oldEnd);
        editing = true;
        assert.ok(s.tryRowEdit(edit), `edit ${i} is a row edit`);
        editing = false;
        if (i % 100 === 99) {
          assert.equal(s.text, text);
          assertSameAsFull(s, `edit ${i}`);
        }
      }
    } finally {
      Array.prototype.join = join;
    }
    assert.equal(built, 0, 'row edits built the whole text');
    assert.ok(s.findings.some((f) => f.rule === 'modifier-unknown' && f.fixes?.length), 'modifier findings with fixes');
  });

  it('moving rows between claims, and adding and deleting rows of claims spread over the file, re-checks exactly the claims touched', () => {
    // Claims C0-C6 take every seventh row, so each claim's lines are far apart. An add-on code
    // alone on its claim, and the other services of a claim with an inpatient-only code, are
    // claim-level findings: they change when a row joins or leaves a claim anywhere in the file.
    // Claim C99 has 70 lines of an inpatient-only code: an edit there re-reports all of them.
    const codes = ['11045', '99213', '64866', '11042', 'J1100'];
    const rows = Array.from({ length: 140 }, (_, i) => `${i},ITEM ${i},${i < 70 ? codes[i % 5] : '64866'},,22,outpatient,C${i < 70 ? i % 7 : 99},1.00`);
    let text = [CHARGES.split('\n')[0], ...rows, ''].join('\n');
    const s = new CheckSession(engine, text, { fileName: 'x.csv' });
    const r = rng(25);
    const seen = new Set<string>();
    const cellStart = (line: number, column: number): number => {
      let at = s.lines.lineStart(line);
      for (let k = 0; k < column; k++) at = text.indexOf(',', at) + 1;
      return at;
    };
    for (let i = 0; i < 160; i++) {
      const line = 1 + Math.floor(r() * (s.lines.lineCount - 2));
      const pick = r();
      let edit: TextEdit;
      if (pick < 0.35) {
        const at = cellStart(line, 6); // the claim id: the row moves to another claim
        edit = { start: at, oldEnd: text.indexOf(',', at), text: `C${Math.floor(r() * 20)}` };
      } else if (pick < 0.7) {
        const at = cellStart(line, 2);
        edit = { start: at, oldEnd: at + 5, text: codes[Math.floor(r() * codes.length)] };
      } else if (pick < 0.85) {
        const at = s.lines.lineStart(line); // a copy of another row, inserted here
        const from = 1 + Math.floor(r() * (s.lines.lineCount - 2));
        edit = { start: at, oldEnd: at, text: `${text.slice(s.lines.lineStart(from), s.lines.lineEnd(from))}\n` };
      } else {
        const at = s.lines.lineStart(line); // the row deleted
        edit = { start: at, oldEnd: s.lines.lineStart(line + 1), text: '' };
      }
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.oldEnd);
      assert.ok(s.tryRowEdit(edit), `edit ${i} is a row edit`);
      for (const f of s.findings) seen.add(f.rule === 'inpatient-only-outpatient' && /other service/.test(f.message) ? 'inpatient-only with others' : f.rule);
      assertSameAsFull(s, `edit ${i}`);
    }
    assert.equal(s.text, text);
    assert.ok(seen.has('add-on-without-primary') && seen.has('inpatient-only with others'), `claim-level findings came and went (${[...seen].join(', ')})`);
  });

  it('a row with two code columns and a modifier column: rows added above move its modifiers once', () => {
    const s = new CheckSession(engine, 'CPT,HCPCS,Modifier,Charge\n99213,J1100,25,1.00\n99214,J1100,ZZ,2.00\n', { fileName: 'x.csv' });
    assert.deepEqual(s.occurrences.map((o) => o.modifiers.length), [1, 1, 1, 1]);
    const at = s.text.indexOf('99213');
    assert.equal(s.edit({ start: at, oldEnd: at, text: '99215,,,3.00\n' }), 'rows');
    assertSameAsFull(s, 'a row added above');
    assert.deepEqual(s.occurrences.filter((o) => o.modifiers.length).map((o) => `${o.code}-${o.modifiers[0].code}@${o.modifiers[0].range.startLine}`), ['99213-25@2', 'J1100-25@2', '99214-ZZ@3', 'J1100-ZZ@3']);
  });

  it('the count of inpatient-only codes goes by each line\'s date of service, today where a line has none', () => {
    // 00192 was inpatient only until 2025-10 and left the list in 2026-01 (the 2026 phase-out); 64866 stays on it.
    const rows = ['00192,2025-11-01', '00192,2026-02-01', '00192,', '64866,', '64866,2025-11-01', '00192,2025-12-31', '27447,'];
    const count = (today: string) => new CheckSession(engineOn(today), `CPT,Date of service\n${rows.join('\n')}\n`, { fileName: 'x.csv' }).inpatientOnlyCount();
    assert.equal(count('2026-11-27'), 4, '00192 on its 2025 dates, and 64866 on both lines');
    assert.equal(count('2025-11-27'), 5, 'today in 2025: the undated 00192 counts too');
  });

  it('the count of inpatient-only codes (the status item\'s warning) follows row edits', () => {
    const s = new CheckSession(engine, CHARGES, { fileName: 'x.csv' });
    const fresh = () => new CheckSession(engine, s.text, { fileName: 'x.csv' }).inpatientOnlyCount();
    assert.equal(s.inpatientOnlyCount(), 1, '64866 on row 1');
    const code = s.text.indexOf('99213');
    assert.equal(s.edit({ start: code, oldEnd: code + 5, text: '64866' }), 'rows');
    assert.equal(s.inpatientOnlyCount(), 2, 'a second 64866');
    const row = s.text.indexOf('3,DEXA');
    assert.equal(s.edit({ start: row, oldEnd: row, text: '9,NEW,64866,,22,outpatient,C9,1.00\n9,NEW,27447,,22,outpatient,C9,1.00\n' }), 'rows');
    assert.equal(s.inpatientOnlyCount(), 3, 'a row of 64866 and one of 27447 (not inpatient only) added');
    const first = s.text.indexOf('1,NERVE');
    assert.equal(s.edit({ start: first, oldEnd: s.text.indexOf('\n', first) + 1, text: '' }), 'rows');
    assert.equal(s.inpatientOnlyCount(), 2, 'the first 64866 row deleted');
    assert.equal(s.inpatientOnlyCount(), fresh());
  });

  it('on a real fee schedule, random row edits stay equal to a full check', function () {
    const file = sharedFile(this, 'samples/real/payer_drug_fee_schedule_2023-11-17.csv');
    const text = decodeText(fs.readFileSync(file)).text;
    const s = new CheckSession(engine, text, { fileName: 'x.csv' });
    const r = rng(11);
    let rows = 0;
    for (let i = 0; i < 40; i++) {
      const line = 1 + Math.floor(r() * (s.lines.lineCount - 2));
      const start = s.lines.lineStart(line);
      if (s.edit({ start, oldEnd: start + 5, text: ['J1100', '64866', '99999', 'a9575'][i % 4] }) === 'rows') rows++;
      if (i % 10 === 9) assertSameAsFull(s, `edit ${i}`);
    }
    assert.ok(rows > 30, `most edits are row edits (${rows})`);
  });

  it('on the CMS lab fee schedule, whose rows mostly quote their descriptors, code edits are row edits equal to a full check', function () {
    const file = sharedFile(this, 'samples/real/cms_clfs_2024_q4v1.csv');
    const s = new CheckSession(engine, decodeText(fs.readFileSync(file)).text, { fileName: 'clfs.csv' });
    const r = rng(13);
    let rows = 0;
    let quoted = 0;
    for (let i = 0; i < 40; i++) {
      const line = 10 + Math.floor(r() * (s.lines.lineCount - 12));
      const start = s.lines.lineStart(line) + 5; // 2024,0002U,...: the HCPCS column
      if (s.text.slice(start, s.lines.lineEnd(line)).includes('"')) quoted++;
      if (s.edit({ start, oldEnd: start + 5, text: ['J1100', '80053', '99999', '87070'][i % 4] }) === 'rows') rows++;
      if (i % 10 === 9) assertSameAsFull(s, `edit ${i}`, 'clfs.csv');
    }
    assert.ok(quoted > 25 && rows === 40, `${rows} of 40 edits were row edits, ${quoted} in rows with quoted cells`);
  });
});

describe('checking while editing an X12 file', () => {
  // Typed over a span inside a segment's elements: codes, modifiers, places of service, dates,
  // units, names; some add or remove an element or a component.
  const snippets = ['99213', '64866', 'J1100', '11045', '648666', '25', 'RT', 'ZZ', '59', '11', '21', '22', '20260105', '3', '', 'X', ':', '*', 'HC:99214',
    // A segment split in two, or a service line written in the middle of one.
    '~\n', '~\n    LX*9~\n    SV1*HC:64866*10*UN*1***1~\n    DTP*472*D8*20061003~\n    NTE*ADD*'];

  function randomEdits(this: Mocha.Context, name: string, text: string, fileName: string, seed: number, count: number, extra: string[] = []): void {
    const typed = [...snippets, ...extra];
    const s = new CheckSession(engine, text, { fileName });
    const r = rng(seed);
    let claimEdits = 0;
    for (let i = 0; i < count; i++) {
      const line = Math.floor(r() * s.lines.lineCount);
      const row = s.text.slice(s.lines.lineStart(line), s.lines.lineEnd(line));
      const star = row.indexOf('*');
      if (star < 0) continue;
      let edit: TextEdit;
      const kind = r();
      if (kind < 0.15) {
        // A copy of another line (an LX, SV1 or DTP of another claim, a name...) pasted above this one.
        const other = Math.floor(r() * s.lines.lineCount);
        edit = { start: s.lines.lineStart(line), oldEnd: s.lines.lineStart(line), text: `${s.text.slice(s.lines.lineStart(other), s.lines.lineEnd(other))}\n` };
      } else if (kind < 0.25 && line + 1 < s.lines.lineCount) {
        edit = { start: s.lines.lineStart(line), oldEnd: s.lines.lineStart(line + 1), text: '' }; // the line deleted
      } else {
        const at = s.lines.lineStart(line) + star + 1 + Math.floor(r() * Math.max(1, row.length - star - 2));
        edit = { start: at, oldEnd: Math.min(at + Math.floor(r() * 6), s.lines.lineEnd(line) - 1), text: typed[Math.floor(r() * typed.length)] };
        if (edit.oldEnd < edit.start) edit.oldEnd = edit.start;
      }
      if (s.edit(edit) === 'rows') claimEdits++;
      assertSameAsFull(s, `${name}, edit ${i} on line ${line}`, fileName);
    }
    assert.ok(claimEdits > count / 2, `${name}: most edits stayed inside their claim (${claimEdits} of ${count})`);
  }

  it('edits inside one segment of an 837P re-read only their claim (claims far apart, two with one id) and stay equal to a full check', function () {
    const sample = fs.readFileSync(sharedFile(this, 'samples/real/837p_professional_claim1.txt'), 'utf8');
    // Also segments split on their line, and a service line typed on one (terminators, no line break).
    randomEdits.call(this, 'ProfessionalClaim1 x 12', claimFile(sample, 12), 'claims.837p', 31, 150, ['~', 'LX*7~SV1*HC:J1100*5*UN*1***1~']);
  });

  it('and so in the real COB 837P and the repriced 837I', function () {
    for (const [file, seed] of [['samples/real/837p_cob_example4.837', 41], ['samples/real/837i_ppo_repriced.837i', 43]] as const) {
      const text = fs.readFileSync(sharedFile(this, file), 'utf8');
      randomEdits.call(this, file, text, file, seed, 80);
    }
  });

  it('a claim whose id another claim repeats: an edit in one re-runs the claim rules over the lines of both', function () {
    assertClaimRulesSeeBothClaims(engine, claimFile(fs.readFileSync(sharedFile(this, 'samples/real/837p_professional_claim1.txt'), 'utf8'), 3));
  });

  it('lines removed from an 837P move the 837I transaction after it: its claims are still read as institutional', () => {
    const isa = 'ISA*00*          *00*          *ZZ*SUB            *ZZ*REC            *260105*1200*^*00501*000000001*0*T*:~';
    const professional = (c: number) => [`HL*${c}*1*22*0~`, `CLM*P${c}*100***11:B:1*Y*A*Y*Y~`, 'LX*1~', 'SV1*HC:99213*50*UN*1***1~', 'DTP*472*D8*20260105~', 'LX*2~', 'SV1*HC:36415*50*UN*1***1~', 'DTP*472*D8*20260105~'];
    const text = [isa, 'GS*HC*SUB*REC*20260105*1200*1*X*005010X222A1~', 'ST*837*0001*005010X222A1~', ...professional(1), ...professional(2), 'SE*1*0001~',
      'ST*837*0002*005010X223A3~', 'HL*1**20*1~', 'CLM*I1*500***13:A:1**A*Y*Y~', 'DTP*434*RD8*20260105-20260106~', 'LX*1~', 'SV2*0360*HC:36415*100*UN*1~', 'SE*1*0002~', 'GE*2*1~', 'IEA*1*000000001~', ''].join('\n');
    const s = new CheckSession(engine, text, { fileName: 'mixed.x12' });
    for (let i = 0; i < 3; i++) {
      const dtp = s.text.indexOf('DTP*472');
      const line = s.lines.lineAt(dtp);
      assert.equal(s.edit({ start: s.lines.lineStart(line), oldEnd: s.lines.lineStart(line + 1), text: '' }), 'rows', `DTP ${i} removed`);
    }
    const code = s.text.indexOf('SV2*0360*HC:') + 12;
    assert.equal(s.edit({ start: code, oldEnd: code + 5, text: '64866' }), 'rows');
    assertSameAsFull(s, 'the 837I claim after the lines removed above', 'mixed.x12');
    const institutional = s.occurrences.find((o) => o.code === '64866');
    assert.equal(institutional?.facts.billType, '131');
  });

  it('a segment that lost its terminator runs on into the lines below it: they are read as part of it, not as the segments they look like alone', function () {
    const text = claimFile(fs.readFileSync(sharedFile(this, 'samples/real/837p_professional_claim1.txt'), 'utf8'), 3);
    const s = new CheckSession(engine, text, { fileName: 'claims.837p' });
    // The DMG above the second claim's CLM loses its terminator: that CLM is now part of the DMG,
    // and the lines below it belong to the first claim.
    const dmg = s.text.lastIndexOf('DMG*D8*19730501*M~', s.text.indexOf('CLM*26463775'));
    s.edit({ start: dmg + 17, oldEnd: dmg + 18, text: '' });
    assertSameAsFull(s, 'a DMG without its terminator', 'claims.837p');
    const date = s.text.indexOf('DTP*472*D8*2006', s.text.indexOf('CLM*26463775')) + 11;
    s.edit({ start: date, oldEnd: date + 4, text: '2005' });
    assertSameAsFull(s, 'a date edited in a claim line below the CLM that is part of the DMG', 'claims.837p');
    assert.equal(s.occurrences.find((o) => o.facts.dateOfService?.startsWith('2005'))?.facts.claimId, '26463774');
  });

  it('an ISA whose last characters became spaces gives the file spaces for separators: an edit in a claim is a full check, never a loop', function () {
    const text = claimFile(fs.readFileSync(sharedFile(this, 'samples/real/837p_professional_claim1.txt'), 'utf8'), 2);
    const s = new CheckSession(engine, text, { fileName: 'claims.837p' });
    const end = s.text.indexOf('*T*:~') + 3;
    assert.equal(s.edit({ start: end, oldEnd: end + 2, text: '  ' }), 'full', 'ISA16 and the terminator made spaces');
    assertSameAsFull(s, 'an ISA ending in spaces', 'claims.837p');
    const units = s.text.lastIndexOf('SV1*HC:99214*35*UN*1') + 19;
    assert.equal(s.edit({ start: units, oldEnd: units + 1, text: '' }), 'full', 'an edit in a claim');
    assertSameAsFull(s, 'an edit in a claim of a file with space separators', 'claims.837p');
  });

  it('an ISA that lost an element separator has the file read with other separators: one typed back anywhere in it is a full check, as a line or on one line', function () {
    const sample = claimFile(fs.readFileSync(sharedFile(this, 'samples/real/837p_professional_claim1.txt'), 'utf8'), 2);
    for (const [label, text] of [['a segment per line', sample], ['on one line', oneLine(sample)]] as const) {
      const s = new CheckSession(engine, text, { fileName: 'claims.837p' });
      const codes = s.occurrences.length;
      const zz = s.text.indexOf('*ZZ*RECEIVERS');
      assert.equal(s.edit({ start: zz, oldEnd: zz + 1, text: '' }), 'full', `${label}: ISA07 and ISA08 run together`);
      assertSameAsFull(s, `${label}: an ISA of 15 elements`, 'claims.837p');
      assert.ok(s.occurrences.length < codes, `${label}: with the sixteenth separator past the ISA, the file reads otherwise`);
      const isa13 = s.text.indexOf('*000000905*') + 4;
      assert.equal(s.edit({ start: isa13, oldEnd: isa13, text: '*' }), 'full', `${label}: an element separator typed in ISA13`);
      assertSameAsFull(s, `${label}: an ISA of 16 elements again`, 'claims.837p');
      assert.equal(s.occurrences.length, codes, `${label}: every code read again`);
    }
  });

  it('a control number, a count or a date in ISA, GS, ST, SE or HL, or a line break typed in or before one, is nothing to read; a segment id changed, new separators or a new transaction is a full check; a line break or a terminator typed inside a segment re-reads its claim', function () {
    const text = claimFile(fs.readFileSync(sharedFile(this, 'samples/real/837p_professional_claim1.txt'), 'utf8'), 3);
    const s = new CheckSession(engine, text, { fileName: 'claims.837p' });
    const at = (needle: string, offset = 0) => s.text.indexOf(needle) + offset;
    // Each edit where the text is when it is typed.
    const envelope: [string, () => TextEdit][] = [
      ...envelopeEdits(at),
      ['ISA09, the date, one digit', () => ({ start: at('*030101*', 6), oldEnd: at('*030101*', 7), text: '2' })],
      ['GS06, the group control number', () => ({ start: at('*0802*1*X*', 6), oldEnd: at('*0802*1*X*', 7), text: '17' })],
      ['SE01, the segment count', () => ({ start: at('SE*42*', 3), oldEnd: at('SE*42*', 5), text: '120' })],
      ['a line break typed before an HL', () => ({ start: at('HL*5*2*'), oldEnd: at('HL*5*2*'), text: '\n' })],
      ['a line break typed inside an HL', () => ({ start: at('HL*5*2*', 5), oldEnd: at('HL*5*2*', 5), text: '\n' })],
    ];
    for (const [label, edit] of envelope) assertReadsNothing(engine, s, label, edit(), 'claims.837p');
    // A line break inside an SV1 without a terminator: the segment runs over two lines, its claim is read again.
    const split = at('SV1*HC:87070', 9);
    assert.equal(s.edit({ start: split, oldEnd: split, text: '\n' }), 'rows', 'a line break without a terminator');
    assertSameAsFull(s, 'a line break without a terminator', 'claims.837p');
    assert.equal(s.edit({ start: split, oldEnd: split + 1, text: '' }), 'rows', 'and taken out again');
    assertSameAsFull(s, 'the line break taken out again', 'claims.837p');
    const edits: [string, () => TextEdit][] = [
      ['SV1 made SV2 (in the next claim)', () => ({ start: at('SV1*HC:87070', 2), oldEnd: at('SV1*HC:87070', 3), text: '2' })],
      ['ISA16, the component separator', () => ({ start: at('*:~'), oldEnd: at('*:~') + 2, text: '*>' })],
      ['ST03 made the 837I', () => ({ start: at('ST*837*0022*005010X222', 21), oldEnd: at('ST*837*0022*005010X222', 22), text: '3' })],
      ['ST written over', () => ({ start: at('ST*837*'), oldEnd: at('ST*837*') + 3, text: 'ST*' })],
      ['an SE typed inside an HL (a terminator)', () => ({ start: at('HL*5*2*', 3), oldEnd: at('HL*5*2*', 3), text: '~SE*1*0022~HL*' })],
    ];
    for (const [label, edit] of edits) {
      assert.equal(s.edit(edit()), 'full', label);
      assertSameAsFull(s, label, 'claims.837p');
    }
    const name = at('NM1*QC*1*', 9);
    assert.equal(s.edit({ start: name, oldEnd: name + 3, text: 'ABC' }), 'rows', 'a patient name: a segment the reader skips');
    assertSameAsFull(s, 'a name', 'claims.837p');
    // Two segments on one line: its claim is read again, and later edits of the line too.
    assert.equal(s.edit({ start: at('SV1*HC:99213', 7), oldEnd: at('SV1*HC:99213', 7), text: '~' }), 'rows', 'a terminator typed in an SV1');
    assertSameAsFull(s, 'two segments on one line', 'claims.837p');
    assert.equal(s.edit({ start: at('SV1*HC:~', 7), oldEnd: at('SV1*HC:~', 8), text: '' }), 'rows', 'and taken out again');
    assertSameAsFull(s, 'the SV1 joined again', 'claims.837p');
  });
});

