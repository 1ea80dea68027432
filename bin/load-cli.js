'use strict';
/**
 * Loads the CLI bundle (dist/cli.js) with V8's compiled code for it, saved by `npm run build` in
 * dist/cli.js.cache: compiling the 300 KB bundle was a tenth of a short run. Plain JavaScript, not
 * bundled: it is what loads the bundle (bin/cpt-lens.js), and the build uses it to make the cache.
 *
 * The cache file holds a copy of the source it was compiled from and is used for exactly that
 * source only (V8 itself compares just the length). V8 refuses a cache made by another Node
 * version or under other V8 flags; the bundle is then compiled from its source, as `require` does.
 * Nothing here writes a file: only the build saves the cache.
 */
const fs = require('fs');
const path = require('path');
const vm = require('vm');
// The CommonJS loader's Module class, as `require('module')` gives it without loading that module's
// own dependencies (the ES module loader, source maps).
const Module = module.constructor;

const MAGIC = Buffer.from('cpt-lens code cache 1\n');

/** Where the cache of a bundle lies. */
const cacheFileOf = (file) => `${file}.cache`;

/** V8's part of the cache when the cache was made from exactly `source` (bytes), else undefined. */
function cachedDataFor(file, source) {
  let cache;
  try {
    cache = fs.readFileSync(cacheFileOf(file));
  } catch {
    return undefined;
  }
  const head = MAGIC.length + 4;
  if (cache.length < head || !cache.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const n = cache.readUInt32LE(MAGIC.length);
  if (n !== source.length || cache.length <= head + n || !cache.subarray(head, head + n).equals(source)) return undefined;
  return cache.subarray(head + n);
}

/**
 * The bundle compiled as a CommonJS module wrapper (what `require` compiles), with the saved code
 * when it fits. `cached`: V8 took the saved code.
 */
function compileCli(file, { useCache = true } = {}) {
  const source = fs.readFileSync(file);
  const cachedData = useCache ? cachedDataFor(file, source) : undefined;
  const script = new vm.Script(Module.wrap(source.toString('utf8')), { filename: file, cachedData });
  return { script, source, cached: cachedData !== undefined && !script.cachedDataRejected };
}

/** Runs a compiled bundle as the module `file`, as `require(file)` would. */
function runCompiled(script, file) {
  const module = new Module(file, null);
  module.filename = file;
  module.paths = Module._nodeModulePaths(path.dirname(file));
  Module._cache[file] = module;
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return module.exports;
}

/** The cache file's bytes for a bundle compiled by `compileCli` (with the functions it compiled since, if run). */
function cacheBytes(compiled) {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(compiled.source.length);
  return Buffer.concat([MAGIC, length, compiled.source, compiled.script.createCachedData()]);
}

module.exports = { cacheFileOf, compileCli, runCompiled, cacheBytes };
