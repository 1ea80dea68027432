/**
 * The occurrence of a code that fills its CSV cell alone: nearly every row of a charge master or
 * fee schedule, so a large file holds tens of thousands of them for as long as it is open.
 *
 * It keeps what makes it (its line, its character, the shared strings of its spelling, its row's
 * facts) and makes its `Range` object only when something asks for it: a rule that reports it, a
 * hover, an edit that moves it. A check of a 100,000-row file then keeps about half the memory, and
 * memory that is kept is what a large check pays for (the collector copies it, twice).
 *
 * It behaves as a plain `CodeOccurrence`: the range it gives is the same object on every read, may
 * be moved in place (row edits do), and may be replaced.
 */
import type { CodeOccurrence, CodeSystem, Confidence, LineFacts, ModifierOccurrence, Range } from '../../model';
import type { WrittenCode } from './codeStrings';

/** The modifiers of an occurrence that has none: one array for all, never written to. */
export const NO_MODIFIERS: ModifierOccurrence[] = Object.freeze([]) as unknown as ModifierOccurrence[];

export class LoneCodeOccurrence implements CodeOccurrence {
  // Set on the prototype below, and on the object only when changed (a modifier column, a range
  // read): four members per object until then.
  declare modifiers: ModifierOccurrence[];
  private declare placed: Range | undefined;

  constructor(
    private line: number,
    private readonly character: number,
    private readonly written: WrittenCode,
    public facts: LineFacts,
  ) {}

  get range(): Range {
    return (this.placed ??= { startLine: this.line, startCharacter: this.character, endLine: this.line, endCharacter: this.character + this.written.text.length });
  }

  set range(range: Range) {
    this.placed = range;
  }

  /** Moves it by `delta` lines (an edit above it added or removed lines). */
  moveLines(delta: number): void {
    const placed = this.placed;
    if (placed) {
      placed.startLine += delta;
      placed.endLine += delta;
    } else this.line += delta;
  }

  get code(): string {
    return this.written.code;
  }

  get text(): string {
    return this.written.text;
  }

  get system(): CodeSystem {
    return this.written.system;
  }

  get confidence(): Confidence {
    return 'context';
  }

  /** Own enumerable members, as a plain occurrence has them (JSON, spreads, deep comparisons in tests). */
  toJSON(): CodeOccurrence {
    return { range: this.range, code: this.code, text: this.text, system: this.system, confidence: this.confidence, modifiers: this.modifiers, facts: this.facts };
  }
}

LoneCodeOccurrence.prototype.modifiers = NO_MODIFIERS;
(LoneCodeOccurrence.prototype as unknown as { placed: undefined }).placed = undefined;
