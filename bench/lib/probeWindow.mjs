// What the bench's figures from a real VS Code share: the project's integration harness
// (test/harness/: code-server 4.100.3 + Chromium), and a probe, loaded in the extension host as the
// `extensionTestsPath`, that prints one line "PREFIX {json}" which the page's console hands back.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './util.mjs';

/** The harness, or why it cannot run (`pending`): code-server or Chromium not installed, no build. */
export async function loadHarness() {
  try {
    const harness = await import(path.join(ROOT, 'test', 'harness', 'code-server.mjs'));
    const deps = await import(path.join(ROOT, 'test', 'harness', 'ensure-deps.mjs'));
    if (!fs.existsSync(deps.CODE_SERVER_ENTRY)) return { pending: `code-server is not installed (${path.relative(ROOT, deps.CODE_SERVER_ENTRY)}); run \`node test/harness/ensure-deps.mjs\` once (npm test does it), then npm run bench` };
    if (!fs.existsSync(deps.CHROMIUM_PATH)) return { pending: `${deps.CHROMIUM_PATH} is missing; run \`node test/harness/ensure-deps.mjs\` once` };
    if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) return { pending: 'dist/extension.js is missing' };
    return { harness };
  } catch (e) {
    return { pending: `the integration harness could not be loaded: ${e.message}` };
  }
}

/**
 * Hands a page's probe lines (`PREFIX {json}`, parsed) to `onLine` and its exit code to `onExit`;
 * both are read when called, so that a caller may replace them between runs.
 */
export async function exposeProbe(page, prefix, handlers) {
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const text = Array.isArray(args) ? args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') : String(args);
    for (const line of text.split('\n')) if (line.startsWith(prefix)) handlers.onLine(JSON.parse(line.slice(prefix.length)));
  });
  await page.exposeFunction('codeAutomationExit', (code) => handlers.onExit(code));
}
