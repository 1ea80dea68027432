import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { cptLensApi, diagnostics, fixture, open, problemOf, ruleOf, showText, until, x12Interchange } from './helpers';

describe('diagnostics: problems a coder sees', () => {
  it('an inpatient-only code gets an Information problem, an unknown modifier a Warning', async () => {
    const document = await open('notes.md');
    const found = await diagnostics(document.uri, (d) => d.length >= 3);
    const byRule = (rule: string) => found.filter((d) => ruleOf(d) === rule);
    assert.equal(byRule('inpatient-only').length, 2, JSON.stringify(found));
    assert.ok(byRule('inpatient-only').every((d) => d.severity === vscode.DiagnosticSeverity.Information));
    const [unknown] = byRule('modifier-unknown');
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(unknown.range), 'ZZ');
  });

  it('an inpatient-only code on an outpatient charge line is an Error by default, and the severity setting changes it', async () => {
    const document = await open('chargemaster.csv');
    const before = await diagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'inpatient-only-outpatient'));
    assert.ok(before.some((x) => ruleOf(x) === 'inpatient-only-outpatient' && x.severity === vscode.DiagnosticSeverity.Error), JSON.stringify(before));
    const config = vscode.workspace.getConfiguration('cptLens');
    await config.update('rules.inpatient-only-outpatient', 'warning', vscode.ConfigurationTarget.Workspace);
    try {
      const found = await diagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'inpatient-only-outpatient' && x.severity === vscode.DiagnosticSeverity.Warning));
      assert.ok(found.some((x) => ruleOf(x) === 'inpatient-only-outpatient' && x.severity === vscode.DiagnosticSeverity.Warning), JSON.stringify(found));
    } finally {
      await config.update('rules.inpatient-only-outpatient', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('closing a document clears its problems', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Planned: CPT 64866-ZZ\n' });
    await vscode.window.showTextDocument(document);
    const uri = document.uri;
    const found = await diagnostics(uri, (d) => d.length > 0);
    assert.ok(found.length > 0, 'problems appear for the unsaved document');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    const cleared = await diagnostics(uri, (d) => d.length === 0, 15_000);
    assert.equal(cleared.length, 0, 'no problem remains for the closed document');
  });
});

describe('diagnostics while typing in a charge file', () => {
  it('changing a code in one row updates that row\'s problems by re-reading only the row', async () => {
    const document = await open('chargemaster.csv');
    const editor = await vscode.window.showTextDocument(document);
    await diagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'inpatient-only-outpatient'));
    const api = await cptLensApi();
    const before = api.checkStats().rowEdits;
    const at = document.getText().indexOf('99213');
    try {
      await editor.edit((e) => e.replace(new vscode.Range(document.positionAt(at), document.positionAt(at + 5)), '64866'));
      const found = await diagnostics(document.uri, (d) => d.filter((x) => ruleOf(x) === 'inpatient-only-outpatient').length === 2);
      const lines = found.filter((x) => ruleOf(x) === 'inpatient-only-outpatient').map((x) => x.range.start.line).sort();
      assert.deepEqual(lines, [1, 2]);
      assert.ok(api.checkStats().rowEdits > before, 'the edit was checked row by row');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});

describe('typing in a cell that changes no problem', () => {
  it('hands VS Code nothing (it converts and sends all of a file\'s problems on each hand-over); a keystroke that changes one hands them over', async function () {
    this.timeout(30_000);
    const api = await cptLensApi();
    await api.ready();
    const rows = Array.from({ length: 40 }, (_, i) => `${i},ITEM ${i},${i % 4 ? '99213' : '99999'},${i % 5 ? '' : 'ZZ'},1.00`);
    // A file on disk: an untitled document may get the name of one a test before just closed.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-quiet-')), 'charges.csv');
    fs.writeFileSync(file, `CDM,Description,CPT,MOD,Charge\n${rows.join('\n')}\n`);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(document);
    let handed = 0;
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === document.uri.toString())) handed++;
    });
    try {
      const first = await diagnostics(document.uri, (d) => d.length > 0);
      await new Promise((r) => setTimeout(r, 1000));
      const before = api.checkStats().rowEdits;
      handed = 0;
      // A description typed over in row 7: a row edit, and the same problems.
      const at = document.lineAt(8).text.indexOf('ITEM 7');
      assert.ok(await editor.edit((e) => e.replace(new vscode.Range(8, at, 8, at + 4), 'GAUZ')));
      assert.ok(await until(async () => api.checkStats().rowEdits > before), 'the edit was a row edit');
      await new Promise((r) => setTimeout(r, 1500)); // past the debounce (250 ms) and the check
      assert.equal(handed, 0, 'no new hand-over of the same problems');
      assert.deepEqual(vscode.languages.getDiagnostics(document.uri).map((d) => d.message), first.map((d) => d.message));
      // Row 9's code typed over as 99999 (unknown): its problem changes, and VS Code gets it.
      const code = document.lineAt(10).text.indexOf('99213');
      assert.ok(code > 0);
      assert.ok(await editor.edit((e) => e.replace(new vscode.Range(10, code, 10, code + 5), '99999')));
      const after = await diagnostics(document.uri, (d) => d.some((x) => x.range.start.line === 10 && x.message.includes('99999')));
      assert.ok(after.some((x) => x.range.start.line === 10 && x.message.includes('99999')));
      assert.ok(await until(async () => handed > 0, 5_000), 'the changed problems were handed over');
    } finally {
      listener.dispose();
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});

describe('a long run of keystrokes in a charge file', () => {
  it('300 edits in data rows stay row edits, past the fold of every 256, and end with the problems of a full check', async function () {
    this.timeout(60_000);
    const rows = Array.from({ length: 120 }, (_, i) => `99213,25,Row ${i},100.00`);
    const content = `CPT,Modifier,Description,Charge\n${rows.join('\n')}\n`;
    const api = await cptLensApi();
    await api.ready();
    const checks = api.checkStats().fullChecks;
    const { document, editor } = await showText('csv', content);
    assert.ok(await until(async () => api.checkStats().fullChecks > checks), 'the document was checked once in full');
    const before = api.checkStats().rowEdits;
    // 256 edits of code cells (the session keeps its text as the text before plus the edits and
    // folds them after 256), then 44 of modifier cells in rows whose codes those edits wrote: a row
    // edit re-reads its whole row from the session's text, so the codes must have survived the fold.
    const codes = ['64866', 'J1100', '99999', '99214'];
    const modifiers = ['ZZ', '59', 'XX', '25'];
    for (let i = 0; i < 300; i++) {
      const line = 1 + (i < 256 ? i % 120 : i - 256);
      const [cell, text] = i < 256 ? [new vscode.Range(line, 0, line, 5), codes[i % codes.length]] : [new vscode.Range(line, 6, line, 8), modifiers[i % modifiers.length]];
      assert.ok(await editor.edit((e) => e.replace(cell, text)), `edit ${i}`);
    }
    assert.ok(api.checkStats().rowEdits - before >= 300, `${api.checkStats().rowEdits - before} of 300 edits were row edits`);
    // The same text opened fresh is checked in full: the edited document must end with its problems.
    const fresh = await vscode.workspace.openTextDocument({ language: 'csv', content: document.getText() });
    await vscode.window.showTextDocument(fresh);
    const key = (d: vscode.Diagnostic): string => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${ruleOf(d)} ${d.message}`;
    const expected = (await diagnostics(fresh.uri, (d) => d.length > 0)).map(key).sort();
    assert.ok(expected.some((k) => k.includes('modifier-unknown')) && expected.some((k) => k.includes('99999')), expected.join('\n'));
    const found = await diagnostics(document.uri, (d) => JSON.stringify(d.map(key).sort()) === JSON.stringify(expected), 15_000);
    assert.deepEqual(found.map(key).sort(), expected);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('problems that move with the rows above them', () => {
  it('in a claim file, rows added and removed above move every problem below them, related services included, as a full check gives them', async function () {
    this.timeout(60_000);
    // Claims C0-C9 of four lines each, outpatient: 64866 is inpatient only, and its problem lists
    // the other services of its claim as related places; ZZ is an unknown modifier.
    const rows: string[] = [];
    for (let c = 0; c < 10; c++) for (const [n, code] of [[1, '64866'], [2, '99213'], [3, 'J1100'], [4, '36415']] as const) rows.push(`C${c},${n},${code},${n === 2 ? 'ZZ' : ''},22,outpatient,100.00`);
    // One line of claim C8 sits between the lines of claim C2.
    rows.splice(rows.indexOf('C2,1,64866,,22,outpatient,100.00') + 1, 0, 'C8,9,J1100,,22,outpatient,5.00');
    const content = `Claim ID,Line,CPT,Modifier,POS,Setting,Charge\n${rows.join('\n')}\n`;
    const api = await cptLensApi();
    await api.ready();
    const { document, editor } = await showText('csv', content);
    const key = (d: vscode.Diagnostic): string => `${d.range.start.line}:${d.range.start.character} ${ruleOf(d)} ${d.message} [${(d.relatedInformation ?? []).map((r) => `${r.location.range.start.line}:${r.location.range.start.character} ${r.message}`).join('; ')}]`;
    const sameAsFull = async (label: string): Promise<void> => {
      const fresh = await vscode.workspace.openTextDocument({ language: 'csv', content: document.getText() });
      // Waited for with the problem it must hold (a loaded machine took over 10 s for the first ones).
      const expected = (await diagnostics(fresh.uri, (d) => d.some((x) => ruleOf(x) === 'inpatient-only-outpatient'), 30_000)).map(key).sort();
      assert.ok(expected.some((k) => k.includes('inpatient-only-outpatient') && /\[\d+:\d+ /.test(k)), `${label}: an inpatient-only problem with related services`);
      const found = await diagnostics(document.uri, (d) => JSON.stringify(d.map(key).sort()) === JSON.stringify(expected), 15_000);
      assert.deepEqual(found.map(key).sort(), expected, label);
    };
    await sameAsFull('opened');
    const before = api.checkStats().rowEdits;
    const lineOf = (text: string): number => document.positionAt(document.getText().indexOf(text)).line;
    const edits: [string, () => Thenable<boolean>][] = [
      ['a row of claim C3 added at the top', () => editor.edit((e) => e.insert(new vscode.Position(1, 0), 'C3,5,99214,,22,outpatient,90.00\n'))],
      // A row added after C8's line: C2's inpatient-only problem stays where it is, and the
      // services of C2 it lists (below the new row) move down a line.
      ['a row of claim C9 added among the lines of claim C2', () => editor.edit((e) => e.insert(document.lineAt(lineOf('C8,9,')).range.end, '\nC9,5,99214,,22,outpatient,90.00'))],
      ['a code in claim C5 replaced', () => editor.edit((e) => { const l = lineOf('C5,3,J1100'); e.replace(new vscode.Range(l, 5, l, 10), '27447'); })],
      ['the added row removed', () => editor.edit((e) => e.delete(new vscode.Range(1, 0, 2, 0)))],
      ['two rows of claim C7 removed from the middle', () => editor.edit((e) => { const l = lineOf('C7,2,'); e.delete(new vscode.Range(l, 0, l + 2, 0)); })],
    ];
    for (const [label, edit] of edits) {
      assert.ok(await edit(), label);
      await sameAsFull(label);
    }
    assert.ok(api.checkStats().rowEdits - before >= edits.length, 'every edit was a row edit');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

/** An 837P of 20 claims of three service lines (99213:ZZ, an unknown modifier; 36415; J1100), outpatient (POS 22), a segment each. */
function twentyClaims(): string[] {
  const body: string[] = [];
  for (let c = 0; c < 20; c++) {
    body.push(`HL*${c + 3}*2*22*0~`, `NM1*IL*1*PATIENT*NUMBER${c}~`, `CLM*C${c}*300***22:B:1*Y*A*Y*Y~`);
    for (const [n, code] of [[1, '99213:ZZ'], [2, '36415'], [3, 'J1100']] as const) body.push(`LX*${n}~`, `SV1*HC:${code}*100*UN*1***1~`, 'DTP*472*D8*20260105~');
  }
  return x12Interchange(body);
}

describe('typing in an X12 claim file', () => {
  it('an edit inside a service line re-reads only its claim, and the problems are those of a full check', async function () {
    this.timeout(60_000);
    const lines = twentyClaims();
    const api = await cptLensApi();
    await api.ready();
    const { document, editor } = await showText('plaintext', `${lines.join('\n')}\n`);
    const key = (d: vscode.Diagnostic): string => `${d.range.start.line}:${d.range.start.character} ${ruleOf(d)} ${d.message} [${(d.relatedInformation ?? []).map((r) => `${r.location.range.start.line}:${r.location.range.start.character}`).join('; ')}]`;
    await diagnostics(document.uri, (d) => d.length > 0);
    const before = api.checkStats();
    // In claim C7: 36415 becomes 64866 (inpatient only, outpatient POS 22: an error naming the other
    // services of the claim), then a patient name changes (a segment the reader skips).
    const text = document.getText().split('\n');
    const line = text.findIndex((l, i) => l.startsWith('SV1*HC:36415') && i > text.indexOf(text.find((x) => x.startsWith('CLM*C7*'))!));
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(line, 7, line, 12), '64866')));
    const name = text.findIndex((l) => l.startsWith('NM1*IL*1*PATIENT*NUMBER12'));
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(name, 9, name, 16), 'JOHNSON')));
    const fresh = await vscode.workspace.openTextDocument({ language: 'plaintext', content: document.getText() });
    const expected = (await diagnostics(fresh.uri, (d) => d.some((x) => ruleOf(x) === 'inpatient-only-outpatient'))).map(key).sort();
    assert.ok(expected.some((k) => k.startsWith(`${line}:7 inpatient-only-outpatient`)), expected.join('\n'));
    const found = await diagnostics(document.uri, (d) => JSON.stringify(d.map(key).sort()) === JSON.stringify(expected), 15_000);
    assert.deepEqual(found.map(key).sort(), expected);
    const after = api.checkStats();
    assert.equal(after.rowEdits - before.rowEdits, 2, 'both edits stayed in the session');
    assert.equal(after.fullChecks - before.fullChecks, 1, 'the only full check was the fresh copy\'s');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('typing in an X12 claim file written on one line (as X12 is sent)', () => {
  it('each keystroke re-reads only its claim, what follows moves along the line, and the problems are a fresh check\'s', async function () {
    this.timeout(60_000);
    const segments = twentyClaims();
    const api = await cptLensApi();
    await api.ready();
    const { document, editor } = await showText('plaintext', segments.join(''));
    try {
      assert.equal(document.lineCount, 1);
      await diagnostics(document.uri, (d) => d.length > 0);
      const before = api.checkStats();
      // In claim C7, 36415 typed over as 64866, digit by digit (inpatient only on an outpatient POS 22).
      const text = document.getText();
      const code = document.positionAt(text.indexOf('SV1*HC:36415', text.indexOf('CLM*C7*')) + 7);
      for (const [k, digit] of [...'64866'].entries()) assert.ok(await editor.edit((e) => e.replace(new vscode.Range(code.translate(0, k), code.translate(0, k + 1)), digit)));
      await problemsOfFreshCheck(document, 'plaintext', 'a code typed over in claim C7');
      // In claim C3, a modifier typed after J1100, character by character: every later problem moves along the line.
      const j = document.positionAt(document.getText().indexOf('SV1*HC:J1100', document.getText().indexOf('CLM*C3*')) + 12);
      for (const [k, c] of [...':ZZ'].entries()) assert.ok(await editor.edit((e) => e.insert(j.translate(0, k), c)));
      await problemsOfFreshCheck(document, 'plaintext', 'a modifier typed in claim C3');
      // A patient name changed: a segment the reader skips, and later problems move.
      const name = document.positionAt(document.getText().indexOf('NUMBER12'));
      assert.ok(await editor.edit((e) => e.replace(new vscode.Range(name, name.translate(0, 6)), 'JOHNSON')));
      await problemsOfFreshCheck(document, 'plaintext', 'a patient name changed');
      const after = api.checkStats();
      assert.equal(after.rowEdits - before.rowEdits, 9, 'every keystroke stayed in the session');
      assert.equal(after.fullChecks - before.fullChecks, 3, 'the only full checks were the fresh copies\'');
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

/**
 * Waits until `document`'s problems (where, which rule, what they say) are those a fresh check of
 * its text gives, in a new document of `language`, and asserts that they are.
 */
async function problemsOfFreshCheck(document: vscode.TextDocument, language: string, label: string): Promise<void> {
  const key = (d: vscode.Diagnostic): string => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${ruleOf(d)} ${d.message}`;
  const fresh = await vscode.workspace.openTextDocument({ language, content: document.getText() });
  const expected = (await diagnostics(fresh.uri, (d) => d.length > 0)).map(key).sort();
  const found = await diagnostics(document.uri, (d) => JSON.stringify(d.map(key).sort()) === JSON.stringify(expected), 15_000);
  assert.deepEqual(found.map(key).sort(), expected, label);
}

describe('typing in a FHIR Claim (a Claim at the root gives its id to its items: a full check)', () => {
  it('after a code typed over, one typed digit by digit without a wait, an edit with two cursors and an undo, the problems are a fresh check\'s', async function () {
    this.timeout(60_000);
    const api = await cptLensApi();
    await api.ready();
    // A file on disk: an untitled document may get the name of one a test before just closed.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-json-')), 'claim.json');
    fs.writeFileSync(file, fs.readFileSync(fixture('claim.json').fsPath, 'utf8'));
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(document);
    const matchesFresh = (label: string): Promise<void> => problemsOfFreshCheck(document, 'json', label);
    try {
      await diagnostics(document.uri, (d) => d.length > 0);
      const at = (text: string) => document.positionAt(document.getText().indexOf(text));
      // J1100 becomes 99999 (unknown in an HCPCS coding).
      const code = at('"J1100"').translate(0, 1);
      assert.ok(await editor.edit((e) => e.replace(new vscode.Range(code, code.translate(0, 5)), '99999')));
      await matchesFresh('a code typed over');
      // 64866 (inpatient only, an error on this outpatient claim) typed over as 99213, a keystroke
      // per digit without a wait.
      const ipo = at('"64866"').translate(0, 1);
      assert.ok((await diagnostics(document.uri, (d) => d.length > 0)).some((d) => ruleOf(d) === 'inpatient-only-outpatient' && d.range.start.isEqual(ipo)));
      for (const [k, digit] of [...'99213'].entries()) assert.ok(await editor.edit((e) => e.replace(new vscode.Range(ipo.translate(0, k), ipo.translate(0, k + 1)), digit)));
      assert.equal(document.getText(new vscode.Range(ipo, ipo.translate(0, 5))), '99213');
      await matchesFresh('a code typed over digit by digit');
      assert.ok(!(await diagnostics(document.uri, (d) => d.length > 0)).some((d) => ruleOf(d) === 'inpatient-only-outpatient'), 'the error went with 64866');
      // Two cursors: one event with two changes, read from VS Code's text.
      const a = at('"99999"').translate(0, 1);
      const b = at('"99213"').translate(0, 1);
      assert.ok(await editor.edit((e) => {
        e.replace(new vscode.Range(a, a.translate(0, 5)), '27447');
        e.replace(new vscode.Range(b, b.translate(0, 5)), '64866');
      }));
      await matchesFresh('an edit with two cursors');
      await vscode.commands.executeCommand('undo');
      await matchesFresh('undone');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});

describe('typing in a FHIR Bundle', () => {
  it('an edit inside one entry re-reads only that entry, and the problems are a fresh check\'s', async function () {
    this.timeout(60_000);
    const api = await cptLensApi();
    await api.ready();
    // Three copies of the workspace's Claim as the entries of a Bundle, each with its own id.
    const claim = fs.readFileSync(fixture('claim.json').fsPath, 'utf8').trim();
    const entries = [1, 2, 3].map((n) => `    {\n      "resource": ${claim.replace('"example-professional"', `"claim-${n}"`).replace(/\n/g, '\n      ')}\n    }`);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-bundle-')), 'bundle.json');
    fs.writeFileSync(file, `{\n  "resourceType": "Bundle",\n  "type": "collection",\n  "entry": [\n${entries.join(',\n')}\n  ]\n}\n`);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(document);
    const matchesFresh = (label: string): Promise<void> => problemsOfFreshCheck(document, 'json', label);
    try {
      const opened = await diagnostics(document.uri, (d) => d.filter((x) => ruleOf(x) === 'inpatient-only-outpatient').length === 3);
      assert.equal(opened.filter((x) => ruleOf(x) === 'inpatient-only-outpatient').length, 3, 'each claim\'s 64866');
      const before = api.checkStats();
      // In the second claim: 64866 typed over as 99213, digit by digit; then a line added to its
      // first item, which moves the third claim's problems down.
      const second = document.getText().indexOf('"claim-2"');
      const ipo = document.positionAt(document.getText().indexOf('"64866"', second) + 1);
      for (const [k, digit] of [...'99213'].entries()) assert.ok(await editor.edit((e) => e.replace(new vscode.Range(ipo.translate(0, k), ipo.translate(0, k + 1)), digit)));
      await matchesFresh('a code typed over in the second entry');
      const problems = await diagnostics(document.uri, (d) => d.filter((x) => ruleOf(x) === 'inpatient-only-outpatient').length === 2);
      assert.equal(problems.filter((x) => ruleOf(x) === 'inpatient-only-outpatient').length, 2, 'the second claim\'s went with its 64866');
      const item = document.positionAt(document.getText().indexOf('"sequence": 1,', second));
      assert.ok(await editor.edit((e) => e.insert(new vscode.Position(item.line + 1, 0), `${' '.repeat(item.character)}"note": "added line",\n`)));
      await matchesFresh('a line added in the second entry');
      const after = api.checkStats();
      assert.equal(after.rowEdits - before.rowEdits, 6, 'every keystroke re-read only its entry');
      assert.equal(after.fullChecks - before.fullChecks, 2, 'the only full checks were the fresh copies\'');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});

describe('quick fixes', () => {
  it('removing an unknown modifier edits the document and clears the problem', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Planned: CPT 64866-ZZ for the left side.\n' });
    await vscode.window.showTextDocument(document);
    const problem = await problemOf(document, 'modifier-unknown');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, problem.range);
    const remove = actions.find((a) => a.title === 'Remove modifier ZZ');
    assert.ok(remove?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => a.title === 'Turn off modifier-unknown for this file'));
    assert.ok(await vscode.workspace.applyEdit(remove.edit));
    assert.equal(document.getText(), 'Planned: CPT 64866 for the left side.\n');
    const after = await diagnostics(document.uri, (d) => !d.some((x) => ruleOf(x) === 'modifier-unknown'));
    assert.ok(!after.some((x) => ruleOf(x) === 'modifier-unknown'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('"Turn off … for this file" clears that rule\'s problems in the file at once, and they come back when the setting goes', async function () {
    this.timeout(30_000);
    // A file of the workspace (the setting maps a path relative to its folder to rules).
    const uri = fixture(`turn-off-${process.pid}.md`);
    await vscode.workspace.fs.writeFile(uri, Buffer.from('Planned: CPT 64866-ZZ for the left side, 99213-ZZ later.\n'));
    const config = () => vscode.workspace.getConfiguration('cptLens', uri);
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const problem = await problemOf(document, 'modifier-unknown');
      let actions: vscode.CodeAction[] = [];
      const offered = () => actions.find((a) => a.title === 'Turn off modifier-unknown for this file');
      await until(async () => {
        actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range);
        return offered() !== undefined;
      });
      const off = offered();
      assert.ok(off?.command, actions.map((a) => a.title).join(' | '));
      await vscode.commands.executeCommand(off.command.command, ...(off.command.arguments ?? []));
      const after = await diagnostics(uri, (d) => d.length > 0 && !d.some((x) => ruleOf(x) === 'modifier-unknown'));
      assert.ok(!after.some((x) => ruleOf(x) === 'modifier-unknown'), JSON.stringify(after));
      assert.ok(after.some((x) => ruleOf(x) === 'inpatient-only'), 'other rules still report in the file');
      await config().update('rules.disabledFor', undefined, vscode.ConfigurationTarget.Workspace);
      const back = await diagnostics(uri, (d) => d.filter((x) => ruleOf(x) === 'modifier-unknown').length === 2);
      assert.equal(back.filter((x) => ruleOf(x) === 'modifier-unknown').length, 2);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await config().update('rules.disabledFor', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('a deleted HCPCS code with a CMS replacement offers the replacement', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'csv', content: 'HCPCS,Charge\nA4466,10.00\n' });
    await vscode.window.showTextDocument(document);
    const problem = await problemOf(document, 'deleted-code');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, problem.range);
    const replace = actions.find((a) => a.title === 'Replace A4466 with A4467');
    assert.ok(replace?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(replace.edit));
    assert.equal(document.getText(), 'HCPCS,Charge\nA4467,10.00\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('a file with more problems than VS Code shows (1,000 per file)', () => {
  it('shows the problems of the lines on screen, follows the view as it scrolls, and counts them all for "fix all"', async function () {
    this.timeout(60_000);
    // 3,000 rows with an unknown code, and 1,500 with a modifier written twice (its removal is safe for every row).
    const rows = Array.from({ length: 4500 }, (_, i) => (i % 3 === 2 ? `99213-25-25,Row ${i}` : `99999,Row ${i}`));
    // A file on disk: an untitled document may get the name of one a test before just closed.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-problems-')), 'claims.csv');
    fs.writeFileSync(file, `CPT,Description\n${rows.join('\n')}\n`);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(document);
    const top = await diagnostics(document.uri, (d) => d.some((x) => x.range.start.line === 1));
    assert.ok(top.length <= 1000, `${top.length} problems handed to VS Code`);
    const note = top.find((x) => x.message.startsWith('Not showing'));
    assert.equal(note?.message.split(':')[0], 'Not showing 3,501 further CPT Lens problems of this file', 'the Problems panel says how many more there are');
    assert.ok(!top.some((x) => x.range.start.line > 4000), 'the end of the file is not on screen');
    try {
      editor.revealRange(new vscode.Range(4400, 0, 4400, 0), vscode.TextEditorRevealType.InCenter);
      const bottom = await diagnostics(document.uri, (d) => d.some((x) => x.range.start.line === 4400));
      assert.ok(bottom.length <= 1000, `${bottom.length} problems handed to VS Code`);
      assert.ok(!bottom.some((x) => x.range.start.line === 1), 'the top of the file is no longer on screen');
      const repeated = bottom.find((x) => ruleOf(x) === 'modifier-duplicate' && x.range.start.line >= 4390);
      assert.ok(repeated, JSON.stringify(bottom.slice(-3)));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, repeated.range);
      const fixAll = actions.map((a) => a.title).find((t) => t.startsWith('Fix all modifier-duplicate'));
      assert.equal(fixAll, 'Fix all modifier-duplicate problems in this file (1500)');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('in an X12 file written on one line, shows the problems nearest the cursor, and the problem of a code typed there', async function () {
    this.timeout(60_000);
    // 800 claims of two lines, each with an unknown modifier: 1,600 problems, all on line 0.
    const body: string[] = [];
    for (let c = 0; c < 800; c++) {
      body.push(`HL*${c + 3}*2*22*0~`, `CLM*C${c}*300***11:B:1*Y*A*Y*Y~`);
      for (const n of [1, 2]) body.push(`LX*${n}~`, 'SV1*HC:99213:ZZ*100*UN*1***1~', 'DTP*472*D8*20260105~');
    }
    const segments = x12Interchange(body);
    const { document, editor } = await showText('plaintext', segments.join(''));
    try {
      const text = document.getText();
      const first = await diagnostics(document.uri, (d) => d.length > 0);
      assert.ok(first.length <= 1000 && first.some((x) => x.message.startsWith('Not showing')), `${first.length} problems handed to VS Code`);
      // The cursor to claim C700's first code: the problems around it are shown.
      const code = document.positionAt(text.indexOf('SV1*HC:99213', text.indexOf('CLM*C700*')) + 7);
      editor.selection = new vscode.Selection(code, code);
      const near = await diagnostics(document.uri, (d) => d.some((x) => x.range.start.isEqual(code.translate(0, 6))));
      assert.ok(near.length <= 1000, `${near.length} problems handed to VS Code`);
      // A code typed there: its problem shows.
      assert.ok(await editor.edit((e) => e.replace(new vscode.Range(code, code.translate(0, 5)), '99999')));
      const typed = await diagnostics(document.uri, (d) => d.some((x) => x.range.start.isEqual(code) && ruleOf(x) === 'unknown-code'));
      assert.ok(typed.some((x) => x.range.start.isEqual(code) && x.message.startsWith('99999')), JSON.stringify(typed.filter((x) => x.range.start.isEqual(code))));
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
