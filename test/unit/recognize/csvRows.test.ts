/**
 * The CSV row reader's shortcuts (a skipped row rest, lone-code cells, ranges from a line cursor,
 * facts shared between rows) give exactly what reading every field plainly gives: the same
 * occurrences with the same ranges, modifiers and facts, and the same invalid values.
 */
import { strict as assert } from 'assert';
import type { CodeOccurrence, LineFacts, ModifierOccurrence } from '../../../src/core/model';
import { analyzeCsv, recognizeCsvRows, RecognizerData } from '../../../src/core/recognize';
import type { CsvContext } from '../../../src/core/recognize';
import { parseCodeCell } from '../../../src/core/recognize/cell';
import { typeAllowsCode } from '../../../src/core/recognize/csv/headers';
import { CsvRow, fieldText, tokenizeCsv } from '../../../src/core/recognize/csv/tokenize';
import { compactFacts, parseDate, parsePos, parseSetting, parseUnits } from '../../../src/core/recognize/facts';
import { recognizePlainText } from '../../../src/core/recognize/plainText';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { engine } from './helpers';

/** The rows read the plain way: every field delimited, every range by a binary search, fresh objects everywhere. */
function plainReading(text: string, ctx: CsvContext, data: RecognizerData, lines: LineIndex, from: number, to: number): CodeOccurrence[] {
  const out: CodeOccurrence[] = [];
  tokenizeCsv(text, ctx.delimiter, (row) => {
    const rowCodes: CodeOccurrence[] = [];
    for (const k of ctx.codeColumns) {
      if (k >= row.count) continue;
      const typeColumn = ctx.columns[k].typeColumn;
      const allowed = typeColumn === undefined ? true : typeAllowsCode(fieldText(text, row, typeColumn));
      if (allowed === false) continue;
      for (const c of parseCodeCell(text, row.starts[k], row.ends[k], data, allowed === true ? data.invalidValue : undefined)) {
        if (allowed === undefined && c.modifiers.length) continue;
        rowCodes.push({
          range: lines.range(c.start, c.end), code: c.code, text: text.slice(c.start, c.end), system: c.system, confidence: 'context',
          modifiers: c.modifiers.map((m) => ({ code: m.code, range: lines.range(m.start, m.end) })), facts: {},
        });
      }
    }
    const mods = modifiersOf(text, row, ctx.modifierColumns, lines);
    const all: CodeOccurrence[] = [];
    for (const o of rowCodes) all.push({ ...o, modifiers: o.modifiers.concat(mods), facts: factsOf(text, row, ctx, lines) });
    for (const k of ctx.textColumns) if (k < row.count && row.ends[k] - row.starts[k] >= 5) all.push(...recognizePlainText(text, data, lines, row.starts[k], row.ends[k]));
    if (row.count === 1 && ctx.columns.length > 1 && (text.slice(row.starts[0], row.ends[0]).match(/ /g) ?? []).length >= 2) {
      all.push(...recognizePlainText(text, data, lines, row.starts[0], row.ends[0]));
    }
    // A row's codes in reading order, wherever in the row each column is.
    out.push(...all.sort((x, y) => x.range.startLine - y.range.startLine || x.range.startCharacter - y.range.startCharacter));
  }, from, to);
  return out;
}

function modifiersOf(text: string, row: CsvRow, columns: number[], lines: LineIndex): ModifierOccurrence[] {
  const mods: ModifierOccurrence[] = [];
  for (const k of columns) {
    if (k >= row.count) continue;
    const re = /[0-9A-Za-z]+/g;
    const cell = text.slice(row.starts[k], row.ends[k]);
    for (let m = re.exec(cell); m; m = re.exec(cell)) {
      const s = row.starts[k] + m.index;
      if (m[0].length === 2) mods.push({ code: m[0].toUpperCase(), range: lines.range(s, s + 2) });
    }
  }
  return mods;
}

function factsOf(text: string, row: CsvRow, ctx: CsvContext, lines: LineIndex): LineFacts {
  const f = ctx.fact;
  const get = (k: number | undefined): string => (k === undefined ? '' : fieldText(text, row, k));
  const pos = parsePos(get(f.pos));
  let posRange;
  if (pos && f.pos !== undefined) {
    let s = row.starts[f.pos];
    let e = row.ends[f.pos];
    while (s < e && text.charCodeAt(s) <= 32) s++;
    while (e > s && text.charCodeAt(e - 1) <= 32) e--;
    posRange = lines.range(s, e);
  }
  const line = parseUnits(get(f.lineNumber));
  return compactFacts({
    placeOfService: pos, placeOfServiceRange: posRange, units: parseUnits(get(f.units)), dateOfService: parseDate(get(f.date)),
    setting: parseSetting(get(f.setting)), claimId: get(f.claimId) || undefined,
    lineNumber: line !== undefined && Number.isInteger(line) ? line : undefined, billType: get(f.billType) || undefined,
  });
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const HEADERS = ['CPT', 'Modifier 1', 'Modifier 2', 'POS', 'Units', 'Date of Service', 'Setting', 'Claim ID', 'Line', 'Bill Type', 'Description', 'Amount', 'ID'];
const VALUES: Record<string, string[]> = {
  CPT: ['99213', ' 99214 ', 'j3490', 'J3490', 'g0121', '0001U', '99213-25', '27447RT', '99213-99215', 'J34901', 'NONE', '', '99213, 99214', '"27447"', '8707059', 'abcde', '\t99213'],
  'Modifier 1': ['', '25', 'lt', '25|59', 'x'],
  'Modifier 2': ['', '59', 'RT'],
  POS: ['', '11', ' 22 ', '1', 'x'],
  Units: ['', '1', '2.5', 'x'],
  'Date of Service': ['', '2024-01-31', '1/31/2024', 'bad'],
  Setting: ['', 'INPATIENT', 'outpatient', 'IP'],
  'Claim ID': ['', 'C1', 'C2'],
  Line: ['', '1', '2', '1.5'],
  'Bill Type': ['', '131'],
  Description: ['Office visit', 'Knee A9500 repl', 'line\nbreak 27447 here', 'CPT 64866 anastomosis', 'say ""99214""', 'plain'],
  Amount: ['12.50', '$1,000.00 ', 'a "b" c', 'x\r\ny'],
  ID: ['IP-1', '99213', 'a"b'],
};
const BREAKS = ['\n', '\r\n', '\r'];

/** A random file: some of the columns above in random order, rows of random values, quoted or not, random line breaks. */
function randomCsv(r: () => number): string {
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)];
  const columns = HEADERS.filter((h) => h === 'CPT' || r() < 0.5).sort(() => r() - 0.5);
  const lineBreak = pick(BREAKS);
  const quote = (v: string): string => (/[,"\r\n]/.test(v) || r() < 0.2 ? `"${v.replace(/"/g, '""')}"` : v);
  let text = columns.join(',') + lineBreak;
  let previous: string[] = [];
  for (let n = 0, rows = 1 + Math.floor(r() * 12); n < rows; n++) {
    // Neighbouring rows often repeat a value (the facts of one claim, a block of one setting).
    const values = columns.map((c, k) => (previous[k] !== undefined && r() < 0.5 ? previous[k] : pick(VALUES[c])));
    previous = values;
    let row = values.map(quote).join(',');
    if (r() < 0.1) row = row.slice(0, Math.floor(r() * row.length)); // a cut row, perhaps inside quotes
    if (r() < 0.05) row += '"stray';
    text += row + (r() < 0.7 ? lineBreak : pick(BREAKS));
  }
  return text;
}

function bothReadings(text: string, from?: number, to?: number): { fast: unknown; plain: unknown } {
  const lines = new LineIndex(text);
  const ctx = analyzeCsv(text, engine);
  const invalid = (list: string[]): RecognizerData => ({
    knows: (c) => engine.knows(c), isModifier: (c) => engine.isModifier(c), invalidValue: (s, e) => list.push(`${s}-${e}`),
  });
  const fastInvalid: string[] = [];
  const plainInvalid: string[] = [];
  const start = from ?? ctx.dataStart;
  const end = to ?? text.length;
  const fast = recognizeCsvRows(text, ctx, invalid(fastInvalid), lines, start, end);
  const plain = plainReading(text, ctx, invalid(plainInvalid), lines, start, end);
  return { fast: { occurrences: JSON.parse(JSON.stringify(fast)), invalid: fastInvalid }, plain: { occurrences: JSON.parse(JSON.stringify(plain)), invalid: plainInvalid } };
}

describe('CSV rows: what the shortcuts give is what a plain reading gives', () => {
  it('on 1,500 random files with every kind of column, quoted line breaks, CR, LF and CRLF rows, cut rows and stray quotes', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const text = randomCsv(rng(seed));
      const { fast, plain } = bothReadings(text);
      assert.deepEqual(fast, plain, `seed ${seed}: ${JSON.stringify(text)}`);
    }
  });

  it('on a range of rows in the middle of a file, as an edit re-reads them', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = randomCsv(rng(seed)).replace(/\r\n?/g, '\n');
      const lines = new LineIndex(text);
      if (lines.lineCount < 4 || text.includes('"')) continue;
      const { fast, plain } = bothReadings(text, lines.lineStart(2), lines.lineStart(lines.lineCount - 2));
      assert.deepEqual(fast, plain, `seed ${seed}: ${JSON.stringify(text)}`);
    }
  });

  it('places a code after a quoted line break on the line it is written on', () => {
    const text = 'Description,Amount,CPT\n"two\nlines","$1,\r\n000",99213\nx,1,99214\n';
    const found = recognizeCsvRows(text, analyzeCsv(text, engine), engine, new LineIndex(text), analyzeCsv(text, engine).dataStart, text.length);
    assert.deepEqual(found.map((o) => `${o.code}@${o.range.startLine}:${o.range.startCharacter}`), ['99213@3:5', '99214@4:4']);
  });

  it('gives each row its own facts when neighbouring rows repeat some of them and change others', () => {
    const text = 'CPT,Setting,Claim ID\n99213,INPATIENT,C1\n99214,INPATIENT,C1\n99215,INPATIENT,C2\n27447,outpatient,C2\n';
    const ctx = analyzeCsv(text, engine);
    const found = recognizeCsvRows(text, ctx, engine, new LineIndex(text), ctx.dataStart, text.length);
    assert.deepEqual(found.map((o) => o.facts), [
      { setting: 'inpatient', claimId: 'C1' }, { setting: 'inpatient', claimId: 'C1' }, { setting: 'inpatient', claimId: 'C2' }, { setting: 'outpatient', claimId: 'C2' },
    ]);
  });

  it('keeps a code as written and normalizes it (`j3490` is J3490 written in lower case)', () => {
    const text = 'CPT,Amount\nj3490,1\n 0001u ,2\nG0121,3\n';
    const ctx = analyzeCsv(text, engine);
    const found = recognizeCsvRows(text, ctx, engine, new LineIndex(text), ctx.dataStart, text.length);
    assert.deepEqual(found.map((o) => `${o.code}/${o.text}/${o.system}`), ['J3490/j3490/HCPCS-II', '0001U/0001u/CPT-PLA', 'G0121/G0121/HCPCS-II']);
  });
});
