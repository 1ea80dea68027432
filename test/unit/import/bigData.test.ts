/**
 * A 100 MB data file, as a payer's full code list can be: written to the OS temp folder, read
 * from disk like a user's file, converted in work linear in its size (counted, not timed), and
 * refused with its path and line when one row near the end is broken. Generated files are
 * deleted afterwards.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ImportError, importData } from '../../../src/core/import';
import type { ColumnMapping } from '../../../src/core/import';
import type { Meter } from '../../../src/core/import/reader';
import { BigFile, breakCodeCell, writeBigMappedCsv } from './bigDataFile';

const TARGET_BYTES = 100 * 1024 * 1024;
const MAPPING: ColumnMapping = { code: 'Code', shortDescriptor: 'Short', longDescriptor: 'Long', summary: 'Payer note' };

describe('import: a 100 MB list with a column mapping', function () {
  this.timeout(300_000);
  let dir: string;
  let file: string;
  let written: BigFile;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-100mb-'));
    file = path.join(dir, 'payer-list.csv');
    written = writeBigMappedCsv(file, TARGET_BYTES);
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('converts, every row read, in work linear in its size', () => {
    const data = fs.readFileSync(file);
    assert.ok(data.length >= TARGET_BYTES, `${data.length} bytes`);
    const meter: Meter = { steps: 0 };
    const { pack, summary } = importData(data, file, { mapping: MAPPING, meter });
    assert.equal(summary.format, 'mapped-csv');
    assert.equal(summary.codes, written.rows);
    assert.equal(pack.codes![written.lastCode].shortDescriptor, `TEST CODE ${written.lastCode}`);
    // Each character is looked at a bounded number of times: linear, whatever the machine's speed.
    assert.ok(meter.steps <= 2 * data.length, `${meter.steps} steps for ${data.length} bytes`);
  });

  it('one broken row near the end refuses the whole file, naming the file, the line and the reason', () => {
    breakCodeCell(file, written.nearEnd);
    assert.ok(written.nearEnd.line > written.rows - 20, 'the broken row is near the end');
    let error: unknown;
    try {
      importData(fs.readFileSync(file), file, { mapping: MAPPING });
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof ImportError, `expected an ImportError, got ${String(error)}`);
    assert.equal(error.file, file);
    assert.equal(error.line, written.nearEnd.line);
    assert.match(error.message, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${written.nearEnd.line}: "9990" is not a CPT or HCPCS code`));
  });
});
