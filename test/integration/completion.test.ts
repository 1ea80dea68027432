import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { cptLensApi, open, positionOf, until } from './helpers';

/** CPT Lens items only (word-based suggestions of the editor are left out), in the order the list shows them. */
async function complete(document: vscode.TextDocument, position: vscode.Position, resolve = 0): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, undefined, resolve);
  return list.items
    .filter((i) => typeof i.label !== 'string' && i.kind !== vscode.CompletionItemKind.Text)
    .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

const label = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);
const description = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? '' : i.label.description ?? '');
const rangeOf = (i: vscode.CompletionItem): vscode.Range => (i.range instanceof vscode.Range ? i.range : i.range!.replacing);
const documentation = (i: vscode.CompletionItem): string => (typeof i.documentation === 'string' ? i.documentation : i.documentation?.value ?? '');

/** The line after accepting an item, computed without touching the file. */
function lineAfter(document: vscode.TextDocument, item: vscode.CompletionItem): string {
  const range = rangeOf(item);
  const line = document.lineAt(range.start.line).text;
  return line.slice(0, range.start.character) + String(item.insertText) + line.slice(range.end.character);
}

describe('completion in a CSV fee schedule', () => {
  it('a code prefix offers the 6486x codes with descriptors, 64866 marked inpatient only, the card as documentation', async () => {
    const document = await open('fee-schedule.csv');
    const items = await complete(document, positionOf(document, '64866,22', 4), 10);
    const labels = items.map(label);
    assert.ok(labels.includes('64866') && labels.every((l) => l.startsWith('6486')), labels.join(' '));
    const item = items.find((i) => label(i) === '64866')!;
    assert.match(description(item), /inpatient only/);
    assert.match(description(item), /facial-spinal accessory nerve/);
    assert.equal(document.getText(rangeOf(item)), '64866');
    const resolved = items.find((i) => documentation(i).includes('64866 —'));
    assert.ok(resolved, 'the documentation pane shows the code card');
    assert.ok(documentation(resolved).includes('Inpatient only \\(CMS\\)'), documentation(resolved));
  });

  it('words in a code cell offer 64866 first; accepting keeps the row', async () => {
    const document = await open('fee-schedule.csv');
    const items = await complete(document, positionOf(document, 'facial nerve anastomosis', 24));
    assert.equal(label(items[0]), '64866');
    assert.equal(lineAfter(document, items[0]), '64866,,,,New line being typed,');
  });

  it('words in a quoted cell offer J1100 first and the edit keeps the quotes', async () => {
    const document = await open('fee-schedule.csv');
    const items = await complete(document, positionOf(document, 'dexamethasone 1 mg"', 18));
    assert.equal(label(items[0]), 'J1100');
    assert.equal(lineAfter(document, items[0]), '"J1100",,,,"New line, quoted",');
  });

  it('a modifier column offers the modifiers for the row\'s code: allowed first, forbidden last and struck through', async () => {
    const document = await open('fee-schedule.csv');
    const items = await complete(document, positionOf(document, '64866,22,', 9), 1);
    const labels = items.map(label);
    assert.equal(labels[0], '51');
    assert.ok(!labels.includes('22'), 'the modifier written in Modifier 1 is not offered again');
    const bilateral = items.find((i) => label(i) === '50')!;
    assert.ok(bilateral.tags?.includes(vscode.CompletionItemTag.Deprecated));
    assert.ok(labels.indexOf('50') > labels.indexOf('59'));
    assert.match(documentation(items[0]), /Modifier 51 — Multiple procedures/);
  });

  it('a POS cell offers CMS places of service with names', async () => {
    const document = await open('fee-schedule.csv');
    const items = await complete(document, positionOf(document, '22,Facial', 1));
    const office = items.find((i) => label(i) === '21');
    assert.equal(office && description(office), 'Inpatient Hospital');
  });

  it('cptLens.completion.enable turns it off', async () => {
    const document = await open('fee-schedule.csv');
    const config = vscode.workspace.getConfiguration('cptLens');
    await config.update('completion.enable', false, vscode.ConfigurationTarget.Workspace);
    try {
      assert.equal((await complete(document, positionOf(document, '64866,22', 4))).length, 0);
    } finally {
      await config.update('completion.enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

describe('completion in an 837P claim template', () => {
  it('SV1-01 after HC: offers codes, then modifiers for that code after the next colon', async () => {
    const document = await open('claim-template.837');
    const codes = await complete(document, positionOf(document, 'HC:64866', 7));
    assert.ok(codes.map(label).includes('64866'));
    const mods = await complete(document, positionOf(document, 'HC:64866:22', 9));
    assert.equal(label(mods[0]), '51');
    assert.equal(document.getText(rangeOf(mods[0])), '22', 'the modifier component is replaced, not the separators');
    assert.ok(mods.find((i) => label(i) === '50')?.tags?.includes(vscode.CompletionItemTag.Deprecated));
  });

  it('words in SV1-01 offer J1100 first; CLM05-1 and SV1-05 offer places of service', async () => {
    const document = await open('claim-template.837');
    const words = await complete(document, positionOf(document, 'dexamethasone 1 mg', 18));
    assert.equal(label(words[0]), 'J1100');
    assert.equal(lineAfter(document, words[0]), 'SV1*HC:J1100*12.4*UN*4***1~');
    const claim = await complete(document, positionOf(document, '22:B:1', 1));
    assert.ok(claim.map(label).includes('22'));
    const line = await complete(document, positionOf(document, '1*22**1', 3));
    assert.equal(description(line.find((i) => label(i) === '22')!), 'On Campus-Outpatient Hospital');
  });
});

describe('completion in a FHIR Claim', () => {
  it('productOrService code, item modifier and locationCodeableConcept', async () => {
    const document = await open('claim-template.json');
    const codes = await complete(document, positionOf(document, '"64866"', 5));
    assert.ok(codes.map(label).includes('64866'));
    const mods = await complete(document, positionOf(document, '"code": "22" }] }],', 9));
    assert.equal(label(mods[0]), '51');
    const pos = await complete(document, positionOf(document, '"code": "22" }] }\n', 9));
    assert.ok(pos.map(label).includes('11'));
    const words = await complete(document, positionOf(document, 'dexamethasone 1 mg', 18));
    assert.equal(label(words[0]), 'J1100');
    assert.match(lineAfter(document, words[0]), /"code": "J1100" \}\] \}$/);
  });
});

describe('completion in notes', () => {
  it('a code after "CPT" in Markdown, and the word trigger prefix', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Bill CPT 6486 today.\nFor ?facial nerve anastomosis use it.\n' });
    await vscode.window.showTextDocument(document);
    try {
      const codes = await complete(document, new vscode.Position(0, 13));
      assert.ok(codes.map(label).includes('64866'));
      const words = await complete(document, new vscode.Position(1, 29));
      assert.equal(label(words[0]), '64866');
      assert.equal(lineAfter(document, words[0]), 'For 64866 use it.');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

describe('completion in a large charge file', () => {
  it('far below the header, in a row just typed in, codes come from the rows around the cursor (the document is not joined per keystroke)', async function () {
    this.timeout(60_000);
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},"ITEM, ${i}",99213,,11,"$1,000.00 "`);
    const api = await cptLensApi();
    await api.ready();
    const checks = api.checkStats().fullChecks;
    // A file on disk: an untitled document may get the name of one a test before just closed.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-completion-')), 'charges.csv');
    fs.writeFileSync(file, `CDM,Description,CPT,MOD,POS,Charge\n${rows.join('\n')}\n`);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(document);
    try {
      assert.ok(await until(async () => api.checkStats().fullChecks > checks), 'the document was checked');
      const line = 4001;
      const at = document.lineAt(line).text.indexOf('99213');
      const before = api.checkStats();
      assert.ok(await editor.edit((e) => e.replace(new vscode.Range(line, at, line, at + 5), '6486')));
      assert.ok(await until(async () => api.checkStats().rowEdits > before.rowEdits), 'the edit of a row with quoted cells was a row edit');
      const items = await complete(document, new vscode.Position(line, at + 4));
      assert.ok(items.map(label).includes('64866'), items.map(label).join(' '));
      assert.ok(items.every((i) => rangeOf(i).start.line === line && rangeOf(i).start.character === at), 'each item replaces the typed code');
      assert.ok(api.checkStats().completionsInParts > before.completionsInParts, 'completion read the session\'s parts of the text');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
