/**
 * The facts of a CSV row (place of service, units, date of service, setting, claim id, line number,
 * bill type) from the columns the header named for them.
 *
 * Rows next to each other mostly repeat their facts (a charge master's `INPATIENT` block, the lines
 * of one claim): when every fact cell of a row holds the same characters as in the row before, the
 * row gets the same facts object, so a large file allocates facts only where they change; a row
 * whose fact cells were seen earlier gets that earlier object (the rules then know the line: see
 * `RuleRun.passed`). Facts
 * objects are never changed after they are made (nothing downstream writes to them), which makes the
 * sharing safe; a facts object with a place-of-service range is never shared, since ranges move
 * with edits. Only defined members are set, in a fixed order (what `compactFacts` would leave).
 */
import type { IsoDate, LineFacts } from '../../model';
import { parseDate, parsePos, parseSetting, parseUnits } from '../facts';
import type { CsvContext } from './headers';
import type { LineCursor } from '../../text/lineCursor';
import { CsvRow, fieldText } from './tokenize';

/** Distinct fact cells remembered per reading (a claim export writes a new claim id on every claim). */
const MAX_REMEMBERED = 4096;

/** The facts of a row of a file without fact columns: one object for all. */
const NO_FACTS: LineFacts = Object.freeze({});

export class RowFacts {
  /** The fact columns, each once. */
  private readonly columns: number[];
  /** The raw text of each of those columns in the row whose facts are `last`. */
  private readonly raws: string[];
  private last: LineFacts | undefined;
  /** Facts made so far, by the raw text of their cells (joined). */
  private readonly byRaws = new Map<string, LineFacts>();
  /** With a place-of-service column every row's facts carry that cell's range: never shared. */
  private readonly shareable: boolean;
  /** Dates as read, by their cell's text: rows repeat a handful of dates (one string each, not one per row). */
  private readonly dates = new Map<string, IsoDate | undefined>();
  /** The last claim id read: the lines of a claim follow each other and share its string. */
  private claimId = '';

  constructor(private readonly ctx: CsvContext) {
    const f = ctx.fact;
    this.columns = [...new Set([f.pos, f.units, f.date, f.setting, f.claimId, f.lineNumber, f.billType].filter((k): k is number => k !== undefined))];
    this.raws = this.columns.map(() => '');
    this.shareable = f.pos === undefined;
  }

  /** The facts of `row`; the cursor places the place-of-service range. */
  of(text: string, row: CsvRow, cursor: LineCursor): LineFacts {
    if (!this.columns.length) return NO_FACTS;
    if (!this.shareable) return this.read(text, row, cursor);
    if (this.last && this.sameAsLast(text, row)) return this.last;
    for (let n = 0; n < this.columns.length; n++) {
      const k = this.columns[n];
      this.raws[n] = k < row.count ? text.slice(row.starts[k], row.ends[k]) : '';
    }
    // A block of rows comes back (a file of repeated INPATIENT/OUTPATIENT blocks): its earlier facts.
    const key = this.raws.join('\u0000');
    let facts = this.byRaws.get(key);
    if (!facts) {
      facts = this.read(text, row, cursor);
      if (this.byRaws.size < MAX_REMEMBERED) this.byRaws.set(key, facts);
    }
    return (this.last = facts);
  }

  private sameAsLast(text: string, row: CsvRow): boolean {
    for (let n = 0; n < this.columns.length; n++) {
      const k = this.columns[n];
      const raw = this.raws[n];
      if (k >= row.count) {
        if (raw !== '') return false;
        continue;
      }
      const s = row.starts[k];
      if (row.ends[k] - s !== raw.length || !text.startsWith(raw, s)) return false;
    }
    return true;
  }

  private read(text: string, row: CsvRow, cursor: LineCursor): LineFacts {
    const f = this.ctx.fact;
    const pos = f.pos === undefined ? undefined : parsePos(fieldText(text, row, f.pos));
    const posRange = pos === undefined ? undefined : trimmedCellRange(text, row, f.pos!, cursor);
    const units = f.units === undefined ? undefined : parseUnits(fieldText(text, row, f.units));
    const date = f.date === undefined ? undefined : this.date(fieldText(text, row, f.date));
    const setting = f.setting === undefined ? undefined : parseSetting(fieldText(text, row, f.setting));
    const claimId = f.claimId === undefined ? '' : this.claimIdOf(text, row, f.claimId);
    const lineNumber = f.lineNumber === undefined ? undefined : parseUnits(fieldText(text, row, f.lineNumber));
    const line = lineNumber !== undefined && Number.isInteger(lineNumber) ? lineNumber : undefined;
    const billType = f.billType === undefined ? '' : fieldText(text, row, f.billType);
    // A claim export's row: one object with its members in place (added one by one, the last
    // ones would live in a second, out-of-object store: two allocations per row).
    if (pos !== undefined && units !== undefined && date !== undefined && setting === undefined && claimId && line !== undefined && !billType) {
      return { placeOfService: pos, placeOfServiceRange: posRange, units, dateOfService: date, claimId, lineNumber: line };
    }
    const facts: LineFacts = {};
    if (pos !== undefined) {
      facts.placeOfService = pos;
      facts.placeOfServiceRange = posRange;
    }
    if (units !== undefined) facts.units = units;
    if (date !== undefined) facts.dateOfService = date;
    if (setting !== undefined) facts.setting = setting;
    if (claimId) facts.claimId = claimId;
    if (line !== undefined) facts.lineNumber = line;
    if (billType) facts.billType = billType;
    return facts;
  }

  private date(raw: string): IsoDate | undefined {
    if (this.dates.has(raw)) return this.dates.get(raw);
    const date = parseDate(raw);
    if (this.dates.size < MAX_REMEMBERED) this.dates.set(raw, date);
    return date;
  }

  private claimIdOf(text: string, row: CsvRow, k: number): string {
    const last = this.claimId;
    const s = k < row.count ? row.starts[k] : 0;
    const e = k < row.count ? row.ends[k] : 0;
    // The same cell text as the row before (no spaces around it): that row's string.
    if (last && e - s === last.length && text.startsWith(last, s)) return last;
    return (this.claimId = fieldText(text, row, k));
  }
}

/** The range of a cell's content without the spaces around it. */
function trimmedCellRange(text: string, row: CsvRow, k: number, cursor: LineCursor): ReturnType<LineCursor['range']> {
  let s = row.starts[k];
  let e = row.ends[k];
  while (s < e && text.charCodeAt(s) <= 32) s++;
  while (e > s && text.charCodeAt(e - 1) <= 32) e--;
  return cursor.range(s, e);
}
