import { strict as assert } from 'assert';
import * as path from 'path';
import { importData } from '../../../src/core/import';
import { engineOn } from '../helpers/engine';
import { bytes, fixture, FIXTURES, schemaCheck, throwsImport } from './helpers';

describe('import: AMA CPT data files (synthetic fixtures)', () => {
  it('reads LONGULT.txt (tab-separated, notice first) as long descriptors', () => {
    const { pack, summary } = fixture('LONGULT.txt');
    assert.equal(summary.format, 'ama-descriptors');
    assert.equal(summary.codes, 4);
    assert.deepEqual(summary.fields, ['longDescriptor']);
    assert.equal(pack.codes!['99902'].longDescriptor, 'Test procedure beta with an invented long descriptor');
    assert.equal(pack.source.license, 'licensed');
    assert.equal(pack.imported?.format, 'ama-descriptors');
  });

  it('tells medium from short descriptors by the name and by the length of the text', () => {
    assert.equal(fixture('MEDU.txt').pack.codes!['99901'].mediumDescriptor, 'TEST PROCEDURE ALPHA MEDIUM DESCRIPTOR');
    assert.equal(fixture('SHORTU.txt').pack.codes!['99901'].shortDescriptor, 'TEST PROC ALPHA');
    // Renamed files: the content decides (the medium file has a 38-character line).
    const medium = importData(bytes('99901 TEST PROCEDURE ALPHA MEDIUM DESCRIPTOR\n99902 TEST\n'), 'a.txt');
    assert.ok(medium.pack.codes!['99901'].mediumDescriptor);
    const short = importData(bytes('99901 TEST PROC ALPHA\n99902 TEST\n'), 'b.txt');
    assert.ok(short.pack.codes!['99901'].shortDescriptor);
  });

  it('reads the consumer-friendly file into plainLanguage and the clinician file into procedureDetails', () => {
    const consumer = fixture('ConsumerDescriptor.txt');
    assert.equal(consumer.summary.format, 'ama-consumer');
    assert.equal(consumer.pack.codes!['64866'].plainLanguage, 'Invented plain words for the reference code');
    const clinician = fixture('ClinicianDescriptor.txt');
    assert.equal(clinician.summary.format, 'ama-clinician');
    assert.equal(clinician.pack.codes!['99901'].procedureDetails, 'Invented clinician text one for test procedure alpha\n\nInvented clinician text two for test procedure alpha');
  });

  it('puts the licensed text on the card of 64866, over the bundled reference record', () => {
    const packs = ['LONGULT.txt', 'SHORTU.txt', 'ConsumerDescriptor.txt'].map((f) => fixture(f).pack);
    const engine = engineOn('2026-11-27', packs);
    const record = engine.record('64866')!;
    assert.equal(record.longDescriptor, 'Test procedure gamma, invented long descriptor of the reference code');
    assert.equal(record.sources?.longDescriptor, 'file:LONGULT.txt');
    assert.equal(record.plainLanguage, 'Invented plain words for the reference code');
    assert.equal(record.sources?.plainLanguage, 'file:ConsumerDescriptor.txt');
    const card = engine.card('64866')!;
    assert.equal(card.title, 'Test procedure gamma, invented long descriptor of the reference code');
    const short = card.parts.find((p) => p.id === 'shortDescriptor');
    assert.equal(short?.text, 'TEST PROC GAMMA');
    assert.equal(short?.source, 'file:SHORTU.txt');
    // A code only the user's file knows gets a card too.
    assert.equal(engine.card('99901')?.title, 'Test procedure alpha, first part of a long descriptor for testing wrapped text');
  });

  it('joins a descriptor wrapped over consecutive lines and rejects a code repeated elsewhere', () => {
    const wrapped = importData(bytes('99901\tTest procedure\n99901\talpha continued\n99902\tTest beta\n'), 'LONGULT.txt');
    assert.equal(wrapped.pack.codes!['99901'].longDescriptor, 'Test procedure alpha continued');
    throwsImport(() => importData(bytes('99901\tTest a\n99902\tTest b\n99901\tTest c\n'), 'LONGULT.txt'), 'LONGULT.txt', 3, /99901 appears again \(first on line 1\)/);
  });

  it('names the line of a line that breaks the layout after the data began', () => {
    throwsImport(() => importData(bytes('Notice text\n\n99901\tTest a\n99902\tTest b\nnot a code line\n99903\tTest c\n'), 'LONGULT.txt'), 'LONGULT.txt', 5, /expected a code/);
  });

  it('names the line of a consumer row cut short', () => {
    const text = 'Concept Id\tCPT Code\tConsumer Friendly Descriptor\n1\t99901\tTest words\n2\t99902';
    throwsImport(() => importData(bytes(text), 'ConsumerDescriptor.txt'), 'ConsumerDescriptor.txt', 3, /2 fields where the header has 3 \(the file looks cut off\)/);
  });

  it('converts to packs that match data/pack.schema.json', async () => {
    for (const name of ['LONGULT.txt', 'MEDU.txt', 'SHORTU.txt', 'ConsumerDescriptor.txt', 'ClinicianDescriptor.txt']) {
      assert.deepEqual(await schemaCheck(fixture(name).pack), [], name);
    }
    assert.ok(path.isAbsolute(FIXTURES));
  });
});
