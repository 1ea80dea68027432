// Installs, on first use, everything the integration harness needs, and reuses it later:
//   - Debian packages: chromium (the browser), libkrb5-dev and ripgrep (to build/seed code-server)
//   - code-server@4.100.3 (VS Code 1.100.3, the newest that runs on Node 20) in .cache/code-server/
//
// Run directly:  node test/harness/ensure-deps.mjs
// Import:        import { ensureDeps } from './ensure-deps.mjs'; const deps = await ensureDeps();
//
// It never skips: anything that cannot be installed throws an Error whose message holds the
// exact command to run by hand. See /work/shared/harness/NOTES.md for the measured recipe.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_VERSION = '4.100.3';
export const CACHE_DIR = path.join(REPO_ROOT, '.cache', 'code-server');
export const CODE_SERVER_DIR = path.join(CACHE_DIR, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');
export const CHROMIUM_PATH = '/usr/bin/chromium';

const MARKER = path.join(CACHE_DIR, '.harness-installed.json');
const INSTALL_LOG = path.join(CACHE_DIR, 'install.log');
const VSCODE_DIR = path.join(CODE_SERVER_DIR, 'lib', 'vscode');
// @vscode/ripgrep inside code-server 4.100.3 and the prebuilt it would download from GitHub.
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_PREBUILT_VERSION = 'v13.0.0-10';

// Native modules that code-server's postinstall builds (or whose install scripts must run).
// Checked (loaded in a child Node) after the install.
const NATIVE_MODULES = ['node-pty', '@vscode/spdlog', 'kerberos', '@parcel/watcher', 'native-watchdog', '@vscode/deviceid'];

const APT_PACKAGES = [
  // `why` tells when the package is needed: 'run' = always, 'build' = only to install code-server.
  { name: 'chromium', why: 'run', present: () => dpkgInstalled('chromium') || fs.existsSync(CHROMIUM_PATH) },
  { name: 'libkrb5-dev', why: 'build', present: () => dpkgInstalled('libkrb5-dev') },
  { name: 'ripgrep', why: 'build', present: () => dpkgInstalled('ripgrep') || commandExists('rg') },
];

export function log(msg) {
  process.stdout.write(`[harness] ${msg}\n`);
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

function commandExists(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function readMarker() {
  try {
    return JSON.parse(fs.readFileSync(MARKER, 'utf8'));
  } catch {
    return null;
  }
}

function nodeMajor() {
  return process.versions.node.split('.')[0];
}

function codeServerReady() {
  const m = readMarker();
  return !!m && m.codeServer === CODE_SERVER_VERSION && m.nodeMajor === nodeMajor() && m.arch === process.arch &&
    fs.existsSync(CODE_SERVER_ENTRY) &&
    fs.existsSync(path.join(VSCODE_DIR, 'node_modules', 'node-pty', 'build', 'Release', 'pty.node'));
}

/** Runs a command, streaming nothing; resolves { code, out } with stdout+stderr combined. */
function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const sink = opts.logFile ? fs.createWriteStream(opts.logFile, { flags: 'a' }) : null;
    const onData = (d) => {
      out += d;
      if (out.length > 2_000_000) out = out.slice(-1_000_000);
      sink?.write(d);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      sink?.end();
      resolve({ code: code ?? (signal ? 128 : 1), out });
    });
  });
}

function tail(text, n = 40) {
  return text.split('\n').filter(Boolean).slice(-n).join('\n');
}

async function ensureAptPackages({ needBuildDeps }) {
  const missing = APT_PACKAGES.filter((p) => !p.present());
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name);
  if (!isRoot()) {
    const needed = missing.filter((p) => p.why === 'run' || needBuildDeps);
    const cmd = `sudo apt-get install -y ${names.join(' ')}`;
    if (needed.length > 0) {
      throw new Error(`[harness] missing Debian packages: ${needed.map((p) => p.name).join(', ')}. ` +
        `Not root, so they cannot be installed automatically. Run by hand:\n  ${cmd}`);
    }
    log(`note: Debian packages ${names.join(', ')} are missing (not needed now; install with: ${cmd})`);
    return;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`installing Debian packages: ${names.join(' ')} (apt-get install -y)`);
  let r = await run('apt-get', ['install', '-y', ...names], { env });
  if (r.code !== 0) {
    log('apt-get install failed; running apt-get update and retrying');
    const u = await run('apt-get', ['update'], { env });
    if (u.code !== 0) log(`apt-get update failed:\n${tail(u.out, 10)}`);
    r = await run('apt-get', ['install', '-y', ...names], { env });
  }
  const still = missing.filter((p) => !p.present());
  if (r.code !== 0 || still.length > 0) {
    throw new Error(`[harness] could not install Debian packages ${names.join(', ')}:\n${tail(r.out, 20)}\n` +
      `Run by hand:\n  apt-get update && apt-get install -y ${names.join(' ')}`);
  }
  log(`installed Debian packages: ${names.join(' ')}`);
}

function ripgrepTarget() {
  if (process.arch === 'x64') return 'x86_64-unknown-linux-musl';
  if (process.arch === 'arm64') return 'aarch64-unknown-linux-musl';
  return null;
}

/** @vscode/ripgrep's postinstall downloads rg from GitHub; seed its download cache with Debian's rg. */
function seedRipgrepCache(tmpDir) {
  const target = ripgrepTarget();
  const rg = ['/usr/bin/rg', spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim()]
    .find((p) => p && fs.existsSync(p));
  if (!target || !rg) {
    throw new Error('[harness] cannot seed the ripgrep cache: need Debian\'s ripgrep (/usr/bin/rg) on x64/arm64. ' +
      'Run by hand:\n  sudo apt-get install -y ripgrep');
  }
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  const tarball = path.join(cacheDir, `ripgrep-${RIPGREP_PREBUILT_VERSION}-${target}.tar.gz`);
  if (fs.existsSync(tarball)) return;
  const stage = fs.mkdtempSync(path.join(tmpDir, 'rg-stage-'));
  fs.copyFileSync(rg, path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  fs.mkdirSync(cacheDir, { recursive: true });
  const r = spawnSync('tar', ['czf', tarball, '-C', stage, 'rg'], { encoding: 'utf8' });
  fs.rmSync(stage, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`[harness] tar failed while seeding the ripgrep cache: ${r.stderr}`);
}

/** The npm environment that makes code-server's (nested) install scripts run offline, as root, under npm 11. */
function npmInstallEnv(tmpDir) {
  // npm 11 reviews dependency install scripts ("allowScripts"). Measured with npm 11.19.1: unreviewed
  // scripts still run, with a warning, unless strict-allow-scripts is on (then the install fails).
  // code-server's own postinstall and argon2's build are approved in .cache/code-server/package.json.
  // The postinstall then runs nested `npm install`s in lib/vscode and lib/vscode/extensions (node-pty,
  // spdlog, kerberos, ripgrep, ...), whose package.json we cannot edit first. npm rejects --allow-scripts /
  // npm_config_allow_scripts in project-scoped installs (EALLOWSCRIPTS), and npm exports any allow-scripts
  // config to the nested npm processes as that env variable, so an allow-scripts list in an npmrc breaks
  // the nested installs too. What works: force the non-strict policy (npm's default) for every nested npm,
  // and verify afterwards that every native module was built. HARNESS_NPM_ALLOW_ALL_SCRIPTS=1 adds
  // --dangerously-allow-all-scripts for an npm that skips unreviewed scripts outright.
  const env = {
    ...process.env,
    TMPDIR: tmpDir,
    npm_config_strict_allow_scripts: 'false',
    npm_config_unsafe_perm: 'true', // code-server's postinstall.sh refuses to run as root without it
    npm_config_yes: 'true', // node-pty runs `npx node-gyp`
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  delete env.npm_config_allow_scripts; // EALLOWSCRIPTS in project-scoped installs
  if (process.env.HARNESS_NPM_ALLOW_ALL_SCRIPTS === '1') env.npm_config_dangerously_allow_all_scripts = 'true';
  // node-gyp must find Node's headers locally (it would download them otherwise).
  const nd = spawnSync('npm', ['config', 'get', 'nodedir'], { encoding: 'utf8' });
  const nodedir = nd.status === 0 ? nd.stdout.trim() : '';
  if (!nodedir || nodedir === 'null' || nodedir === 'undefined') {
    const prefix = path.resolve(path.dirname(process.execPath), '..');
    if (fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))) env.npm_config_nodedir = prefix;
  }
  return env;
}

function manualInstallCommand() {
  const rel = path.relative(process.cwd(), CACHE_DIR) || '.';
  return `cd ${rel} && mkdir -p tmp && TMPDIR=$PWD/tmp npm_config_strict_allow_scripts=false ` +
    `npm_config_unsafe_perm=true npm_config_yes=true npm install --foreground-scripts code-server@${CODE_SERVER_VERSION}` +
    `\n  (if npm skipped install scripts, add npm_config_dangerously_allow_all_scripts=true, or rerun the harness with HARNESS_NPM_ALLOW_ALL_SCRIPTS=1)` +
    `\n  (first seed tmp/vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}/ripgrep-${RIPGREP_PREBUILT_VERSION}-${ripgrepTarget()}.tar.gz ` +
    `with /usr/bin/rg, and install: sudo apt-get install -y libkrb5-dev ripgrep; see /work/shared/harness/NOTES.md)`;
}

async function installCodeServer() {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  // A half-finished install would be taken as done by npm (and its postinstall never re-run): start clean.
  for (const p of ['node_modules', 'package-lock.json', 'tmp', MARKER]) {
    fs.rmSync(path.resolve(CACHE_DIR, p), { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(CACHE_DIR, 'package.json'), JSON.stringify({
    name: 'cpt-lens-test-code-server',
    private: true,
    description: 'code-server for the CPT Lens integration tests; written by test/harness/ensure-deps.mjs (git-ignored).',
    // npm 11: the install scripts of these direct/indirect dependencies are reviewed and allowed.
    allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true },
  }, null, 2) + '\n');
  const tmpDir = path.join(CACHE_DIR, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  seedRipgrepCache(tmpDir);
  const env = npmInstallEnv(tmpDir);
  fs.writeFileSync(INSTALL_LOG, `# npm install code-server@${CODE_SERVER_VERSION} ${new Date().toISOString()}\n`);

  log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(REPO_ROOT, CACHE_DIR)} ` +
    `(first run only, about 80-120 s; log: ${path.relative(REPO_ROOT, INSTALL_LOG)})`);
  const started = Date.now();
  const ticker = setInterval(() => {
    let last = '';
    try {
      last = tail(fs.readFileSync(INSTALL_LOG, 'utf8'), 1).slice(0, 120);
    } catch { /* ignore */ }
    log(`  still installing code-server (${Math.round((Date.now() - started) / 1000)} s): ${last}`);
  }, 20_000);
  let r;
  try {
    r = await run('npm', ['install', '--foreground-scripts', '--save-exact', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`],
      { cwd: CACHE_DIR, env, logFile: INSTALL_LOG });
  } finally {
    clearInterval(ticker);
  }
  if (r.code !== 0) {
    throw new Error(`[harness] npm install code-server@${CODE_SERVER_VERSION} failed (exit ${r.code}). Last lines:\n` +
      `${tail(r.out, 40)}\nFull log: ${INSTALL_LOG}\nRun by hand:\n  ${manualInstallCommand()}`);
  }
  // npm 11 lists the nested native modules (node-pty, spdlog, ...) as "not yet covered by allowScripts"; with
  // strict-allow-scripts=false it still runs them. verifyCodeServer() checks that they really were built.
  const unreviewed = r.out.split('\n').filter((l) => /^npm warn install-scripts {3}\S/.test(l)).map((l) => l.replace(/^npm warn install-scripts\s+/, ''));
  if (unreviewed.length) log(`npm ran ${unreviewed.length} unreviewed nested install scripts (verified below): ${unreviewed.map((l) => l.split(' ')[0]).join(', ')}`);
  log(`npm install finished in ${Math.round((Date.now() - started) / 1000)} s; verifying`);
  await verifyCodeServer();
  fs.writeFileSync(MARKER, JSON.stringify({
    codeServer: CODE_SERVER_VERSION, nodeMajor: nodeMajor(), arch: process.arch, verifiedAt: new Date().toISOString(),
  }, null, 2) + '\n');
  fs.rmSync(tmpDir, { recursive: true, force: true });
  log(`code-server@${CODE_SERVER_VERSION} installed and verified in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Checks that the postinstall (and its nested native builds) really ran, then starts code-server once. */
async function verifyCodeServer() {
  const problems = [];
  const must = [
    CODE_SERVER_ENTRY,
    path.join(VSCODE_DIR, 'node_modules.asar'), // symlink made by code-server's postinstall.sh
    path.join(VSCODE_DIR, 'node_modules', 'node-pty', 'build', 'Release', 'pty.node'),
    path.join(VSCODE_DIR, 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node'),
    path.join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'),
    path.join(VSCODE_DIR, 'extensions', 'node_modules'),
  ];
  for (const f of must) if (!fs.existsSync(f)) problems.push(`missing ${path.relative(CACHE_DIR, f)}`);
  if (problems.length === 0) {
    const script = `for (const m of ${JSON.stringify(NATIVE_MODULES)}) { try { require(require.resolve(m, { paths: [${JSON.stringify(VSCODE_DIR)}] })); } catch (e) { console.log('cannot load ' + m + ': ' + e.message); process.exitCode = 1; } }`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: VSCODE_DIR });
    if (r.status !== 0) problems.push(...(r.stdout + r.stderr).trim().split('\n'));
  }
  if (problems.length === 0) {
    const { startCodeServer } = await import(pathToFileURL(path.join(REPO_ROOT, 'test', 'harness', 'code-server.mjs')).href);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-verify-'));
    let server;
    try {
      server = await startCodeServer({ folder, skipEnsure: true });
      const res = await fetch(`${server.url}/healthz`);
      const page = await fetch(`${server.url}/?folder=${encodeURIComponent(folder)}`);
      if (!res.ok) problems.push(`/healthz answered ${res.status}`);
      if (!page.ok) problems.push(`the workbench page answered ${page.status}`);
      else log(`verified: code-server answers /healthz (${JSON.stringify(await res.json())}) and serves the workbench`);
    } catch (e) {
      problems.push(`code-server did not start: ${e.message}`);
    } finally {
      await server?.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }
  if (problems.length) {
    throw new Error(`[harness] code-server@${CODE_SERVER_VERSION} installed but is not usable — its install scripts ` +
      `(postinstall.sh and the native builds of its nested npm installs) did not all run or build:\n  ` +
      `${problems.join('\n  ')}\nInstall log: ${INSTALL_LOG}\nRun by hand (and check that npm runs the scripts):\n  ${manualInstallCommand()}`);
  }
}

/** Runs fn while holding a lock directory, so two harness runs never install into the same folder at once. */
async function withInstallLock(fn) {
  const lock = `${CACHE_DIR}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let holder = NaN;
      try {
        holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch { /* being written */ }
      let alive = false;
      try {
        if (holder) alive = process.kill(holder, 0);
      } catch (err) {
        alive = err.code === 'EPERM';
      }
      if (holder && !alive) {
        fs.rmSync(lock, { recursive: true, force: true }); // left by a killed run
        continue;
      }
      if (Date.now() - started > 15 * 60_000) throw new Error(`[harness] ${lock} is held by pid ${holder} for 15 min; remove it if stale`);
      if ((Date.now() - started) % 30_000 < 1000) log(`waiting for another harness run (pid ${holder}) to finish installing`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

let pending = null;

/**
 * Makes sure chromium, the build packages and a verified code-server are there; installs what is missing.
 * Returns the paths the harness uses. Throws (with the command to run by hand) when something cannot be installed.
 */
export function ensureDeps() {
  pending ??= (async () => {
    const haveCodeServer = codeServerReady();
    await ensureAptPackages({ needBuildDeps: !haveCodeServer });
    if (!haveCodeServer) await withInstallLock(async () => {
      if (!codeServerReady()) await installCodeServer(); // another run may have finished it meanwhile
    });
    if (!fs.existsSync(CHROMIUM_PATH)) {
      throw new Error(`[harness] ${CHROMIUM_PATH} is missing although the chromium package is installed. Run by hand:\n` +
        '  sudo apt-get install --reinstall -y chromium');
    }
    return { codeServerEntry: CODE_SERVER_ENTRY, chromiumPath: CHROMIUM_PATH, codeServerVersion: CODE_SERVER_VERSION };
  })();
  pending.catch(() => { pending = null; });
  return pending;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  ensureDeps().then(
    (d) => log(`dependencies ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: code-server ${d.codeServerVersion}, ${d.chromiumPath}`),
    (e) => {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 1;
    },
  );
}
