// Runs INSIDE a real VS Code extension host (code-server), loaded as the `extensionTestsPath` by
// bench/lib/editing.mjs. For each file its spec names (bench-editing.json in the workspace), it
// opens the file, waits for CPT Lens's first problems, then times keystrokes in a data row: from the
// edit to the document's next change of problems (diagnostics debounce 0 in the settings), so what
// is timed is the extension's work (the row edit, the problems made from the findings and handed to
// VS Code) plus VS Code's own round trip, which the small file of the spec gives alone.
// Prints one line "[cpt-lens-bench-editing] {json}" that the harness reads.
'use strict';
const fs = require('fs');
const path = require('path');
const PREFIX = '[cpt-lens-bench-editing]';
const ID = 'cpt-lens.cpt-lens';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function measure(vscode, folder, file, edits) {
  const uri = vscode.Uri.file(path.join(folder, file.name));
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'CPT Lens');
  const t0 = performance.now();
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  while (ours().length === 0) {
    if (performance.now() - t0 > 120_000) throw new Error(`no problems in ${file.name} within 120 s`);
    await sleep(10);
  }
  const firstMs = performance.now() - t0;
  const problems = ours().length;
  // The code cell of the row: the third column.
  const row = document.lineAt(file.line).text;
  const at = row.indexOf(',', row.indexOf(',') + 1) + 1;
  const cell = new vscode.Range(file.line, at, file.line, at + 5);
  const samples = [];
  for (let i = 0; i < 2 + edits; i++) {
    const to = document.getText(cell) === '99214' ? '99213' : '99214';
    const changed = new Promise((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri.toString())) {
          sub.dispose();
          resolve(performance.now());
        }
      });
    });
    const t = performance.now();
    if (!(await editor.edit((b) => b.replace(cell, to)))) throw new Error(`edit ${i} of ${file.name} was not applied`);
    const done = await changed;
    if (i >= 2) samples.push(done - t);
  }
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return { name: file.name, bytes: fs.statSync(uri.fsPath).size, lines: document.lineCount, problems, firstMs, samples };
}

exports.run = async function run() {
  const vscode = require('vscode');
  const out = { files: [] };
  try {
    const api = await vscode.extensions.getExtension(ID).activate();
    await api.ready();
    const folder = vscode.workspace.workspaceFolders[0].uri.fsPath;
    const spec = JSON.parse(fs.readFileSync(path.join(folder, 'bench-editing.json'), 'utf8'));
    for (const file of spec.files) out.files.push(await measure(vscode, folder, file, spec.edits));
  } catch (e) {
    out.error = String((e && e.stack) || e);
  }
  console.log(`${PREFIX} ${JSON.stringify(out)}`);
};
