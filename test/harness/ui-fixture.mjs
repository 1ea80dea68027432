// Fixture for browser-level UI tests (test/ui/*.test.mjs, run by mocha in Node by run-integration.mjs,
// or by hand: npx mocha --timeout 120000 test/ui/x.test.mjs).
//
//   import assert from 'node:assert/strict';
//   import { useWorkbench } from '../harness/ui-fixture.mjs';
//
//   describe('hover', function () {
//     const wb = useWorkbench({ files: { 'fees.csv': 'code,fee\n99213,92.00\n' } });
//     it('shows a code card', async () => {
//       await wb.openFile('fees.csv');
//       assert.match(await wb.hoverText('99213'), /office/i);
//     });
//   });
//
// useWorkbench() registers mocha hooks in the enclosing describe: `before` starts code-server on a fresh
// copy of the folder and opens the workbench in chromium with CPT Lens loaded (extensionDevelopmentPath),
// `afterEach` keeps a screenshot (and the code-server log) of every failed test in test-artifacts/,
// `after` closes the browser and stops code-server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, log, remoteUri, REPO_ROOT, startCodeServer, workbenchUrl } from './code-server.mjs';

export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');
export const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const safeName = (s) => s.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'shot';

/**
 * Starts code-server + chromium with the extension loaded and returns the workbench handle
 * (call close() yourself; useWorkbench() does it for you in mocha).
 * Options:
 *   folder         folder to copy as the workspace (default test/fixtures/workspace; absolute or repo-relative)
 *   files          { 'rel/path': 'content' } written into the workspace copy
 *   copy           false to open `folder` itself instead of a temp copy (default true)
 *   settings       extra User settings (merged over the harness defaults)
 *   extensionPath  extension under development (default: the repo root; null for none)
 *   vsix           a .vsix installed into the server's extensions folder before it starts
 *   payload        extra [key, value] pairs for the workbench URL payload
 */
export async function startWorkbench(options = {}) {
  const {
    folder = FIXTURE_WORKSPACE,
    files = {},
    copy = true,
    settings = {},
    extensionPath = REPO_ROOT,
    payload = [],
    vsix,
  } = options;
  const source = path.resolve(REPO_ROOT, folder);
  let workspace = source;
  let tempRoot = null;
  if (copy) {
    tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-ws-'));
    workspace = path.join(tempRoot, path.basename(source));
    if (fs.existsSync(source)) fs.cpSync(source, workspace, { recursive: true });
    else fs.mkdirSync(workspace, { recursive: true });
  }
  for (const [rel, content] of Object.entries(files)) {
    const f = path.join(workspace, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, content);
  }

  const server = await startCodeServer({ folder: workspace, settings, vsix });
  let browser;
  try {
    browser = await launchChromium();
  } catch (e) {
    await server.stop();
    throw e;
  }
  const { page } = browser;
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  // Console errors that explain a missing hover/problem: the extension failed to load or activate.
  const extensionErrors = () => consoleErrors.filter((e) => /Activating extension|Extension host|Cannot find module/i.test(e))
    .map((e) => e.split('\n').slice(0, 3).join(' | '));
  const hint = () => (extensionErrors().length ? `\nextension errors in the browser console:\n  ${extensionErrors().join('\n  ')}` : '');

  const wb = {
    server,
    extensionErrors,
    browser,
    page,
    folder: workspace,
    consoleErrors,
    /** Absolute path of a workspace file. */
    path: (rel) => path.join(workspace, rel),

    /** Opens a workspace file (path relative to the workspace) in the editor and waits until its text shows. */
    async openFile(relPath, { timeout = 20_000 } = {}) {
      const abs = path.join(workspace, relPath);
      if (!fs.existsSync(abs)) throw new Error(`openFile: ${relPath} does not exist in ${workspace}`);
      const base = path.basename(relPath);
      const deadline = Date.now() + timeout;
      // Quick Open (Ctrl+P) with the absolute path: VS Code offers an existing absolute path at once,
      // while a relative one waits for the first file search (measured 3-10 s on a cold workbench).
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(abs);
      const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: base }).first();
      try {
        await row.waitFor({ state: 'visible', timeout: Math.min(10_000, Math.max(1000, deadline - Date.now())) });
        await page.keyboard.press('Enter');
      } catch {
        // Fallback: reload the workbench with an openFile payload (slower, loses the UI state).
        log(`openFile(${relPath}): Quick Open offered no row; reloading the workbench with an openFile payload`);
        await page.keyboard.press('Escape');
        await wb.goto([['openFile', remoteUri(abs)]]);
      }
      const remaining = () => Math.max(5000, deadline - Date.now());
      await page.locator('.editor-group-container.active .tab.active', { hasText: base }).first()
        .waitFor({ state: 'visible', timeout: remaining() });
      await page.locator('.editor-group-container.active .monaco-editor .view-line').first()
        .waitFor({ state: 'visible', timeout: remaining() });
    },

    /**
     * Hovers the first occurrence of `token` in the visible editor text and returns the hover's innerText
     * (it also holds diagnostic messages: match with includes). Options: expect (text the hover must
     * contain), occurrence (0-based), timeout (15 s).
     */
    async hoverText(token, { expect, occurrence = 0, timeout = 15_000 } = {}) {
      const box = await page.evaluate(({ token, occurrence }) => {
        // The active editor's lines first (in screen order: Monaco reuses line nodes), then any other editor's.
        const linesOf = (sel) => [...document.querySelectorAll(sel)]
          .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
        const active = linesOf('.editor-group-container.active .monaco-editor .view-lines .view-line');
        const lines = [...new Set([...active, ...linesOf('.monaco-editor .view-lines .view-line')])];
        let seen = 0;
        for (const line of lines) {
          const text = (line.textContent ?? '').replace(/\u00a0/g, ' ');
          let from = 0;
          for (;;) {
            const idx = text.indexOf(token, from);
            if (idx < 0) break;
            from = idx + 1;
            if (seen++ < occurrence) continue;
            // Map the character offsets onto text nodes and measure with a DOM Range.
            const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
            const range = document.createRange();
            let pos = 0;
            let startSet = false;
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const len = n.textContent.length;
              if (!startSet && idx < pos + len) {
                range.setStart(n, idx - pos);
                startSet = true;
              }
              if (startSet && idx + token.length <= pos + len) {
                range.setEnd(n, idx + token.length - pos);
                break;
              }
              pos += len;
            }
            const r = range.getBoundingClientRect();
            return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          }
        }
        return { notFound: lines.map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')).slice(0, 40) };
      }, { token, occurrence });
      if (box.notFound) {
        throw new Error(`hoverText: "${token}" is not in the visible editor lines:\n${box.notFound.join('\n')}`);
      }
      const deadline = Date.now() + timeout;
      const visibleHoverText = () => page.evaluate(() => [...document.querySelectorAll('.monaco-hover')]
        .filter((h) => h.offsetParent !== null && !h.classList.contains('hidden'))
        .map((h) => h.innerText.trim()).filter(Boolean).join('\n'));
      // Dismiss a hover still showing for another token, or it would be read instead of the new one.
      if (await visibleHoverText()) {
        await page.keyboard.press('Escape');
        await page.mouse.move(1, 1, { steps: 2 });
        for (const until = Date.now() + 3000; Date.now() < until && (await visibleHoverText());) await sleep(100);
      }
      let attempt = 0;
      let lastText = '';
      while (Date.now() < deadline) {
        // Come from a little away each time so the editor sees a fresh mouse move onto the token.
        await page.mouse.move(box.x - 40 - 10 * (attempt % 3), box.y + 60, { steps: 2 });
        await page.mouse.move(box.x, box.y, { steps: 5 });
        const until = Math.min(deadline, Date.now() + 2500);
        while (Date.now() < until) {
          lastText = await visibleHoverText();
          if (lastText && (expect === undefined || lastText.includes(expect))) return lastText;
          await sleep(150);
        }
        attempt++;
        if (process.env.HARNESS_DEBUG) log(`hoverText("${token}"): attempt ${attempt} saw ${JSON.stringify(lastText.slice(0, 80))}`);
      }
      throw new Error(`hoverText: no hover${expect === undefined ? '' : ` containing "${expect}"`} over "${token}" ` +
        `within ${timeout / 1000} s${lastText ? `; last hover text:\n${lastText}` : ''}${hint()}`);
    },

    /**
     * Opens the Problems panel (Ctrl+Shift+M) and returns its rows' text, one row per line.
     * Options: expect (wait until the text includes it, else throw), timeout (10 s). Without expect it
     * waits for the first row and returns '' after the timeout (pass a short timeout to check for none).
     */
    async problemsText({ expect, timeout = 10_000 } = {}) {
      const panel = page.locator('.markers-panel');
      if (!(await panel.isVisible().catch(() => false))) {
        await page.keyboard.press('Control+Shift+M');
        await panel.waitFor({ state: 'visible', timeout: 10_000 });
      }
      const deadline = Date.now() + timeout;
      let text = '';
      for (;;) {
        text = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts())
          .map((t) => t.replace(/\s*\n\s*/g, ' ').trim()).join('\n');
        if (expect === undefined ? text !== '' : text.includes(expect)) return text;
        if (Date.now() > deadline) {
          if (expect === undefined) return text;
          throw new Error(`problemsText: "${expect}" not in the Problems panel within ${timeout / 1000} s:\n${text}${hint()}`);
        }
        await sleep(200);
      }
    },

    /** Saves a PNG of the page to test-artifacts/<name>.png and returns its path. */
    async screenshot(name) {
      fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const file = path.join(ARTIFACTS_DIR, `${safeName(name)}.png`);
      await page.screenshot({ path: file });
      return file;
    },

    /** (Re)loads the workbench, with the extension and any extra payload pairs. */
    async goto(extraPayload = []) {
      const url = workbenchUrl(server.url, workspace, [
        // extensionPath null: only installed extensions (a .vsix test).
        ...(extensionPath ? [['extensionDevelopmentPath', remoteUri(extensionPath)]] : []),
        ...payload,
        ...extraPayload,
      ]);
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      // The explorer shows the folder once the remote connection and the workbench are restored.
      await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 }).catch(() => {});
    },

    async close() {
      await browser.close();
      await server.stop();
      if (tempRoot) fs.rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
    },
  };

  try {
    await wb.goto();
  } catch (e) {
    try {
      await wb.screenshot('workbench-start-failed');
    } catch { /* ignore */ }
    await wb.close();
    throw new Error(`the workbench did not load: ${e.message}\ncode-server output:\n${server.output().slice(-3000)}`);
  }
  return wb;
}

/**
 * Mocha helper: call inside describe(). Returns a handle whose properties (page, openFile, hoverText,
 * problemsText, screenshot, folder, server, ...) are filled in by the `before` hook.
 */
export function useWorkbench(options = {}) {
  const { before, after, afterEach } = globalThis;
  if (typeof before !== 'function') throw new Error('useWorkbench() must be called inside a mocha describe()');
  const handle = {};
  let wb = null;
  before(async function () {
    this.timeout(options.startTimeout ?? 120_000);
    wb = await startWorkbench(options);
    Object.assign(handle, wb);
  });
  afterEach(async function () {
    const t = this.currentTest;
    if (!wb || !t || t.state !== 'failed') return;
    const name = `${path.basename(t.file ?? 'ui', '.test.mjs')}--${t.fullTitle()}--failed`;
    try {
      const file = await wb.screenshot(name);
      fs.writeFileSync(file.replace(/\.png$/, '.code-server.log'), wb.server.output());
      if (wb.consoleErrors.length) fs.writeFileSync(file.replace(/\.png$/, '.console.txt'), wb.consoleErrors.join('\n'));
      log(`failure screenshot: ${path.relative(REPO_ROOT, file)}`);
      for (const e of wb.extensionErrors()) log(`extension error seen in the browser: ${e}`);
    } catch (e) {
      log(`could not take the failure screenshot: ${e.message}`);
    }
  });
  after(async function () {
    this.timeout(30_000);
    if (wb) await wb.close();
    wb = null;
  });
  return handle;
}
