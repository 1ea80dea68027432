/** The importers over the real CMS files in ../shared/data/raw (skipped when absent). */
import { strict as assert } from 'assert';
import { engineOn } from '../helpers/engine';
import { clearShared, fixture, schemaCheck, shared, throwsImport } from './helpers';
import { SHARED } from '../helpers/engine';
import * as path from 'path';
import * as fs from 'fs';
import { importData } from '../../../src/core/import';

describe('import: CMS PFS relative value file (PPRRVU)', () => {
  after(() => clearShared());

  it('reads PPRRVU2025_Oct.csv: banner lines, stacked header, release from the banner', function () {
    const { pack, summary } = shared(this, 'cms-pfs-rvu/PPRRVU2025_Oct.csv');
    assert.equal(summary.format, 'cms-pfs-rvu');
    assert.equal(summary.asOf, '2025-10');
    assert.equal(summary.rows, 19090);
    assert.deepEqual(summary.fields, ['addOn', 'pfs', 'shortDescriptor']);
    assert.equal(pack.codes!['64866'].shortDescriptor, 'Fusion of facial/other nerve');
    assert.deepEqual(pack.pfs!.rows['64866'], ['A', '0', '090', '2', '0', '2', '1', '0', '']);
    assert.equal(pack.pfs!.rows['43239'][8], '43235');
    assert.equal(pack.codes!['11732'].addOn, true); // global days ZZZ
  });

  it('shows the CMS short descriptor and indicators on the merged card of 64866', function () {
    const { pack } = shared(this, 'cms-pfs-rvu/PPRRVU2025_Oct.csv');
    const engine = engineOn('2026-11-27', [pack]);
    const record = engine.record('64866')!;
    assert.equal(record.shortDescriptor, 'Fusion of facial/other nerve');
    assert.equal(record.sources?.shortDescriptor, 'file:PPRRVU2025_Oct.csv');
    assert.equal(record.sources?.pfs, 'file:PPRRVU2025_Oct.csv');
    assert.equal(record.pfs?.globalDays, '090');
    assert.equal(record.pfs?.assistant, '2');
    // The reference record's long descriptor stays (the PFS file has none).
    assert.match(record.longDescriptor ?? '', /facial-spinal accessory/);
    const card = engine.card('64866')!;
    const short = card.parts.find((p) => p.id === 'shortDescriptor');
    assert.equal(short?.text, 'Fusion of facial/other nerve');
    assert.equal(short?.source, 'file:PPRRVU2025_Oct.csv');
    assert.ok(card.parts.some((p) => p.source === 'file:PPRRVU2025_Oct.csv' && p.id !== 'shortDescriptor'), 'payment part from the import');
  });

  it('matches the bundled indicators for every code', function () {
    const { pack } = shared(this, 'cms-pfs-rvu/PPRRVU2025_Oct.csv');
    const bundled = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../data/packs/pfs-indicators-2025-10.cptlens-pack.json'), 'utf8'));
    assert.deepEqual(pack.pfs!.columns, bundled.pfs.columns);
    assert.deepEqual(pack.pfs!.rows, bundled.pfs.rows);
  });

  it('reads the fixed-width PPRRVU text (synthetic rows in the CMS layout)', () => {
    const { pack, summary } = fixture('PPRRVU2025_Oct.txt');
    assert.equal(summary.format, 'cms-pfs-rvu-fixed');
    assert.equal(summary.asOf, '2025-10');
    assert.deepEqual(Object.keys(pack.pfs!.rows).sort(), ['64866', '99903', '99904', '99906']);
    assert.deepEqual(pack.pfs!.rows['64866'], ['A', '0', '090', '2', '0', '2', '1', '0', '']);
    assert.equal(pack.pfs!.rows['99904'][8], '99905');
    assert.equal(pack.codes!['99903'].addOn, true);
    assert.equal(pack.codes!['99906'].shortDescriptor, 'Test imaging descriptor');
  });
});

describe('import: CMS OPPS Addendum B', () => {
  after(() => clearShared());

  it('reads a cp1252 file with NBSP in code cells; the quarter comes from the Source column', function () {
    const { pack, summary } = shared(this, 'cms-opps-addendum-b/opps_addendum_b_2026-04.csv');
    assert.equal(summary.format, 'cms-opps-addendum-b');
    assert.equal(summary.encoding, 'windows-1252');
    assert.deepEqual(summary.quarters, ['2026-04']);
    assert.equal(summary.codes, 19059);
    assert.equal(pack.opps!.status['A4341'][0], 'N'); // "A4341\u00a0" in the file
    assert.equal(pack.opps!.status['G0465'][0], 'T');
    assert.equal(pack.codes!['A2044'].shortDescriptor, 'Biobrane glove, each'); // a cp1252 NBSP (0xA0) in the text
    assert.match(summary.warnings.join(), /2 code cells held spaces or non-breaking spaces/);
  });

  it('reads a Source month (2026-02) as its quarter (2026-01)', function () {
    const { summary, pack } = shared(this, 'cms-opps-addendum-b/opps_addendum_b_2026-01.csv');
    assert.deepEqual(summary.quarters, ['2026-01']);
    assert.equal(pack.asOf, '2026-01');
  });

  it('adds quarters to the inpatient-only history: a later quarter over the bundled ones', function () {
    const older = shared(this, 'cms-opps-addendum-b/opps_addendum_b_2024-01.csv').pack;
    const engine = engineOn('2026-11-27', [older]);
    const byQuarter = engine.record('22558')!.opps!.byQuarter;
    assert.equal(byQuarter['2024-01'], 'C'); // from the imported file
    assert.equal(byQuarter['2025-10'], 'C'); // from the bundled history
    assert.ok(byQuarter['2026-04'] && byQuarter['2026-04'] !== 'C'); // off the list since 2026-01
    assert.deepEqual(engine.catalog.quarters().slice(0, 2), ['2024-01', '2025-01']);
  });

  it('matches data/pack.schema.json', async function () {
    assert.deepEqual(await schemaCheck(shared(this, 'cms-opps-addendum-b/opps_addendum_b_2025-10.csv').pack), []);
  });
});

describe('import: CMS HCPCS Level II', () => {
  after(() => clearShared());

  it('reads the CSV release', function () {
    const { pack, summary } = shared(this, 'cms-hcpcs-level2/HCPC2025_OCT_ANWEB_v4.csv');
    assert.equal(summary.format, 'cms-hcpcs');
    assert.equal(summary.asOf, '2025-10');
    assert.equal(summary.codes, 8463);
    assert.equal(summary.modifiers, 383);
    const bundled = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../data/packs/hcpcs-2025-10.cptlens-pack.json'), 'utf8'));
    assert.deepEqual(pack.codes!['J0585'], bundled.codes['J0585']);
    assert.deepEqual(pack.modifiers!['RT'], bundled.modifiers['RT']);
    // Every code as the bundled build reads it, except that runs of spaces in CMS text are collapsed.
    const squeeze = (v: unknown): string => JSON.stringify(v).replace(/ {2,}/g, ' ');
    assert.deepEqual(Object.keys(pack.codes!).sort(), Object.keys(bundled.codes).sort());
    for (const code of Object.keys(bundled.codes)) assert.equal(squeeze(pack.codes![code]), squeeze(bundled.codes[code]), code);
  });

  it('reads the fixed-width 320-character ANWEB text: disclaimer first, continuation records joined', function () {
    const { pack, summary } = shared(this, 'cms-hcpcs-level2/2020/HCPC2020_ANWEB_w_disclaimer.txt');
    assert.equal(summary.format, 'cms-hcpcs-fixed');
    assert.equal(summary.encoding, 'windows-1252');
    assert.equal(summary.asOf, '2020-01');
    assert.equal(summary.rows, 12359);
    assert.equal(summary.codes, 6710);
    assert.equal(summary.modifiers, 369);
    assert.equal(
      pack.codes!['A0384'].longDescriptor,
      'Bls specialized service disposable supplies; defibrillation (used by als ambulances and bls ambulances in jurisdictions where defibrillation is permitted in bls ambulances)',
    );
    assert.deepEqual(pack.codes!['A4216'], {
      status: 'active', effectiveDate: '2004-01-01', shortDescriptor: 'Sterile water/saline, 10 ml',
      longDescriptor: 'Sterile water, saline and/or dextrose, diluent/flush, 10 ml', coverage: 'D', betos: 'D1F',
    });
    assert.deepEqual(pack.codes!['A0021'].replacedBy, ['A0030']);
    assert.equal(pack.modifiers!['A1'].name, 'Dressing for one wound');
  });

  it('rejects the XLSX workbook, naming the CSV alternative', function () {
    const file = path.join(SHARED, 'data/raw/cms-hcpcs-level2/HCPC2025_OCT_ANWEB_v4.xlsx');
    if (!fs.existsSync(file)) this.skip();
    throwsImport(() => importData(fs.readFileSync(file), file), file, 1, /Excel workbook \(\.xlsx\).*CSV/);
  });
});

describe('import: CMS NCCI PTP edits and MUE values', () => {
  after(() => clearShared());

  const PTP = 'cms-ncci-excerpts/ccipra-v322r0-f1.excerpt.txt';

  it('rejects the excerpt whose last row is cut off, naming line 161', function () {
    const file = path.join(SHARED, 'data/raw', PTP);
    shared(this, 'cms-ncci-excerpts/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv'); // skips when ../shared is absent
    throwsImport(() => importData(fs.readFileSync(file), file), file, 161, /rationale "Misuse of Column T" is incomplete; this last row has no line end: the file is cut off/);
  });

  it('with truncatedLastRow "skip", leaves out that row only and says so', function () {
    const { pack, summary } = shared(this, PTP, { truncatedLastRow: 'skip' });
    assert.equal(summary.format, 'ncci-ptp');
    assert.equal(summary.ptpEdits, 154);
    assert.equal(summary.asOf, '2026-07');
    assert.equal(pack.ptp!.setting, 'practitioner');
    assert.match(summary.warnings.join(), /line 161: last row cut off/);
    const engine = engineOn('2026-11-27', [pack]);
    const edits = engine.catalog.ptpEdits('0001A');
    const e = edits.find((x) => x.column2 === '36591')!;
    assert.deepEqual(e, {
      column1: '0001A', column2: '36591', effectiveDate: '2022-01-01', deletionDate: '2023-12-31', modifierIndicator: 0,
      rationale: 'CPT Manual or CMS manual coding instruction', setting: 'practitioner', release: '2026-07', source: `file:ccipra-v322r0-f1.excerpt.txt`,
    });
    assert.ok(engine.catalog.ptpEdits('81165', 'column2').some((x) => x.column1 === '0001U' && x.deletionDate === undefined));
    assert.equal(engine.catalog.ptpEditsBetween('81165', '0001U').length, 1);
  });

  it('reads the MUE table: quoted multi-line notice, header with a line break', function () {
    const { pack, summary } = shared(this, 'cms-ncci-excerpts/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv');
    assert.equal(summary.format, 'ncci-mue');
    assert.equal(summary.mueValues, 44);
    assert.equal(summary.asOf, '2026-07-01');
    assert.equal(pack.mue!.setting, 'practitioner');
    const engine = engineOn('2026-11-27', [pack]);
    assert.deepEqual(engine.catalog.mue('0002M'), {
      code: '0002M', value: 1, adjudicationIndicator: 3, adjudication: 'Date of Service Edit: Clinical', rationale: 'Nature of Analyte',
      setting: 'practitioner', release: '2026-07-01', source: 'file:MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv',
    });
  });

  it('PTP and MUE packs match data/pack.schema.json', async function () {
    assert.deepEqual(await schemaCheck(shared(this, PTP, { truncatedLastRow: 'skip' }).pack), []);
    assert.deepEqual(await schemaCheck(shared(this, 'cms-ncci-excerpts/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv').pack), []);
    assert.deepEqual(await schemaCheck(shared(this, 'cms-pfs-rvu/PPRRVU2025_Oct.csv').pack), []);
    assert.deepEqual(await schemaCheck(shared(this, 'cms-hcpcs-level2/2020/HCPC2020_ANWEB_w_disclaimer.txt').pack), []);
  });
});
