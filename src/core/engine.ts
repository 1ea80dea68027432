/**
 * The engine: one loaded catalog and what is asked of it. Hosts (the extension, the CLI)
 * create one per data load and throw it away when the data changes.
 */
import type { CodeOccurrence, CodeRecord, Finding, IsoDate } from './model';
import { Catalog } from './catalog/catalog';
import { SearchIndex } from './catalog/search';
import { buildCard, Card, CardOptions } from './card/build';
import { recognize, RecognizeOptions, RecognizerData } from './recognize';
import { runRules } from './rules';
import type { DefaultSetting, RuleSettings } from './rules/types';
import { todayIso } from './catalog/inpatient';
import type { DataPack } from './pack/types';
import { LineIndex } from './text/lineIndex';

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

  check(text: string, options: RecognizeOptions = {}, check: CheckOptions = {}): CheckResult {
    const lines = new LineIndex(text);
    const occurrences = this.recognize(text, options, lines);
    return { occurrences, findings: this.findings(occurrences, text, check, lines) };
  }

  /** The rules' findings on occurrences already recognized in `text`. */
  findings(occurrences: readonly CodeOccurrence[], text: string, check: CheckOptions = {}, lines = new LineIndex(text)): Finding[] {
    const context = { catalog: this.catalog, today: this.today(), text, lines, defaultSetting: check.defaultSetting, localCodes: check.localCodes };
    return runRules(occurrences, context, check.rules);
  }
}
