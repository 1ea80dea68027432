// Activation time in a real VS Code (code-server 4.100.3 = VS Code 1.100.3, through the project's
// integration harness in test/harness/), one fresh window (so a fresh extension host) per run, on an
// empty workspace. Per run:
//   - the activation of CPT Lens from the extension host's own performance marks: require() of
//     dist/extension.js plus activate() (bench/lib/activation-probe.cjs reads them), and the same for
//     the baseline, the small built-in Grunt extension, which the probe activates in the same host;
//   - what activated CPT Lens (VS Code does it on its own while the window starts, e.g. on
//     onLanguage:plaintext), from the extension host log;
//   - data ready: the extension's own "Data loaded in N ms" line of the CPT Lens log (the load starts
//     right after activate() returns).
// Alone (the default): VS Code activates every extension of an event (onLanguage:jsonc while the
// window starts: TypeScript, JSON, Emmet, ... and CPT Lens) in one microtask checkpoint, so the
// will/didActivateExtension span of each also holds the synchronous activate() of the others started
// inside it (the probe lists them). To measure CPT Lens's own cost, the window loads a copy of the
// extension whose package.json has no activation events (dist/, data/ and the rest are symlinks to
// the real ones), and the probe activates it alone, as it does the baseline. `alone: false` measures
// the extension as VS Code activates it at start-up, with whatever activates beside it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './util.mjs';
import { exposeProbe, loadHarness } from './probeWindow.mjs';

const PREFIX = '[cpt-lens-bench-activation]';
const PROBE = path.join(ROOT, 'bench', 'lib', 'activation-probe.cjs');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function findFiles(dir, test, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const f = path.join(dir, e.name);
    if (e.isDirectory()) findFiles(f, test, out);
    else if (test(f)) out.push(f);
  }
  return out;
}

/** "Data loaded in N ms" lines of every CPT Lens log under code-server's user data dir, in file order. */
function dataLoadedLines(userDataDir) {
  const files = findFiles(path.join(userDataDir, 'logs'), (f) => /cpt-lens/i.test(f) && f.endsWith('.log'));
  const out = [];
  for (const f of files) for (const m of fs.readFileSync(f, 'utf8').matchAll(/Data loaded in (\d+) ms/g)) out.push({ file: f, ms: Number(m[1]) });
  return out;
}

/** Activation events of CPT Lens from the extension host logs, in file order. */
function activationReasons(userDataDir) {
  const files = findFiles(path.join(userDataDir, 'logs'), (f) => /exthost/i.test(path.basename(f)) && f.endsWith('.log'));
  const out = [];
  for (const f of files) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/_doActivateExtension cpt-lens\.cpt-lens, startup: (\w+), activationEvent: '([^']+)'/g)) out.push(m[2]);
  }
  return out;
}

/** A folder with the extension's files (symlinks) and a package.json without activation events. */
function copyWithoutActivationEvents() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-bench-ext-'));
  for (const name of fs.readdirSync(ROOT)) {
    if (name === 'package.json' || name.startsWith('.')) continue;
    fs.symlinkSync(path.join(ROOT, name), path.join(dir, name));
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  manifest.activationEvents = [];
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/** Returns { runs: [...], vscode, alone, pending?: reason }. */
export async function measureActivation({ runs = 3, timeoutMs = 90_000, deadline = Infinity, alone = true, log = () => {} } = {}) {
  const { harness, pending } = await loadHarness();
  if (pending) return { runs: [], pending };
  const { startCodeServer, launchChromium, remoteUri, workbenchUrl } = harness;
  const extension = alone ? copyWithoutActivationEvents() : ROOT;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-bench-ws-'));
  let server;
  let browser;
  const results = [];
  try {
    server = await startCodeServer({ folder, skipEnsure: true });
    browser = await launchChromium();
    let page = browser.page;
    const handlers = { onLine: () => {}, onExit: () => {} };
    const expose = (p) => exposeProbe(p, PREFIX, handlers);
    await expose(page);
    const url = workbenchUrl(server.url, folder, [
      ['extensionDevelopmentPath', remoteUri(extension)],
      ['extensionTestsPath', remoteUri(PROBE)],
    ]);
    for (let i = 0; i < runs; i++) {
      if (i > 0 && Date.now() > deadline) {
        log(`activation: stopping after ${i} run(s) to stay within the time budget`);
        break;
      }
      const before = dataLoadedLines(server.userDataDir).length;
      const reasonsBefore = activationReasons(server.userDataDir).length;
      let probe;
      const gotProbe = new Promise((resolve) => { handlers.onLine = (r) => { probe = r; resolve(); }; });
      const exited = new Promise((resolve) => { handlers.onExit = resolve; });
      const t0 = Date.now();
      if (i > 0) {
        // A new page (a new window, a new extension host) for each run.
        await page.close().catch(() => {});
        page = await browser.context.newPage();
        await expose(page);
      }
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
      let timer;
      const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no result from the extension host within ${timeoutMs / 1000} s`)), timeoutMs); });
      await Promise.race([gotProbe, timeout]);
      clearTimeout(timer);
      if (probe.error) throw new Error(`probe: ${probe.error}`);
      if (!probe.cptLens) throw new Error('the extension host has no activation marks for CPT Lens');
      await Promise.race([exited, sleep(5000)]);
      let loaded;
      for (const until = Date.now() + 5000; Date.now() < until && !loaded;) {
        loaded = dataLoadedLines(server.userDataDir)[before];
        if (!loaded) await sleep(200);
      }
      const r = {
        activateMs: probe.cptLens.totalMs,
        requireMs: probe.cptLens.loadMs,
        activateCallMs: probe.cptLens.activateMs,
        baselineMs: probe.baseline?.totalMs,
        baselineId: probe.baselineId,
        reason: activationReasons(server.userDataDir)[reasonsBefore],
        dataLoadedMs: loaded?.ms,
        activatedWithin: probe.activatedWithin ?? [],
        probe,
        windowSeconds: (Date.now() - t0) / 1000,
      };
      log(`activation run ${i + 1}: CPT Lens ${r.activateMs} ms (require ${r.requireMs} + activate ${r.activateCallMs}), ` +
        `Grunt ${r.baselineMs} ms, data loaded in ${r.dataLoadedMs} ms${r.reason ? ` (${r.reason})` : ''}` +
        `${r.activatedWithin.length ? `; inside its span also activated: ${r.activatedWithin.join(', ')}` : ''}; window ${r.windowSeconds.toFixed(1)} s`);
      results.push(r);
    }
    return { runs: results, vscode: 'code-server 4.100.3 (VS Code 1.100.3), Chromium headless', alone };
  } catch (e) {
    return { runs: results, alone, pending: `activation could not be measured: ${e.message.split('\n')[0]}` };
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    fs.rmSync(folder, { recursive: true, force: true });
    if (extension !== ROOT) fs.rmSync(extension, { recursive: true, force: true });
  }
}
