/**
 * Recognition entry point: picks the recognizer for a document and returns its code
 * occurrences. Every consumer (hover, diagnostics, completion, CLI) goes through here.
 *
 * Kinds (see `detect.ts`): CSV/TSV (`csv/`), X12 837 (`x12.ts`), JSON incl. FHIR and CMS
 * price-transparency JSON (`json.ts`), XML (`xml.ts`), plain text and Markdown (`plainText.ts`).
 * Occurrences come back in document order.
 */
import type { CodeOccurrence } from '../model';
import { LineIndex } from '../text/lineIndex';
import { inDocumentOrder } from '../text/byStart';
import { recognizePlainText, RecognizerData } from './plainText';
import { DocumentKind, detectKind } from './detect';
import { recognizeCsv } from './csv/recognize';
import { X12Reader } from './x12';
import { jsonReader } from './json';
import type { DocumentReader } from './reader';
import { recognizeXml } from './xml';

export type { RecognizerData } from './plainText';
export type { DocumentKind } from './detect';
export { detectKind } from './detect';
export { analyzeCsv, recognizeCsv, recognizeCsvRows } from './csv/recognize';
export type { RowsRead } from './csv/recognize';
export type { CsvContext } from './csv/headers';
export type { DocumentReader } from './reader';
import type { CsvContext } from './csv/headers';

export interface RecognizeOptions {
  /** File name or language id, a hint for the document kind. */
  fileName?: string;
  languageId?: string;
  /** Forces a document kind (a setting); otherwise detected from content, then the name. */
  kind?: DocumentKind;
  /** A CSV header map already analyzed (a check session keeps it for row edits): not analyzed again. */
  csv?: CsvContext;
}

export function recognize(text: string, data: RecognizerData, options: RecognizeOptions = {}, lines = new LineIndex(text)): CodeOccurrence[] {
  const kind = detectKind(text, options);
  // X12 and JSON: their sliced reader, read to the end in one go.
  const reader = documentReader(kind, text, data, lines);
  if (reader) {
    reader.read(Infinity);
    return reader.finish();
  }
  let out: CodeOccurrence[];
  switch (kind) {
    // In document order as read: row by row, segment by segment (checking the order would make
    // every occurrence's range, which these recognizers make only when asked); JSON puts its own
    // in order when finished (a modifier array may follow the code it belongs to).
    case 'csv': return recognizeCsv(text, data, lines, options.csv);
    case 'xml': out = recognizeXml(text, data, lines); break;
    default: out = recognizePlainText(text, data, lines); break;
  }
  return inDocumentOrder(out);
}

/**
 * A reader of a document of `kind` that can be read in slices (X12 segments, JSON tokens), or
 * undefined for the kinds read in one go (CSV is sliced by rows: `recognizeCsvRows`).
 */
export function documentReader(kind: DocumentKind, text: string, data: RecognizerData, lines: LineIndex): DocumentReader | undefined {
  if (kind === 'x12') return new X12Reader(text, data, lines);
  if (kind === 'json') return jsonReader(text, data, lines);
  return undefined;
}
