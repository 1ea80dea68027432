import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './helpers/engine';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  it('src/core imports nothing from vscode, so the CLI and unit tests run in plain Node', () => {
    const offenders = sources(path.join(REPO_ROOT, 'src', 'core')).filter((f) =>
      /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\)/.test(fs.readFileSync(f, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });

  it('src/cli imports nothing from vscode or src/extension', () => {
    const offenders = sources(path.join(REPO_ROOT, 'src', 'cli')).filter((f) => /['"]vscode['"]|\/extension\//.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
