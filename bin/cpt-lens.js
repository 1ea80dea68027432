#!/usr/bin/env node
'use strict';
// The CLI is bundled to dist/cli.js by `npm run build` (run on `npm ci` through `prepare`), which
// also saves V8's compiled code for it; load-cli.js loads the bundle with that code when it fits.
const path = require('path');
const { compileCli, runCompiled } = require('./load-cli.js');

const file = path.join(__dirname, '..', 'dist', 'cli.js');
runCompiled(compileCli(file).script, file);
