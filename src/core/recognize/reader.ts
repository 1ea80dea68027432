/**
 * A recognizer that reads a document as far as it is asked, and on from there on the next call:
 * a host reads a large X12 or JSON file in slices with a pause in between (`CheckSession.inSlices`)
 * and gets the occurrences one reading of the whole text gives.
 */
import type { CodeOccurrence } from '../model';

export interface DocumentReader {
  /** Reads what starts before `until` (a segment, a token, read whole); Infinity: to the end. */
  read(until: number): void;
  /** Whether the whole document has been read. */
  readonly done: boolean;
  /** Every occurrence, in document order: call once, when done. */
  finish(): CodeOccurrence[];
}
