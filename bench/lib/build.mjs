// Bundles bench/lib/entry.ts (the engine and what the benchmark calls) with esbuild, like
// scripts/build.mjs bundles the CLI: one CommonJS file for Node 20, with a source map.
import { build } from 'esbuild';
import path from 'node:path';
import { ROOT } from './util.mjs';

export const ENGINE_BUNDLE = path.join(ROOT, 'out', 'bench', 'engine.cjs');

export async function buildEngineBundle() {
  await build({
    entryPoints: [path.join(ROOT, 'bench', 'lib', 'entry.ts')],
    outfile: ENGINE_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    minify: false,
    // jsonc-parser's "main" is a UMD build whose dynamic requires esbuild cannot follow; take its ESM build.
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    absWorkingDir: ROOT,
  });
  return ENGINE_BUNDLE;
}
