/**
 * Checking a JSON file while it is edited: an edit inside one entry of a FHIR Bundle (or one item
 * of an HPT file) re-reads that entry alone, and the result always equals a full check.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import { engineOn, sharedFile } from './helpers/engine';
import { assertSameAsFull as sameAsFull, rng } from './helpers/sameAsFull';
import { CheckSession, TextEdit } from '../../src/core/session';
import { MAX_ELEMENT_CHARS } from '../../src/core/jsonElementWindow';

const engine = engineOn();
const assertSameAsFull = (session: CheckSession, label: string, fileName = 'bundle.json'): void => sameAsFull(engine, session, label, fileName);

const sample = (ctx: Mocha.Context, name: string): string => fs.readFileSync(sharedFile(ctx, `samples/real/${name}`), 'utf8').trim();

/** A searchset Bundle of the real FHIR samples, as HAPI writes one: each resource an entry, indented under it. */
function bundleOf(resources: string[]): string {
  const entries = resources.map((r, i) => `  {\n    "fullUrl" : "https://example.invalid/fhir/${i}",\n    "resource" : ${r.replace(/\n/g, '\n    ')}\n  }`);
  return `{\n  "resourceType" : "Bundle",\n  "id" : "b1",\n  "type" : "searchset",\n  "total" : ${resources.length},\n  "entry" : [\n${entries.join(',\n')}\n  ]\n}\n`;
}

function realBundle(ctx: Mocha.Context): string {
  const carrier = sample(ctx, 'fhir_eob_carrier_multiline_bfd.json');
  const carin = sample(ctx, 'fhir_eob_professional_carin.json');
  const claim = sample(ctx, 'fhir_claim_mcs_bfd.json');
  // The carrier EOB twice, with one id: an edit in one re-runs the claim rules over both.
  return bundleOf([carin, carrier, claim, carrier]);
}

// Typed over part of a value: codes, an invalid value, modifiers, places of service, dates, systems.
const VALUES = ['99213', '64866', 'J1100', '0001F', '648666', '25', 'RT', '59', '21', '11', '2026-01-05', '', 'x', '3',
  'http://www.ama-assn.org/go/cpt', 'https://bluebutton.cms.gov/resources/codesystem/hcpcs', 'ExplanationOfBenefit', 'Claim'];
// Typed anywhere: JSON structure that keeps the entry one object or breaks it (a quote, a brace, a
// bracket), a coding or a modifier pasted, a line break.
const STRUCTURE = ['"', '}', '{', ']', '[', ',', ':', '\\', '\n', '}\n  }, {\n', '"code" : "64866", ',
  '{ "system" : "http://www.ama-assn.org/go/cpt", "code" : "64866" }, ',
  '"modifier" : [ { "coding" : [ { "system" : "http://www.ama-assn.org/go/cpt", "code" : "59" } ] } ], '];

/**
 * Edits as a coder makes them: mostly a value typed over in a code's string; sometimes a line
 * pasted or deleted, or structure typed anywhere, each then undone (a quote typed, then taken
 * back), so that the file is mostly whole, as it is while someone works in it. Every edit and every
 * undo is checked against a full check.
 */
function randomEdits(text: string, fileName: string, seed: number, count: number): { elementEdits: number; edits: number; valueEdits: number; valueElementEdits: number } {
  const s = new CheckSession(engine, text, { fileName });
  const r = rng(seed);
  let elementEdits = 0;
  let edits = 0;
  let valueEdits = 0;
  let valueElementEdits = 0;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
  const apply = (edit: TextEdit, label: string): boolean => {
    edits++;
    const rows = s.edit(edit) === 'rows';
    if (rows) elementEdits++;
    assertSameAsFull(s, `${fileName}, ${label} ${JSON.stringify(edit)}`, fileName);
    return rows;
  };
  for (let i = 0; i < count; i++) {
    const kind = r();
    const places = s.occurrences.length ? s.occurrences : s.invalid;
    if (kind < 0.6 && places.length) {
      // A value typed over part of a code, inside its string.
      const o = pick(places);
      const start = s.lines.lineStart(o.range.startLine) + o.range.startCharacter;
      const end = s.lines.lineStart(o.range.endLine) + o.range.endCharacter;
      const at = start + Math.floor(r() * (end - start + 1));
      valueEdits++;
      if (apply({ start: at, oldEnd: Math.min(at + Math.floor(r() * 6), end), text: pick(VALUES) }, `edit ${i}`)) valueElementEdits++;
      continue;
    }
    let edit: TextEdit;
    if (kind < 0.7) {
      const line = Math.floor(r() * s.lines.lineCount);
      const other = Math.floor(r() * s.lines.lineCount);
      edit = { start: s.lines.lineStart(line), oldEnd: s.lines.lineStart(line), text: `${s.text.slice(s.lines.lineStart(other), s.lines.lineEnd(other))}\n` };
    } else if (kind < 0.8 && s.lines.lineCount > 1) {
      const line = Math.floor(r() * (s.lines.lineCount - 1));
      edit = { start: s.lines.lineStart(line), oldEnd: s.lines.lineStart(line + 1), text: '' };
    } else {
      const at = Math.floor(r() * s.text.length);
      edit = { start: at, oldEnd: Math.min(at + Math.floor(r() * 3), s.text.length), text: pick(STRUCTURE) };
    }
    const removed = s.text.slice(edit.start, edit.oldEnd);
    const text = s.text;
    apply(edit, `edit ${i}`);
    apply({ start: edit.start, oldEnd: edit.start + edit.text.length, text: removed }, `undo of edit ${i}`);
    assert.equal(s.text, text, `undo of edit ${i} gives the text back`);
  }
  return { elementEdits, edits, valueEdits, valueElementEdits };
}

describe('checking while editing a JSON file', () => {
  it('a code typed in one entry of a Bundle re-reads that entry: its problem shows, the entry\'s other codes and every other entry stay', function () {
    const s = new CheckSession(engine, realBundle(this), { fileName: 'bundle.json' });
    const before = s.occurrences.length;
    // The CARIN EOB's first item code (the first entry) becomes 64866, inpatient only.
    const at = s.text.indexOf('"code": "', s.text.indexOf('"productOrService"')) + 9;
    const end = s.text.indexOf('"', at);
    assert.equal(s.edit({ start: at, oldEnd: end, text: '64866' }), 'rows');
    assertSameAsFull(s, '64866 in the first entry');
    assert.equal(s.occurrences.length, before);
    assert.ok(s.occurrences.some((o) => o.code === '64866'), 'the new code is read');
  });

  it('lines added or removed inside an entry move the problems of the entries after it', function () {
    const s = new CheckSession(engine, realBundle(this), { fileName: 'bundle.json' });
    const second = s.text.indexOf('"resourceType" : "ExplanationOfBenefit"');
    const at = s.text.indexOf('\n', second) + 1;
    assert.equal(s.edit({ start: at, oldEnd: at, text: '      "note" : [ { "text" : "Line added: 99213 reviewed" } ],\n      "created" : "2026-01-05",\n' }), 'rows');
    assertSameAsFull(s, 'two lines added in the second entry');
    const line = s.lines.lineAt(at);
    assert.equal(s.edit({ start: s.lines.lineStart(line), oldEnd: s.lines.lineStart(line + 2), text: '' }), 'rows');
    assertSameAsFull(s, 'and removed again');
  });

  it('an edit that closes an entry early, leaves it open, or lies between entries or in the Bundle\'s own keys is a full check', function () {
    const text = realBundle(this);
    const at = (needle: string, offset = 0, from = 0) => text.indexOf(needle, from) + offset;
    const edits: [string, TextEdit][] = [
      ['a brace that closes the entry early', { start: at('"fullUrl"'), oldEnd: at('"fullUrl"'), text: '}, {' }],
      ['a brace deleted: the entry left open', { start: at('\n  },\n  {') + 3, oldEnd: at('\n  },\n  {') + 4, text: '' }],
      ['between two entries', { start: at('\n  },\n  {') + 4, oldEnd: at('\n  },\n  {') + 4, text: ' ' }],
      ['the Bundle\'s type', { start: at('"searchset"') + 1, oldEnd: at('"searchset"') + 10, text: 'collection' }],
      ['a string left open over its line break', { start: at('"fullUrl"', 0, 10) - 1, oldEnd: at('"fullUrl"', 0, 10), text: ' "' }],
    ];
    for (const [label, edit] of edits) {
      const s = new CheckSession(engine, text, { fileName: 'bundle.json' });
      assert.equal(s.edit(edit), 'full', label);
      assertSameAsFull(s, label);
    }
  });

  it('in a Bundle written on one line, an edit inside an entry re-reads that entry, and the entries after it move along the line', function () {
    const oneLine = JSON.stringify(JSON.parse(realBundle(this)));
    const s = new CheckSession(engine, oneLine, { fileName: 'bundle.json' });
    const at = s.text.indexOf('"code":"', s.text.indexOf('"productOrService"')) + 8;
    assert.equal(s.edit({ start: at, oldEnd: at + 5, text: '64866-' }), 'rows', 'one character longer');
    assertSameAsFull(s, 'one line, a code typed over in the first entry');
    assert.equal(s.edit({ start: at, oldEnd: at + 6, text: '9' }), 'rows', 'five characters shorter');
    assertSameAsFull(s, 'one line, the code shortened');
  });

  it('a Claim at the root gives its id to its items: an edit in an item is a full check', function () {
    const claim = new CheckSession(engine, sample(this, 'fhir_claim_mcs_bfd.json'), { fileName: 'claim.json' });
    const code = claim.text.indexOf('"code" : "', claim.text.indexOf('"productOrService"')) + 10;
    assert.equal(claim.edit({ start: code, oldEnd: code + 5, text: '64866' }), 'full');
    assertSameAsFull(claim, 'a root Claim', 'claim.json');
  });

  it('an entry over a megabyte is a full check (in slices, in VS Code): a keystroke does not wait for it', function () {
    const big = `{\n      "resourceType" : "Procedure",\n      "id" : "p1",\n      "note" : [ { "text" : "${'x'.repeat(MAX_ELEMENT_CHARS)}" } ],\n      "code" : { "coding" : [ { "system" : "http://www.ama-assn.org/go/cpt", "code" : "99213" } ] }\n    }`;
    const s = new CheckSession(engine, bundleOf([sample(this, 'fhir_claim_mcs_bfd.json'), big]), { fileName: 'bundle.json' });
    const at = s.text.lastIndexOf('"99213"') + 1;
    assert.equal(s.edit({ start: at, oldEnd: at + 5, text: '64866' }), 'full');
    assertSameAsFull(s, 'a code in the large entry');
    const small = s.text.indexOf('"code" : "', s.text.indexOf('"productOrService"')) + 10;
    assert.equal(s.edit({ start: small, oldEnd: small + 5, text: '64866' }), 'rows', 'the small entry before it');
    assertSameAsFull(s, 'a code in the small entry');
  });

  it('equals a full check after 250 random edits of a Bundle of the real FHIR samples, most of them read entry by entry', function () {
    const { elementEdits, edits } = randomEdits(realBundle(this), 'bundle.json', 17, 250);
    assert.ok(elementEdits > edits / 2, `${elementEdits} of ${edits} edits re-read one entry`);
  });

  it('and when it is written on one line (where a line pasted is the whole file, and structure typed and undone a full check)', function () {
    const { valueEdits, valueElementEdits } = randomEdits(JSON.stringify(JSON.parse(realBundle(this))), 'bundle.json', 37, 120);
    assert.ok(valueElementEdits > valueEdits * 0.9, `${valueElementEdits} of ${valueEdits} values typed re-read one entry`);
  });

  it('and with CRLF line ends', function () {
    const { elementEdits, edits } = randomEdits(realBundle(this).replace(/\n/g, '\r\n'), 'bundle.json', 19, 120);
    assert.ok(elementEdits > edits / 2, `${elementEdits} of ${edits} edits re-read one entry`);
  });

  it('and in a root array of claim lines under code-naming keys', function () {
    const lines: string[] = [];
    for (let i = 0; i < 60; i++) {
      lines.push(`  {\n    "claim_id": "C${i % 12}",\n    "cpt_code": "${['64866', '99213', 'J1100', '36415'][i % 4]}",\n    "modifiers": ["${i % 3 ? '25' : 'ZZ'}"],\n    "pos": "22",\n    "units": 1,\n    "note": "line ${i}: 99214 reviewed"\n  }`);
    }
    const { elementEdits, edits } = randomEdits(`[\n${lines.join(',\n')}\n]\n`, 'lines.json', 29, 150);
    assert.ok(elementEdits > edits / 2, `${elementEdits} of ${edits} edits re-read one element`);
  });

  it('and after 150 random edits of the CMS HPT v3 example, whose items carry their setting', function () {
    const { elementEdits, edits } = randomEdits(sample(this, 'hpt_cms_v3_example.json'), 'hpt.json', 23, 150);
    assert.ok(elementEdits > edits / 2, `${elementEdits} of ${edits} edits re-read one item`);
  });
});
