import { strict as assert } from 'assert';
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { REPO_ROOT } from './helpers/engine';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) }, REPO_ROOT);
  return { code, out, err };
}

function tempFile(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-cli-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('cpt-lens CLI', () => {
  it('show prints the card in Markdown', async () => {
    const r = await run('show', '64866');
    assert.equal(r.code, 0);
    assert.match(r.out, /64866 — Anastomosis; facial\\-spinal accessory nerve/);
  });

  it('show --format json carries every field of the seed record', async () => {
    const r = await run('show', '64866', '--format', 'json');
    const { record } = JSON.parse(r.out);
    for (const field of [
      'code', 'system', 'codeSetYear', 'status', 'section', 'subsection', 'longDescriptor', 'summary', 'plainLanguage', 'procedureDetails',
      'commonModifiers', 'modifierNote', 'medicalNecessity', 'examples', 'documentation', 'inpatientOnlyNote', 'specialties',
      'placesOfService', 'pfs', 'opps',
    ]) {
      assert.ok(record[field] !== undefined, `missing ${field}`);
    }
    assert.equal(record.opps.byQuarter['2026-04'], 'C');
    assert.equal(record.pfs.bilateral, '0');
  });

  it('codes --format json gives rows other tools can score, 1-based', async () => {
    const file = tempFile('note.md', 'Planned: CPT 64866-22 and 27447 RT.\nZIP 64866 is not a code.\n');
    const r = await run('codes', file, '--format', 'json');
    const rows = JSON.parse(r.out);
    assert.deepEqual(rows[0], {
      file, line: 1, column: 14, endLine: 1, endColumn: 19, text: '64866', code: '64866', system: 'CPT-I', modifiers: ['22'],
    });
    assert.deepEqual(rows.map((x: { code: string }) => x.code), ['64866', '27447']);
  });

  it('check lists findings and exits 0 when none is an error', async () => {
    const file = tempFile('note.txt', 'CPT 64866-ZZ\n');
    const r = await run('check', file, '--format', 'json');
    assert.equal(r.code, 0);
    const rules = JSON.parse(r.out).map((x: { rule: string }) => x.rule).sort();
    assert.deepEqual(rules, ['inpatient-only', 'modifier-unknown']);
  });

  it('check --format json rows are the public contract: these keys in this order, the range of the finding', async () => {
    const file = tempFile('note.txt', 'CPT 64866-ZZ\n');
    const r = await run('check', file, '--format', 'json');
    const row = JSON.parse(r.out).find((x: { rule: string }) => x.rule === 'modifier-unknown');
    // The finding is on the modifier (columns 11-13), the occurrence on the code: the row takes the finding's range.
    assert.equal(
      JSON.stringify(row),
      JSON.stringify({
        file, line: 1, column: 11, endLine: 1, endColumn: 13, text: '64866', code: '64866', system: 'CPT-I', modifiers: ['ZZ'],
        rule: 'modifier-unknown', severity: row.severity, message: row.message,
      }),
    );
    assert.match(row.message, /ZZ/);
  });

  it('bad usage exits 2 with a message', async () => {
    assert.equal((await run('codes')).code, 2);
    assert.equal((await run('check', 'x', '--format', 'yaml')).code, 2);
    assert.equal((await run('frobnicate')).code, 2);
  });

  it('an unreadable file exits 2 and names the file', async () => {
    const r = await run('check', '/nonexistent/claim.837');
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot read \/nonexistent\/claim\.837: no such file/);
  });

  it('a binary file is skipped with a message, exit 2', async () => {
    const file = tempFile('x.bin', Buffer.from([0x50, 0x4b, 0, 0, 1, 2]));
    const r = await run('codes', file);
    assert.equal(r.code, 2);
    assert.match(r.err, /binary content/);
  });

  it('runs as a process through bin/cpt-lens.js (the npx entry) and never writes to the checked file', () => {
    const file = tempFile('claim.txt', 'CPT 64866\n');
    const before = fs.statSync(file).mtimeMs;
    const out = execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'cpt-lens.js'), 'codes', file], { encoding: 'utf8' });
    assert.match(out, /claim\.txt:1:5: 64866 \(CPT-I\)/);
    assert.equal(fs.statSync(file).mtimeMs, before);
    const bad = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'cpt-lens.js'), 'show'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
  });
});

describe('cpt-lens tells its entry what a run will read', () => {
  const quiet = { out: () => undefined, err: () => undefined };
  const told = async (argv: string[], cwd: string): Promise<string[][]> => {
    const calls: string[][] = [];
    await main(argv, quiet, REPO_ROOT, cwd, (files) => calls.push(files));
    return calls;
  };

  it('a check or codes run: its documents, then the data files of .cptlens.json and --data, before reading them', async () => {
    const claim = tempFile('claim.837', 'ISA*00~');
    const dir = path.dirname(claim);
    fs.writeFileSync(path.join(dir, 'list.csv'), 'CPT,Description\n99213,office visit\n');
    fs.writeFileSync(path.join(dir, 'more.csv'), 'CPT,Description\n99214,office visit\n');
    fs.writeFileSync(path.join(dir, '.cptlens.json'), JSON.stringify({ data: { files: ['list.csv'] } }));
    assert.deepEqual(await told(['check', 'claim.837', '--data', 'more.csv'], dir), [[claim, path.join(dir, 'list.csv'), path.join(dir, 'more.csv')]]);
    assert.deepEqual(await told(['codes', 'claim.837', '--no-config'], dir), [[claim]]);
  });

  it('show and import read no documents: nothing is told', async () => {
    assert.deepEqual(await told(['show', '64866'], REPO_ROOT), []);
    assert.deepEqual(await told(['import', path.join(REPO_ROOT, 'examples', 'fee-schedule.csv')], REPO_ROOT), []);
  });
});

describe('cpt-lens as a process', () => {
  it('ends as soon as its output is written, all of it, even megabytes through a pipe, with the exit code of the check', () => {
    const file = tempFile('many.txt', 'CPT 64866-ZZ\n'.repeat(5000));
    const bin = path.join(REPO_ROOT, 'bin', 'cpt-lens.js');
    const r = spawnSync(process.execPath, [bin, 'check', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.length > 1 << 20);
    const rows = JSON.parse(r.stdout);
    assert.equal(rows.length, 10000); // inpatient-only and modifier-unknown on every line
    assert.deepEqual(rows.at(-1), { ...rows.at(-1), line: 5000 });
    const unreadable = spawnSync(process.execPath, [bin, 'check', file, '/nonexistent/claim.837'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(unreadable.status, 2);
    assert.equal(unreadable.stdout.split('\n').filter(Boolean).length, 10000);
  });

  it('stops quietly when what reads its output goes away (`cpt-lens check ... | head`), with the exit code of the check', async () => {
    const file = tempFile('many.txt', 'CPT 64866-ZZ\n'.repeat(5000));
    const bin = path.join(REPO_ROOT, 'bin', 'cpt-lens.js');
    for (const format of ['json', 'text']) {
      const child = spawn(process.execPath, [bin, 'check', file, '--format', format], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy(); // the reader is gone before the first row is written
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(stderr, '', `${format}: nothing on stderr`);
      assert.equal(code, 0, format);
    }
  });
});

describe('cpt-lens check --format sarif', () => {
  it('writes SARIF 2.1.0 that code-scanning tools read: rules, levels, 1-based regions, related locations', async () => {
    const file = tempFile('claim.837', [
      'ISA*00*          *00*          *ZZ*SUB            *ZZ*REC            *260105*1200*^*00501*000000001*0*T*:~',
      'ST*837*0001*005010X222A1~',
      'CLM*C1*100***22:B:1*Y*A*Y*Y~',
      'LX*1~', 'SV1*HC:64866*100*UN*1***1~', 'DTP*472*D8*20260105~',
      'LX*2~', 'SV1*HC:99213*50*UN*1***1~', 'DTP*472*D8*20260105~', '',
    ].join('\n'));
    const r = await run('check', file, '--format', 'sarif');
    assert.equal(r.code, 1, 'an error-severity finding exits 1');
    const sarif = JSON.parse(r.out);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.name, 'CPT Lens');
    assert.ok(run0.tool.driver.rules.some((x: { id: string }) => x.id === 'inpatient-only-outpatient'));
    const [result] = run0.results;
    assert.equal(result.ruleId, 'inpatient-only-outpatient');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 5, startColumn: 8, endLine: 5, endColumn: 13 });
    assert.equal(run0.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    assert.match(result.relatedLocations[0].message.text, /99213 on the same claim and date/);
  });
});
