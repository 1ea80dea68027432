/**
 * Which part of an X12 file an edit can change, for a check session that keeps the file's
 * occurrences across keystrokes (a full check of a 13 MB 837P per keystroke took 0.5-1.6 s until
 * its problems showed it in VS Code). Only edits whose reach is plain are answered; anything else
 * is left to a full check. The file has a segment per line, and:
 * - an edit inside one segment's elements (no terminator and no line break written or removed,
 *   the segment's id kept): in a segment the reader skips (NM1, REF, HI, N3...) it changes nothing
 *   the reader reads (`unread`); in a segment a claim is read from (CLM, LX, DTP, SV1, SV2, SV3,
 *   SVC), the claim's lines, from its CLM to the line before the next CLM or SE (past HL: a claim's
 *   facts last until the next CLM or SE for the reader), are read again from the transaction in
 *   force at that CLM;
 * - an edit that adds, removes or splits lines (a service line pasted or deleted): every line it
 *   touches, before and after, is a whole segment of those kinds, a CLM only on the first, and
 *   the claim around them is read again as above;
 * - ISA (the separators), GS, ST, SE and HL are structure: an edit inside one that leaves what the
 *   reader takes from it as it was (a control number, a count, a date; see `readAlike`) changes
 *   nothing it reads (`unread`); any other is a full check.
 * An edit of a line that holds several segments (a file written on one line, as X12 is sent, or
 * one wrapped at a width), one that types or removes terminators, or one that types or removes line
 * breaks where the lines are not whole segments (a one-line file broken after a terminator), is
 * answered by offsets instead (`ClaimSpan`): when it touches no structure segment, the segments it
 * touches are read again with their claims (nothing is, when the reader skips them all, or the
 * edit is inside one structure segment, or before it, and leaves its reading as it was), and what
 * follows moves with the span's end, along its line or onto another.
 */
import type { DocumentText } from './text/editedText';
import type { LineIndex } from './text/lineIndex';
import { GS_VERSION, KindChange, segmentRole, Separators, ST_VERSION, transactionOf, X12Kind, X12Start, x12Separators } from './recognize/x12';

/** What a session keeps of an X12 file for edits: its separators and where the transaction changed (lines and offsets, moved by the edits). */
export interface X12Layout {
  separators: Separators;
  kinds: KindChange[];
}

/**
 * The claim an edit changes: its lines `[first, last]` after the edit, `[first, lastBefore]` before
 * it (the edit added `lineDelta` lines), and how to read them.
 */
export interface ClaimWindow {
  first: number;
  last: number;
  lastBefore: number;
  lineDelta: number;
  start: X12Start;
}

/**
 * The claims around an edit by offsets (see `claimSpan`): `[start, endBefore)` before the edit, read
 * again from `copy`. For segments the reader skips it is those segments, and there is nothing to
 * read (`copy` empty).
 */
export interface ClaimSpan {
  /** Where the first claim's CLM starts (or the first skipped segment). */
  start: number;
  /** Where what follows starts, before the edit. */
  endBefore: number;
  /** The span after the edit, after a line break: the copy's line 1 is the document's line of `start`, from `start` on. */
  copy: string;
  /** The edit's change of length. */
  delta: number;
  /** How the copy is read: the file's separators and the transaction in force at the CLM. */
  from: X12Start;
}

export const isClaimSpan = (w: ClaimWindow | ClaimSpan): w is ClaimSpan => 'copy' in w;

/** Lines looked at before and after the edited one for its claim's bounds (a claim is a few dozen). */
const MAX_CLAIM_LINES = 4000;
/** A line longer than this holds several segments (the longest X12 segments, NTE and K3 text, are 80-some characters). */
const MAX_SEGMENT_LINE = 4096;
/** Characters looked at before and after an edit for its claim's bounds, on lines of several segments. */
const MAX_CLAIM_CHARS = 1 << 17;

/** `HL` apart from the other structure segments: it does not end the reader's claim. */
type LineRole = 'blank' | 'none' | 'claim' | 'structure' | 'HL' | 'CLM' | 'other';

/**
 * What `edit` (in offsets of `text`, whose lines are `lines`) changes in the file laid out as
 * `layout`: nothing the reader reads (`unread`), one claim by lines (`ClaimWindow`), claims by
 * offsets (`ClaimSpan`), or something a full check must find out (undefined).
 */
export function claimWindow(text: DocumentText, lines: LineIndex, edit: { start: number; oldEnd: number; text: string }, layout: X12Layout): ClaimWindow | ClaimSpan | 'unread' | undefined {
  const sep = layout.separators;
  // A file whose terminator is the line break: every edit of a line may join or split segments.
  // One whose separators are spaces (an ISA that lost its last characters reads them from what
  // follows it): segments cannot be told from the spaces between them.
  if (isSpaceOrBreak(sep.segment) || isSpaceOrBreak(sep.element)) return undefined;
  // The whole file is read with what its first segment says (that it is X12, its separators): an
  // edit that changes it is a full check, whatever the segments it touches are.
  if (!headKept(text, edit, sep)) return undefined;
  const terminator = String.fromCharCode(sep.segment);
  const removed = text.slice(edit.start, edit.oldEnd);
  // Line breaks typed or removed: whole segments on their lines, else by offsets (a file on one
  // line broken after a terminator, a wrapped file joined).
  if (hasLineBreak(edit.text) || hasLineBreak(removed)) return linesWindow(text, lines, edit, layout, terminator) ?? claimSpan(text, edit, layout, terminator);
  // Segments split or joined on a line (a terminator typed or removed): by offsets, as on a line of several.
  if (edit.text.includes(terminator) || removed.includes(terminator)) return claimSpan(text, edit, layout, terminator);
  const line = lines.lineAt(edit.start);
  const lineStart = lines.lineStart(line);
  // A line longer than any one segment holds several: never sliced whole (a file on one line is).
  if (lines.lineEnd(line) - lineStart > MAX_SEGMENT_LINE) return claimSpan(text, edit, layout, terminator);
  const oldText = text.slice(lineStart, lines.lineEnd(line));
  const newText = oldText.slice(0, edit.start - lineStart) + edit.text + oldText.slice(edit.oldEnd - lineStart);
  const role = roleOf(oldText, sep, terminator);
  if (role === 'other') return claimSpan(text, edit, layout, terminator);
  const id = idOf(oldText, sep);
  if (role === 'blank' || roleOf(newText, sep, terminator) !== role || idOf(newText, sep) !== id) return undefined;
  // The id itself must stay as it was written (an edit inside it that kept it would be a no-op).
  if (edit.start - lineStart < firstNonSpace(oldText) + id.length) return undefined;
  // A line that reads as a whole segment continues one above it when that lost its terminator.
  if (!startsSegment(text, lines, line, sep)) return undefined;
  if (role === 'structure' || role === 'HL') return readAlike(text, lineStart + firstNonSpace(oldText), oldText, newText, sep) ? 'unread' : undefined;
  if (role === 'none') return 'unread';
  return claimAround(text, lines, line, line, role === 'CLM', 0, layout, terminator);
}

/**
 * An edit that writes or removes terminators or line breaks: every line it touches, before and
 * after it, must be a whole segment a claim is read from or one the reader skips (a CLM only on
 * the first of them, before and after), all inside one claim.
 */
function linesWindow(text: DocumentText, lines: LineIndex, edit: { start: number; oldEnd: number; text: string }, layout: X12Layout, terminator: string): ClaimWindow | undefined {
  const sep = layout.separators;
  const firstLine = lines.lineAt(edit.start);
  let lastLine = lines.lineAt(edit.oldEnd);
  // Lines pasted above a line, or whole lines deleted: the line the edit ends at the start of
  // keeps its text, and stays out (it may be the next claim's HL or CLM).
  if (edit.oldEnd === lines.lineStart(lastLine) && (edit.text === '' ? edit.start === lines.lineStart(firstLine) : endsWithBreak(edit.text))) lastLine--;
  // A line longer than any one segment holds several (a file on one line): not read line by line.
  for (let n = firstLine; n <= lastLine; n++) if (lines.lineEnd(n) - lines.lineStart(n) > MAX_SEGMENT_LINE) return undefined;
  // Whole lines with their line breaks (none after the last line of the file).
  const from = lines.lineStart(firstLine);
  const to = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : text.length;
  const before = text.slice(from, to);
  const after = before.slice(0, edit.start - from) + edit.text + before.slice(edit.oldEnd - from);
  const rolesBefore = before.split(LINE_BREAK).map((l) => roleOf(l, sep, terminator));
  const rolesAfter = after.split(LINE_BREAK).map((l) => roleOf(l, sep, terminator));
  const fits = (r: LineRole, k: number): boolean => r === 'blank' || r === 'none' || r === 'claim' || (r === 'CLM' && k === 0);
  if (!rolesBefore.every(fits) || !rolesAfter.every(fits) || (rolesBefore[0] === 'CLM') !== (rolesAfter[0] === 'CLM')) return undefined;
  return claimAround(text, lines, firstLine, lastLine, rolesBefore[0] === 'CLM', rolesAfter.length - rolesBefore.length, layout, terminator);
}

const LINE_BREAK = /\r\n|\r|\n/;

const endsWithBreak = (s: string): boolean => s.endsWith('\n') || s.endsWith('\r');

/**
 * The claim around lines `[firstLine, lastLine]` (before the edit, which changes them and adds
 * `lineDelta` lines): from the CLM at or before them to the line before the next CLM, SE, ST, GS or
 * ISA after them, read from the transaction in force at that CLM.
 */
function claimAround(text: DocumentText, lines: LineIndex, firstLine: number, lastLine: number, firstIsClm: boolean, lineDelta: number, layout: X12Layout, terminator: string): ClaimWindow | undefined {
  const sep = layout.separators;
  const roleAt = (n: number): LineRole => roleOf(text.slice(lines.lineStart(n), lines.lineEnd(n)), sep, terminator);
  let first = firstLine;
  if (!firstIsClm) {
    for (let r: LineRole = 'claim'; r !== 'CLM'; r = roleAt(first)) {
      if (r === 'structure' || r === 'HL' || r === 'other' || first === 0 || firstLine - first > MAX_CLAIM_LINES) return undefined;
      first--;
    }
  }
  if (!startsSegment(text, lines, first, sep)) return undefined;
  let last = lastLine;
  while (last + 1 < lines.lineCount) {
    const r = roleAt(last + 1);
    if (r === 'CLM' || r === 'structure') break;
    if (r === 'other' || last - lastLine > MAX_CLAIM_LINES) return undefined;
    last++;
  }
  // An SV2 sets the transaction in a file without GS/ST, and an edit may change whether it does.
  const kind = transactionOver(layout.kinds, (k) => k.line, first, last);
  if (kind === '') return undefined;
  return { first, last: last + lineDelta, lastBefore: last, lineDelta, start: { separators: sep, kind } };
}

/**
 * Whether line `n` starts a segment for the reader: the last line above it that is not blank ends
 * with a terminator (a segment that lost its terminator runs on into the lines below it, whatever
 * they look like alone), or there is none.
 */
function startsSegment(text: DocumentText, lines: LineIndex, n: number, sep: Separators): boolean {
  for (let k = n - 1; k >= 0; k--) {
    if (n - k > MAX_CLAIM_LINES) return false;
    const line = text.slice(lines.lineStart(k), lines.lineEnd(k));
    let end = line.length;
    while (end > 0 && isSpace(line.charCodeAt(end - 1))) end--;
    if (end > 0) return line.charCodeAt(end - 1) === sep.segment;
  }
  return true;
}

/**
 * An edit of a line that holds several segments, or one that writes or removes terminators (no
 * line break): no segment it touches, before or after it, is structure. When all are segments the
 * reader skips, the span is those segments and nothing is read; else it is their claims, from the
 * CLM at or before them to where the next CLM or structure segment (ISA, GS, ST, SE) after them
 * starts, as `claimAround` bounds a claim by lines (a CLM typed among them starts a claim in the
 * span). Undefined when a segment touched is structure (unless it is the only one, edited after its
 * id with its reading kept: then nothing is read), or the bounds are not within `MAX_CLAIM_CHARS`
 * of the edit.
 */
function claimSpan(text: DocumentText, edit: { start: number; oldEnd: number; text: string }, layout: X12Layout, terminator: string): ClaimSpan | undefined {
  const sep = layout.separators;
  const base = Math.max(0, edit.start - MAX_CLAIM_CHARS);
  const before = text.slice(base, edit.start);
  const after = text.slice(edit.oldEnd, edit.oldEnd + MAX_CLAIM_CHARS);
  const atEnd = edit.oldEnd + after.length === text.length;
  // The segments touched: from the one holding the edit's start (in `before`, from `s`) to the
  // terminator of the one holding its end (in `after`, at `t`).
  const s = segmentStartAt(before, before.length, base === 0, terminator);
  const t = after.indexOf(terminator);
  if (s < 0 || t < 0) return undefined;
  // The text of the segments touched, before and after the edit.
  const segmentBefore = `${before.slice(s)}${text.slice(edit.start, edit.oldEnd)}${after.slice(0, t + 1)}`;
  const segmentAfter = `${before.slice(s)}${edit.text}${after.slice(0, t + 1)}`;
  const rolesBefore = segmentsOf(segmentBefore, terminator).map((g) => spanRole(g, sep));
  const rolesAfter = segmentsOf(segmentAfter, terminator).map((g) => spanRole(g, sep));
  const delta = edit.text.length - (edit.oldEnd - edit.start);
  if (rolesBefore.includes('structure') || rolesAfter.includes('structure')) {
    // One structure segment (no terminator typed or removed), with spaces or line breaks typed or
    // removed before it, or edited after its id: nothing to read again when the reader takes from
    // it what it took before.
    if (rolesBefore.length !== 1 || rolesAfter.length !== 1 || rolesBefore[0] !== 'structure' || rolesAfter[0] !== 'structure') return undefined;
    const lead = leadingSpace(segmentBefore);
    const bodyBefore = segmentBefore.slice(lead);
    const bodyAfter = segmentAfter.slice(leadingSpace(segmentAfter));
    const start = base + s + lead;
    const id = idOf(bodyBefore, sep);
    const readsAsBefore = bodyBefore === bodyAfter
      ? start !== firstSegmentStart(text) // the file's first segment tells it is X12 (`detectKind`)
      : idOf(bodyAfter, sep) === id && edit.start >= start + id.length && readAlike(text, start, bodyBefore, bodyAfter, sep);
    if (!readsAsBefore) return undefined;
    return { start: base + s, endBefore: edit.oldEnd + t + 1, copy: '', delta, from: { separators: sep, kind: '' } };
  }
  if (rolesBefore.every((r) => r === 'none') && rolesAfter.every((r) => r === 'none')) {
    return { start: base + s, endBefore: edit.oldEnd + t + 1, copy: '', delta, from: { separators: sep, kind: '' } };
  }

  // Back to the CLM at or before them, in the text before the edit (a CLM first among them before
  // and after it, or the one before them: a CLM typed or removed there starts or ends a claim in the
  // span), with no structure (HL included) on the way.
  let clm = s;
  if (rolesBefore[0] !== 'CLM' || rolesAfter[0] !== 'CLM') {
    do {
      const previous = previousSegmentStart(before, clm, base === 0, terminator);
      // Each step must go back (it always does unless spaces were terminators: see above).
      if (previous < 0 || previous >= clm || segmentRole(before, previous, sep) === 'structure') return undefined;
      clm = previous;
    } while (!isClm(before, clm, sep));
  }
  // On to the next CLM or structure segment (past HL, which ends no claim for the reader).
  let end = t + 1;
  for (;;) {
    let next = end;
    while (next < after.length && isSpaceOrBreak(after.charCodeAt(next))) next++;
    if (next >= after.length) {
      if (!atEnd) return undefined;
      break;
    }
    if (isClm(after, next, sep)) break;
    if (segmentRole(after, next, sep) === 'structure' && idOf(after.slice(next, next + 3), sep) !== 'HL') break;
    const k = after.indexOf(terminator, next);
    if (k < 0) {
      if (!atEnd) return undefined;
      end = after.length;
      break;
    }
    end = k + 1;
  }
  const start = base + clm;
  const endBefore = edit.oldEnd + end;
  const kind = transactionOver(layout.kinds, (k) => k.offset, start, endBefore - 1);
  if (kind === '') return undefined;
  const copy = `\n${before.slice(clm)}${edit.text}${after.slice(0, end)}`;
  return { start, endBefore, copy, delta, from: { separators: sep, kind } };
}

/**
 * The transaction in force at `from` when none changes in `[from, to]` (in lines or offsets, as
 * `at` reads a change), else '' (as when none is known): a claim is read again from one transaction.
 */
function transactionOver(kinds: readonly KindChange[], at: (k: KindChange) => number, from: number, to: number): X12Kind {
  let kind: X12Kind = '';
  for (const k of kinds) {
    if (at(k) >= from) return at(k) <= to ? '' : kind;
    kind = k.kind;
  }
  return kind;
}

/**
 * Whether an edit of a structure segment after its id, `before` becoming `after` (each the whole
 * segment, spaces before it allowed), leaves what the reader takes from it as it was: HL and SE
 * give it only their id; GS and ST the transaction their version names; an ISA the separators,
 * which `headKept` has compared already for the file's first segment (a later one only its id).
 * The segment the file starts with also tells the file is X12 (`detectKind`): when it is not an
 * ISA, any edit of it is a full check.
 */
function readAlike(text: DocumentText, start: number, before: string, after: string, sep: Separators): boolean {
  const id = idOf(before, sep);
  const first = start === firstSegmentStart(text);
  switch (id) {
    case 'HL':
    case 'SE':
      return !first;
    case 'GS':
    case 'ST': {
      const k = id === 'GS' ? GS_VERSION : ST_VERSION;
      return !first && transactionOf(elementOf(before, k, sep)) === transactionOf(elementOf(after, k, sep));
    }
    case 'ISA':
      return true; // a later ISA gives the reader only its id; the first one's separators: see `headKept`
    default:
      return false;
  }
}

/** How many spaces and line breaks a segment's text starts with. */
function leadingSpace(segment: string): number {
  let i = 0;
  while (i < segment.length && isSpaceOrBreak(segment.charCodeAt(i))) i++;
  return i;
}

/** Characters from an ISA's start that `x12Separators` may read (200, then the component separator and the terminator). */
const ISA_READ = 202;
/** How far `detectKind` looks for the first segment. */
const HEAD_SPACE = 4096;

/** Where the file's first segment starts (past spaces, line breaks and a BOM), or -1 past the first 4,096 characters. */
function firstSegmentStart(text: DocumentText | string): number {
  for (let i = 0; i < text.length && i < HEAD_SPACE; i++) if (!isSpaceOrBreak(text.charCodeAt(i))) return i;
  return -1;
}

/**
 * Whether the file still starts as it did after `edit`: the same four characters at its first
 * segment (what `detectKind` reads), and the separators the session reads with (`x12Separators`
 * from there: an ISA whose sixteenth element separator moved has others, whatever segments the old
 * terminator makes of it).
 */
function headKept(text: DocumentText, edit: { start: number; oldEnd: number; text: string }, sep: Separators): boolean {
  const first = firstSegmentStart(text);
  if (first < 0) return false;
  if (edit.start >= first + ISA_READ) return true;
  const head = `${text.slice(0, edit.start)}${edit.text}${text.slice(edit.oldEnd, edit.oldEnd + HEAD_SPACE + ISA_READ)}`;
  const now = firstSegmentStart(head);
  if (now < 0 || head.slice(now, now + 4) !== text.slice(first, first + 4)) return false;
  const read = x12Separators(head, now);
  return read.element === sep.element && read.component === sep.component && read.segment === sep.segment;
}

/** Element `k` of a segment (spaces before it allowed), as the reader splits it; '' when it has none. */
function elementOf(segment: string, k: number, sep: Separators): string {
  const i = firstNonSpace(segment);
  const end = segment.indexOf(String.fromCharCode(sep.segment), i);
  return segment.slice(i, end < 0 ? segment.length : end).split(String.fromCharCode(sep.element))[k] ?? '';
}

/** What a segment touched by an edit is to the reader (`claimSpan`): structure, a CLM, one a claim is read from, or one it skips (an empty one too). */
type SpanRole = 'none' | 'claim' | 'structure' | 'CLM';

function spanRole(segment: string, sep: Separators): SpanRole {
  let i = 0;
  while (i < segment.length && isSpaceOrBreak(segment.charCodeAt(i))) i++;
  if (i === segment.length || segment.charCodeAt(i) === sep.segment) return 'none';
  if (isClm(segment, i, sep)) return 'CLM';
  return segmentRole(segment, i, sep);
}

const isClm = (text: string, i: number, sep: Separators): boolean => text.startsWith('CLM', i) && text.charCodeAt(i + 3) === sep.element;

/** `text` cut after each terminator (the last piece, ending with one, included). */
function segmentsOf(text: string, terminator: string): string[] {
  const out: string[] = [];
  for (let from = 0; from < text.length;) {
    const k = text.indexOf(terminator, from);
    const end = k < 0 ? text.length : k + 1;
    out.push(text.slice(from, end));
    from = end;
  }
  return out;
}

/**
 * Where the segment that holds offset `i` of `chunk` starts (past the spaces and line breaks after
 * the terminator before it), or -1 when the chunk does not reach back to that terminator
 * (`atStart`: the chunk is the text from its start).
 */
function segmentStartAt(chunk: string, i: number, atStart: boolean, terminator: string): number {
  const k = chunk.lastIndexOf(terminator, i - 1);
  if (k < 0 && !atStart) return -1;
  let s = k + 1;
  while (s < chunk.length && isSpaceOrBreak(chunk.charCodeAt(s))) s++;
  return s;
}

/** Where the segment before the one starting at `s` starts, or -1 when there is none or the chunk does not reach it. */
function previousSegmentStart(chunk: string, s: number, atStart: boolean, terminator: string): number {
  const k = chunk.lastIndexOf(terminator, s - 1);
  return k < 0 ? -1 : segmentStartAt(chunk, k, atStart, terminator);
}

const isSpaceOrBreak = (c: number): boolean => isSpace(c) || c === 10 || c === 13;

const hasLineBreak = (s: string): boolean => s.includes('\n') || s.includes('\r');

function firstNonSpace(line: string): number {
  let i = 0;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  return i;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 0xfeff;

/** The segment id a line starts with (up to its first element separator or its terminator). */
function idOf(line: string, sep: Separators): string {
  const i = firstNonSpace(line);
  let e = i;
  while (e < line.length && line.charCodeAt(e) !== sep.element && line.charCodeAt(e) !== sep.segment) e++;
  return line.slice(i, e);
}

/**
 * What a line of a file with a segment per line holds: nothing (`blank`), one whole segment (its
 * role for the reader; a CLM and an HL on their own), or anything else (`other`: several segments,
 * or one without its terminator at the end).
 */
function roleOf(line: string, sep: Separators, terminator: string): LineRole {
  const i = firstNonSpace(line);
  let end = line.length;
  while (end > i && isSpace(line.charCodeAt(end - 1))) end--;
  if (end === i) return 'blank';
  if (line.charCodeAt(end - 1) !== sep.segment || line.indexOf(terminator, i) !== end - 1) return 'other';
  if (isClm(line, i, sep)) return 'CLM';
  const role = segmentRole(line, i, sep);
  return role === 'structure' && idOf(line, sep) === 'HL' ? 'HL' : role;
}
