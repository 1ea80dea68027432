// Starts code-server (a real VS Code 1.100 served locally) and launches Debian's chromium through
// playwright-core. Both are isolated in fresh temp folders and cleaned up by their stop()/close().
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_PATH, CODE_SERVER_ENTRY, REPO_ROOT, ensureDeps, log } from './ensure-deps.mjs';

export { REPO_ROOT, log };

export const DEFAULT_SETTINGS = {
  'editor.hover.delay': 100,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
};

/** User settings of a run with workspace trust on: the fresh profile has trusted nothing, and no prompt asks. */
export const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
};

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Process groups still alive; killed synchronously if this Node process exits without stop().
const liveGroups = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pgid of liveGroups) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch { /* already gone */ }
    }
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** vscode-remote URI for an absolute path on this machine (as code-server's browser side sees it). */
export function remoteUri(absPath) {
  const p = path.resolve(absPath).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://remote${p.startsWith('/') ? '' : '/'}${p}`;
}

/**
 * Workbench URL for a folder, with an optional payload (array of [key, value] pairs), e.g.
 * [['extensionDevelopmentPath', remoteUri(repo)], ['extensionTestsPath', remoteUri(indexJs)], ['openFile', remoteUri(f)]].
 */
export function workbenchUrl(serverUrl, folder, payload = []) {
  let url = `${serverUrl}/?folder=${encodeURIComponent(path.resolve(folder))}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/**
 * Starts code-server on `folder` (a fresh process group on a free 127.0.0.1 port) and waits for /healthz.
 * Options: settings (merged over DEFAULT_SETTINGS), extraArgs, env, startTimeoutMs (30 s), verbose,
 * workspaceTrust (default false: trust is switched off and every folder counts as trusted; true: trust
 * is on and `folder` opens in restricted mode, no prompt, as a folder nobody has trusted yet).
 * Returns { url, port, folder, baseDir, userDataDir, extensionsDir, pid, output(), stop() }.
 */
export async function startCodeServer(options = {}) {
  const { folder, settings = {}, extraArgs = [], env = {}, startTimeoutMs = 30_000, verbose = false, skipEnsure = false, vsix, workspaceTrust = false } = options;
  if (!folder) throw new Error('startCodeServer: folder is required');
  if (!skipEnsure) await ensureDeps();
  installExitHook();

  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-cs-'));
  const dirs = {
    userData: path.join(baseDir, 'user-data'),
    extensions: path.join(baseDir, 'extensions'),
    config: path.join(baseDir, 'xdg-config'),
    data: path.join(baseDir, 'xdg-data'),
    cache: path.join(baseDir, 'xdg-cache'),
    tmp: path.join(baseDir, 'tmp'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...(workspaceTrust ? UNTRUSTED_SETTINGS : {}), ...settings }, null, 2) + '\n');
  const configYaml = path.join(baseDir, 'config.yaml');
  fs.writeFileSync(configYaml, '');
  if (vsix) {
    // Install a packaged extension the way a user would (`code-server --install-extension`).
    const out = execFileSync(process.execPath, [CODE_SERVER_ENTRY, '--config', configYaml, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', path.resolve(vsix)], {
      env: { ...process.env, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, XDG_CACHE_HOME: dirs.cache, TMPDIR: dirs.tmp },
      encoding: 'utf8',
      timeout: 120_000,
    });
    log(`installed ${path.basename(vsix)}: ${out.trim().split('\n').pop()}`);
  }

  const port = await freePort();
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--config', configYaml,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    ...extraArgs,
    path.resolve(folder),
  ];
  const childEnv = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
    ...env,
  };
  // Never hand the test's own code-server password/env through.
  delete childEnv.PASSWORD;
  delete childEnv.HASHED_PASSWORD;
  delete childEnv.VSCODE_IPC_HOOK_CLI;

  // detached: the child calls setsid(), so it leads a new process group that stop() kills as a whole
  // (the extension host otherwise waits hours for a reconnect after the browser leaves).
  const child = spawn(process.execPath, args, { cwd: baseDir, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pgid = child.pid;
  liveGroups.add(pgid);
  let output = '';
  const logFile = fs.createWriteStream(path.join(baseDir, 'code-server.log'));
  const onData = (d) => {
    const s = d.toString();
    output += s;
    if (output.length > 1_000_000) output = output.slice(-500_000);
    logFile.write(s);
    if (verbose) process.stdout.write(s.replace(/^/gm, '[code-server] '));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = { code, signal };
    resolve(exited);
  }));

  let stopped = false;
  const stop = async ({ keepDirs = false } = {}) => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch { /* already gone */ }
    await Promise.race([exitPromise, sleep(3000)]);
    try {
      process.kill(-pgid, 'SIGKILL'); // whatever is left in the group (extension host, pty hosts, ...)
    } catch { /* already gone */ }
    liveGroups.delete(pgid);
    await new Promise((r) => logFile.end(r));
    if (!keepDirs) fs.rmSync(baseDir, { recursive: true, force: true, maxRetries: 3 });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited during start (${JSON.stringify(exited)}). Output:\n${output.slice(-4000)}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${url}/healthz within ${startTimeoutMs / 1000} s. Output:\n${output.slice(-4000)}`);
    }
    await sleep(200);
  }

  return {
    url,
    port,
    pid: pgid,
    folder: path.resolve(folder),
    baseDir,
    userDataDir: dirs.userData,
    extensionsDir: dirs.extensions,
    output: () => output,
    exited: () => exited,
    stop,
  };
}

/**
 * Launches Debian's chromium through playwright-core with a fresh profile (persistent context in a temp dir).
 * Returns { context, page, userDataDir, close() }.
 */
export async function launchChromium(options = {}) {
  const { headless = process.env.HARNESS_HEADED !== '1', viewport = { width: 1400, height: 900 }, args = [] } = options;
  const { chromium } = await import('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless,
      args: [...CHROMIUM_ARGS, ...args],
      viewport,
      timeout: 60_000,
    });
  } catch (e) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw new Error(`could not launch ${CHROMIUM_PATH} through playwright-core: ${e.message}\n` +
      'Check it by hand with: chromium --headless --no-sandbox --disable-gpu --dump-dom about:blank');
  }
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.race([context.close().catch(() => {}), sleep(10_000)]);
    fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  return { context, page, userDataDir, close };
}
