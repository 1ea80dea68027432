import { strict as assert } from 'assert';
import { analyzeCsv, recognizeCsvRows } from '../../../src/core/recognize';
import { LineIndex } from '../../../src/core/text/lineIndex';
import type { CodeOccurrence } from '../../../src/core/model';
import { at, codes, engine, occurrences, factsOf } from './helpers';

const csv = { fileName: 'file.csv' };
const asRead = (o: CodeOccurrence) => JSON.parse(JSON.stringify(o));

describe('CSV recognizer: code columns by header, everything else quiet', () => {
  it('finds the header below a banner and reads only the code column (CMS CLFS)', () => {
    const text = [
      '2024 Clinical Diagnostic Laboratory Fee Schedule ,,,,,,,,',
      '"CPT codes, descriptions and other data only are copyright 2024 American Medical Association.",,,,,,,,',
      '"Because of the termination of the PHE, HCPCS codes G2023, G2024, U0003, U0004, and U0005 will no longer be payable.",,,,,,,,',
      ',,,,,,,,',
      'YEAR,HCPCS,MOD,EFF_DATE,INDICATOR,RATE,SHORTDESC,LONGDESC,EXTENDED LONGDESC',
      '2024,0001U,,20240101,N,00720.00,Rbc dna hea 35 ag 11 bld grp,Red blood cell typing,"Red blood cell antigen typing, dna"',
      '2024,80047,QW,20240101,N,00013.73,Metabolic panel ionized ca,"Blood test","this panel must include the following: calcium, ionized (82330) carbon dioxide (bicarbonate) (82374)"',
    ].join('\r\n');
    assert.deepEqual(codes(text, csv), ['G2023', 'G2024', 'U0003', 'U0004', 'U0005', '0001U', '80047-QW', '82330', '82374']);
    const context = occurrences(text, csv).filter((o) => o.confidence === 'context').map((o) => o.code);
    assert.deepEqual(context, ['0001U', '80047'], 'zero-padded rates 00720.00 and dates 20240101 are not codes');
  });

  it('splits glued modifiers when both parts are valid, keeps codes from misaligned cells (OSHPD CDM)', () => {
    const text = [
      'PROCEDURE,DESCRIPTION,DEPARTMENT,CHG CAT,STD AMOUNT,CPT,HCPC,A',
      '34000030,NON-SELECTIVE DEBRIDEMENT,37174895340,420,204,97602GP,,Y',
      '34033000,MOBILITY CUR STATUS 0%,37174895340,420,0.01,,G8978GPCH,Y',
      '36000380,IPPB-SUBSEQ/EZPAP,37174895360,410,198,9464076,,Y',
      '38200217,PARASITE ID - SKIN SCRAPING,3717489538,2        306,4,72  87169,,Y',
      '\f92219119,Bupropion XL 300 MG TAB,3717489532,0        250,10,50,,Y',
      '92219120,HEPARIN 24000-76000 UNITS,3717489532,0        250,8,0,,Y',
      '74000421,HIP 1 VIEW UNILATERAL RT,37174895740,320,406,73501RT,,Y',
    ].join('\r\n');
    assert.deepEqual(codes(text, csv), ['97602-GP', 'G8978-GP-CH', '94640-76', '87169', '73501-RT']);
    assert.deepEqual(at(text, csv)[3], '87169@5:68');
  });

  it('reads a lowercase code and a padded fixed-width cell; drops a modifier letter cut by the width (UH Avon)', () => {
    const text = [
      'H,ID,Facility    ,Procedure ,Description                   ,CPT-4 Eff Date,CPT-4 ,HCPC Eff Date,HCPC   ,Std Chg',
      'D,IU,AVON,34000046,PT INITIAL EVAL 15 MINUTE     ,1/1/2016,97001G,             ,       ,181.5',
      'D,IU,AVON,33129784,WHFO DYN BAND/SPRING CUSTOM   ,              ,      ,4/1/2018,L3806  ,243.6',
      'D,IU,AVON,33129785,PROTHROMBIN COMPLEX           ,              ,      ,4/1/2018,c9132  ,8.31',
    ].join('\r\n');
    assert.deepEqual(codes(text, csv), ['97001', 'L3806', 'C9132']);
    assert.equal(occurrences(text, csv)[2].text, 'c9132');
  });

  it('follows code|N|type in CMS price-transparency files: RC, NDC, MS-DRG and LOCAL yield nothing', () => {
    const text = [
      'hospital_name,last_updated_on,version,hospital_location,hospital_address,license_number|CA',
      'West Mercy Hospital,2024-07-01,2.0.0,West Mercy Hospital,"12 Main Street, Fullerton, CA  92832|23 Ocean Ave, San Jose, CA 94088",50056',
      'description,code|1,code|1|type,code|2,code|2|type,modifiers,setting,standard_charge|gross',
      'Major hip and knee joint replacement,470,MS-DRG,175869,LOCAL,,inpatient,20000',
      'MRI of brain (no contrast),611,RC,70551,CPT,,outpatient,1200',
      'Fluconazole 2 milligrams/milliliter,J1450,HCPCS,25021-0184-82,NDC,,both,75',
      '"Behavioral health; residential, per diem, days 1-3",H0017,HCPCS,,,,inpatient,2500',
      'Bilateral procedure,,,,,50|62,both,',
      'Knee arthroplasty,27447,CPT,,,50|62,outpatient,30000',
    ].join('\n');
    const found = occurrences(text, csv);
    assert.deepEqual(found.map((o) => o.code + o.modifiers.map((m) => `-${m.code}`).join('')), ['70551', 'J1450', 'H0017', '27447-50-62']);
    assert.deepEqual(found.map((o) => o.facts.setting), ['outpatient', 'both', 'inpatient', 'outpatient']);
  });

  it('reads modifier, place-of-service, units and date columns into the facts of the line', () => {
    const text = 'CPT,Modifier1,Modifier2,POS,Units,Date of Service,Fee\n27447,RT,,22,1,10/1/2023,137.581\n99213,25,59,11,2,2023-10-02,80\n';
    const found = occurrences(text, csv);
    assert.deepEqual(found.map((o) => o.modifiers.map((m) => m.code)), [['RT'], ['25', '59']]);
    assert.deepEqual(factsOf(found[1]), { placeOfService: '11', units: 2, dateOfService: '2023-10-02' });
    assert.deepEqual(factsOf(found[0]), { placeOfService: '22', units: 1, dateOfService: '2023-10-01' });
  });

  it('keeps quoted fields with delimiters and line breaks in one cell, and handles a BOM and TSV', () => {
    const text = '\ufeffID\tDESCRIPTION\tCPT/HCPCS Code\tNDC\n1\t"Injection, line one\nline two 99213"\tj3490\t0409-1162-02\n2\tvisit\t99214-25\t\n';
    assert.deepEqual(codes(text, { fileName: 'x.tsv' }), ['99213', 'J3490', '99214-25'], 'the description cites 99213');
    assert.deepEqual(at(text, { fileName: 'x.tsv' }).slice(1), ['J3490@3:17', '99214@4:9']);
  });

  it('infers the code column of a headerless, all-quoted file from its content', () => {
    const rows = [['99213', 'Office visit est', '75.00', '33111'], ['99214', 'Office visit est 25', '110.00', '78701'], ['J3490', 'Drug unclassified', '1.00', '12345'], ['27447', 'Total knee', '1500.00', '90210']];
    const text = rows.map((r) => r.map((v) => `"${v}"`).join(',')).join('\n');
    assert.deepEqual(codes(text, csv), ['99213', '99214', 'J3490', '27447'], 'the ZIP column stays quiet');
  });

  it('never reads codes from an ID, NDC, revenue code or amount column (Sutter standard charges)', () => {
    const text = [
      'Date of Last Update,12/15/2022,,,,,,',
      'ID,SERVICE_SETTING,DESCRIPTION,CPT,NDC,REVENUE_CODE,Gross Charge,Discounted Cash Price',
      'IP_RX-68000300-ERX180633,INPATIENT,HCHG TC-99M SESTAMIBI DIAGNOSTIC UP TO 40MC (AKA A9500),,,250,"$1,351.73 ","$1,081.38 "',
      'IP_RX-81000008-ERX152489,INPATIENT,"PROTHROMBIN COMPLEX CONC HUMAN, PCC-4 500 UNITS KIT",c9132,63833-386-02,250,$8.31 ,$6.65 ',
      '99213,OUTPATIENT,OFFICE VISIT,99213,45802-0269-37,510,"$99,213.00 ",$78701 ',
    ].join('\n');
    const found = occurrences(text, csv);
    assert.deepEqual(found.map((o) => `${o.code}:${o.confidence}`), ['A9500:known', 'C9132:context', '99213:context']);
    assert.deepEqual(factsOf(found[1]), { setting: 'inpatient' });
    assert.equal(found[2].range.startCharacter, 30);
  });

  it('re-recognizes a range of rows with the kept header context, giving what a full pass gives', () => {
    const text = 'YEAR,HCPCS,MOD,RATE\n2024,80047,QW,00013.73\n2024,80048,,00008.46\n2024,G0027,,00010.00\n';
    const lines = new LineIndex(text);
    const ctx = analyzeCsv(text, engine);
    const secondRow = lines.lineStart(2);
    const thirdRowEnd = lines.lineStart(4);
    const part = recognizeCsvRows(text, ctx, engine, lines, secondRow, thirdRowEnd);
    assert.deepEqual(part.map((o) => o.code), ['80048', 'G0027']);
    // As a reader sees them (the members of CodeOccurrence), whatever object carries them.
    assert.deepEqual(occurrences(text, csv).slice(1).map(asRead), part.map(asRead));
  });

  it('reads a semicolon-delimited file without a .csv name when its header names a code column', () => {
    const text = 'Procedure Code;Description;Amount\n99213;Office visit;75,00\n99214;Office visit;110,00\nA9500;Sestamibi;12,00\n';
    assert.deepEqual(codes(text, { fileName: 'export.txt' }), ['99213', '99214', 'A9500']);
  });

  it('reads every row of a 10 MB charge master (its speed is measured by `npm run bench`, not here)', function () {
    const row = 'IP-68000300,OUTPATIENT,HCHG TC-99M SESTAMIBI DIAGNOSTIC UP TO 40MC,A9500,0409-1162-02,343,$497.00 ,$397.60 ,$402.57 ,"$1,351.73 "\n';
    const rows = Math.ceil(10e6 / row.length);
    const text = `ID,SERVICE_SETTING,DESCRIPTION,CPT,NDC,REVENUE_CODE,Gross,Cash,Aetna,Anthem\n${row.repeat(rows)}`;
    const found = occurrences(text, csv);
    assert.equal(found.length, rows);
    assert.deepEqual(found[rows - 1].range, { startLine: rows, startCharacter: 67, endLine: rows, endCharacter: 72 });
    assert.deepEqual(found[rows - 1].facts, { setting: 'outpatient' });
  });
});

describe('a code alone in its cell (the rows of a large charge master)', () => {
  const text = 'CPT,DESCRIPTION\n99213,Office visit\n 27447 ,Total knee\n';
  it('reads as a plain occurrence: range, code, text, system, confidence, modifiers and facts', () => {
    const [first, second] = occurrences(text, csv);
    assert.deepEqual(JSON.parse(JSON.stringify(first)), {
      range: { startLine: 1, startCharacter: 0, endLine: 1, endCharacter: 5 },
      code: '99213', text: '99213', system: 'CPT-I', confidence: 'context', modifiers: [], facts: {},
    });
    assert.deepEqual(second.range, { startLine: 2, startCharacter: 1, endLine: 2, endCharacter: 6 });
  });

  it('gives the same range object on every read, which an edit may move or replace', () => {
    const [first] = occurrences(text, csv);
    assert.equal(first.range, first.range);
    first.range.startLine += 3;
    first.range.endLine += 3;
    assert.deepEqual(first.range, { startLine: 4, startCharacter: 0, endLine: 4, endCharacter: 5 });
    const replaced = { startLine: 9, startCharacter: 1, endLine: 9, endCharacter: 6 };
    first.range = replaced;
    assert.equal(first.range, replaced);
  });
});

describe('order of a row\'s codes', () => {
  it('lists a code named in a description before the code column after it, in reading order', () => {
    const text = 'DESCRIPTION,CPT\n"Office visit, replaces 99214",99213\n99215 established,99215\n';
    assert.deepEqual(occurrences(text, csv).map((o) => `${o.code}@${o.range.startLine}:${o.range.startCharacter}`), ['99214@1:24', '99213@1:31', '99215@2:0', '99215@2:18']);
  });
});
