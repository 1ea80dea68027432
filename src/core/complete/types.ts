/**
 * What completion works with: the context at the cursor (what is being typed, where the edit
 * goes) and the plain items offered for it. Offsets are UTF-16 offsets into the document text,
 * end exclusive; a host turns them into its own positions.
 */
import type { DocumentKind } from '../recognize/detect';

export type CompletionWhat = 'code' | 'modifier' | 'pos';

export interface OffsetRange {
  start: number;
  end: number;
}

/** How the typed text is read: a code prefix (`6486`, `J11`), words (`facial nerve anas`), or nothing yet. */
export type QueryMode = 'prefix' | 'words' | 'empty';

/** The CSV cell the cursor is in. */
export interface CsvCellFacts {
  /** The row's delimiter, e.g. `,`, `\t`, `;`, `|`. */
  delimiter: string;
  /** The cell is written in double quotes. */
  quoted: boolean;
  /**
   * The cursor is after the cell's closing quote: the edit replaces the whole cell, quotes
   * included, and writes them back (`"6486"|` becomes `"64866"`). Otherwise the edit stays
   * inside the quotes, or inside the unquoted cell, and never touches a quote or a delimiter.
   */
  rewritesQuotes: boolean;
  /** 0-based column of the cell and its header name (empty for a headerless file). */
  column: number;
  header: string;
}

export interface CompletionContext {
  what: CompletionWhat;
  documentKind: DocumentKind;
  /** The text typed so far, without a word trigger prefix or quotes: what is searched. */
  typed: string;
  mode: QueryMode;
  /** The text an accepted item replaces: on one line, containing the cursor. */
  range: OffsetRange;
  /** The document text from the range start to the cursor (what an editor filters items with). */
  before: string;
  /** For a modifier: the code it goes on (the line's, the row's, the FHIR item's), when written. */
  code?: string;
  /** Modifiers already written on the line besides the one being typed. */
  written?: string[];
  /** Set in CSV documents. */
  csv?: CsvCellFacts;
  /** Written around each inserted value (the quotes of a CSV cell rewritten whole). */
  wrap?: { before: string; after: string };
}

export type CompletionMarker = 'inpatient-only' | 'not-allowed' | undefined;

/** One item offered: a host maps it to its own completion item. */
export interface CompletionEntry {
  what: CompletionWhat;
  /** The code, modifier or place of service. */
  label: string;
  /** Shown next to the label: the short descriptor, the modifier's or place's name. */
  description: string;
  /** Shown when the item is selected: the long descriptor, why a modifier fits or not. */
  detail?: string;
  insertText: string;
  /** What an editor filters with: the typed text for word queries, otherwise the inserted text. */
  filterText: string;
  range: OffsetRange;
  /** Sorts the items in the order given. */
  sortText: string;
  marker: CompletionMarker;
  /** The code whose card documents the item (code items). */
  documentationCode?: string;
  /** A modifier item's code it is judged on, for its documentation. */
  modifierOn?: string;
}

export interface CompletionResult {
  items: CompletionEntry[];
  /** More items exist than returned, or the ranking changes with more text: ask again while typing. */
  incomplete: boolean;
}
