// Runs the integration tests against a real VS Code (code-server 4.100.3 + Debian chromium), offline:
//   phase 1: the mocha suite out/test/integration/**/*.test.js INSIDE the extension host
//            (extensionDevelopmentPath = the repo, extensionTestsPath = out/test/integration/index.js),
//            workspace trust off, on test/fixtures/workspace;
//   phase 1b: the same host again with workspace trust ON and test/fixtures/untrusted-workspace not
//            trusted (restricted mode); only the suites titled "untrusted workspace:" run, and they
//            register only when CPT_LENS_PASS=untrusted (see test/integration/trust.test.ts);
//   phase 2: browser-level UI tests, mocha in Node over test/ui/*.test.mjs (see ui-fixture.mjs).
// Usage: npm run test:integration   (compiles and builds first), or
//        node test/harness/run-integration.mjs [--host-only | --ui-only | --untrusted-only]
//                                              [--grep PATTERN (all phases; phase 1b only when
//                                               PATTERN matches "untrusted workspace:" or with --untrusted-only)]
// Env:   INTEGRATION_TIMEOUT_S (limit per in-host pass, default 420: a hang guard, generous for a loaded machine), HARNESS_HEADED=1 (visible browser, needs a display).
// Ends with the line "integration: N passed, N failed" and exits non-zero on any failure, including a
// dependency that cannot be installed (the message says what to run by hand).
import fs from 'node:fs';
import path from 'node:path';
import { ensureDeps } from './ensure-deps.mjs';
import { launchChromium, log, remoteUri, REPO_ROOT, startCodeServer, workbenchUrl } from './code-server.mjs';

const SUMMARY_PREFIX = '[cpt-lens-integration-summary]'; // printed by test/integration/index.ts
const TESTS_INDEX = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
const WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
const UNTRUSTED_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'untrusted-workspace');
/** Title prefix of the suites phase 1b runs (mocha grep is a regular expression over full titles). */
const UNTRUSTED_SUITES = 'untrusted workspace:';
const UI_DIR = path.join(REPO_ROOT, 'test', 'ui');
const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');
const TIMEOUT_S = Number(process.env.INTEGRATION_TIMEOUT_S || 420);

const argv = process.argv.slice(2);
const hostOnly = argv.includes('--host-only');
const uiOnly = argv.includes('--ui-only');
const untrustedOnly = argv.includes('--untrusted-only');
const grepIdx = argv.indexOf('--grep');
const grep = grepIdx >= 0 ? argv[grepIdx + 1] : undefined;

const totals = { passed: 0, failed: 0 };
const cleanups = new Set();

async function cleanupAll() {
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn);
    try {
      await fn();
    } catch (e) {
      log(`cleanup error: ${e.message}`);
    }
  }
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, async () => {
    log(`${sig}: stopping code-server and the browser`);
    await cleanupAll();
    process.exit(130);
  });
}

function ensureWorkspace() {
  if (!fs.existsSync(WORKSPACE)) fs.mkdirSync(WORKSPACE, { recursive: true });
  const readme = path.join(WORKSPACE, 'README.md');
  if (!fs.existsSync(readme)) {
    fs.writeFileSync(readme, '# CPT Lens test workspace\n\nFiles here are opened by the integration and UI tests.\n');
  }
}

function formatLogArgs(args) {
  if (Array.isArray(args)) return args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  return typeof args === 'string' ? args : JSON.stringify(args);
}

/** The two in-host passes: the whole suite trusted, then the restricted-mode suites untrusted. */
const HOST_PASSES = {
  trusted: { phase: 'phase 1', what: 'mocha suite inside the VS Code extension host', folder: WORKSPACE, workspaceTrust: false, artifact: 'integration-host', env: grep ? { CPT_LENS_TEST_GREP: grep } : {} },
  untrusted: {
    phase: 'phase 1b',
    what: `"${UNTRUSTED_SUITES}" suites in restricted mode (workspace trust on, folder not trusted)`,
    folder: UNTRUSTED_WORKSPACE,
    workspaceTrust: true,
    artifact: 'integration-untrusted',
    env: {
      CPT_LENS_PASS: 'untrusted',
      // Only the untrusted suites, and of those only what --grep asks for.
      CPT_LENS_TEST_GREP: `^${grep ? `(?=.*(?:${grep}))` : ''}${UNTRUSTED_SUITES}`,
    },
  },
};

/** Phase 1 / 1b: mocha inside the extension host. Returns { passed, failed }. */
async function runHostSuite(pass) {
  const { phase } = pass;
  log(`${phase}: ${pass.what}`);
  if (!fs.existsSync(TESTS_INDEX)) {
    throw new Error(`${path.relative(REPO_ROOT, TESTS_INDEX)} is missing: compile first with\n  npx tsc -p .   (or: npm run test:integration)`);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  if (pkg.main && !fs.existsSync(path.resolve(REPO_ROOT, pkg.main))) {
    log(`warning: the extension's main ${pkg.main} does not exist (run: node scripts/build.mjs); it cannot activate`);
  }

  const server = await startCodeServer({ folder: pass.folder, workspaceTrust: pass.workspaceTrust, env: pass.env });
  cleanups.add(server.stop);
  log(`code-server ${server.url} (pid ${server.pid}) on ${path.relative(REPO_ROOT, pass.folder)}`);
  const browser = await launchChromium();
  cleanups.add(browser.close);
  const { page } = browser;

  let summary = null;
  let sawOutput = false;
  let resolveExit;
  const exitCode = new Promise((r) => { resolveExit = r; });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = formatLogArgs(args);
    if (/ENOTFOUND open-vsx\.org/.test(text)) return; // harmless: no extension gallery offline
    for (const line of text.split('\n')) {
      if (line.startsWith(SUMMARY_PREFIX)) {
        try {
          summary = JSON.parse(line.slice(SUMMARY_PREFIX.length));
        } catch { /* ignore */ }
        continue;
      }
      sawOutput = true;
      process.stdout.write(`${type === 'error' ? '[host:error] ' : ''}${line}\n`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    resolveExit(Number(code));
  });

  const url = workbenchUrl(server.url, pass.folder, [
    ['extensionDevelopmentPath', remoteUri(REPO_ROOT)],
    ['extensionTestsPath', remoteUri(TESTS_INDEX)],
  ]);
  const started = Date.now();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  let timer;
  const timeout = new Promise((r) => { timer = setTimeout(() => r('timeout'), TIMEOUT_S * 1000); });
  const serverDied = new Promise((r) => {
    const iv = setInterval(() => {
      if (server.exited()) {
        clearInterval(iv);
        r('server-exited');
      }
    }, 500);
    cleanups.add(() => clearInterval(iv));
  });
  const outcome = await Promise.race([exitCode, timeout, serverDied]);
  clearTimeout(timer);
  const secs = ((Date.now() - started) / 1000).toFixed(1);

  if (typeof outcome !== 'number') {
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${pass.artifact}-timeout.png`) }).catch(() => {});
    fs.writeFileSync(path.join(ARTIFACTS_DIR, `${pass.artifact}.code-server.log`), server.output());
    const why = outcome === 'timeout'
      ? `the suite did not finish within ${TIMEOUT_S} s (no codeAutomationExit)`
      : `code-server exited (${JSON.stringify(server.exited())})`;
    log(`${phase} FAILED: ${why}. Screenshot and code-server log in test-artifacts/. code-server output (tail):\n` +
      server.output().slice(-3000));
    return { passed: summary?.passed ?? 0, failed: Math.max(1, summary?.failed ?? 0) };
  }
  if (!sawOutput && !summary) log('warning: no output came from the extension host (codeAutomationLog)');
  if (outcome !== 0) {
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS_DIR, `${pass.artifact}.code-server.log`), server.output());
  }
  const result = summary
    ? { passed: summary.passed, failed: summary.failed }
    : { passed: 0, failed: outcome === 0 ? 0 : 1 };
  if (outcome !== 0 && result.failed === 0) result.failed = 1; // e.g. index.js failed to load: count it
  if (outcome === 0 && !summary) {
    log(`${phase} FAILED: the extension host exited 0 but the suite printed no summary (was test/integration/index.ts used?)`);
    result.failed = 1;
  }
  log(`${phase} ${outcome === 0 && result.failed === 0 ? 'passed' : 'FAILED'} in ${secs} s (exit ${outcome}): ` +
    `${result.passed} passed, ${result.failed} failed`);

  await browser.close();
  cleanups.delete(browser.close);
  await server.stop();
  cleanups.delete(server.stop);
  return result;
}

/** Phase 2: browser-level UI tests with mocha in this Node process. Returns { passed, failed }. */
async function runUiSuite() {
  log('phase 2: browser-level UI tests (test/ui/*.test.mjs)');
  const files = fs.existsSync(UI_DIR)
    ? fs.readdirSync(UI_DIR).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => path.join(UI_DIR, f))
    : [];
  if (files.length === 0) {
    log('phase 2: no UI tests in test/ui/');
    return { passed: 0, failed: 0 };
  }
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, reporter: 'spec', color: !!process.stdout.isTTY, grep });
  for (const f of files) mocha.addFile(f);
  await mocha.loadFilesAsync();
  const started = Date.now();
  const stats = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
  });
  mocha.dispose();
  log(`phase 2 ${stats.failures ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
    `${stats.passes} passed, ${stats.failures} failed`);
  return { passed: stats.passes, failed: stats.failures };
}

async function main() {
  const t0 = Date.now();
  try {
    await ensureDeps();
  } catch (e) {
    process.stderr.write(`\n${e.message}\n\n`);
    log('cannot run the integration tests: a dependency could not be installed (see above)');
    totals.failed += 1;
    return;
  }
  ensureWorkspace();
  // A --grep that names other suites (e.g. `--grep soak`) does not pay for a second VS Code start.
  const untrustedWanted = untrustedOnly || !grep || new RegExp(grep).test(UNTRUSTED_SUITES);
  const passes = uiOnly ? [] : untrustedOnly ? [HOST_PASSES.untrusted] : [HOST_PASSES.trusted, ...(untrustedWanted ? [HOST_PASSES.untrusted] : [])];
  for (const pass of passes) {
    try {
      const r = await runHostSuite(pass);
      totals.passed += r.passed;
      totals.failed += r.failed;
    } catch (e) {
      process.stderr.write(`[harness] ${pass.phase} FAILED: ${e.stack || e.message}\n`);
      totals.failed += 1;
    } finally {
      await cleanupAll();
    }
  }
  if (!hostOnly && !untrustedOnly) {
    try {
      const r = await runUiSuite();
      totals.passed += r.passed;
      totals.failed += r.failed;
    } catch (e) {
      process.stderr.write(`[harness] phase 2 FAILED: ${e.stack || e.message}\n`);
      totals.failed += 1;
    } finally {
      await cleanupAll();
    }
  }
  log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

await main();
await cleanupAll();
console.log(`integration: ${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;
// Leftover handles (a hung browser, mocha's) must not keep the process alive.
setTimeout(() => process.exit(process.exitCode), 2000).unref();
