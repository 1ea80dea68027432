/**
 * Recognition entry point: picks the recognizer for a document and returns its code
 * occurrences. Every consumer (hover, diagnostics, completion, CLI) goes through here.
 */
import type { CodeOccurrence } from '../model';
import { LineIndex } from '../text/lineIndex';
import { recognizePlainText, RecognizerData } from './plainText';

export type { RecognizerData } from './plainText';

export interface RecognizeOptions {
  /** File name or language id, a hint for the document kind. */
  fileName?: string;
  languageId?: string;
}

export function recognize(text: string, data: RecognizerData, _options: RecognizeOptions = {}, lines = new LineIndex(text)): CodeOccurrence[] {
  return recognizePlainText(text, data, lines);
}
