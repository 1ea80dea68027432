/**
 * The inputs of the linear-growth checks: shapes that break naive scanners (one long line, deep
 * nesting, unclosed quotes, tags and comments, elements without terminators, many tokens), and what
 * is run on them. Measured in a separate single-threaded process by `linearWorker.ts`.
 */
import { engineOn } from '../helpers/engine';
import type { RecognizeOptions } from '../../../src/core/recognize';
import { importData, ImportError } from '../../../src/core/import';

export interface Shape {
  name: string;
  build: (n: number) => string;
  run: (text: string) => void;
  n: number;
}

let engine: ReturnType<typeof engineOn> | undefined;
const eng = (): ReturnType<typeof engineOn> => (engine ??= engineOn());
const rep = (s: string, n: number): string => s.repeat(n);
const recognize = (options: RecognizeOptions) => (text: string): void => void eng().recognize(text, options);

const enc = new TextEncoder();
const importRun = (file: string) => (text: string): void => {
  try {
    importData(enc.encode(text), file);
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
  }
};

const ISA = 'ISA*00*          *00*          *ZZ*A              *ZZ*B              *250101*1200*^*00501*000000001*0*P*:~GS*HC*A*B*20250101*1200*1*X*005010X222A1~ST*837*1*005010X222A1~';
const x12Lines = (n: number): string => `${ISA}${rep('CLM*1*100***11:B:1~LX*1~SV1*HC:99213:25:59*100*UN*1***1~DTP*472*D8*20250101~', n)}SE*1*1~`;
const csvRows = (n: number): string => `code,modifier,description,fee\n${rep('99213,25,"Office visit, est",92.00\n', n)}`;

export const SHAPES: Shape[] = [
  { name: 'CSV rows with codes and modifiers', build: csvRows, run: recognize({ fileName: 'fees.csv' }), n: 2000 },
  { name: 'CSV one line of many columns', build: (n) => `code,fee\n${rep('99213,x,', n)}\n`, run: recognize({ fileName: 'fees.csv' }), n: 4000 },
  { name: 'CSV unclosed quote swallowing the file', build: (n) => `code,fee\n"${rep('99213,1\n', n)}`, run: recognize({ fileName: 'fees.csv' }), n: 4000 },
  { name: 'CSV many doubled quotes', build: (n) => `code,fee\n${rep('"99213""",""\n', n)}`, run: recognize({ fileName: 'fees.csv' }), n: 2000 },
  { name: 'delimited text detected by content', build: (n) => `CPT;Description;Price\n${rep('64866;Anastomosis;1000\n', n)}`, run: recognize({}), n: 2000 },
  { name: 'X12 service lines', build: x12Lines, run: recognize({ fileName: 'claim.837' }), n: 1000 },
  { name: 'X12 without segment terminators', build: (n) => `ISA*00*${rep('SV1*HC:99213:25*', n)}`, run: recognize({ fileName: 'claim.837' }), n: 2000 },
  { name: 'X12 composites with many components', build: (n) => `ST*837*1*005010X222A1~SV1*HC${rep(':99213', n)}~`, run: recognize({ fileName: 'claim.837' }), n: 4000 },
  {
    name: 'JSON FHIR items',
    build: (n) => `{"resourceType":"Claim","item":[${Array.from({ length: n }, () => '{"productOrService":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"99213"}]},"modifier":[{"coding":[{"code":"25"}]}]}').join(',')}]}`,
    run: recognize({ fileName: 'claim.json' }),
    n: 500,
  },
  { name: 'JSON deep nesting', build: (n) => `${rep('{"item":[', n)}{"code":"99213"}${rep(']}', n)}`, run: recognize({ fileName: 'claim.json' }), n: 1000 },
  { name: 'JSON unclosed nesting', build: (n) => rep('[{"code":"99213","x":', n), run: recognize({ fileName: 'claim.json' }), n: 1000 },
  { name: 'JSON deep nesting of service lines', build: (n) => `${rep('{"item":[', n)}{"productOrService":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"99213"}]}}${rep(']}', n)}`, run: recognize({ fileName: 'claim.json' }), n: 2000 },
  // Property names that all hash alike (`Aa` and `BB` do in a 31-multiplier hash), each with a value.
  { name: 'JSON property names that hash alike', build: (n) => `{${Array.from({ length: n }, (_, i) => `"${Array.from({ length: 16 }, (_, b) => ((i >> b) & 1 ? 'BB' : 'Aa')).join('')}":"99213"`).join(',')}}`, run: recognize({ fileName: 'claim.json' }), n: 1000 },
  { name: 'JSON one long string', build: (n) => `{"note":"${rep('CPT 99213 ', n)}`, run: recognize({ fileName: 'claim.json' }), n: 4000 },
  { name: 'XML elements', build: (n) => `<?xml version="1.0"?><Claim>${rep('<Line><ProcedureCode>99213</ProcedureCode><Modifier1>25</Modifier1></Line>', n)}</Claim>`, run: recognize({ fileName: 'claim.xml' }), n: 1000 },
  // Nesting tens of thousands deep; some text per level keeps the open elements below V8's
  // young-generation cliff at these sizes, so the measure is the scan and not the collector.
  { name: 'XML deep nesting', build: (n) => `${rep('<a> some text of the element </a><a>', n)}<ProcedureCode>99213</ProcedureCode>${rep('</a>', n)}`, run: recognize({ fileName: 'claim.xml' }), n: 500 },
  { name: 'XML deep nesting, then end tags that match nothing', build: (n) => `${rep('<a>            ', n)}${rep('</b>', n)}`, run: recognize({ fileName: 'claim.xml' }), n: 500 },
  { name: 'XML unclosed comments, CDATA and attributes', build: (n) => `<a>${rep('<!-- <![CDATA[ <b c="', n)}`, run: recognize({ fileName: 'claim.xml' }), n: 2000 },
  { name: 'XML many unclosed start tags', build: (n) => `<r>${rep('<x a="1" b=\'2\' 99213 ', n)}`, run: recognize({ fileName: 'claim.xml' }), n: 2000 },
  { name: 'plain text with codes', build: (n) => rep('CPT 64866-50 and J1100, then 99213 25. ', n), run: recognize({ fileName: 'notes.md' }), n: 2000 },
  { name: 'plain text, one long word', build: (n) => rep('9', 10 * n), run: recognize({ fileName: 'notes.md' }), n: 20000 },
  { name: 'plain text, many five-character words', build: (n) => rep('99213-25-59-RT-LT ', n), run: recognize({ fileName: 'notes.md' }), n: 4000 },
  { name: 'check: X12 claim lines with every rule', build: x12Lines, run: (text) => void eng().check(text, { fileName: 'claim.837' }), n: 500 },
  { name: 'check: CSV rows, outpatient', build: csvRows, run: (text) => void eng().check(text, { fileName: 'fees.csv' }, { defaultSetting: 'outpatient' }), n: 1000 },
  {
    name: 'import: a HCPCS-like CSV',
    build: (n) => `HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION\n${Array.from({ length: n }, (_, i) => `A${String(i % 10000).padStart(4, '0')},0010,3,Long text ${i},Short ${i}`).join('\n')}\n`,
    run: importRun('data.csv'),
    n: 1000,
  },
  {
    name: 'import: a truncated JSON pack',
    build: (n) => `{"format":"cpt-lens-pack","schemaVersion":1,"id":"x","title":"x","source":{},"codes":{${Array.from({ length: n }, (_, i) => `"${String(10000 + i)}":{"shortDescriptor":"x"}`).join(',')}`,
    run: importRun('data.cptlens-pack.json'),
    n: 1000,
  },
];

/** A quadratic scan: the check must fail it (so it cannot pass by accident). */
export const QUADRATIC: Shape = {
  name: 'self-test: quadratic scan',
  build: (n) => 'x'.repeat(n),
  run: (text) => {
    let k = 0;
    for (let i = 0; i < text.length; i++) k += text.indexOf('#', i) < 0 ? 1 : 0;
    void k;
  },
  n: 8000,
};

/** A document made of one repeated unit, recognized as `kind`: for random units. */
export function unitShape(unit: string, kind: 'csv' | 'x12' | 'json' | 'xml' | 'text'): Shape {
  return { name: `${JSON.stringify(unit)} as ${kind}`, build: (n) => unit.repeat(n), run: recognize({ kind }), n: 2000 };
}
