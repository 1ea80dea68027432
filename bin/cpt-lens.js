#!/usr/bin/env node
'use strict';
// The CLI is bundled to dist/cli.js by `npm run build` (run on `npm ci` through `prepare`).
require('../dist/cli.js');
