/**
 * What the modifier rules remember during one check: whether the catalog knows a modifier, and the
 * texts of their findings, one string per distinct code and modifier. A claim file repeats the same
 * few codes and modifiers thousands of times; a fresh message per finding was most of the garbage
 * the modifier rules left.
 */
import type { Catalog } from '../catalog/catalog';

/** Texts made from two strings (a code and a modifier), each made once. */
export class PairTexts {
  private readonly byFirst = new Map<string, Map<string, string>>();
  private lastFirst = '';
  private last: Map<string, string> | undefined;

  /** `make(a, b, extra)`, made on the first call with `a` and `b` (`extra` must follow from them). */
  get<T>(a: string, b: string, make: (a: string, b: string, extra: T) => string, extra: T): string {
    let byB = this.last;
    if (!byB || a !== this.lastFirst) {
      byB = this.byFirst.get(a);
      if (!byB) this.byFirst.set(a, (byB = new Map()));
      this.lastFirst = a;
      this.last = byB;
    }
    let text = byB.get(b);
    if (text === undefined) byB.set(b, (text = make(a, b, extra)));
    return text;
  }
}

export class ModifierMemo {
  private readonly known = new Map<string, boolean>();
  /** Per rule, texts by code and modifier ('' where a rule finds nothing). */
  readonly unknownMessages = new PairTexts();
  readonly duplicateMessages = new PairTexts();
  readonly notAllowedMessages = new PairTexts();
  /** Fix titles by prefix and modifier. */
  readonly titles = new PairTexts();

  constructor(private readonly catalog: Catalog) {}

  /** `catalog.modifier(code) !== undefined`. */
  isKnown(code: string): boolean {
    let known = this.known.get(code);
    if (known === undefined) this.known.set(code, (known = this.catalog.modifier(code) !== undefined));
    return known;
  }
}
