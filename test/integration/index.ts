// Entry point of the integration suite INSIDE the VS Code extension host (the `extensionTestsPath`).
// Compiled by `tsc -p .` to out/test/integration/index.js; started by test/harness/run-integration.mjs
// (code-server + chromium) or test/harness/run-electron.mjs (desktop VS Code via @vscode/test-electron).
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';

// mocha 11: require('mocha') is the Mocha class (mocha 12 would make it a namespace object with .default).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MochaModule = require('mocha');
const Mocha: typeof import('mocha') = MochaModule.default ?? MochaModule;

/** Line the harness parses to count this phase's results; keep in sync with run-integration.mjs. */
export const SUMMARY_PREFIX = '[cpt-lens-integration-summary]';

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

export function run(): Promise<void> {
  // The extension host forwards console arguments to the harness joined by spaces, without printf
  // formatting: format mocha's "%s (%dms)" lines here so the spec output reads as usual.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 20_000,
    color: false,
    reporter: 'spec',
    // `node test/harness/run-integration.mjs --grep PATTERN` passes the pattern through code-server's env.
    ...(process.env.CPT_LENS_TEST_GREP ? { grep: process.env.CPT_LENS_TEST_GREP } : {}),
  });
  // tsc never deletes outputs: skip a compiled test whose test/integration/**/*.test.ts source is gone.
  const sourceDir = path.resolve(__dirname, '..', '..', '..', 'test', 'integration');
  const files = findTests(__dirname).filter((f) => {
    const source = path.join(sourceDir, path.relative(__dirname, f)).replace(/\.js$/, '.ts');
    if (!fs.existsSync(sourceDir) || fs.existsSync(source)) return true;
    console.log(`skipping ${path.relative(__dirname, f)}: stale output, ${path.relative(sourceDir, source)} no longer exists`);
    return false;
  });
  for (const f of files) mocha.addFile(f);

  return new Promise<void>((resolve, reject) => {
    if (files.length === 0) {
      console.log(`${SUMMARY_PREFIX} ${JSON.stringify({ passed: 0, failed: 1, files: 0 })}`);
      reject(new Error(`no integration tests (*.test.js) found under ${__dirname}`));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures };
        console.log(`${SUMMARY_PREFIX} ${JSON.stringify({ passed: stats.passes, failed: stats.failures, files: files.length })}`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      console.log(`${SUMMARY_PREFIX} ${JSON.stringify({ passed: 0, failed: 1, files: files.length })}`);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
