/**
 * The CLI on awkward documents (empty, one 5 MB line, 100,000 columns, UTF-16, cp1252, mixed line
 * ends, a BOM, binary) never crashes and answers sanely; it never writes to the files it checks;
 * and neither the CLI bundle nor package.json brings telemetry or network code.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import { REPO_ROOT } from '../helpers/engine';
import { needSamples } from './helpers';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) }, REPO_ROOT);
  return { code, out, err };
}

describe('hardening: the CLI on awkward documents', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-hard-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string | Buffer): string => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, content);
    return f;
  };
  const utf16le = (s: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
  const utf16be = (s: string): Buffer => {
    const le = Buffer.from(s, 'utf16le');
    for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
    return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
  };
  const csv = 'CPT,Modifier,Description\r\n64866,50,Anastomosis\n99213,25,Office visit “established”\r27447,RT,Knee\n';

  const cases: [string, () => string, (rows: { code: string; line: number }[]) => void][] = [
    ['empty', () => write('empty.csv', ''), (rows) => assert.equal(rows.length, 0)],
    ['a single 5 MB line', () => write('long.txt', `CPT 64866 ${'x'.repeat(5 * 1024 * 1024)} 99213`), (rows) => assert.ok(rows.length <= 2)],
    ['100,000 columns', () => write('wide.csv', `CPT,${Array.from({ length: 99_999 }, (_, i) => `c${i}`).join(',')}\n64866,${'1,'.repeat(99_998)}1\n`), (rows) => assert.deepEqual(rows.map((r) => r.code), ['64866'])],
    ['UTF-16 LE with BOM', () => write('u16le.csv', utf16le(csv)), (rows) => assert.deepEqual(rows.map((r) => `${r.code}@${r.line}`), ['64866@2', '99213@3', '27447@4'])],
    ['UTF-16 BE with BOM', () => write('u16be.csv', utf16be(csv)), (rows) => assert.deepEqual(rows.map((r) => `${r.code}@${r.line}`), ['64866@2', '99213@3', '27447@4'])],
    ['cp1252', () => write('cp1252.csv', Buffer.from(csv.replace(/[“”]/g, '"'), 'latin1')), (rows) => assert.equal(rows.length, 3)],
    ['cp1252 curly quotes', () => write('cp1252q.csv', Buffer.concat([Buffer.from('CPT,Description\n64866,'), Buffer.from([0x93, 0x41, 0x94]), Buffer.from('\n')])), (rows) => assert.deepEqual(rows.map((r) => r.code), ['64866'])],
    ['UTF-8 BOM and CRLF/CR/LF', () => write('bom.csv', `\ufeff${csv}`), (rows) => assert.deepEqual(rows.map((r) => `${r.code}@${r.line}`), ['64866@2', '99213@3', '27447@4'])],
  ];

  for (const [name, make, expect] of cases) {
    it(`${name}: codes and check answer, no crash`, async () => {
      const file = make();
      const codes = await run('codes', file, '--format', 'json', '--no-config');
      assert.equal(codes.code, 0, codes.err);
      const rows = JSON.parse(codes.out) as { code: string; line: number }[];
      expect(rows);
      const check = await run('check', file, '--format', 'json', '--no-config');
      assert.ok(check.code === 0 || check.code === 1, `check exit ${check.code}: ${check.err}`);
      assert.ok(Array.isArray(JSON.parse(check.out)));
    });
  }

  it('binary input is skipped with a message (exit 2), not read as text', async () => {
    const file = write('bin.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3]));
    const r = await run('check', file, '--no-config');
    assert.equal(r.code, 2);
    assert.match(r.err, /binary/);
  });

  it('never writes to the files it checks: content and mtime of every real sample unchanged', async function () {
    const files = needSamples(this);
    const before = files.map((f) => ({ f, mtime: fs.statSync(f).mtimeMs, bytes: fs.readFileSync(f) }));
    for (const format of ['text', 'json', 'sarif']) await run('check', ...files, '--format', format, '--no-config');
    await run('codes', ...files, '--no-config');
    for (const b of before) {
      assert.equal(fs.statSync(b.f).mtimeMs, b.mtime, `${b.f} was touched`);
      assert.ok(fs.readFileSync(b.f).equals(b.bytes), `${b.f} changed`);
    }
  });

  it('never writes to a writable file it checks either', async () => {
    const file = write('claims.csv', csv);
    const t = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(file, t, t);
    await run('check', file, '--no-config');
    await run('codes', file, '--no-config');
    assert.equal(fs.statSync(file).mtimeMs, t.getTime());
    assert.equal(fs.readFileSync(file, 'utf8'), csv);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => /claims/.test(f)), ['claims.csv'], 'no side file written next to it');
  });
});

describe('hardening: no telemetry in the package', () => {
  it('package.json has no telemetry or analytics dependency', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies });
    const bad = deps.filter((d) => /telemetry|applicationinsights|analytics|sentry|segment|mixpanel|amplitude|posthog|bugsnag|datadog|newrelic/i.test(d));
    assert.deepEqual(bad, []);
    assert.equal(pkg.dependencies, undefined, 'the extension ships no runtime dependency (everything is bundled)');
  });

  it('the CLI bundle holds no telemetry either', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'dist/cli.js'), 'utf8');
    assert.ok(!/createTelemetryLogger|TelemetryReporter|applicationinsights|sendBeacon/i.test(text));
  });
});
