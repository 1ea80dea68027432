/**
 * A large charge file, claim file or FHIR Bundle is checked without holding up the extension host:
 * the check runs in slices and other work (here: this test's own timer turns, in a real editor
 * hovers) runs in between.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { cptLensApi, diagnostics, ruleOf } from './helpers';

function chargeFile(rows: number): string {
  const lines = ['CDM,Description,CPT,MOD,POS,Setting,Charge'];
  const codes = ['99213', 'J1100', '27447', '99214', '36415'];
  for (let i = 0; i < rows; i++) lines.push(`${100000 + i},OUTPATIENT SERVICE ITEM NUMBER ${i},${codes[i % codes.length]},${i % 3 ? '' : 'RT'},22,outpatient,${i}.00`);
  lines.push('999999,A VALUE THAT IS NOT A CODE,648666,,22,outpatient,1.00');
  return lines.join('\n') + '\n';
}

/** An 837P of `claims` claims of three service lines; the very last line bills a value that is not a code. */
function claimFile(claims: number): string {
  const out = ['ISA*00*          *00*          *ZZ*SUB            *ZZ*REC            *260105*1200*^*00501*000000001*0*T*:~', 'GS*HC*S*R*20260105*1200*1*X*005010X222A1~', 'ST*837*0001*005010X222A1~'];
  for (let c = 0; c < claims; c++) {
    out.push(`HL*${c + 3}*2*23*0~`, 'PAT*19~', `NM1*QC*1*PATIENT*NUMBER${c}~`, '  N3*236 N MAIN ST~', '  N4*MIAMI*FL*33413~', '  DMG*D8*19730501*M~');
    out.push(`CLM*C${c}*300***11:B:1*Y*A*Y*Y~`, 'REF*D9*17312345600006351~', 'HI*ABK:J449*ABF:E1165~', 'NM1*82*1*RENDERING*PROVIDER****XX*1234567890~', '  PRV*PE*PXC*1G1000X~');
    for (const [n, code] of [[1, '99213:25'], [2, '36415'], [3, c === claims - 1 ? '648666' : '99214']]) out.push(`LX*${n}~`, `SV1*HC:${code}*100*UN*1***1~`, 'DTP*472*D8*20260105~');
  }
  out.push('SE*1*0001~', 'GE*1*1~', 'IEA*1*000000001~');
  return out.join('\n') + '\n';
}

/** A FHIR Bundle of `claims` Claims, pretty-printed; the very last item bills a value that is not a code. */
function fhirBundle(claims: number): string {
  const entry = (c: number) => ({
    resource: {
      resourceType: 'Claim',
      id: `claim-${c}`,
      billablePeriod: { start: '2026-01-05' },
      item: [1, 2, 3].map((sequence) => ({
        sequence,
        productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: c === claims - 1 && sequence === 3 ? '648666' : ['99213', '36415', '99214'][sequence - 1] }] },
        locationCodeableConcept: { coding: [{ system: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set', code: '11' }] },
      })),
    },
  });
  return JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: Array.from({ length: claims }, (_, c) => entry(c)) }, null, 2) + '\n';
}

/** Opens `content` as `name` and waits for the invalid-code problem on the line holding `last`; asserts the check ran in slices while the host kept turning. */
async function checkedInSlices(name: string, content: string, last: string): Promise<void> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-lens-large-')), name);
  fs.writeFileSync(file, content);
  assert.ok(content.length > 4 << 20, `${name} is large (${content.length} characters)`);
  const api = await cptLensApi();
  await api.ready();
  const before = api.checkStats();
  let turnsWhileChecking = 0;
  let sawCheck = false;
  let running = true;
  const watch = (async () => {
    while (running) {
      await new Promise((r) => setImmediate(r));
      if (api.checkStats().checking > 0) {
        sawCheck = true;
        turnsWhileChecking++;
      }
    }
  })();
  try {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(document);
    const lastLine = document.getText().split('\n').findIndex((l, i, all) => l.includes(last) && all.slice(i + 1).every((x) => !x.includes(last)));
    // The coder looks at the last line: a file with more problems than VS Code shows (1,000) shows those on screen.
    editor.revealRange(new vscode.Range(lastLine, 0, lastLine, 0), vscode.TextEditorRevealType.InCenter);
    const found = await diagnostics(document.uri, (d) => d.some((x) => x.range.start.line === lastLine), 90_000);
    running = false;
    await watch;
    const invalid = found.find((d) => d.range.start.line === lastLine);
    assert.equal(invalid && ruleOf(invalid), 'invalid-code', `${name}: the last ${last} was checked`);
    const after = api.checkStats();
    assert.ok(after.slicedChecks > before.slicedChecks, `${name} was checked in slices`);
    // Reading is sliced too (about 1 MB a slice), not only the rules.
    const megabytes = Math.floor(content.length / (1 << 20));
    assert.ok(after.pauses - before.pauses > megabytes, `${name}: ${after.pauses - before.pauses} pauses for ${megabytes} MB`);
    assert.ok(sawCheck && turnsWhileChecking >= 3, `${name}: this test's own loop turned ${turnsWhileChecking} times during the check`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  } finally {
    running = false;
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

describe('a large document', () => {
  it('a charge file is checked in slices: the extension host keeps turning while the check runs, and the last row still gets its problem', async function () {
    this.timeout(120_000);
    await checkedInSlices('large-charges.csv', chargeFile(120_000), '648666');
  });

  it('a claim file is checked in slices, segment by segment, and its last service line still gets its problem', async function () {
    this.timeout(120_000);
    await checkedInSlices('large-claims.837', claimFile(12_000), 'HC:648666');
  });

  it('a FHIR Bundle is checked in slices, token by token, and its last item still gets its problem', async function () {
    this.timeout(120_000);
    await checkedInSlices('large-bundle.json', fhirBundle(6_000), '"648666"');
  });
});
