import { strict as assert } from 'assert';
import { engineOn } from '../helpers/engine';
import { accept, contextAt, itemsAt, labels } from './helpers';

const engine = engineOn();
const CSV = 'CPT,MOD,POS,Fee\n64866,22,22,100\n';
const csv = (row: string) => ({ text: CSV + row, options: { fileName: 'fees.csv' } });
const ISA = 'ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *260105*1200*^*00501*000000001*0*T*:~\n' +
  'GS*HC*S*R*20260105*1200*1*X*005010X222A1~\nST*837*0001*005010X222A1~\n';
const fhir = (code: string, modifier = '22', pos = '11') =>
  `{"resourceType":"Claim","item":[{"productOrService":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"${code}"}]},` +
  `"modifier":[{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"${modifier}"}]}],` +
  `"locationCodeableConcept":{"coding":[{"system":"https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set","code":"${pos}"}]}}]}`;

describe('completion context: what is typed where', () => {
  describe('CSV fee schedules', () => {
    it('a code prefix in the code column', () => {
      const { text, options } = csv('6486|');
      const c = contextAt(engine, text, options)!;
      assert.equal(c.what, 'code');
      assert.equal(c.mode, 'prefix');
      assert.equal(c.typed, '6486');
      assert.deepEqual(c.csv && [c.csv.delimiter, c.csv.quoted, c.csv.header], [',', false, 'cpt']);
    });

    it('words in the code column, and the word trigger prefix there too', () => {
      const words = contextAt(engine, CSV + 'facial nerve anas|,,,', { fileName: 'fees.csv' })!;
      assert.deepEqual([words.what, words.mode, words.typed], ['code', 'words', 'facial nerve anas']);
      const prefixed = contextAt(engine, CSV + '?facial nerve|', { fileName: 'fees.csv' })!;
      assert.equal(prefixed.typed, 'facial nerve');
    });

    it('a modifier after the code in its cell, or in the modifier column for the row\'s code', () => {
      const glued = contextAt(engine, CSV + '64866-|,,,', { fileName: 'fees.csv' })!;
      assert.deepEqual([glued.what, glued.code, glued.mode], ['modifier', '64866', 'empty']);
      const column = contextAt(engine, CSV + '64866,5|,,', { fileName: 'fees.csv' })!;
      assert.deepEqual([column.what, column.code, column.typed], ['modifier', '64866', '5']);
      const second = contextAt(engine, 'CPT,MOD1,MOD2\n27447,RT,|', { fileName: 'fees.csv' })!;
      assert.deepEqual([second.what, second.code, second.written], ['modifier', '27447', ['RT']]);
    });

    it('a place of service in the POS column', () => {
      const c = contextAt(engine, CSV + '64866,,1|,', { fileName: 'fees.csv' })!;
      assert.deepEqual([c.what, c.typed], ['pos', '1']);
    });

    it('nothing in the header, in an amount column, or for a row whose type is not CPT/HCPCS', () => {
      assert.equal(contextAt(engine, 'CP|T,MOD\n64866,22\n', { fileName: 'fees.csv' }), undefined);
      assert.equal(contextAt(engine, CSV + '64866,,,18|', { fileName: 'fees.csv' }), undefined);
      assert.equal(contextAt(engine, 'code,code type,fee\n045|,RC,10\n', { fileName: 'fees.csv' }), undefined);
      assert.equal(contextAt(engine, 'code,code type,fee\n6486|,CPT,10\n', { fileName: 'fees.csv' })?.what, 'code');
    });
  });

  describe('X12 837', () => {
    it('a code after HC: in SV1-01, a modifier in the next components, POS in CLM05-1 and SV1-05', () => {
      const code = contextAt(engine, `${ISA}SV1*HC:6486|*100*UN*1***1~\n`)!;
      assert.deepEqual([code.what, code.typed, code.documentKind], ['code', '6486', 'x12']);
      const mod = contextAt(engine, `${ISA}SV1*HC:64866:22:|*100*UN*1***1~\n`)!;
      assert.deepEqual([mod.what, mod.code, mod.written], ['modifier', '64866', ['22']]);
      const claimPos = contextAt(engine, `${ISA}CLM*C1*100***2|:B:1*Y*A*Y*Y~\n`)!;
      assert.deepEqual([claimPos.what, claimPos.typed], ['pos', '2']);
      const linePos = contextAt(engine, `${ISA}SV1*HC:64866*100*UN*1*|**1~\n`)!;
      assert.equal(linePos.what, 'pos');
      const inst = contextAt(engine, `${ISA}SV2*0360*HC:6486|*100*UN*1~\n`)!;
      assert.equal(inst.what, 'code');
    });

    it('nothing outside the procedure composites (diagnoses, amounts, other qualifiers), nor CLM05-1 of an 837I', () => {
      assert.equal(contextAt(engine, `${ISA}HI*ABK:G51|~\n`), undefined);
      assert.equal(contextAt(engine, `${ISA}SV1*HC:64866*18|*UN*1***1~\n`), undefined);
      assert.equal(contextAt(engine, `${ISA}SV1*N4:6486|*100~\n`), undefined);
      const i837 = ISA.replace(/X222A1/g, 'X223A2');
      assert.equal(contextAt(engine, `${i837}CLM*C1*100***1|:A:1~\n`), undefined);
    });
  });

  describe('FHIR Claim', () => {
    it('code under a CPT coding, modifier for the item\'s code, place of service under locationCodeableConcept', () => {
      const code = contextAt(engine, fhir('6486|'))!;
      assert.deepEqual([code.what, code.typed, code.documentKind], ['code', '6486', 'json']);
      const mod = contextAt(engine, fhir('64866', '5|'))!;
      assert.deepEqual([mod.what, mod.code, mod.typed], ['modifier', '64866', '5']);
      const pos = contextAt(engine, fhir('64866', '22', '2|'))!;
      assert.deepEqual([pos.what, pos.typed], ['pos', '2']);
    });

    it('nothing under another coding system, and the range is the string\'s content', () => {
      assert.equal(contextAt(engine, '{"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"G51|"}]}}'), undefined);
      const c = contextAt(engine, '{"cpt": "64|866"}')!;
      assert.equal(c.what, 'code');
      assert.deepEqual(c.range, { start: 9, end: 14 });
    });
  });

  describe('plain text and Markdown', () => {
    it('codes after a cue word or a FHIR Shorthand system, modifiers after a known code, POS after "POS"', () => {
      assert.equal(contextAt(engine, 'Bill CPT 6486| today', { fileName: 'notes.md' })?.what, 'code');
      assert.equal(contextAt(engine, '* code = $CPT#6486|', { fileName: 'x.fsh' })?.what, 'code');
      assert.equal(contextAt(engine, 'Bill CPT 64866-|', { fileName: 'notes.md' })?.what, 'modifier');
      assert.equal(contextAt(engine, 'Seen at POS 1|', { fileName: 'notes.md' })?.what, 'pos');
    });

    it('numbers in prose get nothing; the word trigger prefix works anywhere and can be turned off', () => {
      assert.equal(contextAt(engine, 'Paid 6486| dollars', { fileName: 'notes.md' }), undefined);
      assert.equal(contextAt(engine, 'ZIP 62704-|', { fileName: 'notes.md' }), undefined);
      const c = contextAt(engine, 'Bill ?facial nerve| now', { fileName: 'notes.md' })!;
      assert.deepEqual([c.what, c.mode, c.typed, c.before], ['code', 'words', 'facial nerve', '?facial nerve']);
      assert.equal(contextAt(engine, 'Bill #facial nerve|', { fileName: 'notes.md', wordPrefix: '#' })?.typed, 'facial nerve');
      assert.equal(contextAt(engine, 'Bill ?facial nerve|', { fileName: 'notes.md', wordPrefix: '' }), undefined);
      assert.equal(contextAt(engine, 'Why?facial|', { fileName: 'notes.md' }), undefined);
    });
  });
});

describe('completion edits keep the document intact', () => {
  it('a quoted CSV cell keeps its quotes and the row its delimiter', () => {
    const text = CSV + '"6486|",,,';
    const { items } = itemsAt(engine, text, { fileName: 'fees.csv' });
    const item = items.find((i) => i.label === '64866')!;
    assert.equal(accept(text, item), `${CSV}"64866",,,`);
  });

  it('after the closing quote the whole cell is rewritten with its quotes', () => {
    const text = CSV + '"6486"|,,,';
    const { items, context } = itemsAt(engine, text, { fileName: 'fees.csv' });
    assert.equal(context?.csv?.rewritesQuotes, true);
    const item = items.find((i) => i.label === '64866')!;
    assert.equal(item.filterText, '"64866"');
    assert.equal(accept(text, item), `${CSV}"64866",,,`);
  });

  it('words in a quoted cell holding the delimiter are replaced inside the quotes only', () => {
    const text = 'CPT;MOD;Fee\n"facial; nerve anastomosis|";;10\n';
    const { items, context } = itemsAt(engine, text, { fileName: 'fees.csv' });
    assert.equal(context?.csv?.delimiter, ';');
    assert.equal(items[0].label, '64866');
    assert.equal(accept(text, items[0]), 'CPT;MOD;Fee\n"64866";;10\n');
  });

  it('a TSV row keeps its tabs; an unquoted cell keeps the rest of its row', () => {
    const text = 'CPT\tMOD\tPOS\nfacial nerve anastomosis|\t22\t11\n';
    const { items } = itemsAt(engine, text, { fileName: 'fees.tsv' });
    assert.equal(accept(text, items[0]), 'CPT\tMOD\tPOS\n64866\t22\t11\n');
  });

  it('a modifier in a multi-value cell replaces only its token', () => {
    const text = 'CPT,Modifiers\n64866,"22|5‸"\n';
    const { items } = itemsAt(engine, text, { fileName: 'fees.csv' });
    const item = items.find((i) => i.label === '51')!;
    assert.equal(accept(text, item), 'CPT,Modifiers\n64866,"22|51"\n');
    assert.ok(!labels(items).includes('22'), 'a modifier already written on the row is not offered again');
  });

  it('X12 and FHIR edits replace only the component or the string content', () => {
    const x12 = `${ISA}SV1*HC:6486|:22*100*UN*1***1~\n`;
    const item = itemsAt(engine, x12).items.find((i) => i.label === '64866')!;
    assert.ok(accept(x12, item).includes('SV1*HC:64866:22*100*UN*1***1~'));
    const json = fhir('6486|');
    const j = itemsAt(engine, json).items.find((i) => i.label === '64866')!;
    assert.ok(accept(json, j).includes('"code":"64866"}]}'));
  });

  it('the word trigger prefix is replaced with the words', () => {
    const text = 'Bill ?facial nerve anastomosis| today';
    const { items } = itemsAt(engine, text, { fileName: 'notes.md' });
    assert.equal(accept(text, items[0]), 'Bill 64866 today');
  });
});

describe('completion context in a large JSON document', () => {
  it('reads only the objects around the cursor, with the same answers and ranges as the whole parse', () => {
    const item = (i: number, code: string, modifier: string, pos: string) => `{"sequence":${i},` +
      `"productOrService":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"${code}"}]},` +
      `"modifier":[{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"${modifier}"}]}],` +
      `"locationCodeableConcept":{"coding":[{"code":"${pos}"}]},"note":"a \\"quoted\\" {brace} [bracket]"}`;
    const filler = Array.from({ length: 1500 }, (_, i) => item(i, '99213', '25', '11')).join(',\n');
    for (const [middle, what, code] of [
      [item(9999, '6486‸', '22', '22'), 'code', undefined],
      [item(9999, '64866', '5‸', '22'), 'modifier', '64866'],
      [item(9999, '64866', '22', '2‸'), 'pos', undefined],
    ] as const) {
      const big = `{"resourceType":"Claim","item":[\n${filler},\n${middle},\n${filler}]}`;
      const bigContext = contextAt(engine, big)!;
      assert.ok(big.length > 256 * 1024);
      assert.equal(bigContext.what, what);
      assert.equal(bigContext.code, code);
      const text = big.replace('‸', '');
      assert.equal(text.slice(bigContext.range.start, bigContext.range.end), bigContext.typed);
    }
  });
});
