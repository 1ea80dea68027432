// `npm start`: the main job. Builds the bundle and the .vsix, then runs the CLI over examples/:
// the card for 64866 and the findings of every example document.
import { execFileSync, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
const step = (title) => console.log(`\n=== ${title}`);

step('Build: bundle the extension and the CLI');
run(process.execPath, ['scripts/build.mjs', '--minify']);

step('Package: cpt-lens.vsix');
run(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', 'cpt-lens.vsix']);
console.log(`cpt-lens.vsix: ${(statSync(path.join(root, 'cpt-lens.vsix')).size / 1024 / 1024).toFixed(2)} MB`);

const cli = path.join(root, 'bin', 'cpt-lens.js');
step('The code card: cpt-lens show 64866');
run(process.execPath, [cli, 'show', '64866', '--format', 'text']);

step('Codes found: cpt-lens codes examples/*');
const examples = ['chargemaster.csv', 'fee-schedule.csv', 'claim-837p.837', 'claim-837i.837i', 'fhir-claim.json', 'coding-notes.md'].map((f) => path.join('examples', f));
run(process.execPath, [cli, 'codes', ...examples]);

step('Findings: cpt-lens check examples/*');
const check = spawnSync(process.execPath, [cli, 'check', ...examples], { cwd: root, stdio: 'inherit' });
// check exits 1 when it finds an error-severity problem: that is its answer, not a failure of this job.
if (check.status === 2 || check.status === null) process.exit(2);
console.log(`\ncheck exit code ${check.status} (1 = an error-severity finding exists, as CI would see it)`);
