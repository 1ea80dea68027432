/** Merge order, the cache key and the linearity of the readers. */
import { strict as assert } from 'assert';
import { cacheFileName, ImportError, importCacheKey, importCached, importData, orderImported, PackCache, sha256Hex } from '../../../src/core/import';
import type { Meter } from '../../../src/core/import/reader';
import { parsePack } from '../../../src/core/pack/parse';
import { engineOn } from '../helpers/engine';
import { bytes } from './helpers';

const opps = (quarter: string, si: string, desc: string): string =>
  `HCPCSCode,ShortDescriptor,StatusIndicator,PaymentRate,Changed?,Source\n"64866","${desc}","${si}",,false,"${quarter}"\n"99901","Test alpha","T",,false,"${quarter}"\n`;

describe('import: merge order', () => {
  it('later packs win field by field, user files over bundled ones, and each field names its pack', () => {
    const a = importData(bytes('99901\tTest alpha from A\n64866\tTest gamma from A\n'), 'a/LONGULT.txt', { id: 'user-a' }).pack;
    const b = importData(bytes('99901\tTest alpha from B\n'), 'b/LONGULT.txt', { id: 'user-b' }).pack;
    const engine = engineOn('2026-11-27', [a, b]);
    assert.equal(engine.record('99901')!.longDescriptor, 'Test alpha from B');
    assert.equal(engine.record('99901')!.sources!.longDescriptor, 'user-b');
    assert.equal(engine.record('64866')!.longDescriptor, 'Test gamma from A'); // over the bundled reference record
    assert.equal(engine.record('64866')!.sources!.longDescriptor, 'user-a');
    assert.equal(engine.record('64866')!.sources!.summary, 'seed-64866'); // fields the user file lacks stay
    const reversed = engineOn('2026-11-27', [b, a]);
    assert.equal(reversed.record('99901')!.longDescriptor, 'Test alpha from A');
  });

  it('orderImported puts a later quarter after an earlier one of the same format, whatever the listed order', () => {
    const q2 = importData(bytes(opps('2026-04', 'T', 'Test newer')), 'b.csv');
    const q1 = importData(bytes(opps('2026-01', 'C', 'Test older')), 'a.csv');
    const ama = importData(bytes('99901\tTest alpha\n99902\tTest beta\n'), 'LONGULT.txt');
    const ordered = orderImported([q2, ama, q1]);
    assert.deepEqual(ordered.map((r) => r.pack.id), ['file:a.csv', 'file:LONGULT.txt', 'file:b.csv']);
    const engine = engineOn('2026-11-27', ordered.map((r) => r.pack));
    assert.equal(engine.record('64866')!.shortDescriptor, 'Test newer');
    assert.equal(engine.record('64866')!.sources!.shortDescriptor, 'file:b.csv');
    const history = engine.record('64866')!.opps!.byQuarter;
    assert.equal(history['2026-01'], 'C');
    assert.equal(history['2026-04'], 'T');
  });

  it('one file with several quarters in its Source column fills several quarters', () => {
    const text = `${opps('2025-10', 'C', 'Test')}"64866","Test","T",,false,"2026-01"\n`;
    const { pack, summary } = importData(bytes(text), 'multi.csv');
    assert.deepEqual(summary.quarters, ['2025-10', '2026-01']);
    assert.deepEqual(pack.opps!.status['64866'], ['C', 'T']);
    assert.deepEqual(pack.opps!.status['99901'], ['T', null]);
  });
});

describe('import: cache key and round trip', () => {
  it('sha256 matches the standard test vectors', () => {
    assert.equal(sha256Hex(bytes('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(sha256Hex(new Uint8Array(0)), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(sha256Hex(bytes('a'.repeat(1000))), '41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
  });

  it('the key changes with the bytes and with options that change the output, not with the meter', () => {
    const data = bytes('99901\tTest alpha\n');
    assert.equal(importCacheKey(data), importCacheKey(bytes('99901\tTest alpha\n')));
    assert.notEqual(importCacheKey(data), importCacheKey(bytes('99901\tTest alpha!\n')));
    assert.notEqual(importCacheKey(data), importCacheKey(data, { descriptorKind: 'short' }));
    assert.equal(importCacheKey(data, { meter: { steps: 0 } }), importCacheKey(data));
    assert.equal(importCacheKey(data, { mapping: { code: 1, header: false } }), importCacheKey(data, { mapping: { header: false, code: 1 } }));
    assert.match(importCacheKey(data), /^[0-9a-f]{64}-v1$/);
  });

  it('a converted pack written as JSON reads back the same through parsePack', () => {
    const { pack, summary } = importData(bytes('99901\tTest alpha\n99902\tTest beta\n'), 'LONGULT.txt');
    assert.deepEqual(parsePack(JSON.stringify(pack), 'cache.json'), pack);
    assert.equal(pack.imported!.sha256, summary.sha256);
    assert.equal(pack.imported!.importerVersion, 1);
  });
});

describe('import: linear work', () => {
  function ptp(rows: number): Uint8Array {
    const lines = ['CPT only copyright 2025 American Medical Association.  All rights reserved.', 'Column1/Column2 Edits', 'Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale'];
    for (let i = 0; i < rows; i++) lines.push(`${String(10000 + (i % 80000)).padStart(5, '0')}\t${String(20000 + i).slice(-5)}\t\t20200101\t*\t1\tTest rationale ${i % 7}`);
    return bytes(`${lines.join('\r\n')}\r\n`);
  }
  function pfs(rows: number): Uint8Array {
    const head = 'HCPCS,MOD,DESCRIPTION,STATUS CODE,PCTC IND,GLOB DAYS,MULT PROC,BILAT SURG,ASST SURG,CO- SURG,TEAM SURG,ENDO BASE';
    const lines = [head];
    for (let i = 0; i < rows; i++) lines.push(`${10000 + i},,"Test, descriptor ${i}",A,0,090,2,0,2,1,0,`);
    return bytes(`${lines.join('\n')}\n`);
  }

  for (const [name, make] of [['NCCI PTP', ptp], ['PFS CSV', pfs]] as const) {
    it(`${name}: four times the rows is four times the work (counted, not timed)`, () => {
      const steps = (n: number): { steps: number; size: number } => {
        const meter: Meter = { steps: 0 };
        const data = make(n);
        importData(data, 'generated', { meter });
        return { steps: meter.steps, size: data.length };
      };
      const small = steps(5000);
      const large = steps(20000);
      const ratio = large.steps / small.steps;
      assert.ok(ratio > 3.8 && ratio < 4.2, `work ratio ${ratio.toFixed(3)} for 4x the rows`);
      assert.ok(large.steps <= 2 * large.size, `${large.steps} steps for ${large.size} bytes`);
    });
  }

  it('a 5 MB PTP file converts without blowing up (memory stays bounded by the pack)', function () {
    this.timeout(120000);
    const data = ptp(120000);
    assert.ok(data.length > 5_000_000, `${data.length} bytes`);
    const { summary } = importData(data, 'big-ccipra-v322r0-f1.txt');
    assert.equal(summary.ptpEdits, 120000);
  });
});

describe('import: the converted-pack cache', () => {
  const mapCache = (): PackCache & { map: Map<string, string> } => {
    const map = new Map<string, string>();
    return { map, get: async (k) => map.get(k), set: async (k, t) => void map.set(k, t) };
  };

  it('converts once: the second import of the same bytes comes from the cache, named after the file asked for', async () => {
    const cache = mapCache();
    const data = bytes('99901\tTest alpha\n99902\tTest beta\n');
    const first = await importCached(data, '/a/LONGULT.txt', {}, cache);
    assert.equal(first.fromCache, false);
    assert.deepEqual([...cache.map.keys()], [first.key]);
    assert.match(cacheFileName(first.key), /^[0-9a-f]{64}-v1\.cptlens-import\.json$/);
    const second = await importCached(data, '/b/LONG2026.txt', {}, cache);
    assert.equal(second.fromCache, true);
    assert.equal(second.pack.id, 'file:LONG2026.txt');
    assert.equal(second.summary.file, '/b/LONG2026.txt');
    assert.deepEqual(second.pack.codes, first.pack.codes);
    const changed = await importCached(bytes('99901\tTest alpha changed\n99902\tTest beta\n'), '/a/LONGULT.txt', {}, cache);
    assert.equal(changed.fromCache, false);
    assert.equal(cache.map.size, 2);
  });

  it('a broken cache entry or a failing store never loses the data', async () => {
    const cache = mapCache();
    const data = bytes('99901\tTest alpha\n99902\tTest beta\n');
    cache.map.set(importCacheKey(data), '{"cacheFormat":1,"summary":{},"pack":{"format":"nope"}}');
    assert.equal((await importCached(data, 'LONGULT.txt', {}, cache)).fromCache, false);
    const failing: PackCache = { get: async () => { throw new Error('disk'); }, set: async () => { throw new Error('full'); } };
    const r = await importCached(data, 'LONGULT.txt', {}, failing);
    assert.equal(r.pack.codes!['99901'].longDescriptor, 'Test alpha');
    await assert.rejects(importCached(bytes('\u0000'), 'bad.bin', {}, cache), (e: unknown) => e instanceof ImportError);
  });
});
