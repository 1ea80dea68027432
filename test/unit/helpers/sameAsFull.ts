/** What a check session's tests compare: after any edit, the session's result equals a full check of its text. */
import { strict as assert } from 'assert';
import type { Engine } from '../../../src/core/engine';
import { CheckSession, EditOutcome, TextEdit } from '../../../src/core/session';
import { occurrenceAt } from '../../../src/core/occurrenceAt';
import type { CodeOccurrence, Finding } from '../../../src/core/model';

export const occ = (o: CodeOccurrence) => `${o.range.startLine}:${o.range.startCharacter}-${o.range.endLine}:${o.range.endCharacter} ${o.code}${o.modifiers.map((m) => `-${m.code}@${m.range.startLine}:${m.range.startCharacter}`).join('')} ${JSON.stringify(o.facts)}`;
export const fin = (f: Finding) => `${f.range.startLine}:${f.range.startCharacter}-${f.range.endLine}:${f.range.endCharacter} ${f.rule} ${f.message} ${JSON.stringify(f.related ?? [])} ${JSON.stringify(f.fixes ?? [])}`;

/** The session's occurrences, findings and what hover finds at every part equal those of a full check. */
export function assertSameAsFull(engine: Engine, session: CheckSession, label: string, fileName: string): void {
  const full = new CheckSession(engine, session.text, { fileName });
  assert.deepEqual(session.occurrences.map(occ), full.occurrences.map(occ), `${label}: occurrences`);
  assert.deepEqual(session.findings.map(fin), full.findings.map(fin), `${label}: findings`);
  // Hover reads the same list, changed in place by row edits: what it finds must not be stale.
  const at = (list: readonly CodeOccurrence[], line: number, character: number) => {
    const hit = occurrenceAt(list, line, character);
    return hit && `${hit.kind} ${hit.occurrence.code} ${hit.range.startLine}:${hit.range.startCharacter}`;
  };
  for (const o of full.occurrences) {
    for (const r of [o.range, ...o.modifiers.map((m) => m.range), ...(o.facts.placeOfServiceRange ? [o.facts.placeOfServiceRange] : [])]) {
      assert.equal(at(session.occurrences, r.startLine, r.startCharacter), at(full.occurrences, r.startLine, r.startCharacter), `${label}: hover at ${r.startLine}:${r.startCharacter}`);
    }
  }
}

/** A seeded generator of numbers in [0, 1): random edits that a failure names can be replayed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Applies `edit`: how the session took it, and whether it kept every occurrence object (it read nothing again). */
export function editKeeping(session: CheckSession, edit: TextEdit): { outcome: EditOutcome; keptAll: boolean } {
  const before = [...session.occurrences];
  const outcome = session.edit(edit);
  return { outcome, keptAll: session.occurrences.length === before.length && session.occurrences.every((o, i) => o === before[i]) };
}

/** `edit` stays in the session, reads nothing again (every occurrence object kept), and leaves what a full check gives. */
export function assertReadsNothing(engine: Engine, session: CheckSession, label: string, edit: TextEdit, fileName: string): void {
  const { outcome, keptAll } = editKeeping(session, edit);
  assert.equal(outcome, 'rows', label);
  assert.ok(keptAll, `${label}: nothing read again`);
  assertSameAsFull(engine, session, label, fileName);
}
