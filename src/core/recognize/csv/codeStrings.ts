/**
 * The code written at an offset, read once per distinct spelling: a large file writes the same few
 * thousand codes over and over, so each is sliced, normalized and given its code system once, and
 * every occurrence of it shares those strings (no string per occurrence; a catalog lookup of a
 * shared string hashes it once). The key is computed from the five characters without slicing.
 */
import type { CodeSystem } from '../../model';
import { codeAt } from '../cell';

export interface WrittenCode {
  /** Normalized (upper case), as `codeAt` gives it. */
  code: string;
  /** As written. */
  text: string;
  system: CodeSystem;
}

export class CodeStrings {
  /** By spelling; null for five letters and digits that are no code's shape. */
  private readonly known = new Map<number, WrittenCode | null>();

  /** What `codeAt(text, start)` finds, with the text as written; undefined when it finds nothing. */
  at(text: string, start: number): WrittenCode | undefined {
    if (start + 5 > text.length) return undefined;
    let key = 0;
    for (let k = 0; k < 5; k++) {
      const d = alnumDigit(text.charCodeAt(start + k));
      if (d < 0) return undefined;
      key = key * 62 + d; // below 62^5 < 2^30: a small integer
    }
    let found = this.known.get(key);
    if (found === undefined) {
      const shape = codeAt(text, start);
      found = shape ? { code: shape.code, text: text.slice(start, start + 5), system: shape.system } : null;
      if (found && found.text === found.code) found.text = found.code;
      this.known.set(key, found);
    }
    return found ?? undefined;
  }
}

/** 0-61 for a digit, an upper-case or a lower-case letter; -1 for anything else. */
function alnumDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  if (c >= 97 && c <= 122) return c - 61;
  return -1;
}
