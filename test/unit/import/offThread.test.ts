/**
 * The extension converts a large data file in a worker thread, so that its host keeps answering
 * while a 100 MB file converts. The coder sees the same data, and the same message naming the file
 * and the line when the file is broken.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ImportError, importData } from '../../../src/core/import';
import { importOffThread, offThreadStats } from '../../../src/extension/importOffThread';
import { breakCodeCell, writeBigMappedCsv } from './bigDataFile';

const OPTIONS = { mapping: { code: 'Code', shortDescriptor: 'Short', longDescriptor: 'Long' } };

describe('converting a data file off the extension host thread', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-offthread-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a small file converts in place (a worker would cost more than the conversion)', async () => {
    const bytes = new TextEncoder().encode('Code,Short,Long\n99901,LOCAL VISIT,Local office visit\n');
    const workers = offThreadStats.workers;
    assert.deepEqual(await importOffThread(bytes, 'local.csv', OPTIONS), importData(bytes, 'local.csv', OPTIONS));
    assert.equal(offThreadStats.workers, workers);
  });

  it('a 2 MB mapped CSV converts in a worker to exactly what converting in place gives', async () => {
    const file = path.join(dir, 'payer-list.csv');
    const big = writeBigMappedCsv(file, 2 * 1024 * 1024);
    const bytes = new Uint8Array(fs.readFileSync(file));
    const workers = offThreadStats.workers;
    const inWorker = await importOffThread(bytes, file, OPTIONS);
    assert.equal(offThreadStats.workers, workers + 1, 'converted in a worker thread');
    assert.deepEqual(inWorker, importData(bytes, file, OPTIONS));
    assert.equal(inWorker.summary.codes, big.rows);
  });

  it('a broken row is refused from the worker with an ImportError naming the file and the line', async () => {
    const file = path.join(dir, 'broken-list.csv');
    const big = writeBigMappedCsv(file, 2 * 1024 * 1024);
    breakCodeCell(file, big.nearEnd);
    const bytes = new Uint8Array(fs.readFileSync(file));
    await assert.rejects(importOffThread(bytes, file, OPTIONS), (e: unknown) => {
      assert.ok(e instanceof ImportError, `an ImportError, not ${String(e)}`);
      assert.equal(e.file, file);
      assert.equal(e.line, big.nearEnd.line);
      assert.match(e.message, new RegExp(`:${big.nearEnd.line}: "9990" is not a CPT or HCPCS code`));
      return true;
    });
  });
});
