/**
 * A document being checked while it is edited. A full check recognizes the whole text and runs
 * every rule; an edit inside the data rows of a CSV re-recognizes only the rows it touches, with
 * the header map kept from the full check, and re-runs the rules only for those rows and for the
 * claims they belong to. An edit inside one claim of an X12 file re-reads that claim
 * (x12ClaimWindow.ts), one inside an element of a JSON file's top-level array that element
 * (jsonElementWindow.ts). Anything else (an edit of the header, a quote, a multi-line field, X12
 * structure, JSON outside such an element, another document kind) falls back to a full check, so
 * the result always equals a full check.
 */
import type { CodeOccurrence, Finding, FindingFix, Range } from './model';
import type { CheckOptions, Engine } from './engine';
import type { Pause } from './rules';
import { analyzeCsv, detectKind, DocumentKind, RecognizeOptions } from './recognize';
import type { CsvContext, DocumentReader } from './recognize';
import { contextLines } from './recognize/csv/recognize';
import { LineIndex } from './text/lineIndex';
import { byStart, firstStartingAfter, inDocumentOrder } from './text/byStart';
import { LoneCodeOccurrence, LoneModifier } from './recognize/loneCode';
import { After, movePosition, wholeLines } from './text/movePosition';
import { X12Reader } from './recognize/x12';
import type { X12Start } from './recognize/x12';
import { ModifierFinding } from './rules/modifierFinding';
import { EditedText } from './text/editedText';
import { listChanged } from './derivedIndexes';
import { firstAtOrAfter, firstOnOrAfterLine } from './occurrenceAt';
import { ClaimLines } from './claimLines';
import { ClaimSpan, claimWindow, isClaimSpan, X12Layout } from './x12ClaimWindow';
import { elementWindow, moveElements, readAsOneElement } from './jsonElementWindow';
import { isJsonReader } from './recognize/json';
import type { JsonLayout } from './recognize/json';
import { countInpatientOnly } from './inpatientCount';
import { hasQuotedLineBreak, rowsAreLines, rowsWereLines } from './recognize/csv/quotedLineBreak';
import type { RowsRead } from './recognize';
import { completionContextInParts } from './complete/parts';
import type { CompletionOptions } from './complete/context';
import type { CompletionContext } from './complete/types';

/** One edit in offsets of the text before it: `[start, oldEnd)` replaced by `text`. */
export interface TextEdit {
  start: number;
  oldEnd: number;
  text: string;
}

export type EditOutcome = 'rows' | 'full';

export class CheckSession {
  /** The text with the edits applied so far; a row edit reads only its rows of it (see EditedText). */
  private source: EditedText;
  lines: LineIndex;
  occurrences: CodeOccurrence[] = [];
  /** Values in code slots that are not valid codes, in document order. */
  invalid: CodeOccurrence[] = [];
  findings: Finding[] = [];
  private kind: DocumentKind = 'text';
  private csv: CsvContext | undefined;
  /** A CSV whose rows are not all lines (a quoted line break, or a row read over lines for stray quotes): no row edits. */
  private rowsOverLines = false;
  /** Whether every finding's ranges are its own objects (see `ownFindingRanges`). */
  private findingRangesOwned = false;
  /** The lines of each claim, made at the first row edit that touches a claim (see `linesOfClaims`). */
  private claimLines: ClaimLines | undefined;
  /** Occurrences inpatient only on their date, counted when first asked for and kept by row edits. */
  private inpatientOnly: number | undefined;
  /** An X12 file's separators and transactions, for edits inside one claim (see x12ClaimWindow.ts). */
  private x12: X12Layout | undefined;
  /** Where a JSON file's top-level array elements lie, for edits inside one (see jsonElementWindow.ts). */
  private json: JsonLayout | undefined;

  constructor(private readonly engine: Engine, text: string, private readonly options: RecognizeOptions = {}, private readonly check: CheckOptions = {}, checkNow = true) {
    this.source = EditedText.of(text);
    this.lines = new LineIndex(text);
    if (checkNow) this.full();
  }

  /**
   * A session whose full check pauses between slices of work (`pause` resolves false to drop it:
   * the result is then undefined). A large CSV is read about `sliceChars` characters of rows at a
   * time, a large X12 or JSON file about `sliceChars` characters of segments or tokens, and the rules
   * run a slice of lines at a time; other kinds are recognized in one go. The result equals the
   * synchronous constructor's.
   */
  static async inSlices(engine: Engine, text: string, options: RecognizeOptions, check: CheckOptions, pause: Pause, sliceChars = 1 << 20): Promise<CheckSession | undefined> {
    const session = new CheckSession(engine, text, options, check, false);
    return (await session.fullInSlices(pause, sliceChars)) ? session : undefined;
  }

  private async fullInSlices(pause: Pause, sliceChars: number): Promise<boolean> {
    const text = this.text;
    this.analyze(text);
    if (!(await pause())) return false;
    // X12 always through its reader, which tells the file's layout for edits.
    const sliced = this.kind === 'x12' || text.length > sliceChars ? this.engine.readerWithInvalid(this.kind, text, this.lines) : undefined;
    if (sliced) {
      // X12 segments or JSON tokens, a slice of the text at a time.
      for (let end = sliceChars; ; end += sliceChars) {
        sliced.reader.read(end);
        if (sliced.reader.done) break;
        if (!(await pause())) return false;
      }
      this.adopt(sliced);
    } else if (!this.csv || this.rowsOverLines || text.length <= sliceChars) {
      this.readInOneGo(text);
    } else {
      // Rows are lines here as the quotes pair: slices end at line starts. The first slice is the
      // text up to its end read as a whole document (banner rows above the header included).
      const { lines, csv } = this;
      const sliceEnd = (from: number): number => {
        const line = lines.lineAt(Math.min(text.length, from + sliceChars));
        return line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
      };
      let end = sliceEnd(csv.dataStart);
      let read = noRowsRead();
      const first = this.engine.recognizeCsvWithInvalid(text.slice(0, end), csv, lines, read);
      // Whether each slice's rows were its lines: stray quotes can make the reading run a row over
      // a line break (and past a slice's end) where the quotes pair on every line.
      let rowsAreLines = rowsWereLines(lines, csv.dataStart, end, text.length, read);
      this.occurrences = first.occurrences;
      this.invalid = first.invalid;
      while (end < text.length && rowsAreLines) {
        if (!(await pause())) return false;
        const from = end;
        end = sliceEnd(from);
        read = noRowsRead();
        const rows = this.engine.recognizeCsvRowsWithInvalid(text, csv, lines, from, end, read);
        rowsAreLines = rowsWereLines(lines, from, end, text.length, read);
        for (const o of rows.occurrences) this.occurrences.push(o);
        for (const o of rows.invalid) this.invalid.push(o);
      }
      // They were not: slices may have begun inside rows. The whole text in one go, as a full check reads it.
      if (!rowsAreLines) this.readCsv(text);
    }
    if (!(await pause())) return false;
    const findings = await this.engine.findingsInSlices(this.occurrences, text, this.check, this.lines, this.invalid, pause);
    if (!findings) return false;
    this.checked(findings);
    return true;
  }

  /** What a full check finds out before reading: the kind, a CSV's header and whether its rows are lines; no X12 layout yet. */
  private analyze(text: string): void {
    this.kind = detectKind(text, this.options);
    this.csv = this.kind === 'csv' ? analyzeCsv(text, this.engine) : undefined;
    this.rowsOverLines = this.csv ? hasQuotedLineBreak(text, this.csv.dataStart) : false;
    this.x12 = undefined;
    this.json = undefined;
  }

  /** Recognizes the whole text in one go, as the kind the analysis found. */
  private readInOneGo(text: string): void {
    // X12 and JSON through their readers, as `recognize` reads them, keeping the file's layout for edits.
    const reading = this.kind === 'x12' || this.kind === 'json' ? this.engine.readerWithInvalid(this.kind, text, this.lines) : undefined;
    if (reading) {
      reading.reader.read(Infinity);
      this.adopt(reading);
    } else if (this.csv) {
      this.readCsv(text);
    } else {
      const found = this.engine.recognizeWithInvalid(text, { ...this.options, kind: this.kind }, this.lines);
      this.occurrences = found.occurrences;
      this.invalid = found.invalid;
    }
  }

  /**
   * A CSV read in one go with the session's header map. Rows the reading found running over line
   * breaks where the quotes pair on every line (stray quotes) make it a file whose rows are not
   * lines, as a quoted line break does: no single rows are re-read on edits.
   */
  private readCsv(text: string): void {
    const read = noRowsRead();
    const found = this.engine.recognizeCsvWithInvalid(text, this.csv!, this.lines, read);
    this.occurrences = found.occurrences;
    this.invalid = found.invalid;
    if (!rowsWereLines(this.lines, this.csv!.dataStart, text.length, text.length, read)) this.rowsOverLines = true;
  }

  /** The occurrences of a reader that has read the whole text (and, for X12 and JSON, the file's layout). */
  private adopt({ reader, invalid }: { reader: DocumentReader; invalid: CodeOccurrence[] }): void {
    this.occurrences = reader.finish();
    this.invalid = invalid;
    if (reader instanceof X12Reader) this.x12 = { separators: reader.separators, kinds: reader.kindChanges };
    if (isJsonReader(reader)) {
      this.json = reader.jsonLayout;
      // A JSON file's values are read as their objects close (an object's own code keys after the
      // codings inside it): in document order, as an edit takes them out by line.
      inDocumentOrder(invalid);
    }
  }

  /** The findings of a full check; what was derived from the lists before goes. */
  private checked(findings: Finding[]): void {
    this.findings = findings;
    this.findingRangesOwned = false;
    this.claimLines = undefined;
    this.inpatientOnly = undefined;
  }

  /** The document's text (built as one string when asked for after row edits). */
  get text(): string {
    return this.source.toString();
  }

  set text(text: string) {
    this.source = EditedText.of(text);
  }

  /** Recognizes the whole text and runs every rule. */
  full(): void {
    const text = this.text;
    this.lines = new LineIndex(text);
    this.analyze(text);
    this.readInOneGo(text);
    this.checked(this.engine.findings(this.occurrences, text, this.check, this.lines, this.invalid));
  }

  /**
   * The completion context at `offset` of the session's text, as `completionContext` gives it for
   * the whole text, read from the parts it needs (see complete/parts.ts): a host never joins a
   * large text per keystroke. The kind and a CSV's header are this check's.
   */
  completionContext(offset: number, options: CompletionOptions): CompletionContext | undefined {
    const { source, lines } = this;
    return completionContextInParts({
      length: source.length,
      lineCount: lines.lineCount,
      slice: (start, end) => source.slice(start, end),
      lineAt: (o) => lines.lineAt(o),
      lineStart: (line) => lines.lineStart(line),
      transactionLines: this.x12?.kinds.map((k) => k.line),
      transactionOffsets: this.x12?.kinds.map((k) => k.offset),
    }, offset, { ...options, kind: this.kind, csv: this.csv });
  }

  /** How many occurrences are inpatient only on their date of service (see core/inpatientCount). */
  inpatientOnlyCount(): number {
    return (this.inpatientOnly ??= countInpatientOnly(this.occurrences, this.engine));
  }

  /** Applies one edit and brings occurrences and findings up to date; says how much was redone. */
  edit(edit: TextEdit): EditOutcome {
    if (this.tryRowEdit(edit)) return 'rows';
    this.text = this.text.slice(0, edit.start) + edit.text + this.text.slice(edit.oldEnd);
    this.full();
    return 'full';
  }

  /**
   * Applies an edit row by row (CSV data rows; in an X12 file, the claim it lies in: see
   * `tryClaimEdit`; in a JSON file, the top-level element it lies in: see `tryElementEdit`) when
   * that is possible and returns true; otherwise changes nothing and returns false, so a host can
   * defer the full check (a keystroke must not wait for it).
   */
  tryRowEdit(edit: TextEdit): boolean {
    if (this.kind === 'x12') return this.tryClaimEdit(edit);
    if (this.kind === 'json') return this.tryElementEdit(edit);
    if (!this.rowsOnly(this.source, edit) || !this.csvContextKept(edit)) return false;
    const firstLine = this.lines.lineAt(edit.start);
    const lastOld = this.lines.lineAt(edit.oldEnd);
    this.applyToText(edit);
    const lastNew = this.lines.lineAt(edit.start + edit.text.length);
    const lineDelta = lastNew - lastOld;

    // Occurrences of the edited rows go; later ones move by the lines the edit added or removed.
    const taken = this.takeLines(firstLine, lastOld, lineDelta);

    // The edited rows are read from a small copy of them (the whole edited text is never built):
    // a line break first, so that the copy's line 1 is the document's `firstLine`.
    const rowStart = this.lines.lineStart(firstLine);
    const rowEnd = lastNew + 1 < this.lines.lineCount ? this.lines.lineStart(lastNew + 1) : this.source.length;
    const window = `\n${this.source.slice(rowStart, rowEnd)}`;
    const windowLines = new LineIndex(window);
    const rows = this.engine.recognizeCsvRowsWithInvalid(window, this.csv!, windowLines, 1, window.length);
    const added = rows.occurrences; // in document order, as recognizeCsvRows gives them

    // Rules: the new rows, plus every line of the claims the edit touched.
    const claims = claimIdsOf(taken.removed, added);
    let fresh: Finding[] | undefined;
    // Without claims the rules need only the new rows: run them on the copy, in its line numbers.
    if (!claims.size) {
      fresh = this.engine.findings(added, window, this.check, windowLines, rows.invalid);
      // They share ranges with the copy's occurrences: own copies first, so each range moves once.
      // Nothing is on the copy's line 0; its other lines move down to the document's.
      const below = wholeLines(0, firstLine - 1);
      for (const f of fresh) {
        ownRanges(f);
        moveFinding(f, below);
      }
    }
    shiftOccurrences(added, 0, firstLine - 1);
    shiftOccurrences(rows.invalid, 0, firstLine - 1);
    this.putLines(taken, added, rows.invalid, claims, fresh);
    return true;
  }

  /**
   * An edit inside one claim of an X12 file (see x12ClaimWindow.ts for which): nothing to do when
   * it is inside a segment the reader skips; otherwise the claim around it is read again from a
   * copy of its lines, what follows moves by the lines the edit added or removed, and the rules
   * run again on every line of the claims on them.
   */
  private tryClaimEdit(edit: TextEdit): boolean {
    const layout = this.x12;
    const window = layout && claimWindow(this.source, this.lines, edit, layout);
    if (!window) return false;
    if (window !== 'unread' && isClaimSpan(window)) return this.claimSpanEdit(edit, window, layout);
    this.applyToText(edit);
    moveKinds(layout, edit, window === 'unread' ? 0 : window.lineDelta);
    if (window === 'unread') return true;
    const { first, last, lastBefore, lineDelta, start } = window;
    // The lines of a claim share its place-of-service range: moved once each through a set.
    const taken = this.takeLines(first, lastBefore, lineDelta, true);

    // A line break first, so that the copy's line 1 is the document's `first`.
    const copyEnd = last + 1 < this.lines.lineCount ? this.lines.lineStart(last + 1) : this.source.length;
    const { added, invalid } = this.readX12(`\n${this.source.slice(this.lines.lineStart(first), copyEnd)}`, start);
    shiftOccurrences(added, 0, first - 1, true);
    shiftOccurrences(invalid, 0, first - 1, true);
    this.putLines(taken, added, invalid, claimIdsOf(taken.removed, added));
    return true;
  }

  /**
   * An edit of an X12 file by offsets (see `claimSpan` in x12ClaimWindow.ts: a line of several
   * segments, as in a file written on one line, or terminators typed or removed): the claims around
   * it are read again from a copy of them (nothing is, in segments the reader skips), what follows
   * moves along the line, and the rules run again on every line of their claims.
   */
  private claimSpanEdit(edit: TextEdit, span: ClaimSpan, layout: X12Layout): boolean {
    const { added, invalid } = span.copy ? this.readX12(span.copy, span.from) : { added: [], invalid: [] };
    // Where the span is before the edit and where its end is after it: what follows the span on its
    // last line moves with that end (along the line, or onto another when line breaks were typed
    // or removed); the lines after it move by the line breaks added.
    const old = this.lines;
    const first = old.lineAt(span.start);
    const startCharacter = span.start - old.lineStart(first);
    const endLine = old.lineAt(span.endBefore);
    const endCharacter = span.endBefore - old.lineStart(endLine);
    this.applyToText(edit);
    const newEnd = span.endBefore + span.delta;
    const newEndLine = this.lines.lineAt(newEnd);
    const after: After = {
      line: endLine, character: endCharacter, lineDelta: newEndLine - endLine,
      characterDelta: newEnd - this.lines.lineStart(newEndLine) - endCharacter,
    };
    moveKinds(layout, edit, after.lineDelta);
    this.putCopy(this.takeSpan(first, startCharacter, after), added, invalid, first, startCharacter);
    return true;
  }

  /**
   * An edit strictly inside one object element of a JSON file's top-level array (see
   * jsonElementWindow.ts): the element is read again from a copy of it, what follows moves by the
   * lines the edit added or removed (and along its last line, by the characters), and the rules run
   * again on the element's occurrences and the claims they belong to. The copy is read before
   * anything changes: when it is not one element any more, nothing has.
   */
  private tryElementEdit(edit: TextEdit): boolean {
    const layout = this.json;
    const window = layout && elementWindow(this.source, this.lines, edit, layout);
    if (!window) return false;
    const { reader, invalid } = this.engine.jsonElementReaderWithInvalid(window.copy, new LineIndex(window.copy), window.context);
    reader.read(Infinity);
    const added = reader.finish();
    if (!readAsOneElement(window, reader.jsonLayout)) return false;
    inDocumentOrder(invalid);

    this.applyToText(edit);
    moveElements(layout!, window);
    const end = layout!.ends[window.index];
    const last = this.lines.lineAt(end - 1);
    const { first, lastBefore, startCharacter, endCharacter } = window;
    const after: After = { line: lastBefore, character: endCharacter, lineDelta: last - lastBefore, characterDelta: end - this.lines.lineStart(last) - endCharacter };
    this.putCopy(this.takeSpan(first, startCharacter, after), added, invalid, first, startCharacter);
    return true;
  }

  /** The text and its lines after `edit` (what moves with it is the caller's to move). */
  private applyToText(edit: TextEdit): void {
    this.source = this.source.apply(edit);
    this.lines = LineIndex.edited(this.lines, this.source, edit.start, edit.oldEnd, edit.start + edit.text.length);
  }

  /** The occurrences and invalid values of a copy of part of an X12 file, read from the transaction `start`. */
  private readX12(copy: string, start: X12Start): { added: CodeOccurrence[]; invalid: CodeOccurrence[] } {
    const { reader, invalid } = this.engine.x12ReaderWithInvalid(copy, new LineIndex(copy), start);
    reader.read(Infinity);
    return { added: reader.finish(), invalid };
  }

  /**
   * Puts what a copy read in place of what `taken` took out, and runs the rules of their claims:
   * the copy's line 1 is the document's line `first` from `startCharacter` on.
   */
  private putCopy(taken: TakenLines, added: CodeOccurrence[], invalid: CodeOccurrence[], first: number, startCharacter: number): void {
    const placed: After = { line: 1, character: 0, lineDelta: first - 1, characterDelta: startCharacter };
    movePositions(added, 0, placed);
    movePositions(invalid, 0, placed);
    this.putLines(taken, added, invalid, claimIdsOf(taken.removed, added));
  }

  /**
   * Takes out the occurrences and invalid values that start from `line`:`character` to where
   * `after` begins (before the edit), and moves those after it (`movePosition`): the element of a
   * JSON file, whose first and last lines may hold other things.
   */
  private takeSpan(line: number, character: number, after: After): TakenLines {
    const span = (list: readonly CodeOccurrence[]): [number, number] => [firstAtOrAfter(list, line, character), firstAtOrAfter(list, after.line, after.character)];
    const [from, to] = span(this.occurrences);
    const [invalidFrom, invalidTo] = span(this.invalid);
    const taken = { from, to, removed: this.occurrences.slice(from, to), invalidFrom, invalidTo, removedInvalid: this.invalid.slice(invalidFrom, invalidTo), after };
    if (after.lineDelta || after.characterDelta) {
      this.ownFindingRanges();
      movePositions(this.occurrences, to, after);
      movePositions(this.invalid, invalidTo, after);
    }
    return taken;
  }

  /**
   * Takes out the occurrences and invalid values of lines `[first, last]` (before the edit), and
   * moves those after them by the `lineDelta` lines the edit added (`claim`: see `shiftOccurrences`).
   */
  private takeLines(first: number, last: number, lineDelta: number, claim = false): TakenLines {
    const [from, to] = lineSpan(this.occurrences, first, last);
    const [invalidFrom, invalidTo] = lineSpan(this.invalid, first, last);
    const taken = { from, to, removed: this.occurrences.slice(from, to), invalidFrom, invalidTo, removedInvalid: this.invalid.slice(invalidFrom, invalidTo), after: wholeLines(last, lineDelta) };
    if (lineDelta) {
      this.ownFindingRanges();
      shiftOccurrences(this.occurrences, to, lineDelta, claim);
      shiftOccurrences(this.invalid, invalidTo, lineDelta, claim);
    }
    return taken;
  }

  /**
   * Puts the re-read lines in place of those taken out (both in document line numbers), keeps
   * what is derived from the lists, and replaces the findings of the lines and claims touched
   * (`fresh`: the rules already ran on the new lines alone, when they belong to no claim).
   */
  private putLines(taken: TakenLines, added: CodeOccurrence[], addedInvalid: CodeOccurrence[], claims: ReadonlySet<string>, fresh?: Finding[]): void {
    const { removed, removedInvalid, after } = taken;
    // In place: a new 70,000-element array per keystroke cost more than the rest of the edit.
    // What was derived from the list (claims, hover parts) is dropped with `listChanged`.
    spliceInPlace(this.occurrences, taken.from, taken.to, added);
    spliceInPlace(this.invalid, taken.invalidFrom, taken.invalidTo, addedInvalid);
    listChanged(this.occurrences);
    listChanged(this.invalid);
    if (this.claimLines) this.claimLines.replace(removed, added);
    if (this.inpatientOnly !== undefined) this.inpatientOnly += countInpatientOnly(added, this.engine) - countInpatientOnly(removed, this.engine);

    const subset = claims.size ? this.linesOfClaims(claims, added) : added;
    // Claims may span the document: their rules read it where they report, in place (building
    // the whole text was a copy of all of it per keystroke: 60-70 ms in a 17 MB claim file).
    if (!fresh) {
      fresh = this.engine.findings(subset, this.source, this.check, this.lines, addedInvalid);
      if (this.findingRangesOwned) for (const f of fresh) ownRanges(f);
    }
    const stale = new Set<CodeOccurrence>([...removed, ...subset, ...removedInvalid]);
    this.findings = replaceFindings(this.findings, stale, fresh, after.lineDelta || after.characterDelta ? (f) => moveFinding(f, after) : undefined);
  }

  /**
   * The lines of the claims an edit touched, and its added lines without a claim, in document
   * order: what the rules re-read after the edit.
   */
  private linesOfClaims(claims: ReadonlySet<string>, added: readonly CodeOccurrence[]): CodeOccurrence[] {
    const index = (this.claimLines ??= new ClaimLines(this.occurrences));
    const lines: CodeOccurrence[] = [];
    for (const o of added) if (!o.facts.claimId) lines.push(o);
    for (const id of claims) for (const o of index.of(id)) lines.push(o);
    return inDocumentOrder(lines);
  }

  /**
   * Rules hand out the ranges of occurrences in their findings (a finding's range is often its
   * code's range object). Before the first edit that moves lines, each finding gets its own copies,
   * so that moving occurrences and findings touches every range object exactly once.
   */
  private ownFindingRanges(): void {
    if (this.findingRangesOwned) return;
    for (const f of this.findings) ownRanges(f);
    this.findingRangesOwned = true;
  }

  /**
   * Whether the file still reads as the kind and with the header and column roles it was checked
   * with after `edit`. They come from its first rows (`contextLines`): the delimiter sniffed from
   * them, the header searched in them (and, for a file named neither .csv nor .tsv, whether it is
   * delimited at all), and, for a file without a header or a column named only `Code`, the data
   * rows sampled for what they hold (`analyzeCsv`). An edit there is checked against them read
   * again from a copy of those rows after it; one below them changes nothing of them.
   */
  private csvContextKept(edit: TextEdit): boolean {
    const lines = this.lines;
    const editLine = lines.lineAt(edit.start);
    const lastEdited = lines.lineAt(edit.oldEnd);
    const reach = contextLines(this.csv!, lines.lineAt(this.csv!.dataStart));
    if (editLine > reach) return true;
    // Those rows after the edit, with a margin for rows it removes.
    const endLine = Math.min(lines.lineCount - 1, reach + (lastEdited - editLine) + 2);
    const head = this.source.slice(0, edit.start) + edit.text + this.source.slice(edit.oldEnd, Math.max(edit.oldEnd, lines.lineEnd(endLine)));
    if (detectKind(head, this.options) !== 'csv') return false;
    return JSON.stringify(analyzeCsv(head, this.engine)) === JSON.stringify(this.csv);
  }

  /** Whether the edit can be handled row by row: a CSV data row, no quotes, no multi-line fields. */
  private rowsOnly(before: EditedText, edit: TextEdit): boolean {
    if (this.kind !== 'csv' || !this.csv || this.rowsOverLines) return false;
    if (edit.start < this.csv.dataStart) return false;
    const first = this.lines.lineStart(this.lines.lineAt(edit.start));
    const rows = before.slice(first, this.lines.lineEnd(this.lines.lineAt(edit.oldEnd)));
    const after = rows.slice(0, edit.start - first) + edit.text + rows.slice(edit.oldEnd - first);
    if (rows.indexOf('"') < 0 && after.indexOf('"') < 0) return true;
    // Quoted cells ("$1,081.38 ", most rows of a fee schedule) are read again with their rows. The
    // rows must stay lines: no line break typed inside a quoted cell, no quote typed or removed that
    // leaves one open, as the quotes pair (what a full check tests the file with) and as the
    // tokenizer reads them (the two differ on stray quotes).
    return !hasQuotedLineBreak(`${after}\n`) && rowsAreLines(after, this.csv.delimiter);
  }
}

const noRowsRead = (): RowsRead => ({ rows: 0, lastEnd: -1 });

/** What `takeLines` or `takeSpan` took out: the index spans and their occurrences, and where what follows them went. */
interface TakenLines {
  from: number;
  to: number;
  removed: CodeOccurrence[];
  invalidFrom: number;
  invalidTo: number;
  removedInvalid: CodeOccurrence[];
  after: After;
}

/**
 * Where the transactions of an X12 file start after an edit that kept them (it changed no GS or
 * ST): those after it move by the characters and the `lineDelta` lines it added (a claim window
 * holds no change of transaction, so those after the edit are those after its lines).
 */
function moveKinds(layout: X12Layout, edit: TextEdit, lineDelta: number): void {
  const delta = edit.text.length - (edit.oldEnd - edit.start);
  if (!delta && !lineDelta) return;
  for (const k of layout.kinds) {
    if (k.offset < edit.oldEnd) continue;
    k.offset += delta;
    k.line += lineDelta;
  }
}

/**
 * `shiftOccurrences` for a span that ends inside a line (or a copy's occurrences placed where the
 * copy starts): the occurrences from `from` on (JSON's, plain objects with ranges of their own, an
 * item's shared by its codes: each moved once through a set) moved as `movePosition` says.
 */
function movePositions(list: readonly CodeOccurrence[], from: number, after: After): void {
  const moved = new Set<Range>();
  let lastPos: Range | undefined;
  const moveOnce = (r: Range | undefined): void => {
    // Past the line, nothing moves when no line was added or removed.
    if (!r || (!after.lineDelta && r.startLine > after.line) || moved.has(r)) return;
    movePosition(r, after);
    moved.add(r);
  };
  // Those starting on later lines too: their modifiers and places of service may lie on the line.
  for (let i = from; i < list.length; i++) {
    const o = list[i];
    // A code alone in its component and its modifiers own their positions: moved without making
    // ranges or a set of them (every code after an edit in a file written on one line moves).
    if (o instanceof LoneCodeOccurrence) o.moveAlong(after);
    else moveOnce(o.range);
    for (const m of o.modifiers) {
      if (m instanceof LoneModifier) m.moveAlong(after);
      else moveOnce(m.range);
    }
    // A claim's lines share its place of service, one after another.
    const pos = o.facts.placeOfServiceRange;
    if (pos !== lastPos) moveOnce((lastPos = pos));
  }
}

/** The claim ids of the lines an edit took out and read again: whose rules run again. */
function claimIdsOf(removed: readonly CodeOccurrence[], added: readonly CodeOccurrence[]): Set<string> {
  const claims = new Set<string>();
  for (const o of removed) if (o.facts.claimId) claims.add(o.facts.claimId);
  for (const o of added) if (o.facts.claimId) claims.add(o.facts.claimId);
  return claims;
}

/** Index range `[from, to)` of the occurrences that start on lines `first..last` (occurrences are in document order). */
function lineSpan(list: readonly CodeOccurrence[], first: number, last: number): [number, number] {
  return [firstOnOrAfterLine(list, first), firstOnOrAfterLine(list, last + 1)];
}

const move = (r: Range, delta: number): void => {
  r.startLine += delta;
  r.endLine += delta;
};

/**
 * Moves the occurrences from `from` on by `delta` lines, without a set of the objects moved: each
 * occurrence owns its range and its modifiers' ranges; a CSV row's occurrences may share one facts
 * object (and its place-of-service range), and they are next to each other in the list. The lines
 * of an X12 claim share the claim's place-of-service range with lines of their own between them:
 * `claim` moves each range once through a set.
 */
function shiftOccurrences(list: readonly CodeOccurrence[], from: number, delta: number, claim = false): void {
  let lastPos: Range | undefined;
  const moved = claim ? new Set<Range>() : undefined;
  for (let i = from; i < list.length; i++) {
    const o = list[i];
    if (o instanceof LoneCodeOccurrence) o.moveLines(delta); // without making its range
    else move(o.range, delta);
    const modifiers = o.modifiers;
    for (let j = 0; j < modifiers.length; j++) move(modifiers[j].range, delta);
    const pos = o.facts.placeOfServiceRange;
    if (!pos || pos === lastPos || moved?.has(pos)) continue;
    move((lastPos = pos), delta);
    moved?.add(pos);
  }
}

/** Gives a finding its own copies of every range it holds (see CheckSession.ownFindingRanges). */
function ownRanges(f: Finding): void {
  f.range = { ...f.range };
  if (f.related) f.related = f.related.map((r) => ({ ...r, range: { ...r.range } }));
  const fixes = madeFixes(f);
  if (fixes) f.fixes = fixes.map((x) => ({ ...x, range: { ...x.range } }));
}

/** A finding's fixes when they are objects of their own (a modifier finding's are made from its range when first read). */
function madeFixes(f: Finding): FindingFix[] | undefined {
  return f instanceof ModifierFinding && !f.fixesMade ? undefined : f.fixes;
}

/** Moves the ranges of a finding (which owns them) that lie after an edited span (see `movePosition`). */
function moveFinding(f: Finding, after: After): void {
  movePosition(f.range, after);
  if (f.related) for (const r of f.related) movePosition(r.range, after);
  const fixes = madeFixes(f);
  if (fixes) for (const x of fixes) movePosition(x.range, after);
}

/** `list.splice(from, to - from, ...items)`; the engine moves the tail with one memory move. */
function spliceInPlace<T>(list: T[], from: number, to: number, items: readonly T[]): void {
  // A row edit adds a handful of items; spreading a very long list would overflow the call stack.
  if (items.length < 10_000) list.splice(from, to - from, ...items);
  else {
    const tail = list.slice(to);
    list.length = from;
    for (const x of items) list.push(x);
    for (const x of tail) list.push(x);
  }
}

/** Fresh findings inserted one by one up to this many; more are merged into a new list. */
const FEW_FRESH = 64;

/**
 * The findings without those of `stale` occurrences, each kept one moved by `move`, with `fresh`
 * merged in (document order; a kept finding goes before a fresh one that starts where it does).
 * In place when `fresh` is short: a claim file's findings run to tens of thousands, and two new
 * lists of them per keystroke were a third of a row edit there.
 */
function replaceFindings(list: Finding[], stale: ReadonlySet<CodeOccurrence>, fresh: Finding[], move?: (f: Finding) => void): Finding[] {
  let kept = 0;
  for (let i = 0; i < list.length; i++) {
    const f = list[i];
    if (stale.has(f.occurrence)) continue;
    if (move) move(f);
    list[kept++] = f;
  }
  list.length = kept;
  if (fresh.length > FEW_FRESH) return mergeSorted(list, fresh);
  for (const f of fresh) list.splice(firstStartingAfter(list, f), 0, f);
  return list;
}

function mergeSorted(a: Finding[], b: Finding[]): Finding[] {
  if (!b.length) return a;
  const before = (x: Finding, y: Finding): boolean => byStart(x, y) <= 0;
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && before(a[i], b[j])) ? a[i++] : b[j++]);
  return out;
}
