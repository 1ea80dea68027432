/**
 * The CLI's output rows. The JSON shape is a public contract that other tools parse:
 * change it only by adding fields.
 */
import type { CodeOccurrence, Finding } from '../core/model';

export interface Row {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
  code: string;
  system: string;
  modifiers: string[];
  rule?: string;
  severity?: string;
  message?: string;
}

export function occurrenceRow(file: string, o: CodeOccurrence): Row {
  return {
    file,
    line: o.range.startLine + 1,
    column: o.range.startCharacter + 1,
    endLine: o.range.endLine + 1,
    endColumn: o.range.endCharacter + 1,
    text: o.text,
    code: o.code,
    system: o.system,
    modifiers: o.modifiers.map((m) => m.code),
  };
}

/** The finding's own range; the other fields of its occurrence, in the same order (one object per finding, no copy). */
export function findingRow(file: string, f: Finding): Row {
  const o = f.occurrence;
  return {
    file,
    line: f.range.startLine + 1,
    column: f.range.startCharacter + 1,
    endLine: f.range.endLine + 1,
    endColumn: f.range.endCharacter + 1,
    text: o.text,
    code: o.code,
    system: o.system,
    modifiers: o.modifiers.map((m) => m.code),
    rule: f.rule,
    severity: f.severity,
    message: f.message,
  };
}

export function rowText(r: Row): string {
  const mods = r.modifiers.length ? `-${r.modifiers.join('-')}` : '';
  const head = `${r.file}:${r.line}:${r.column}`;
  return r.rule ? `${head}: ${r.severity} ${r.message} [${r.rule}]` : `${head}: ${r.code}${mods} (${r.system})`;
}
