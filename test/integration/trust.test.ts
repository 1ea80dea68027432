/**
 * Restricted mode in a real VS Code: the harness's phase 1b opens test/fixtures/untrusted-workspace
 * with workspace trust on and the folder not trusted. That folder's workspace setting and its
 * `.cptlens.json` name packs with made-up codes (0999U, 0998U) that must not be read; the bundled
 * data must work. The suite registers only in that pass (CPT_LENS_PASS=untrusted): in the trusted
 * pass its fixtures are not open and it would prove nothing.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnostics, fixture, hoverText, open, positionOf, ruleOf, until, problemOf } from './helpers';

// Descriptors without Markdown punctuation, so the hover text holds them verbatim.
const FROM_WORKSPACE_SETTING = 'INVENTED CODE FROM A WORKSPACE SETTING';
const FROM_PROJECT_CONFIG = 'INVENTED CODE FROM CPTLENS JSON';
/** The value of `cptLens.data.files` in the fixture's .vscode/settings.json. */
const WORKSPACE_VALUE = ['packs/workspace-setting.cptlens-pack.json'];

async function readText(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(name)));
}

const unknownCodeOn = (document: vscode.TextDocument, code: string) => (d: vscode.Diagnostic[]) =>
  d.some((x) => ruleOf(x) === 'unknown-code' && document.getText(x.range) === code);

if (process.env.CPT_LENS_PASS === 'untrusted') {
  describe('untrusted workspace: restricted settings are not read, the bundled data works', () => {
    before(async () => {
      // Fail loudly: a trusted window would read everything and every test below would be void.
      assert.strictEqual(vscode.workspace.isTrusted, false, 'VS Code trusts test/fixtures/untrusted-workspace: the harness must open it in restricted mode');
      // The fixtures this suite depends on are really there (else "not read" would be trivially true).
      assert.deepStrictEqual(JSON.parse(await readText('.vscode/settings.json'))['cptLens.data.files'], WORKSPACE_VALUE);
      assert.match(await readText('.cptlens.json'), /packs\/project-config\.cptlens-pack\.json/);
      assert.match(await readText(WORKSPACE_VALUE[0]), new RegExp(FROM_WORKSPACE_SETTING));
      assert.match(await readText('packs/project-config.cptlens-pack.json'), new RegExp(FROM_PROJECT_CONFIG));
    });

    after(async () => {
      await vscode.workspace.getConfiguration('cptLens').update('data.files', undefined, vscode.ConfigurationTarget.Global);
    });

    it('VS Code runs the window in restricted mode', () => {
      assert.strictEqual(vscode.workspace.isTrusted, false);
    });

    it('the bundled data works: 64866 in a CSV shows its card and its outpatient line is a problem', async () => {
      const document = await open('charges.csv');
      const text = await hoverText(document, positionOf(document, '64866', 2));
      assert.ok(text.includes('64866 — Anastomosis; facial\\-spinal accessory nerve'), text);
      assert.ok(text.includes('Inpatient only \\(CMS\\)'), text);
      const problem = await problemOf(document, 'inpatient-only-outpatient');
      assert.equal(document.getText(problem.range), '64866');
    });

    it('a data file named by the workspace setting cptLens.data.files is not read', async () => {
      const document = await open('charges.csv');
      const text = await hoverText(document, positionOf(document, '0999U', 2));
      assert.ok(!text.includes(FROM_WORKSPACE_SETTING), `0999U got a card from the workspace setting's pack: ${text}`);
      const found = await diagnostics(document.uri, unknownCodeOn(document, '0999U'));
      assert.ok(unknownCodeOn(document, '0999U')(found), `0999U is reported as unknown: ${JSON.stringify(found)}`);
    });

    it('the workspace\'s .cptlens.json is not read', async () => {
      const document = await open('charges.csv');
      const text = await hoverText(document, positionOf(document, '0998U', 2));
      assert.ok(!text.includes(FROM_PROJECT_CONFIG), `0998U got a card from the .cptlens.json pack: ${text}`);
      const found = await diagnostics(document.uri, unknownCodeOn(document, '0998U'));
      assert.ok(unknownCodeOn(document, '0998U')(found), `0998U is reported as unknown: ${JSON.stringify(found)}`);
    });

    it('the same cptLens.data.files value in the user settings is read', async () => {
      const document = await open('charges.csv');
      const at = positionOf(document, '0999U', 2);
      await vscode.workspace.getConfiguration('cptLens').update('data.files', WORKSPACE_VALUE, vscode.ConfigurationTarget.Global);
      const read = await until(async () => (await hoverText(document, at)).includes(FROM_WORKSPACE_SETTING));
      assert.ok(read, `the user setting's pack is not in force: ${await hoverText(document, at)}`);
      const found = await diagnostics(document.uri, (d) => !unknownCodeOn(document, '0999U')(d));
      assert.ok(!unknownCodeOn(document, '0999U')(found), `0999U is known now: ${JSON.stringify(found)}`);
      // The user setting opens no door for the workspace's own .cptlens.json.
      assert.ok(!(await hoverText(document, positionOf(document, '0998U', 2))).includes(FROM_PROJECT_CONFIG));
    });
  });
}
