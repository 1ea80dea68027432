/** The package version, read from package.json next to the bundle (dist/) or the compiled tree (out/src/cli). */
import { readFileSync } from 'fs';
import * as path from 'path';

function readVersion(): string {
  for (const candidate of [path.join(__dirname, '..', 'package.json'), path.join(__dirname, '..', '..', '..', 'package.json')]) {
    try {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cpt-lens' && pkg.version) return pkg.version;
    } catch {
      // try the next place
    }
  }
  return '0.0.0';
}

let version: string | undefined;

/** Read when first asked for (SARIF output names it): most runs never need package.json. */
export function cliVersion(): string {
  return (version ??= readVersion());
}
