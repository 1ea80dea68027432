/**
 * Findings as VS Code diagnostics. A row edit keeps most findings of a document as they were: the
 * same objects, moved in place when lines were added or removed (core/session.ts). A claim file
 * may hold tens of thousands of findings, and making a diagnostic for each of them on every
 * publication took 230-450 ms per keystroke in a 200,000-line claim CSV with 57,000 findings,
 * where the row edit itself took 1 ms. So a finding's diagnostic is made once, and given again
 * while the finding's ranges stay where they were.
 */
import * as vscode from 'vscode';
import type { Finding, Range } from '../core/model';
import { toRange, toSeverity } from './convert';

interface Made {
  readonly diagnostic: vscode.Diagnostic;
  /** Where the finding's range was when the diagnostic was made. */
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
  /** Where its related ranges were (see `relatedPlaces`). */
  readonly related: string;
}

export class FindingDiagnostics {
  private readonly made = new WeakMap<Finding, Made>();
  /** The finding behind each diagnostic, for quick fixes. */
  private readonly findings = new WeakMap<vscode.Diagnostic, Finding>();
  /** A diagnostic's `code` (the rule and the link to its page), one per rule. */
  private readonly codes = new Map<string, { value: string; target: vscode.Uri }>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The diagnostic of a finding of the document at `uri`. */
  diagnostic(f: Finding, uri: vscode.Uri): vscode.Diagnostic {
    const r = f.range;
    const related = relatedPlaces(f);
    const made = this.made.get(f);
    if (made && made.startLine === r.startLine && made.startCharacter === r.startCharacter && made.endLine === r.endLine
      && made.endCharacter === r.endCharacter && made.related === related) {
      return made.diagnostic;
    }
    const d = new vscode.Diagnostic(toRange(r), f.message, toSeverity(f.severity));
    d.source = 'CPT Lens';
    d.code = this.codeOf(f.rule);
    if (f.related?.length) {
      d.relatedInformation = f.related.map((x) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(x.range)), x.message));
    }
    this.made.set(f, { diagnostic: d, startLine: r.startLine, startCharacter: r.startCharacter, endLine: r.endLine, endCharacter: r.endCharacter, related });
    this.findings.set(d, f);
    return d;
  }

  /** The finding a diagnostic made here was made from. */
  findingOf(d: vscode.Diagnostic): Finding | undefined {
    return this.findings.get(d);
  }

  private codeOf(rule: string): { value: string; target: vscode.Uri } {
    let code = this.codes.get(rule);
    if (!code) this.codes.set(rule, (code = { value: rule, target: vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules', `${rule}.md`) }));
    return code;
  }
}

const place = (r: Range): string => `${r.startLine}:${r.startCharacter}-${r.endLine}:${r.endCharacter}`;

/** The places of a finding's related ranges, as one string ('' when it has none: most findings). */
function relatedPlaces(f: Finding): string {
  const related = f.related;
  if (!related?.length) return '';
  let s = place(related[0].range);
  for (let i = 1; i < related.length; i++) s += ` ${place(related[i].range)}`;
  return s;
}
