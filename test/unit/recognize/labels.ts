/**
 * Label fixtures (`test/fixtures/labels/*.json`) and their expansion into expected occurrences,
 * known non-codes and free-text zones. The expansion reads the sample file on its own terms
 * (a minimal CSV reader, string search) and never calls the recognizer, so the labels are an
 * independent reading of each file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../helpers/engine';

export interface ExpectedLabel {
  line: number;
  code: string;
  /** 1-based column; when absent, found by searching the code on the line (after `after`). */
  column?: number;
  after?: string;
  modifiers?: string[];
}

/** A text that must never be reported; without a line, every place it occurs. */
export interface TextLabel {
  line?: number;
  text: string;
  column?: number;
}

/** Rules over a CSV sample, stated in the fixture. */
export interface CsvRule {
  /** codes: every cell of `column` read as a code; nonCodes: every non-empty cell; allow: a free-text zone. */
  rule: 'codes' | 'nonCodes' | 'allow';
  headerLine: number;
  column?: string;
  /** Several columns: exact header names. */
  columns?: string[];
  /** Every column from this header on (the payer columns of a wide file). */
  columnsFrom?: string;
  /** Columns whose header contains one of these strings. */
  columnsContaining?: string[];
  typeColumn?: string;
  /** Row types the rule applies to (compared upper case); rows with other types are skipped. */
  types?: string[];
  modifierColumns?: string[];
  fromLine?: number;
  toLine?: number;
  /** Cells (trimmed) the rule skips, with the reason in `exceptionsWhy`. */
  exceptionsMatching?: string;
  exceptionsWhy?: string;
}

export interface Fixture {
  sample: string;
  kind: string;
  labelling: string;
  expected?: ExpectedLabel[];
  rules?: CsvRule[];
  nonCodes?: TextLabel[];
  /** Texts reported or not, without penalty (e.g. a code repeated in an adjudication segment). */
  ignored?: TextLabel[];
  /** Free-text references that must be found, outside code contexts (counted in recall). */
  references?: ExpectedLabel[];
  /** Lines whose reports are neither required nor false positives (banner prose), 1-based inclusive. */
  allowLines?: [number, number][];
}

export interface Zone {
  line: number;
  start: number; // 1-based column, inclusive
  end: number; // exclusive
  label: string;
}

export interface Expanded {
  expected: Map<string, { code: string; modifiers: string[] }>;
  nonCodes: Zone[];
  allowed: Zone[];
  allowLines: [number, number][];
  problems: string[];
}

export const LABEL_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'labels');

export function loadFixtures(): Fixture[] {
  return fs.readdirSync(LABEL_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(fs.readFileSync(path.join(LABEL_DIR, f), 'utf8')) as Fixture);
}

const key = (line: number, column: number): string => `${line}:${column}`;

/** Splits text into lines the way editors count them (CRLF, LF, CR). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** A cell of the minimal CSV reader: its content, and where the content starts (1-based). */
interface Cell {
  text: string;
  line: number;
  column: number;
}

/** Minimal RFC 4180 reader with positions; quoted cells start after the quote. */
export function readCsv(text: string, delimiter = ','): { line: number; cells: Cell[] }[] {
  const rows: { line: number; cells: Cell[] }[] = [];
  let line = 1;
  let col = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let cells: Cell[] = [];
  let rowLine = 1;
  const advance = (ch: string): void => {
    if (ch === '\n') {
      line++;
      col = 1;
    } else col++;
  };
  while (i <= text.length) {
    // start of a cell
    let value = '';
    let cellLine = line;
    let cellCol = col;
    if (text[i] === '"') {
      advance('"');
      i++;
      cellLine = line;
      cellCol = col;
      for (;;) {
        if (i >= text.length) break;
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
          col += 2;
          continue;
        }
        if (text[i] === '"') {
          i++;
          col++;
          break;
        }
        if (text[i] === '\r' && text[i + 1] === '\n') {
          value += '\r\n';
          i += 2;
          line++;
          col = 1;
          continue;
        }
        value += text[i];
        advance(text[i] === '\r' ? '\n' : text[i]);
        i++;
      }
      while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
        i++;
        col++;
      }
    } else {
      while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
        value += text[i];
        i++;
        col++;
      }
    }
    cells.push({ text: value, line: cellLine, column: cellCol });
    if (i >= text.length) {
      rows.push({ line: rowLine, cells });
      break;
    }
    if (text[i] === delimiter) {
      i++;
      col++;
      continue;
    }
    // line break
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else i++;
    line++;
    col = 1;
    rows.push({ line: rowLine, cells });
    cells = [];
    rowLine = line;
    if (i >= text.length) break;
  }
  return rows;
}

/** The reading of a code cell stated in the fixtures: optional leading junk token, code, glued modifiers, a dropped letter. */
const CELL = /^(?:(\S+)\s+)?([0-9]{5}|[0-9]{4}[FTUMA]|[ABCDEGHJKLMPQRSTUV][0-9]{4})((?:[0-9A-Z]{2}){0,4})[A-Z]?$/;

export function expand(fx: Fixture, text: string): Expanded {
  const lines = splitLines(text);
  const out: Expanded = { expected: new Map(), nonCodes: [], allowed: [], allowLines: fx.allowLines ?? [], problems: [] };
  const addExpected = (l: ExpectedLabel): void => {
    const lineText = lines[l.line - 1] ?? '';
    let column = l.column;
    if (column === undefined) {
      const from = l.after ? lineText.indexOf(l.after) : 0;
      const at = from < 0 ? -1 : lineText.indexOf(l.code, from + (l.after ? l.after.length : 0));
      if (at < 0) {
        out.problems.push(`label ${l.code} not found on line ${l.line}`);
        return;
      }
      column = at + 1;
    }
    out.expected.set(key(l.line, column), { code: l.code, modifiers: l.modifiers ?? [] });
  };
  for (const l of fx.expected ?? []) addExpected(l);
  for (const l of fx.references ?? []) addExpected(l);
  const textZones = (labels: TextLabel[] | undefined, into: Zone[]): void => {
    for (const l of labels ?? []) {
      const range = l.line ? [l.line] : lines.map((_, n) => n + 1);
      let found = 0;
      for (const n of range) {
        const lineText = lines[n - 1] ?? '';
        let at = l.column !== undefined ? l.column - 1 : lineText.indexOf(l.text);
        while (at >= 0) {
          if (lineText.startsWith(l.text, at)) {
            into.push({ line: n, start: at + 1, end: at + 1 + l.text.length, label: l.text });
            found++;
          }
          if (l.column !== undefined) break;
          at = lineText.indexOf(l.text, at + 1);
        }
      }
      if (!found) out.problems.push(`labelled text ${l.text} not found${l.line ? ` on line ${l.line}` : ''}`);
    }
  };
  textZones(fx.nonCodes, out.nonCodes);
  textZones(fx.ignored, out.allowed);
  if (fx.rules?.length) applyRules(fx, text, out);
  return out;
}

function applyRules(fx: Fixture, text: string, out: Expanded): void {
  const delimiter = fx.sample.endsWith('.tsv') ? '\t' : ',';
  const rows = readCsv(text, delimiter);
  for (const rule of fx.rules ?? []) {
    const header = rows.find((r) => r.line === rule.headerLine);
    if (!header) {
      out.problems.push(`no row at header line ${rule.headerLine}`);
      continue;
    }
    const names = header.cells.map((c) => c.text.trim());
    const indexOf = (name: string): number => {
      const k = names.indexOf(name);
      if (k < 0) out.problems.push(`no column ${name}`);
      return k;
    };
    const cols: number[] = [];
    if (rule.column) cols.push(indexOf(rule.column));
    for (const c of rule.columns ?? []) cols.push(indexOf(c));
    for (const sub of rule.columnsContaining ?? []) names.forEach((n, k) => n.includes(sub) && cols.push(k));
    if (rule.columnsFrom) for (let k = indexOf(rule.columnsFrom); k >= 0 && k < names.length; k++) cols.push(k);
    const typeCol = rule.typeColumn ? indexOf(rule.typeColumn) : -1;
    const modCols = (rule.modifierColumns ?? []).map(indexOf);
    const except = rule.exceptionsMatching ? new RegExp(rule.exceptionsMatching) : undefined;
    for (const row of rows) {
      if (row.line <= rule.headerLine) continue;
      if (rule.fromLine && row.line < rule.fromLine) continue;
      if (rule.toLine && row.line > rule.toLine) continue;
      if (typeCol >= 0) {
        const type = (row.cells[typeCol]?.text ?? '').trim().toUpperCase();
        if (rule.types && !rule.types.includes(type)) continue;
      }
      for (const k of cols) {
        const cell = row.cells[k];
        if (!cell || !cell.text.trim()) continue;
        if (except && except.test(cell.text.trim())) continue;
        if (rule.rule === 'nonCodes' || rule.rule === 'allow') {
          // A cell on one line: its zone; a multi-line cell: its first line.
          const firstLine = cell.text.split(/\r\n|\n|\r/)[0];
          const zone = { line: cell.line, start: cell.column, end: cell.column + firstLine.length, label: `${names[k]}: ${firstLine.slice(0, 30)}` };
          (rule.rule === 'nonCodes' ? out.nonCodes : out.allowed).push(zone);
          continue;
        }
        const lead = cell.text.length - cell.text.trimStart().length;
        const value = cell.text.trim();
        const m = CELL.exec(value.toUpperCase());
        if (!m) {
          out.problems.push(`line ${cell.line}: ${names[k]} cell "${value}" is not a code by the stated reading`);
          continue;
        }
        const offset = lead + (m[1] ? value.toUpperCase().indexOf(m[2], m[1].length) : 0);
        const mods: string[] = m[3] ? m[3].match(/../g)! : [];
        for (const mk of modCols) {
          const mv = (row.cells[mk]?.text ?? '').trim().toUpperCase();
          for (const t of mv.split(/[|,;\s]+/)) if (t.length === 2) mods.push(t);
        }
        out.expected.set(key(cell.line, cell.column + offset), { code: m[2], modifiers: mods });
      }
    }
  }
}
