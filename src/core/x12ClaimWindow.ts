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
 * - ISA (the separators), GS, ST, SE and HL are structure: a full check.
 */
import type { DocumentText } from './text/editedText';
import type { LineIndex } from './text/lineIndex';
import { KindChange, segmentRole, Separators, X12Kind, X12Start } from './recognize/x12';

/** What a session keeps of an X12 file for edits: its separators and where the transaction changed (moved by edits that add lines). */
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

/** Lines looked at before and after the edited one for its claim's bounds (a claim is a few dozen). */
const MAX_CLAIM_LINES = 4000;

/** `HL` apart from the other structure segments: it does not end the reader's claim. */
type LineRole = 'blank' | 'none' | 'claim' | 'structure' | 'HL' | 'CLM' | 'other';

/**
 * What `edit` (in offsets of `text`, whose lines are `lines`) changes in the file laid out as
 * `layout`: nothing the reader reads (`unread`), one claim (`ClaimWindow`), or something a full
 * check must find out (undefined).
 */
export function claimWindow(text: DocumentText, lines: LineIndex, edit: { start: number; oldEnd: number; text: string }, layout: X12Layout): ClaimWindow | 'unread' | undefined {
  const sep = layout.separators;
  // A file whose terminator is the line break: every edit of a line may join or split segments.
  if (sep.segment === 10 || sep.segment === 13) return undefined;
  const terminator = String.fromCharCode(sep.segment);
  if (breaksSegments(edit.text, terminator) || breaksSegments(text.slice(edit.start, edit.oldEnd), terminator)) return linesWindow(text, lines, edit, layout, terminator);
  const line = lines.lineAt(edit.start);
  const lineStart = lines.lineStart(line);
  const oldText = text.slice(lineStart, lines.lineEnd(line));
  const newText = oldText.slice(0, edit.start - lineStart) + edit.text + oldText.slice(edit.oldEnd - lineStart);
  const role = roleOf(oldText, sep, terminator);
  const id = idOf(oldText, sep);
  if (role !== 'none' && role !== 'claim' && role !== 'CLM' || roleOf(newText, sep, terminator) !== role || idOf(newText, sep) !== id) return undefined;
  // The id itself must stay as it was written (an edit inside it that kept it would be a no-op).
  if (edit.start - lineStart < firstNonSpace(oldText) + id.length) return undefined;
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
  let last = lastLine;
  while (last + 1 < lines.lineCount) {
    const r = roleAt(last + 1);
    if (r === 'CLM' || r === 'structure') break;
    if (r === 'other' || last - lastLine > MAX_CLAIM_LINES) return undefined;
    last++;
  }
  // The transaction in force at the CLM, and no change of it among the claim's lines (an SV2 sets
  // it in a file without GS/ST, and an edit may change whether it does).
  let kind: X12Kind = '';
  for (const k of layout.kinds) {
    if (k.line >= first) {
      if (k.line <= last) return undefined;
      break;
    }
    kind = k.kind;
  }
  if (kind === '') return undefined;
  return { first, last: last + lineDelta, lastBefore: last, lineDelta, start: { separators: sep, kind } };
}

/** Whether written or removed text would join or split segments or lines. */
function breaksSegments(s: string, terminator: string): boolean {
  return s.includes(terminator) || s.includes('\n') || s.includes('\r');
}

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
  if (line.startsWith('CLM', i) && line.charCodeAt(i + 3) === sep.element) return 'CLM';
  const role = segmentRole(line, i, sep);
  return role === 'structure' && idOf(line, sep) === 'HL' ? 'HL' : role;
}
