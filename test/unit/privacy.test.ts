/** Nothing the extension or the CLI reads may leave the machine: the shipped bundles hold no network code. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './helpers/engine';

const NETWORK = [
  /require\(["'](?:node:)?(?:http|https|http2|net|tls|dns|dgram)["']\)/,
  /from ["'](?:node:)?(?:http|https|http2|net|tls|dns|dgram)["']/,
  /\bfetch\(/,
  /XMLHttpRequest/,
  /\bWebSocket\b/,
  /navigator\.sendBeacon/,
];

describe('privacy: no network, no telemetry', () => {
  for (const bundle of ['dist/extension.js', 'dist/features.js', 'dist/importWorker.js', 'dist/cli.js']) {
    it(`${bundle} references no network module or API`, () => {
      const text = fs.readFileSync(path.join(REPO_ROOT, bundle), 'utf8');
      const found = NETWORK.filter((re) => re.test(text)).map(String);
      assert.deepEqual(found, []);
    });
  }

  it('the check itself catches a network reference (so it cannot pass by accident)', () => {
    assert.ok(NETWORK.some((re) => re.test('const h = require("https");')));
    assert.ok(NETWORK.some((re) => re.test('await fetch(url)')));
  });

  it('no telemetry: no telemetry module, reporter or setting is used', () => {
    const text = ['dist/extension.js', 'dist/features.js', 'dist/importWorker.js'].map((f) => fs.readFileSync(path.join(REPO_ROOT, f), 'utf8')).join('\n');
    assert.ok(!/createTelemetryLogger|TelemetryReporter|applicationinsights/i.test(text));
  });
});
