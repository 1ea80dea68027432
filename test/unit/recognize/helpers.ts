/** Shorthands for recognizer tests: `code-mod-mod@line:col` strings and facts. */
import { engineOn } from '../helpers/engine';
import type { CodeOccurrence } from '../../../src/core/model';
import type { RecognizeOptions } from '../../../src/core/recognize';

export const engine = engineOn();

export function occurrences(text: string, options: RecognizeOptions = {}): CodeOccurrence[] {
  return engine.recognize(text, options);
}

/** `99213-25` per occurrence, in document order. */
export function codes(text: string, options: RecognizeOptions = {}): string[] {
  return occurrences(text, options).map((o) => o.code + o.modifiers.map((m) => `-${m.code}`).join(''));
}

/** `99213@2:5` (1-based line and column) per occurrence. */
export function at(text: string, options: RecognizeOptions = {}): string[] {
  return occurrences(text, options).map((o) => `${o.code}@${o.range.startLine + 1}:${o.range.startCharacter + 1}`);
}

/** The facts of an occurrence without the place-of-service range (asserted apart). */
export function factsOf(o: CodeOccurrence): Omit<CodeOccurrence['facts'], 'placeOfServiceRange'> {
  const { placeOfServiceRange: _range, ...rest } = o.facts;
  void _range;
  return rest;
}
