// Keystrokes in a real VS Code (code-server 4.100.3 = VS Code 1.100.3, through test/harness/): the
// time from an edit of a row's code to the moment the document's problems show it, in the bench's
// claim CSV (bench/inputs/claims-200k.csv: 200,000 service lines, 57,144 problems), its charge
// CSV (charges-100k.csv, 34 MB), its 837P (claims-10k.837p, 13 MB; since session 10 also written on
// one line, 7.5 MB) and its FHIR Bundle
// (eob-bundle.json, 6 MB: since session 9 the edited entry is read again), and, as the baseline, in a
// claim CSV of the first claim (7 lines):
// VS Code's round trip with next to no work. One window, the real extension, diagnostics debounce
// 0, documents up to 50 MB checked (the default since session 6); the files are copies in a fresh
// workspace (an edited file is reverted, never saved).
// bench/lib/editing-probe.cjs does the editing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { oneLineX12, ROOT } from './util.mjs';
import { CLAIM_CSV, INPUTS } from './inputs.mjs';
import { latency } from './stats.mjs';
import { exposeProbe, loadHarness } from './probeWindow.mjs';
import { hostTimeByOwner } from './hostProfile.mjs';

const PREFIX = '[cpt-lens-bench-editing]';
const PROBE = path.join(ROOT, 'bench', 'lib', 'editing-probe.cjs');

/** Returns { files: [{ name, bytes, lines, problems, firstMs, edit: latency }], vscode, pending?: reason }. */
export async function measureEditing({ edits = 20, timeoutMs = 240_000, log = () => {}, profileDir } = {}) {
  const { harness, pending } = await loadHarness();
  if (pending) return { files: [], pending };
  if (!fs.existsSync(CLAIM_CSV)) return { files: [], pending: `${path.relative(ROOT, CLAIM_CSV)} is missing` };
  const { startCodeServer, launchChromium, remoteUri, workbenchUrl } = harness;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-bench-edit-'));
  let server;
  let browser;
  try {
    const claims = fs.readFileSync(CLAIM_CSV, 'utf8');
    const claimLines = claims.split('\n');
    const charges = fs.readFileSync(INPUTS.csv, 'utf8');
    const x12 = fs.readFileSync(INPUTS.x12, 'utf8');
    const fhir = fs.readFileSync(INPUTS.fhir, 'utf8');
    fs.writeFileSync(path.join(folder, 'claims.csv'), claims);
    fs.writeFileSync(path.join(folder, 'claim.csv'), claimLines.slice(0, 8).join('\n') + '\n');
    fs.writeFileSync(path.join(folder, 'charges.csv'), charges);
    fs.writeFileSync(path.join(folder, 'claims.837p'), x12);
    // The same 837P written on one line, as X12 is sent (session 10: an edit re-reads its claim, and
    // what follows moves along the line).
    const x12OneLine = oneLineX12(x12);
    fs.writeFileSync(path.join(folder, 'claims-one-line.837p'), x12OneLine);
    fs.writeFileSync(path.join(folder, 'bundle.json'), fhir);
    // The first line of a claim in the middle of the claim file (it carries modifiers, whose
    // problems name its code), line 1 of the small one; the code is the third column.
    const middle = 1 + 7 * Math.floor((claimLines.length - 2) / 14);
    const spec = [
      { name: 'claim.csv', line: 1, character: 11 },
      { name: 'claims.csv', line: middle, character: claimLines[middle].indexOf(',', 9) + 1 },
      { name: 'charges.csv', ...chargeRow(charges) },
      { name: 'claims.837p', ...serviceLine(x12) },
      { name: 'claims-one-line.837p', line: 0, character: x12OneLine.indexOf('SV1*HC:', x12OneLine.length >> 1) + 7 },
      { name: 'bundle.json', ...hcpcsCoding(fhir) },
    ];
    if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
    fs.writeFileSync(path.join(folder, 'bench-editing.json'), JSON.stringify({ edits, files: spec, profileDir }));
    // files.autoSave off, as desktop VS Code has it: VS Code for the web (code-server) saves a
    // second after an edit by default, and so wrote the 6 MB Bundle between keystrokes (one run
    // caught the copy half written).
    server = await startCodeServer({ folder, skipEnsure: true, settings: { 'cptLens.diagnostics.debounceMs': 0, 'cptLens.maxFileSizeMB': 50, 'files.autoSave': 'off' } });
    browser = await launchChromium();
    let probe;
    let gotProbe;
    const got = new Promise((resolve) => { gotProbe = resolve; });
    await exposeProbe(browser.page, PREFIX, { onLine: (r) => { probe = r; gotProbe(); }, onExit: () => {} });
    await browser.page.goto(workbenchUrl(server.url, folder, [['extensionDevelopmentPath', remoteUri(ROOT)], ['extensionTestsPath', remoteUri(PROBE)]]), { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    let timer;
    await Promise.race([got, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no result from the extension host within ${timeoutMs / 1000} s`)), timeoutMs); })]);
    clearTimeout(timer);
    if (probe.error) throw new Error(`probe: ${probe.error}`);
    const files = probe.files.map(({ samples, changedSamples, profile, profiledEdits, openingProfile, ...f }) => ({
      ...f,
      // Extension-host milliseconds from opening to the first problems, by whose work they were.
      hostMsOpening: openingProfile ? byOwnerShare(hostTimeByOwner(openingProfile), 1) : undefined,
      edit: latency(samples),
      changed: latency(changedSamples),
      // Extension-host milliseconds per keystroke, by whose work they were (see hostProfile.mjs).
      hostMsPerEdit: profile ? byOwnerShare(hostTimeByOwner(profile), profiledEdits) : undefined,
      samples,
    }));
    for (const f of files) if (f.hostMsOpening) log(`editing ${f.name}: extension host from opening to the first problems: ${Object.entries(f.hostMsOpening).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ')}`);
    for (const f of files) if (f.hostMsPerEdit) log(`editing ${f.name}: extension host per keystroke: ${Object.entries(f.hostMsPerEdit).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')}`);
    for (const f of files) log(`editing ${f.name} (${f.lines} lines, ${f.problems} problems, opened after ${f.openedMs.toFixed(0)} ms, shown after ${f.shownMs.toFixed(0)} ms, first problems after ${f.firstMs.toFixed(0)} ms): edit to problems p50 ${f.edit.p50.toFixed(0)} ms, max ${f.edit.max.toFixed(0)} ms (the edit reached the extension host after ${f.changed.p50.toFixed(0)} ms p50; over the ${f.samples.length + 2} edits: ${f.checks.rowEdits} row edits, ${f.checks.fullChecks} full checks, ${f.checks.droppedChecks} dropped)`);
    return { files, vscode: 'code-server 4.100.3 (VS Code 1.100.3), Chromium headless' };
  } catch (e) {
    return { files: [], pending: `editing could not be measured: ${e.message.split('\n')[0]}` };
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Milliseconds by owner, largest first, divided by `parts` (the edits profiled; 1 for an opening). */
function byOwnerShare(byOwner, parts) {
  return Object.fromEntries(Object.entries(byOwner).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, v / parts]));
}

/** The first row from the middle of the charge CSV with quoted cells (its prices) whose fourth column is a five-digit code. */
function chargeRow(text) {
  const lines = text.split('\n');
  for (let line = Math.floor(lines.length / 2); line < lines.length; line++) {
    const m = /^[^,"]*,[^,"]*,[^,"]*,(\d{5}),/.exec(lines[line]);
    if (m && lines[line].includes('"')) return { line, character: m[0].length - 6 };
  }
  throw new Error('no row with quoted cells and a code in the charge CSV');
}

/** The first five-digit code of an HCPCS coding from the middle of the FHIR Bundle (an edit inside one entry: the entry is read again). */
function hcpcsCoding(text) {
  const lines = text.split('\n');
  for (let line = Math.floor(lines.length / 2); line < lines.length; line++) {
    if (!lines[line].includes('codesystem/hcpcs')) continue;
    for (let k = line; k < line + 4 && k < lines.length; k++) {
      const m = /"code" : "\d{5}"/.exec(lines[k]);
      if (m) return { line: k, character: m.index + m[0].length - 6 };
    }
  }
  throw new Error('no HCPCS coding with a five-digit code in the FHIR Bundle');
}

/** The first SV1 of the middle of the 837P, where its procedure code starts (after `HC:`). */
function serviceLine(text) {
  const lines = text.split('\n');
  for (let line = Math.floor(lines.length / 2); line < lines.length; line++) {
    const at = lines[line].indexOf('SV1*HC:');
    if (at >= 0) return { line, character: at + 7 };
  }
  throw new Error('no SV1 in the 837P');
}
