/**
 * The engine: one loaded catalog and what is asked of it. Hosts (the extension, the CLI)
 * create one per data load and throw it away when the data changes.
 */
import type { CodeOccurrence, CodeRecord, Finding, IsoDate } from './model';
import { Catalog } from './catalog/catalog';
import { indexWordsInSlices, SearchIndex } from './catalog/search';
import { buildCard, Card, CardOptions } from './card/build';
import { documentReader, recognize, recognizeCsv, recognizeCsvRows, RecognizeOptions, RecognizerData, RowsRead } from './recognize';
import type { CsvContext, DocumentKind, DocumentReader } from './recognize';
import { runRules, runRulesInSlices } from './rules';
import type { Pause } from './rules';
import type { DefaultSetting, RuleContext, RuleSettings } from './rules/types';
import { todayIso } from './catalog/inpatient';
import type { DataPack } from './pack/types';
import { LineIndex } from './text/lineIndex';
import type { DocumentText } from './text/editedText';
import { X12Reader } from './recognize/x12';
import type { X12Start } from './recognize/x12';
import { jsonReader } from './recognize/json';
import type { JsonElementStart, JsonReader } from './recognize/json';

/** What a check is told besides the text: the user's rule settings and local codes. */
export interface CheckOptions {
  rules?: RuleSettings;
  defaultSetting?: DefaultSetting;
  localCodes?: ReadonlySet<string>;
}

export interface CheckResult {
  occurrences: CodeOccurrence[];
  findings: Finding[];
}

export class Engine implements RecognizerData {
  readonly catalog: Catalog;
  private searchIndex: SearchIndex | undefined;

  constructor(packs: readonly DataPack[], private readonly clock: () => IsoDate = () => todayIso()) {
    this.catalog = new Catalog(packs);
  }

  today(): IsoDate {
    return this.clock();
  }

  knows(code: string): boolean {
    return this.catalog.knows(code);
  }

  isModifier(code: string): boolean {
    return this.catalog.modifier(code) !== undefined;
  }

  get search(): SearchIndex {
    return (this.searchIndex ??= new SearchIndex(this.catalog));
  }

  /**
   * Builds the search index ahead of its first use, a slice at a time with `pause` between slices
   * (the code list a table at a time, then the words of 100 codes at a time: `codesInSlices`,
   * `indexWordsInSlices`); `search` asked meanwhile builds it in one go, and this one is
   * then dropped. Resolves whether the index is built.
   */
  async warmSearch(pause: Pause): Promise<boolean> {
    if (this.searchIndex) return true;
    if (!(await this.catalog.codesInSlices(pause))) return false;
    const indexed = await indexWordsInSlices(this.catalog, pause);
    if (indexed && !this.searchIndex) this.searchIndex = new SearchIndex(this.catalog, indexed);
    return this.searchIndex !== undefined;
  }

  record(code: string): CodeRecord | undefined {
    return this.catalog.record(code);
  }

  card(code: string, options: Partial<CardOptions> = {}): Card | undefined {
    const record = this.catalog.record(code);
    return record && buildCard(record, this.catalog, { today: this.today(), ...options });
  }

  recognize(text: string, options: RecognizeOptions = {}, lines?: LineIndex): CodeOccurrence[] {
    return recognize(text, this, options, lines);
  }

  /** Re-reads CSV rows `[from, to)` with a kept header map, collecting invalid values as well; `read`: see `RowsRead`. */
  recognizeCsvRowsWithInvalid(text: string, csv: CsvContext, lines: LineIndex, from: number, to: number, read?: RowsRead): { occurrences: CodeOccurrence[]; invalid: CodeOccurrence[] } {
    const invalid: CodeOccurrence[] = [];
    const occurrences = recognizeCsvRows(text, csv, this.withInvalid(text, lines, invalid), lines, from, to, [], read);
    return { occurrences, invalid };
  }

  /** A CSV document read with a kept header map (as `recognize` reads it), collecting invalid values as well; `read`: how its data rows went. */
  recognizeCsvWithInvalid(text: string, csv: CsvContext, lines: LineIndex, read?: RowsRead): { occurrences: CodeOccurrence[]; invalid: CodeOccurrence[] } {
    const invalid: CodeOccurrence[] = [];
    return { occurrences: recognizeCsv(text, this.withInvalid(text, lines, invalid), lines, csv, read), invalid };
  }

  /**
   * A reader of an X12 or JSON document to read in slices (see `DocumentReader`), collecting invalid
   * values as well; undefined for the other kinds (read in one go).
   */
  readerWithInvalid(kind: DocumentKind, text: string, lines: LineIndex): { reader: DocumentReader; invalid: CodeOccurrence[] } | undefined {
    const read = this.readingWithInvalid(text, lines, (data) => documentReader(kind, text, data, lines));
    return read.reader && { reader: read.reader, invalid: read.invalid };
  }

  /**
   * `readerWithInvalid` for `text` that is part of an X12 file (a claim a check session reads
   * again), read with the file's separators from the transaction in force there (see `X12Reader`).
   */
  x12ReaderWithInvalid(text: string, lines: LineIndex, start: X12Start): { reader: X12Reader; invalid: CodeOccurrence[] } {
    return this.readingWithInvalid(text, lines, (data) => new X12Reader(text, data, lines, start));
  }

  /**
   * `readerWithInvalid` for `text` that is one element of a JSON document's top-level array (an
   * element a check session reads again), read as the document reads it (see `jsonReader`).
   */
  jsonElementReaderWithInvalid(text: string, lines: LineIndex, element: JsonElementStart): { reader: JsonReader; invalid: CodeOccurrence[] } {
    return this.readingWithInvalid(text, lines, (data) => jsonReader(text, data, lines, element));
  }

  /** A reader made over the engine's data that collects the invalid values it reads, with their list. */
  private readingWithInvalid<R>(text: string, lines: LineIndex, make: (data: RecognizerData) => R): { reader: R; invalid: CodeOccurrence[] } {
    const invalid: CodeOccurrence[] = [];
    return { reader: make(this.withInvalid(text, lines, invalid)), invalid };
  }

  private withInvalid(text: string, lines: LineIndex, invalid: CodeOccurrence[]): RecognizerData {
    return new InvalidCollector(this, text, lines, invalid);
  }

  /**
   * Recognition that also collects the values in code slots that are not valid codes, as
   * occurrences marked `invalid` (the `invalid-code` rule reads them; `codes` never lists them).
   */
  recognizeWithInvalid(text: string, options: RecognizeOptions = {}, lines = new LineIndex(text)): { occurrences: CodeOccurrence[]; invalid: CodeOccurrence[] } {
    const invalid: CodeOccurrence[] = [];
    return { occurrences: recognize(text, this.withInvalid(text, lines, invalid), options, lines), invalid };
  }

  check(text: string, options: RecognizeOptions = {}, check: CheckOptions = {}): CheckResult {
    const lines = new LineIndex(text);
    const { occurrences, invalid } = this.recognizeWithInvalid(text, options, lines);
    return { occurrences, findings: this.findings(occurrences, text, check, lines, invalid) };
  }

  /** The rules' findings on occurrences already recognized in `text`. */
  findings(occurrences: readonly CodeOccurrence[], text: DocumentText, check: CheckOptions = {}, lines = new LineIndex(text), invalid: readonly CodeOccurrence[] = []): Finding[] {
    return runRules(occurrences, this.ruleContext(text, check, lines, invalid), check.rules);
  }

  /** `findings` with a pause between slices of lines (see `runRulesInSlices`); undefined when dropped. */
  findingsInSlices(occurrences: readonly CodeOccurrence[], text: string, check: CheckOptions, lines: LineIndex, invalid: readonly CodeOccurrence[], pause: Pause): Promise<Finding[] | undefined> {
    return runRulesInSlices(occurrences, this.ruleContext(text, check, lines, invalid), check.rules ?? {}, pause);
  }

  private ruleContext(text: DocumentText, check: CheckOptions, lines: LineIndex, invalid: readonly CodeOccurrence[]): RuleContext {
    return { catalog: this.catalog, today: this.today(), text, lines, defaultSetting: check.defaultSetting, localCodes: check.localCodes, invalid };
  }
}

/**
 * The recognizers' view of the data during one check, collecting invalid values.
 */
class InvalidCollector implements RecognizerData {
  constructor(private readonly engine: Engine, private readonly text: string, private readonly lines: LineIndex, private readonly invalid: CodeOccurrence[]) {}

  knows(code: string): boolean {
    return this.engine.knows(code);
  }

  isModifier(code: string): boolean {
    return this.engine.isModifier(code);
  }

  /** A bound function: recognizers hand it on without its object (`parseCodeCell`). */
  readonly invalidValue = (start: number, end: number): void => {
    this.invalid.push(invalidOccurrence(this.text, start, end, this.lines));
  };
}

function invalidOccurrence(text: string, start: number, end: number, lines: LineIndex): CodeOccurrence {
  const written = text.slice(start, end);
  const c = written.charCodeAt(0);
  return {
    range: lines.range(start, end),
    code: written.toUpperCase(),
    text: written,
    system: c >= 48 && c <= 57 ? 'CPT-I' : 'HCPCS-II',
    confidence: 'context',
    modifiers: [],
    facts: {},
    invalid: true,
  };
}
