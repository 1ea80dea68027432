// Bundles the extension and the CLI with esbuild, with source maps. The extension is two bundles:
// dist/extension.js (activation: registrations only) requires dist/features.js (the engine and the
// adapters) at run time, right after activation, so that activation does not load the engine's code.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  absWorkingDir: root,
  // jsonc-parser's `main` is a UMD build esbuild cannot follow; its `module` build bundles cleanly.
  mainFields: ['module', 'main'],
};

/** Leaves `require('./features')` of src/extension/extension.ts to run time: dist/features.js. */
const featuresAtRunTime = {
  name: 'features-at-run-time',
  setup(b) {
    b.onResolve({ filter: /^\.\/features$/ }, () => ({ path: './features.js', external: true }));
  },
};

await Promise.all([
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [featuresAtRunTime] }),
  build({ ...common, entryPoints: ['src/extension/features.ts'], outfile: 'dist/features.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['src/extension/importWorker.ts'], outfile: 'dist/importWorker.js' }),
  build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js' }),
]);

// dist/packs.snapshot.json: the bundled packs' layouts, so that the CLI rebuilds a pack whose text
// is unchanged without scanning it (src/core/pack/snapshot.ts). Built with the same code that reads it.
{
  const { outputFiles } = await build({ ...common, sourcemap: false, minify: false, entryPoints: ['src/core/pack/nodeFiles.ts'], write: false, outfile: 'snapshot.cjs' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  module.exports.writeBundledSnapshot(root);
}

// dist/cli.js.cache: V8's code for the CLI bundle, compiled by the node that builds (the one that
// will run it) in a process of its own; bin/load-cli.js uses it when it fits (scripts/cli-code-cache.cjs).
{
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'cli-code-cache.cjs')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (r.status !== 0) throw new Error(`scripts/cli-code-cache.cjs failed (exit ${r.status ?? r.signal})`);
}
