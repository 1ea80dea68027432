/**
 * Occurrences that make their ranges when first read: a code alone in its CSV cell or X12
 * component (nearly every line of a charge master or a claim file), and an X12 modifier. A large
 * file holds tens of thousands of them for as long as it is open.
 *
 * Each keeps what makes it (its line, its character, the shared strings of its spelling, its line's
 * facts) and makes its `Range` object only when something asks for it: a rule that reports it, a
 * hover, an edit that moves it. Memory that is kept is what a large check pays for (the collector
 * copies it, and fresh pages fault), so a check of a 100,000-row file keeps about half as much.
 *
 * They behave as plain occurrences: the range given is the same object on every read, may be moved
 * in place or replaced, and `toJSON` gives the plain members.
 */
import type { CodeOccurrence, CodeSystem, Confidence, LineFacts, ModifierOccurrence, Range } from '../model';
import { After, movePosition } from '../text/movePosition';

/** The code as written, as normalized, and its system (shared by every occurrence of a spelling). */
export interface CodeSpelling {
  readonly text: string;
  readonly code: string;
  readonly system: CodeSystem;
}

/** The modifiers of an occurrence that has none: one array for all, never written to. */
export const NO_MODIFIERS: ModifierOccurrence[] = Object.freeze([]) as unknown as ModifierOccurrence[];

export class LoneCodeOccurrence implements CodeOccurrence {
  // Set on the prototype below, and on the object only when it has its own (a modifier column,
  // an X12 composite's modifiers, a range read): four or five members per object until then.
  declare modifiers: ModifierOccurrence[];
  private declare placed: Range | undefined;

  constructor(
    private line: number,
    private character: number,
    private readonly written: CodeSpelling,
    public facts: LineFacts,
    modifiers?: ModifierOccurrence[],
  ) {
    if (modifiers) this.modifiers = modifiers;
  }

  get range(): Range {
    return (this.placed ??= { startLine: this.line, startCharacter: this.character, endLine: this.line, endCharacter: this.character + this.written.text.length });
  }

  set range(range: Range) {
    this.placed = range;
  }

  /** Where it starts, without making its range (hover reads it for every code of a large file). */
  get startLine(): number {
    return this.placed ? this.placed.startLine : this.line;
  }

  get startCharacter(): number {
    return this.placed ? this.placed.startCharacter : this.character;
  }

  /** Moves it by `delta` lines (an edit above it added or removed lines). */
  moveLines(delta: number): void {
    const placed = this.placed;
    if (placed) {
      placed.startLine += delta;
      placed.endLine += delta;
    } else this.line += delta;
  }

  /** Moves it as `movePosition` moves a range (an edit before it on its line moves it along). */
  moveAlong(after: After): void {
    const placed = this.placed;
    if (placed) movePosition(placed, after);
    else if (this.line > after.line) this.line += after.lineDelta;
    else if (this.line === after.line && this.character >= after.character) {
      this.line += after.lineDelta;
      this.character += after.characterDelta;
    } else if (this.line === after.line && this.character + this.written.text.length >= after.character) movePosition(this.range, after); // cut by it
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

/**
 * A two-character modifier on one line, its range made when first read. Its members that place and
 * move it repeat LoneCodeOccurrence's: a base class for both made reading a 100,000-row charge
 * master 4% slower (the derived constructor, once per code), so each class keeps its own.
 */
export class LoneModifier implements ModifierOccurrence {
  private declare placed: Range | undefined;

  constructor(readonly code: string, private line: number, private character: number) {}

  get range(): Range {
    return (this.placed ??= { startLine: this.line, startCharacter: this.character, endLine: this.line, endCharacter: this.character + 2 });
  }

  set range(range: Range) {
    this.placed = range;
  }

  /** Where it starts and ends (on its line), without making its range. */
  get startLine(): number {
    return this.placed ? this.placed.startLine : this.line;
  }

  get startCharacter(): number {
    return this.placed ? this.placed.startCharacter : this.character;
  }

  get endLine(): number {
    return this.placed ? this.placed.endLine : this.line;
  }

  get endCharacter(): number {
    return this.placed ? this.placed.endCharacter : this.character + 2;
  }

  /** Moves it as `movePosition` moves a range. */
  moveAlong(after: After): void {
    const placed = this.placed;
    if (placed) movePosition(placed, after);
    else if (this.line > after.line) this.line += after.lineDelta;
    else if (this.line === after.line && this.character >= after.character) {
      this.line += after.lineDelta;
      this.character += after.characterDelta;
    } else if (this.line === after.line && this.character + 2 >= after.character) movePosition(this.range, after); // cut by it
  }

  toJSON(): ModifierOccurrence {
    return { code: this.code, range: this.range };
  }
}

(LoneModifier.prototype as unknown as { placed: undefined }).placed = undefined;

