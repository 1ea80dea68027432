/**
 * Property-based tests of every recognizer through `engine.recognize`: random and hostile text,
 * mutated real samples, very long lines, NUL bytes, lone surrogates, unbalanced quotes, truncated
 * X12 and JSON. Recognition never throws and every range lies inside the document.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { engineOn } from '../helpers/engine';
import type { DocumentKind, RecognizeOptions } from '../../../src/core/recognize';
import { decodeText } from '../../../src/core/text/decode';
import { assertFindingsInside, assertOccurrencesInside, hostileText, mutate, mutation, needSamples } from './helpers';

const engine = engineOn();
const KINDS: DocumentKind[] = ['csv', 'x12', 'json', 'xml', 'text'];
/** Each kind forced, and each hinted by a file name or a language id (content decides first). */
const OPTIONS: RecognizeOptions[] = [
  ...KINDS.map((kind) => ({ kind })),
  { fileName: 'fees.csv' }, { fileName: 'claim.837' }, { fileName: 'claim.json' }, { fileName: 'claim.xml' }, { fileName: 'notes.md' },
  { fileName: 'charges.txt' }, { languageId: 'tsv' }, { languageId: 'x12' }, {},
];
const label = (o: RecognizeOptions): string => o.kind ?? o.fileName ?? o.languageId ?? 'no hint';

function recognizeAndCheck(text: string, options: RecognizeOptions): void {
  const occurrences = engine.recognize(text, options);
  assertOccurrencesInside(text, occurrences, label(options));
}

describe('hardening: recognizers on hostile input', () => {
  for (const options of OPTIONS) {
    it(`${label(options)}: hostile text never throws, ranges inside the document`, () => {
      fc.assert(fc.property(hostileText(), (text) => recognizeAndCheck(text, options)), { numRuns: 150 });
    });
  }

  it('random full-range strings (lone surrogates, NUL) in every kind', () => {
    const anyChars = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 300 });
    fc.assert(fc.property(anyChars, fc.constantFrom(...OPTIONS), (text, options) => recognizeAndCheck(text, options)), { numRuns: 300 });
  });

  it('engine.check: rules never throw and findings lie inside the document', () => {
    fc.assert(fc.property(hostileText(80), fc.constantFrom(...OPTIONS), fc.constantFrom<'unknown' | 'outpatient' | 'inpatient'>('unknown', 'outpatient', 'inpatient'), (text, options, defaultSetting) => {
      const { occurrences, findings } = engine.check(text, options, { defaultSetting });
      assertOccurrencesInside(text, occurrences, label(options));
      assertFindingsInside(text, findings, label(options));
    }), { numRuns: 300 });
  });

  it('edge documents: empty, only line breaks, only a BOM, NUL bytes, lone surrogates, unbalanced quotes', () => {
    const texts = [
      '', '\n', '\r', '\r\n', '\n\r\n\r', '\ufeff', '\ufeff\n', '\u0000', '\u0000'.repeat(1000), '\ud800', '\udc00\ud800', '99213\ud800', '\ud80099213',
      '"', '"""', '"99213', 'code,desc\n"99213,"x\n', "'", '{', '[', '{"code":"99213"', '<', '<a', '</', '<!--', '<![CDATA[99213', 'ISA', 'ISA*', 'ISA*00',
      'SV1*HC:', 'SV1*HC:99213:', 'GS*HC', 'ST*837', '-', '99213-', '99213-2', '64866-\n50', 'HC:99213:25:::::::::::::::::::::::', '\u2028\u2029',
    ];
    for (const text of texts) for (const options of OPTIONS) {
      recognizeAndCheck(text, options);
      const { findings } = engine.check(text, options);
      assertFindingsInside(text, findings, label(options));
    }
  });

  it('mixed CRLF, CR and LF line ends keep ranges on the right line', () => {
    const rows = ['code,description', '99213,Office visit', '64866,Anastomosis', 'J1100,Dexamethasone'];
    const ends = fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 3, maxLength: 3 });
    fc.assert(fc.property(ends, fc.boolean(), (e, bom) => {
      const text = `${bom ? '\ufeff' : ''}${rows[0]}${e[0]}${rows[1]}${e[1]}${rows[2]}${e[2]}${rows[3]}`;
      const occurrences = engine.recognize(text, { fileName: 'fees.csv' });
      assertOccurrencesInside(text, occurrences);
      const found = occurrences.map((o) => `${o.code}@${o.range.startLine}:${o.range.startCharacter}`);
      if (found.join() !== '99213@1:0,64866@2:0,J1100@3:0') throw new Error(`line ends ${JSON.stringify(e)}: ${found.join()}`);
    }), { numRuns: 60 });
  });

  it('truncated X12 and JSON at every cut point of a claim', () => {
    const x12 = fs.readFileSync(path.join(__dirname, '../../../../examples/claim-837p.837'), 'utf8');
    const json = fs.readFileSync(path.join(__dirname, '../../../../examples/fhir-claim.json'), 'utf8');
    for (const [text, name] of [[x12, 'claim.837'], [json, 'claim.json']]) {
      for (let cut = 0; cut <= text.length; cut += Math.max(1, Math.floor(text.length / 400))) {
        const part = text.slice(0, cut);
        recognizeAndCheck(part, { fileName: name });
        assertFindingsInside(part, engine.check(part, { fileName: name }).findings, name);
      }
    }
  });

  it('very long lines: a single 5 MB line, 100,000 columns, 100,000 unclosed quotes', function () {
    this.timeout(60_000);
    const unit = 'Office visit 99213-25, "J1100" <b>64866</b> {"code":"27447"} *HC:99213~ ';
    const line5mb = unit.repeat(Math.ceil((5 * 1024 * 1024) / unit.length));
    const columns = Array.from({ length: 100_000 }, (_, i) => (i % 7 === 0 ? '99213' : `c${i}`)).join(',');
    const quotes = '"99213,'.repeat(100_000);
    const some: RecognizeOptions[] = [...KINDS.map((kind) => ({ kind })), {}];
    for (const text of [line5mb, `code,fee\n${columns}\n`, quotes]) {
      for (const options of some) recognizeAndCheck(text, options);
    }
  });

  it('mutated real samples: delete, insert, duplicate chunks and flip characters after decoding', function () {
    this.timeout(120_000);
    const files = needSamples(this);
    // A window of each sample keeps runs fast; the whole files are read once above the property.
    const samples = files.map((f) => {
      const { text } = decodeText(fs.readFileSync(f));
      return { name: path.basename(f), text: text.length > 24_000 ? text.slice(0, 24_000) : text };
    });
    fc.assert(fc.property(fc.constantFrom(...samples), fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.boolean(), (sample, mutations, hinted) => {
      const text = mutate(sample.text, mutations);
      const options = hinted ? { fileName: sample.name } : {};
      const { occurrences, findings } = engine.check(text, options);
      assertOccurrencesInside(text, occurrences, sample.name);
      assertFindingsInside(text, findings, sample.name);
    }), { numRuns: 250 });
  });

  it('every real sample, whole, in every kind', function () {
    this.timeout(120_000);
    for (const file of needSamples(this)) {
      const { text } = decodeText(fs.readFileSync(file));
      for (const options of [{ fileName: path.basename(file) }, ...KINDS.map((kind) => ({ kind }))]) {
        const { occurrences, findings } = engine.check(text, options);
        assertOccurrencesInside(text, occurrences, path.basename(file));
        assertFindingsInside(text, findings, path.basename(file));
      }
    }
  });
});
