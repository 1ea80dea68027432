// Alternative runner for machines with desktop VS Code (not used by CI, which has no internet to
// download VS Code: there, use run-integration.mjs with code-server). Runs the same in-host mocha
// suite (out/test/integration/index.js) through @vscode/test-electron's runTests.
//
//   npx tsc -p . && node scripts/build.mjs && node test/harness/run-electron.mjs
//
// Env:
//   VSCODE_EXECUTABLE_PATH  a local VS Code binary (e.g. /usr/share/code/code, or on macOS
//                           "/Applications/Visual Studio Code.app/Contents/MacOS/Electron"); without it
//                           test-electron downloads VS Code VSCODE_VERSION into .vscode-test/ (needs internet)
//   VSCODE_VERSION          version to download when no executable is given (default 1.100.3)
// On a headless Linux box, run under a display, e.g.: xvfb-run -a node test/harness/run-electron.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const extensionTestsPath = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
const workspace = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');

if (!fs.existsSync(extensionTestsPath)) {
  console.error(`[harness] ${path.relative(REPO_ROOT, extensionTestsPath)} is missing: run npx tsc -p . first`);
  process.exit(1);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-electron-'));
const userDataDir = path.join(tmp, 'user-data');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
  'editor.hover.delay': 100,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
}, null, 2));

let code = 1;
try {
  code = await runTests({
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath,
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
    version: process.env.VSCODE_EXECUTABLE_PATH ? undefined : (process.env.VSCODE_VERSION || '1.100.3'),
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions stay off; the one under development loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${userDataDir}`,
      `--extensions-dir=${path.join(tmp, 'extensions')}`,
    ],
  });
} catch (err) {
  console.error(`[harness] VS Code (electron) tests failed: ${err?.message ?? err}`);
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT/.test(String(err?.message ?? err))) {
    console.error('[harness] VS Code could not be downloaded (offline?). Set VSCODE_EXECUTABLE_PATH to a local VS Code, ' +
      'or use the code-server runner: node test/harness/run-integration.mjs');
  }
  code = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
