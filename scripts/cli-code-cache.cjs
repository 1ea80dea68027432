// Run by scripts/build.mjs in a fresh `node` without flags (V8 refuses code cached under other
// flags): compiles dist/cli.js as bin/cpt-lens.js does and saves V8's code for it in
// dist/cli.js.cache for bin/load-cli.js. The code is saved right after compiling, before running:
// the top level and what V8 compiles eagerly, the parse of the whole bundle that every start paid.
// A cache saved after a sample check (every function a check calls) spared a little more at start
// but made the check of the ~1 MB 837P about 5% slower in three separate measurements, so no run.
'use strict';
const fs = require('fs');
const path = require('path');
const { cacheFileOf, cacheBytes, compileCli } = require('../bin/load-cli.js');

const file = path.resolve(__dirname, '..', 'dist', 'cli.js');
fs.writeFileSync(cacheFileOf(file), cacheBytes(compileCli(file, { useCache: false })));
