/**
 * `completionItems`: the items offered for a completion context, ranked and capped.
 *
 * - Code prefixes read the sorted code list (binary search, `SearchIndex.prefix`): code order.
 * - Words read the inverted index (`SearchIndex.search`: any word order, unfinished last word,
 *   small typos), then rank what it found: codes in force before deleted ones, codes whose
 *   descriptor has the numbers typed (`1 mg`), then those whose descriptor (not only the summary
 *   or the plain-language text) has the words, then the index's own score.
 * - Modifiers: those the code's PFS indicators allow, then its common modifiers, then those no
 *   indicator governs, then terminated ones; those the indicators forbid come last, marked.
 * - Places of service: the CMS codes starting with the typed digits, or whose name has the typed words.
 */
import type { Engine } from '../engine';
import type { CodeRecord } from '../model';
import { inpatientStatus } from '../catalog/inpatient';
import { words } from '../catalog/search';
import { modifierVerdict } from '../codes/pfsMeaning';
import { systemLabel } from '../codes/shapes';
import type { CompletionContext, CompletionEntry, CompletionResult } from './types';

export interface ItemOptions {
  /** Most items returned for a code query (default 100 for prefixes, 50 for words). */
  limit?: number;
  /** Filled with counts of the work done (tests measure a request by counting, not timing). */
  stats?: ItemStats;
}

export interface ItemStats {
  /** Codes the index returned before ranking. */
  candidates: number;
  /** Records read to build or rank items. */
  records: number;
}

const WORD_CANDIDATES = 200;

export function completionItems(engine: Engine, context: CompletionContext, options: ItemOptions = {}): CompletionResult {
  switch (context.what) {
    case 'code': return codeItems(engine, context, options);
    case 'modifier': return modifierItems(engine, context, options);
    case 'pos': return posItems(engine, context);
  }
}

const pad = (n: number): string => String(n).padStart(4, '0');

/** The text before the typed query in the edit (a trigger prefix, an opening quote) and after it. */
function around(context: CompletionContext): { lead: string; tail: string } {
  const upper = context.before.toUpperCase();
  const at = context.typed ? upper.lastIndexOf(context.typed.toUpperCase()) : context.before.length;
  return at < 0 ? { lead: '', tail: '' } : { lead: context.before.slice(0, at), tail: context.before.slice(at + context.typed.length) };
}

function insert(context: CompletionContext, value: string): string {
  return context.wrap ? `${context.wrap.before}${value}${context.wrap.after}` : value;
}

function codeItems(engine: Engine, context: CompletionContext, options: ItemOptions): CompletionResult {
  const stats = options.stats;
  if (context.mode === 'prefix') {
    const limit = options.limit ?? 100;
    const codes = engine.search.prefix(context.typed, limit + 1);
    if (stats) stats.candidates += codes.length;
    const { lead, tail } = around(context);
    const lower = context.typed === context.typed.toLowerCase() && context.typed !== context.typed.toUpperCase();
    const items = codes.slice(0, limit).map((code, i) => codeEntry(engine, context, code, i, `${lead}${lower ? code.toLowerCase() : code}${tail}`, stats));
    return { items, incomplete: codes.length > limit };
  }
  if (context.mode !== 'words') return { items: [], incomplete: true };
  const limit = options.limit ?? 50;
  const hits = engine.search.search(context.typed, WORD_CANDIDATES);
  if (stats) stats.candidates += hits.length;
  const ranked = rankByWords(engine, context.typed, hits.map((h) => h.code), stats);
  // Word queries are re-asked on every keystroke: the editor filters by the typed text itself.
  return { items: ranked.slice(0, limit).map((code, i) => codeEntry(engine, context, code, i, context.before, stats)), incomplete: true };
}

function inForce(record: CodeRecord, today: string): boolean {
  if (record.status === 'deleted') return false;
  if (record.terminationDate && record.terminationDate < today) return false;
  return true;
}

/** Codes found by words, best first (see the file comment). */
export function rankByWords(engine: Engine, typed: string, codes: string[], stats?: ItemStats): string[] {
  const today = engine.today();
  const terms = words(typed);
  const last = terms[terms.length - 1];
  // Numbers count whole: `1 mg` is not `0.1 mg`.
  const numbers = typed.toLowerCase().split(/[^a-z0-9.]+/).map(trimDots).filter((t) => t && isNumber(t));
  const scored = codes.map((code, rank) => {
    const record = engine.record(code);
    if (stats) stats.records++;
    if (!record) return { code, rank, active: 0, numbers: 0, coverage: 0 };
    const tokens = `${record.longDescriptor ?? ''} ${record.shortDescriptor ?? ''}`.toLowerCase().split(/[^a-z0-9.]+/);
    let numberHits = 0;
    for (const n of numbers) if (tokens.includes(n) || tokens.includes(`${n}.`)) numberHits++;
    let coverage = 0;
    for (const term of terms) {
      if (tokens.includes(term) || tokens.includes(`${term}.`)) coverage += 1;
      else if (term === last && tokens.some((t) => t.startsWith(term))) coverage += 0.8;
    }
    return { code, rank, active: inForce(record, today) ? 1 : 0, numbers: numberHits, coverage };
  });
  scored.sort((a, b) => b.active - a.active || b.numbers - a.numbers || b.coverage - a.coverage || a.rank - b.rank);
  return scored.map((s) => s.code);
}

const isNumber = (t: string): boolean => /^\d+(\.\d+)?$/.test(t);
const trimDots = (t: string): string => t.replace(/^\.+|\.+$/g, '');

function codeEntry(engine: Engine, context: CompletionContext, code: string, index: number, filterText: string, stats?: ItemStats): CompletionEntry {
  const record = engine.record(code);
  if (stats) stats.records++;
  const today = engine.today();
  const ipo = record ? inpatientStatus(record, today, engine.catalog.quarters())?.inpatientOnly : undefined;
  const text = record?.shortDescriptor ?? record?.longDescriptor;
  const description = text ?? record?.subsection ?? record?.section ?? '';
  const deleted = record !== undefined && !inForce(record, today);
  const notes: string[] = [];
  if (deleted) notes.push(`deleted${record.terminationDate ? ` ${record.terminationDate}` : ''}`);
  if (ipo) notes.push('inpatient only (CMS)');
  const long = record?.longDescriptor ?? record?.shortDescriptor ?? (record ? `${systemLabel(record.system)}: no descriptor in the loaded data` : undefined);
  return {
    what: 'code',
    label: code,
    description: deleted ? `${description} (deleted)` : description,
    detail: [long, ...notes].filter(Boolean).join(' · ') || undefined,
    insertText: insert(context, code),
    filterText,
    range: context.range,
    sortText: pad(index),
    marker: ipo ? 'inpatient-only' : undefined,
    documentationCode: code,
  };
}

function modifierItems(engine: Engine, context: CompletionContext, options: ItemOptions): CompletionResult {
  const record = context.code ? engine.record(context.code) : undefined;
  if (options.stats && record) options.stats.records++;
  const today = engine.today();
  const typed = context.typed.toUpperCase();
  const written = new Set(context.written ?? []);
  const { lead, tail } = around(context);
  const common = new Set(record?.commonModifiers ?? []);
  const ranked = engine.catalog.modifiers()
    .filter((m) => m.code.startsWith(typed) && !written.has(m.code))
    .map((m) => {
      const verdict = modifierVerdict(m.code, record?.pfs);
      const terminated = m.terminationDate !== undefined && m.terminationDate < today;
      const group = verdict.allowed === false ? 4 : verdict.allowed === true ? 0 : common.has(m.code) ? 1 : terminated ? 3 : 2;
      return { m, verdict, group, terminated };
    })
    .sort((a, b) => a.group - b.group || (a.m.code < b.m.code ? -1 : a.m.code > b.m.code ? 1 : 0));
  const on = context.code;
  const items = ranked.map(({ m, verdict, terminated }, i): CompletionEntry => {
    const why = verdict.reason && on ? `${verdict.allowed ? 'Allowed' : 'Not allowed'} on ${on}: ${verdict.reason}` : undefined;
    return {
      what: 'modifier',
      label: m.code,
      description: `${verdict.allowed === false ? 'not allowed · ' : ''}${m.name}${terminated ? ` (terminated ${m.terminationDate})` : ''}`,
      detail: [why, m.kind === 'CPT' ? 'CPT modifier' : 'HCPCS Level II modifier'].filter(Boolean).join(' · '),
      insertText: insert(context, m.code),
      filterText: `${lead}${m.code}${tail}`,
      range: context.range,
      sortText: pad(i),
      marker: verdict.allowed === false ? 'not-allowed' : undefined,
      modifierOn: on,
    };
  });
  return { items, incomplete: false };
}

function posItems(engine: Engine, context: CompletionContext): CompletionResult {
  const typed = context.typed.trim().toLowerCase();
  const digits = /^\d*$/.test(typed);
  const { lead, tail } = around(context);
  const all = engine.catalog.placesOfService();
  const matches = digits
    ? [...all.filter((p) => p.code.startsWith(typed)), ...all.filter((p) => typed.length === 1 && typed !== '0' && p.code === `0${typed}`)]
    : all.filter((p) => p.name.toLowerCase().includes(typed));
  const items = matches.map((p, i): CompletionEntry => ({
    what: 'pos',
    label: p.code,
    description: p.name,
    detail: p.description,
    insertText: insert(context, p.code),
    filterText: digits ? `${lead}${p.code}${tail}` : context.before,
    range: context.range,
    sortText: pad(i),
    marker: undefined,
  }));
  return { items, incomplete: !digits };
}
