/**
 * A tolerant JSON walker: the event sequence of `jsonc-parser`'s `visit` with its default options
 * (comments allowed, a trailing comma skipped as an error, the same error recovery), without
 * building a value for every token and without recursion.
 *
 * Why not `visit`: it unescapes every string, builds a string per whitespace run, calls back
 * through closures per token and recurses per nesting level (a few thousand levels overflow the
 * stack). Here strings are skipped with the engine's native `indexOf('"')` and materialized only
 * by the visitor that wants them, whitespace is skipped in place, and the parser is one loop over
 * tokens with a state and a stack of array/object flags, so any depth works and everything before
 * a cut is visited.
 *
 * Decisions (all as `visit` does, so that recognition does not change):
 * - Only space and tab are whitespace; CR and LF end lines; any other run of characters that is
 *   not a token (`NaN`, `undefined`, a lone `-` or `/`, a BOM) is skipped like trivia.
 * - A string ends at its closing quote, at a line break (the break is not part of it) or at the
 *   end of the text; `\` escapes the next character whatever it is.
 * - Numbers: `-`? then `0` or digits, `.digits`, `e±digits`; `0123` is `0` then `123`; the token
 *   spans a dangling `e` but its value does not.
 * - Errors: a missing colon or property name skips to the next `,` or `}` of any level; a
 *   missing value in an array skips to the next `,` or `]`. Only the first top-level value is read.
 */
import type { LineIndex } from '../../text/lineIndex';

export interface JsonVisitor {
  /** `{` at `offset`. */
  objectBegin(offset: number): void;
  /** The object closed by `}` at `offset`, or by the end of the text (`offset` is then its length). */
  objectEnd(offset: number): void;
  arrayBegin(offset: number): void;
  arrayEnd(offset: number): void;
  /**
   * A property name; the token is `text[start, end)` with its quotes. `value` is given when the
   * name is not simply the characters between the quotes (escapes, a string cut by a line break).
   */
  property(start: number, end: number, value: string | undefined): void;
  /** A string value; same conventions as `property`. */
  string(start: number, end: number, value: string | undefined): void;
  /** A number: the token is `text[start, end)`, its value `Number(text.slice(start, valueEnd))`. */
  number(start: number, end: number, valueEnd: number): void;
  keyword(start: number, end: number, value: boolean | null): void;
}

const enum Tok { OpenBrace, CloseBrace, OpenBracket, CloseBracket, Colon, Comma, String, Number, Keyword, EOF }

/**
 * Where the parser is. `Obj` and `Arr` are the heads of `visit`'s object and array loops (after a
 * comma they behave the same); `SkipObj`/`SkipArr` its error recovery, which stops at (and keeps)
 * a `,`, the closing bracket of its kind or the end.
 */
const enum State { Root, Obj, AfterKey, Value, Arr, SkipObj, SkipArr }

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Characters that end an unknown word (`visit`'s `isUnknownContentCharacter` is false for them). */
function endsWord(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 125 || c === 93 || c === 123 || c === 91 || c === 34 || c === 58 || c === 44 || c === 47;
}

/**
 * The walk, resumable: `walk(until)` reads the tokens that start before `until` and stops there;
 * the next call goes on from that token. A host reads a large document in slices with a pause in
 * between, and the visitor sees the events of one walk of the whole text.
 */
export class JsonWalker {
  private readonly len: number;
  // Where the fast string path must stop looking: the next backslash, and the start of the line
  // after the one being read (the line index knows where lines start).
  private nextBackslash: number;
  private readonly lineCount: number;
  private line = 0;
  private nextLineStart: number;
  /** Whether each open container is an array. */
  private readonly open: boolean[] = [];
  private state = State.Root;
  private pos = 0;
  private finished = false;

  constructor(private readonly text: string, private readonly lines: LineIndex, private readonly v: JsonVisitor) {
    this.len = text.length;
    const backslash = text.indexOf('\\');
    this.nextBackslash = backslash < 0 ? this.len : backslash;
    this.lineCount = lines.lineCount;
    this.nextLineStart = this.lineCount > 1 ? lines.lineStart(1) : this.len + 2;
  }

  /** Whether the walk is over (the first top-level value was read, or the text ended). */
  get done(): boolean {
    return this.finished;
  }

  /** Walks the tokens that start before `until` (Infinity: to the end). */
  walk(until: number): void {
    if (this.finished) return;
    const { text, lines, v, len, lineCount, open } = this;
    let { nextBackslash, line, nextLineStart, state, pos } = this;
    let tok = Tok.EOF as Tok;
    let tokStart = 0;
    let tokValue: string | undefined; // strings: set when not the plain characters between the quotes
    let numValueEnd = 0;
    let keywordValue: boolean | null = null;
    /** Whether the current token is looked at again in the new state (error recovery stops on it). */
    let again = false;

    finishing: {
      walking: for (;;) {
        if (again) again = false;
        else {
          // A slice ends between tokens (the state then says all there is to resume from).
          if (pos >= until) break walking;
          // The next token; trivia (whitespace, line breaks, comments, unknown words) is skipped.
          for (;;) {
            let c = text.charCodeAt(pos);
            while (c === 32 || c === 10 || c === 9 || c === 13) c = text.charCodeAt(++pos);
            tokStart = pos;
            if (pos >= len) {
              tokStart = len;
              tok = Tok.EOF;
              break;
            }
            if (c === 34) {
              const from = pos + 1;
              const close = text.indexOf('"', from);
              if (close >= 0 && close < nextBackslash) {
                while (nextLineStart <= from) nextLineStart = ++line + 1 < lineCount ? lines.lineStart(line + 1) : len + 2;
                // Every character from a line's content end to the next line's start is a line break,
                // so a quote before the next line's start lies on this line, with no break before it.
                if (close < nextLineStart) {
                  pos = close + 1;
                  tokValue = undefined;
                  tok = Tok.String;
                  break;
                }
              }
              const scanned = scanString(text, from);
              pos = scanned.end;
              tokValue = scanned.value;
              if (nextBackslash < pos) {
                nextBackslash = text.indexOf('\\', pos);
                if (nextBackslash < 0) nextBackslash = len;
              }
              tok = Tok.String;
              break;
            }
            if (c === 123) { pos++; tok = Tok.OpenBrace; break; }
            if (c === 125) { pos++; tok = Tok.CloseBrace; break; }
            if (c === 44) { pos++; tok = Tok.Comma; break; }
            if (c === 58) { pos++; tok = Tok.Colon; break; }
            if (c === 91) { pos++; tok = Tok.OpenBracket; break; }
            if (c === 93) { pos++; tok = Tok.CloseBracket; break; }
            if (isDigit(c) || (c === 45 && isDigit(text.charCodeAt(pos + 1)))) {
              pos = scanNumber(text, c === 45 ? pos + 1 : pos);
              numValueEnd = lastNumberValueEnd;
              tok = Tok.Number;
              break;
            }
            if (c === 47) {
              const c2 = text.charCodeAt(pos + 1);
              if (c2 === 47) {
                pos += 2;
                while (pos < len && (c = text.charCodeAt(pos)) !== 10 && c !== 13) pos++;
              } else if (c2 === 42) {
                const close = text.indexOf('*/', pos + 2);
                pos = close < 0 ? Math.max(len, pos + 3) : close + 2;
              } else {
                pos++; // a lone slash
              }
              continue;
            }
            if (c === 45) {
              pos++; // a lone minus
              continue;
            }
            // A word: `true`, `false`, `null`, or an unknown symbol skipped like trivia.
            pos++;
            while (pos < len && !endsWord(text.charCodeAt(pos))) pos++;
            const n = pos - tokStart;
            if (n === 4 && text.startsWith('true', tokStart)) keywordValue = true;
            else if (n === 4 && text.startsWith('null', tokStart)) keywordValue = null;
            else if (n === 5 && text.startsWith('false', tokStart)) keywordValue = false;
            else continue;
            tok = Tok.Keyword;
            break;
          }
        }

        switch (state) {
          case State.Obj:
            if (tok === Tok.String) {
              v.property(tokStart, pos, tokValue);
              state = State.AfterKey;
              continue;
            }
            if (tok === Tok.Comma) continue;
            if (tok !== Tok.CloseBrace && tok !== Tok.EOF) {
              state = State.SkipObj;
              continue;
            }
            v.objectEnd(tokStart);
            break; // closed: see below
          case State.AfterKey:
            if (tok === Tok.Colon) state = State.Value;
            else {
              state = State.SkipObj;
              again = true;
            }
            continue;
          case State.Root:
          case State.Value:
          case State.Arr:
            if (tok === Tok.OpenBrace || tok === Tok.OpenBracket) {
              const array = tok === Tok.OpenBracket;
              if (array) v.arrayBegin(tokStart);
              else v.objectBegin(tokStart);
              open.push(array);
              state = array ? State.Arr : State.Obj;
              continue;
            }
            if (tok === Tok.String || tok === Tok.Number || tok === Tok.Keyword) {
              if (tok === Tok.String) v.string(tokStart, pos, tokValue);
              else if (tok === Tok.Number) v.number(tokStart, pos, numValueEnd);
              else v.keyword(tokStart, pos, keywordValue);
              if (state === State.Root) break finishing; // only the first top-level value is read
              if (state === State.Value) state = State.Obj;
              continue;
            }
            if (state === State.Root) break finishing;
            if (state === State.Value) {
              state = State.SkipObj;
              again = true;
              continue;
            }
            if (tok === Tok.Comma) continue;
            if (tok !== Tok.CloseBracket && tok !== Tok.EOF) {
              state = State.SkipArr;
              continue;
            }
            v.arrayEnd(tokStart);
            break; // closed: see below
          case State.SkipObj:
            if (tok === Tok.CloseBrace || tok === Tok.Comma || tok === Tok.EOF) {
              state = State.Obj;
              again = true;
            }
            continue;
          case State.SkipArr:
            if (tok === Tok.CloseBracket || tok === Tok.Comma || tok === Tok.EOF) {
              state = State.Arr;
              again = true;
            }
            continue;
        }
        // The container on top was closed by its bracket (consumed) or by the end (seen again by its parent).
        open.pop();
        if (!open.length) break finishing;
        state = open[open.length - 1] ? State.Arr : State.Obj;
        if (tok === Tok.EOF) again = true;
      }
      // The slice ended between tokens: the walk goes on from here.
      this.nextBackslash = nextBackslash;
      this.line = line;
      this.nextLineStart = nextLineStart;
      this.state = state;
      this.pos = pos;
      return;
    }
    this.finished = true;
  }
}

/** Where the last `scanNumber` value ends (a dangling exponent belongs to the token, not the value). */
let lastNumberValueEnd = 0;

/** `visit`'s number scanner from the first digit at `pos`: the end of the token. */
function scanNumber(text: string, pos: number): number {
  const len = text.length;
  if (text.charCodeAt(pos) === 48) pos++;
  else {
    pos++;
    while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
  }
  if (pos < len && text.charCodeAt(pos) === 46) {
    pos++;
    if (pos < len && isDigit(text.charCodeAt(pos))) {
      pos++;
      while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
    } else {
      lastNumberValueEnd = pos;
      return pos;
    }
  }
  lastNumberValueEnd = pos;
  const e = text.charCodeAt(pos);
  if (pos < len && (e === 69 || e === 101)) {
    pos++;
    const s = text.charCodeAt(pos);
    if ((pos < len && s === 43) || s === 45) pos++;
    if (pos < len && isDigit(text.charCodeAt(pos))) {
      pos++;
      while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
      lastNumberValueEnd = pos;
    }
  }
  return pos;
}

/**
 * `visit`'s string scanner, character by character, from after the opening quote: escapes are
 * decoded, a line break (left out) or the end of the text cuts the string.
 */
function scanString(text: string, from: number): { end: number; value: string } {
  const len = text.length;
  let result = '';
  let start = from;
  let pos = from;
  for (;;) {
    if (pos >= len) {
      result += text.substring(start, pos);
      break;
    }
    const ch = text.charCodeAt(pos);
    if (ch === 34) {
      result += text.substring(start, pos);
      pos++;
      break;
    }
    if (ch === 92) {
      result += text.substring(start, pos);
      pos++;
      if (pos >= len) break;
      const ch2 = text.charCodeAt(pos++);
      switch (ch2) {
        case 34: result += '"'; break;
        case 92: result += '\\'; break;
        case 47: result += '/'; break;
        case 98: result += '\b'; break;
        case 102: result += '\f'; break;
        case 110: result += '\n'; break;
        case 114: result += '\r'; break;
        case 116: result += '\t'; break;
        case 117: {
          const u = hex4(text, pos);
          if (u >= 0) {
            result += String.fromCharCode(u);
            pos += 4;
          } else {
            while (pos < len && isHex(text.charCodeAt(pos))) pos++; // `visit` consumes the digits it read
          }
          break;
        }
        default: break; // an invalid escape: dropped
      }
      start = pos;
      continue;
    }
    if (ch === 10 || ch === 13) {
      result += text.substring(start, pos);
      break;
    }
    pos++;
  }
  return { end: pos, value: result };
}

function hex4(text: string, at: number): number {
  let value = 0;
  for (let k = 0; k < 4; k++) {
    const c = text.charCodeAt(at + k);
    if (c >= 48 && c <= 57) value = value * 16 + c - 48;
    else if (c >= 65 && c <= 70) value = value * 16 + c - 55;
    else if (c >= 97 && c <= 102) value = value * 16 + c - 87;
    else return -1;
  }
  return value;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
