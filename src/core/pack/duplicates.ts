/**
 * Duplicate keys in a pack's tables. `JSON.parse` keeps the last of two equal keys without a
 * word, so a user's pack that lists a code twice would silently lose one entry; the importer
 * reports the second one with its line instead. One pass with jsonc-parser's visitor.
 */
import type * as JsoncVisit from './jsoncVisit';

/**
 * jsonc-parser, loaded when a pack is first checked for duplicates (a data file imported): its
 * module fills tables of some 350 KB when loaded, young garbage at every CLI start otherwise.
 */
let jsonc: typeof JsoncVisit | undefined;

/** Tables keyed by code, as paths from the pack's root. */
const TABLES = ['codes', 'modifiers', 'placesOfService', 'pfs.rows', 'opps.status', 'ptp.edits', 'mue.values'];

export interface DuplicateKey {
  table: string;
  key: string;
  /** 1-based line of the second occurrence. */
  line: number;
}

export function findDuplicateKey(text: string): DuplicateKey | undefined {
  const path: string[] = [];
  const seen: (Set<string> | undefined)[] = [];
  let pending: string | undefined;
  let found: DuplicateKey | undefined;
  // Every container pushes one step: its property name, or '#' for the root and array elements.
  const begin = (object: boolean): void => {
    path.push(pending ?? '#');
    pending = undefined;
    seen.push(object && TABLES.includes(path.slice(1).join('.')) ? new Set() : undefined);
  };
  (jsonc ??= require('./jsoncVisit') as typeof JsoncVisit).visit(text, {
    onObjectBegin: () => begin(true),
    onObjectEnd: () => {
      seen.pop();
      path.pop();
    },
    onArrayBegin: () => begin(false),
    onArrayEnd: () => {
      seen.pop();
      path.pop();
    },
    onObjectProperty: (property, _offset, _length, startLine) => {
      const keys = seen[seen.length - 1];
      if (keys && !found) {
        if (keys.has(property)) found = { table: path.slice(1).join('.'), key: property, line: startLine + 1 };
        keys.add(property);
      }
      pending = property;
    },
    onLiteralValue: () => {
      pending = undefined;
    },
  });
  return found;
}
