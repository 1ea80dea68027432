// Self-tests of the data-build helpers: `node --test data/build/`
// (Node's built-in runner; no dependency.) The pack checks run only when data/packs is built.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv.mjs';
import { stringify, sortedMap } from './json.mjs';
import { parseSeedRecord } from './seed.mjs';
import { decodeCp1252 } from './text.mjs';
import { validate } from './validate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..');
const schema = JSON.parse(readFileSync(join(dataDir, 'pack.schema.json'), 'utf8'));

test('csv: quotes, escaped quotes, embedded newlines, CRLF, BOM, empty fields', () => {
  const text = '\uFEFFa,b,c\r\n"x, y","he said ""hi""","line1\r\nline2"\r\n,,\r\n"",last,\n';
  assert.deepEqual(parseCsv(text), [
    ['a', 'b', 'c'],
    ['x, y', 'he said "hi"', 'line1\r\nline2'],
    ['', '', ''],
    ['', 'last', ''],
  ]);
  assert.deepEqual(parseCsv('a,b'), [['a', 'b']]);
  assert.deepEqual(parseCsv('a,b\n'), [['a', 'b']]);
  assert.throws(() => parseCsv('"open'), /unterminated/);
  assert.throws(() => parseCsv('"a"b,c'), /after a closing quote/);
});

test('cp1252: NBSP, curly quotes, euro', () => {
  const s = decodeCp1252(Uint8Array.from([0x41, 0xa0, 0x93, 0x94, 0x80, 0xe9]));
  assert.equal(s, 'A\u00a0\u201c\u201d\u20ac\u00e9');
});

test('json: maps sorted by code units, integer-like keys included', () => {
  const m = sortedMap({ 22: 1, '01': 2, AA: 3, '0001F': 4 });
  assert.equal(stringify({ m }), '{"m":{\n"0001F":4,\n"01":2,\n"22":1,\n"AA":3\n}}\n');
  assert.equal(stringify({ a: [1, { b: null }] }, { pretty: true }), `${JSON.stringify({ a: [1, { b: null }] }, null, 2)}\n`);
  assert.throws(() => sortedMap([['x', 1], ['x', 2]]), /duplicate/);
});

test('seed: a record of the same layout, other values', () => {
  const text = [
    '2024 CPT code 0042T',
    '(Deleted) Effective Date: 01/01/2020 Radiology - Diagnostic Imaging',
    'A one-line summary.',
    'Modifiers may be applicable. Common modifiers include -26 (Professional Component), -TC (Technical Component).',
    'Necessity text.',
    'In simple words: Plain words.',
    'Some descriptor, with (parts). Details follow here.',
    'Example 1: First case., Second case., Third case.',
    'Document this.',
    '- Specialties:Radiology, Neurology (Adult, Child)',
    '- Place of Service:Office',
  ].join('\r\n');
  const { code, record } = parseSeedRecord(text);
  assert.equal(code, '0042T');
  assert.equal(record.system, 'CPT-III');
  assert.equal(record.status, 'deleted');
  assert.equal(record.effectiveDate, '2020-01-01');
  assert.equal(record.section, 'Radiology');
  assert.equal(record.subsection, 'Diagnostic Imaging');
  assert.deepEqual(record.commonModifiers, ['26', 'TC']);
  assert.equal(record.longDescriptor, 'Some descriptor, with (parts)');
  assert.equal(record.procedureDetails, 'Details follow here.');
  assert.deepEqual(record.examples, ['First case.', 'Second case.', 'Third case.']);
  assert.deepEqual(record.specialties, ['Radiology', 'Neurology (Adult, Child)']);
  assert.equal(record.inpatientOnlyNote, undefined);
  assert.throws(() => parseSeedRecord('not a record\nat all'), /line 1/);
});

const seedFile = process.env.CPT_LENS_SEED ?? join(dataDir, '..', '..', 'shared', 'seed', '64866.txt');
test('seed: the reference record 64866', { skip: !existsSync(seedFile) && 'seed record not found' }, () => {
  const { code, record } = parseSeedRecord(readFileSync(seedFile, 'utf8'));
  assert.equal(code, '64866');
  assert.equal(record.subsection, 'Surgical Procedures on the Nervous System');
  assert.equal(record.effectiveDate, undefined);
  assert.equal(record.longDescriptor, 'Anastomosis; facial-spinal accessory nerve');
  assert.match(record.procedureDetails, /^This procedure involves /);
  assert.deepEqual(record.commonModifiers, ['22', '51']);
  assert.equal(record.examples.length, 3);
  assert.deepEqual(record.inpatientOnlyNote.asOf, '2024-12-01');
  assert.match(record.inpatientOnlyNote.note, /^As of December 1st, 2024, /);
  assert.deepEqual(record.placesOfService, ['Inpatient Hospital', 'Ambulatory Surgical Center']);
  assert.equal(record.shortDescriptor, undefined);
});

test('schema: rejects what types.ts does not allow', () => {
  const ok = { format: 'cpt-lens-pack', schemaVersion: 1, id: 'x', title: 'X', source: { title: 't', license: 'project' } };
  assert.deepEqual(validate(ok, schema), []);
  assert.notDeepEqual(validate({ ...ok, extra: 1 }, schema), []);
  assert.notDeepEqual(validate({ ...ok, source: { title: 't', license: 'mit' } }, schema), []);
  assert.notDeepEqual(validate({ ...ok, codes: { 'not a code': {} } }, schema), []);
  assert.notDeepEqual(validate({ ...ok, codes: { 99213: { status: 'retired' } } }, schema), []);
  assert.notDeepEqual(validate({ ...ok, opps: { quarters: ['2025-02'], status: {} } }, schema), []);
  assert.notDeepEqual(validate({ ...ok, pfs: { release: '2025-10', columns: ['fee'], rows: {} } }, schema), []);
  assert.deepEqual(validate({ ...ok, opps: { quarters: ['2025-10'], status: { '0001A': [null], J1100: ['K'] } } }, schema), []);
});

const packsDir = join(dataDir, 'packs');
const packs = existsSync(packsDir) ? readdirSync(packsDir).filter((f) => f.endsWith('.cptlens-pack.json')) : [];
test('bundled packs match the schema', { skip: packs.length === 0 && 'data/packs not built' }, () => {
  for (const f of packs) {
    const pack = JSON.parse(readFileSync(join(packsDir, f), 'utf8'));
    assert.deepEqual(validate(pack, schema), [], f);
  }
});
