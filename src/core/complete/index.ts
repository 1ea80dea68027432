/**
 * Completion, host-independent: `completionContext(text, offset, options)` says what is being
 * typed at the cursor (a code, words for a code, a modifier, a place of service) and what text an
 * accepted item replaces; `completionItems(engine, context)` returns the ranked items.
 */
export { completionContext, DEFAULT_WORD_PREFIX } from './context';
export type { CompletionOptions } from './context';
export { completionItems, rankByWords } from './items';
export type { ItemOptions, ItemStats } from './items';
export type { CompletionContext, CompletionEntry, CompletionMarker, CompletionResult, CompletionWhat, CsvCellFacts, OffsetRange, QueryMode } from './types';
