// Runs INSIDE a real VS Code extension host (code-server), loaded as the `extensionTestsPath` by
// bench/lib/editing.mjs. For each file its spec names (bench-editing.json in the workspace), it
// opens the file, waits for CPT Lens's first problems, then types over the code of one row, from its
// own code to 99999 (unknown, so the row's problems name it) and back, and times each keystroke
// from the edit to the moment the document's problems show it (the row's problems name 99999, or
// no longer do), diagnostics debounce 0 in the settings. What is timed is VS Code's round
// trip for the edit (it grows with the document) plus the extension's work: the row edit, the
// problems made from the findings and handed to VS Code. Also timed: when the edit reached the
// extension host (its change event). With `profileDir` in the spec, the opening (to the first
// problems) and the edits of each file are CPU-profiled into it (bench/lib/hostProfile.mjs says
// whose work the time was).
// Prints one line "[cpt-lens-bench-editing] {json}" that the harness reads.
'use strict';
const fs = require('fs');
const path = require('path');
const PREFIX = '[cpt-lens-bench-editing]';
const ID = 'cpt-lens.cpt-lens';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function measure(vscode, api, folder, file, edits, profileDir) {
  const uri = vscode.Uri.file(path.join(folder, file.name));
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'CPT Lens');
  const openProfiler = profileDir ? await startProfiler() : undefined;
  const t0 = performance.now();
  const document = await vscode.workspace.openTextDocument(uri);
  const openedMs = performance.now() - t0;
  const editor = await vscode.window.showTextDocument(document);
  const shownMs = performance.now() - t0;
  while (ours().length === 0) {
    if (performance.now() - t0 > 120_000) throw new Error(`no problems in ${file.name} within 120 s`);
    await sleep(10);
  }
  const firstMs = performance.now() - t0;
  let openingProfile;
  if (openProfiler) {
    openingProfile = path.join(profileDir, `opening-${file.name}.cpuprofile`);
    fs.writeFileSync(openingProfile, JSON.stringify(await openProfiler.stop()));
  }
  const problems = ours().length;
  const cell = new vscode.Range(file.line, file.character, file.line, file.character + 5);
  // The coder types where they look: VS Code shows 1,000 problems per file, CPT Lens those on screen.
  editor.revealRange(cell, vscode.TextEditorRevealType.InCenter);
  // With the cursor there (since session 10: on a line holding more problems than VS Code shows, a
  // file written on one line, CPT Lens shows those nearest the cursor).
  editor.selection = new vscode.Selection(cell.start, cell.start);
  const own = document.getText(cell);
  // Whether the row's problems show `code` as the row's code (99999 named, or no longer named).
  const shows = (code) => {
    const named = ours().some((d) => d.range.start.line === file.line && d.message.includes('99999'));
    return code === '99999' ? named : !named;
  };
  const samples = [];
  // When the edit reached the extension host (VS Code's part of the round trip ends there).
  const changedSamples = [];
  let changedAt = 0;
  const changes = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.uri.toString() === uri.toString() && !changedAt) changedAt = performance.now();
  });
  const profiler = profileDir ? await startProfiler() : undefined;
  const statsBefore = api.checkStats();
  for (let i = 0; i < 2 + edits; i++) {
    const to = i % 2 ? own : '99999';
    let sub;
    const shown = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the problems of ${file.name} did not follow edit ${i} within 60 s`)), 60_000);
      sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri.toString()) && shows(to)) {
          clearTimeout(timer);
          resolve(performance.now());
        }
      });
    });
    changedAt = 0;
    const t = performance.now();
    if (!(await editor.edit((b) => b.replace(cell, to)))) throw new Error(`edit ${i} of ${file.name} was not applied`);
    const done = await shown.finally(() => sub.dispose());
    if (i >= 2) {
      samples.push(done - t);
      changedSamples.push(changedAt - t);
    }
  }
  changes.dispose();
  // How the extension took the edits: row edits, full checks (any check options), dropped checks.
  const statsAfter = api.checkStats();
  const checks = Object.fromEntries(['rowEdits', 'fullChecks', 'slicedChecks', 'droppedChecks'].map((k) => [k, statsAfter[k] - statsBefore[k]]));
  let profile;
  if (profiler) {
    profile = path.join(profileDir, `editing-${file.name}.cpuprofile`);
    fs.writeFileSync(profile, JSON.stringify(await profiler.stop()));
  }
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return { name: file.name, bytes: fs.statSync(uri.fsPath).size, lines: document.lineCount, problems, openedMs, shownMs, firstMs, samples, changedSamples, profile, profiledEdits: profile ? 2 + edits : undefined, openingProfile, checks };
}

/** The extension host's CPU profiler (node:inspector in this process), sampling every 200 µs. */
async function startProfiler() {
  const inspector = require('inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params = {}) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = await post('Profiler.stop');
      session.disconnect();
      return profile;
    },
  };
}

exports.run = async function run() {
  const vscode = require('vscode');
  const out = { files: [] };
  try {
    const api = await vscode.extensions.getExtension(ID).activate();
    await api.ready();
    const folder = vscode.workspace.workspaceFolders[0].uri.fsPath;
    const spec = JSON.parse(fs.readFileSync(path.join(folder, 'bench-editing.json'), 'utf8'));
    for (const file of spec.files) out.files.push(await measure(vscode, api, folder, file, spec.edits, spec.profileDir));
  } catch (e) {
    out.error = String((e && e.stack) || e);
  }
  console.log(`${PREFIX} ${JSON.stringify(out)}`);
};
