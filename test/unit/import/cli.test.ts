/** The CLI over user data files: --data in any format, .cptlens.json, exit 2 naming file and line. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { findProjectConfig, parseProjectConfig } from '../../../src/core/config/projectConfig';
import { ImportError } from '../../../src/core/import';
import { REPO_ROOT, sharedFile } from '../helpers/engine';
import { FIXTURES } from './helpers';

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) }, REPO_ROOT, cwd);
  return { code, out, err };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-import-'));
}

describe('cpt-lens with user data files', () => {
  it('show 64866 --data PPRRVU2025_Oct.csv shows the CMS short descriptor', async function () {
    const file = sharedFile(this, 'data/raw/cms-pfs-rvu/PPRRVU2025_Oct.csv');
    const r = await run(tempDir(), 'show', '64866', '--data', file, '--format', 'json', '--no-config');
    assert.equal(r.code, 0, r.err);
    const { record, card } = JSON.parse(r.out);
    assert.equal(record.shortDescriptor, 'Fusion of facial/other nerve');
    assert.equal(record.sources.shortDescriptor, 'file:PPRRVU2025_Oct.csv');
    assert.ok(card.parts.some((p: { id: string; text?: string }) => p.id === 'shortDescriptor' && p.text === 'Fusion of facial/other nerve'));
    const text = await run(tempDir(), 'show', '64866', '--data', file, '--format', 'text', '--no-config');
    assert.match(text.out, /Fusion of facial\/other nerve/);
  });

  it('a bad --data file exits 2 naming the file and the line', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'LONGULT.txt');
    fs.writeFileSync(bad, '99901\tTest a\n99902\tTest b\n99901\tTest c\n');
    const r = await run(dir, 'show', '64866', '--data', bad);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, new RegExp(`data not loaded: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: 99901 appears again`));
    const missing = await run(dir, 'check', bad, '--data', path.join(dir, 'nope.csv'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.csv: no such file/);
  });

  it('--data takes AMA files, repeatable, later over earlier', async () => {
    const r = await run(tempDir(), 'show', '99901', '--data', path.join(FIXTURES, 'SHORTU.txt'), '--data', path.join(FIXTURES, 'LONGULT.txt'), '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const { record } = JSON.parse(r.out);
    assert.equal(record.shortDescriptor, 'TEST PROC ALPHA');
    assert.equal(record.longDescriptor, 'Test procedure alpha, first part of a long descriptor for testing wrapped text');
  });

  it('reads .cptlens.json from the current folder or the nearest parent: files relative to it, rules', async () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(FIXTURES, 'ConsumerDescriptor.txt'), path.join(dir, 'consumer.txt'));
    fs.writeFileSync(path.join(dir, 'charges.csv'), 'Code,Name\n99907,Test local charge\n');
    fs.writeFileSync(
      path.join(dir, '.cptlens.json'),
      JSON.stringify({ data: { files: ['consumer.txt', { path: 'charges.csv', mapping: { code: 'Code', shortDescriptor: 'Name' } }] }, rules: { 'inpatient-only': 'error' } }),
    );
    const sub = path.join(dir, 'claims', 'q1');
    fs.mkdirSync(sub, { recursive: true });
    const shown = await run(sub, 'show', '99907', '--format', 'json');
    assert.equal(shown.code, 0, shown.err);
    assert.equal(JSON.parse(shown.out).record.shortDescriptor, 'Test local charge');
    const plain = await run(sub, 'show', '64866', '--format', 'json');
    assert.equal(JSON.parse(plain.out).record.plainLanguage, 'Invented plain words for the reference code');
    // The rule severity from the file: inpatient-only becomes an error, so check exits 1.
    fs.writeFileSync(path.join(sub, 'note.txt'), 'Planned: CPT 64866 on 2026-11-27.\n');
    const checked = await run(sub, 'check', 'note.txt', '--format', 'json');
    assert.equal(checked.code, 1, checked.err);
    assert.ok(JSON.parse(checked.out).some((row: { rule: string; severity: string }) => row.rule === 'inpatient-only' && row.severity === 'error'));
    const ignored = await run(sub, 'show', '99907', '--no-config');
    assert.equal(ignored.code, 2);
  });

  it('a broken .cptlens.json exits 2 naming its line', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '.cptlens.json'), '{\n  "data": {"files": ["a.csv"]},\n  "rules": {"inpatient-only": "loud"}\n}\n');
    const r = await run(dir, 'show', '64866');
    assert.equal(r.code, 2);
    assert.match(r.err, /configuration not read: .*\.cptlens\.json:3: rule "inpatient-only": "loud"/);
  });

  it('import FILE says what a file is and holds', async () => {
    const r = await run(tempDir(), 'import', path.join(FIXTURES, 'PPRRVU2025_Oct.txt'), path.join(FIXTURES, 'ConsumerDescriptor.txt'));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /PPRRVU2025_Oct\.txt: CMS PFS relative value file \(PPRRVU, fixed-width text\); 4 codes, 0 modifiers; as of 2025-10; code set 2025; fields: addOn, pfs, shortDescriptor/);
    assert.match(r.out, /ConsumerDescriptor\.txt: AMA CPT consumer-friendly descriptors; 3 codes/);
  });
});

describe('.cptlens.json', () => {
  it('is found in the folder or the nearest parent', () => {
    const present = new Set(['/work/p/.cptlens.json']);
    assert.equal(findProjectConfig('/work/p/a/b', (f) => present.has(f)), '/work/p/.cptlens.json');
    assert.equal(findProjectConfig('/work/p', (f) => present.has(f)), '/work/p/.cptlens.json');
    assert.equal(findProjectConfig('/work', (f) => present.has(f)), undefined);
    assert.equal(findProjectConfig('C:\\work\\p\\a', (f) => f === 'C:\\work\\p\\.cptlens.json'), 'C:\\work\\p\\.cptlens.json');
  });

  it('is checked: entries need a path, a mapping needs code, severities are known', () => {
    assert.deepEqual(parseProjectConfig('{"data":{"files":["a.csv",{"path":"b.csv","quarter":"2026-04"}]}}', 'c'), { data: { files: ['a.csv', { path: 'b.csv', quarter: '2026-04' }] } });
    assert.throws(() => parseProjectConfig('{"data":{"files":[{"mapping":{}}]}}', 'c'), (e: unknown) => e instanceof ImportError && /"path"/.test(e.reason));
    assert.throws(() => parseProjectConfig('{\n"data": {"files": [{"path": "x", "mapping": {}}]}}', 'c'), (e: unknown) => e instanceof ImportError && e.line === 2);
    assert.throws(() => parseProjectConfig('{\n\n  oops', 'c'), (e: unknown) => e instanceof ImportError && e.line === 3);
  });
});
