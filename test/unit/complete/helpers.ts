/** Helpers of the completion tests: a cursor written as `|`, edits applied, a synthetic licensed CPT pack. */
import type { Engine } from '../../../src/core/engine';
import { completionContext, completionItems, CompletionContext, CompletionEntry, CompletionOptions, CompletionResult } from '../../../src/core/complete';
import { PACK_FORMAT, PACK_SCHEMA_VERSION } from '../../../src/core/pack/types';
import type { DataPack, PackCode } from '../../../src/core/pack/types';
import { codeShape } from '../../../src/core/codes/shapes';

/** Text with the cursor written as `|` (or `‸` when the text itself holds `|`) -> the text and the offset. */
export function cursor(withBar: string): { text: string; offset: number } {
  const mark = withBar.includes('‸') ? '‸' : '|';
  const offset = withBar.indexOf(mark);
  if (offset < 0) throw new Error(`no cursor in ${withBar}`);
  return { text: withBar.slice(0, offset) + withBar.slice(offset + 1), offset };
}

export function contextAt(engine: Engine, withBar: string, options: Partial<CompletionOptions> = {}): CompletionContext | undefined {
  const { text, offset } = cursor(withBar);
  return completionContext(text, offset, { data: engine, ...options });
}

export function itemsAt(engine: Engine, withBar: string, options: Partial<CompletionOptions> = {}): CompletionResult & { context?: CompletionContext } {
  const context = contextAt(engine, withBar, options);
  if (!context) return { items: [], incomplete: false };
  return { ...completionItems(engine, context), context };
}

export const labels = (items: CompletionEntry[]): string[] => items.map((i) => i.label);

/** The text after accepting an item (what an editor does with its range and insert text). */
export function accept(withBar: string, item: CompletionEntry): string {
  const { text } = cursor(withBar);
  return text.slice(0, item.range.start) + item.insertText + text.slice(item.range.end);
}

/**
 * A stand-in for a user's licensed CPT file: about 11,000 CPT codes (the CPT-shaped codes of the
 * PFS indicators, then invented ones) with invented descriptors drawn from the HCPCS vocabulary.
 * Not AMA text. 64866 keeps the reference record's descriptor, a few invented codes share its words.
 */
export function syntheticLicensedPack(engine: Engine, size = 11_000): DataPack {
  const pool: string[] = [];
  for (const code of engine.catalog.describedCodes()) {
    const r = engine.record(code);
    for (const w of (r?.longDescriptor ?? '').toLowerCase().split(/[^a-z]+/)) if (w.length >= 4) pool.push(w);
    if (pool.length > 40_000) break;
  }
  let seed = 12345;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const codes: Record<string, PackCode> = {};
  const cpt = engine.catalog.codes().filter((c) => codeShape(c) === 'CPT-I' && /^\d{5}$/.test(c));
  for (let n = 10000; cpt.length < size && n <= 99999; n += 7) {
    const c = String(n);
    if (!engine.catalog.knows(c)) cpt.push(c);
  }
  for (const code of cpt.slice(0, size)) {
    const count = 4 + next(8);
    const ws: string[] = [];
    for (let i = 0; i < count; i++) ws.push(pool[next(pool.length)]);
    const long = ws.join(' ');
    codes[code] = { longDescriptor: `${long[0].toUpperCase()}${long.slice(1)}`, shortDescriptor: long.slice(0, 28) };
  }
  codes['64866'] = { longDescriptor: 'Anastomosis; facial-spinal accessory nerve', shortDescriptor: 'Anastomosis facial-spinal' };
  codes['64864'] = { longDescriptor: 'Invented test text: repair of a facial nerve, extracranial', shortDescriptor: 'Invented facial nerve repair' };
  codes['64868'] = { longDescriptor: 'Invented test text: anastomosis of a nerve in the neck', shortDescriptor: 'Invented nerve anastomosis' };
  return {
    format: PACK_FORMAT,
    schemaVersion: PACK_SCHEMA_VERSION,
    id: 'synthetic-licensed-cpt',
    title: 'Synthetic licensed CPT file (invented descriptors, tests only)',
    codeSetYear: 2026,
    source: { title: 'invented for tests', license: 'licensed' },
    codes,
  };
}
