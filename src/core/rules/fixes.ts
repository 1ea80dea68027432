/** Edits rules propose, computed from the document text so separators stay consistent. */
import type { CodeOccurrence, FindingFix, ModifierOccurrence, Range } from '../model';
import type { RuleContext } from './types';

/** Removes a modifier with its separator: `64866-22` -> `64866`, `HC:64866:22:51` -> `HC:64866:51`, `50|62` -> `62`. */
export function removeModifier(m: ModifierOccurrence, context: RuleContext, title = `Remove modifier ${m.code}`): FindingFix | undefined {
  const { text, lines } = context;
  if (!text || !lines || m.range.startLine !== m.range.endLine) return undefined;
  let start = lines.offset(m.range.startLine, m.range.startCharacter);
  let end = lines.offset(m.range.endLine, m.range.endCharacter);
  const before = text[start - 1];
  const after = text[end];
  if (before === '-' || before === ':' || before === '>' || before === ' ' || before === '^') start--;
  else if (after === '|') end++;
  else if (before === '|') start--;
  return { title, range: lines.range(start, end), newText: '' };
}

export function replaceCode(o: CodeOccurrence, by: string): FindingFix {
  return { title: `Replace ${o.code} with ${by}`, range: o.range, newText: by, safeForAll: false };
}

export function replaceRange(range: Range, newText: string, title: string): FindingFix {
  return { title, range, newText };
}
