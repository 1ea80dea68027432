/** Rules on claims a billing engineer writes: what a payer would deny, and what stays silent. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import { engineOn, sharedFile } from '../helpers/engine';
import type { Finding } from '../../../src/core/model';

const engine = engineOn();
const check = (text: string, fileName = 'claim.837', opts = {}) => engine.check(text, { fileName }, opts).findings;
const rules = (fs: Finding[]) => fs.map((f) => `${f.rule}:${f.code}`);

const ISA_P = 'ISA*00*          *00*          *ZZ*SUB            *ZZ*REC            *260105*1200*^*00501*000000001*0*T*:~\n';
const ISA_I = 'ISA*00*          *00*          *ZZ*SUB            *ZZ*REC            *260105*1200*^*00501*000000002*0*T*>~\n';

function claim837p(pos: string, lines: string[]): string {
  return `${ISA_P}GS*HC*SUB*REC*20260105*1200*1*X*005010X222A1~\nST*837*0001*005010X222A1~\nCLM*C1*1000***${pos}:B:1*Y*A*Y*Y~\n${lines
    .map((l, i) => `LX*${i + 1}~\nSV1*${l}*100*UN*1***1~\nDTP*472*D8*20260105~`)
    .join('\n')}\nSE*9*0001~\n`;
}

describe('rules on 837P, 837I and FHIR claims', () => {
  it('64866 on an 837I with bill type 131 is an error naming the bill type, the release and the other services', () => {
    const text = `${ISA_I}GS*HC*SUB*REC*20260105*1200*2*X*005010X223A3~\nST*837*0002*005010X223A3~\nCLM*C2*2000***13>A>1**A*Y*Y~\nLX*1~\nSV2*0360*HC>64866*1800*UN*1~\nDTP*472*D8*20260105~\nLX*2~\nSV2*0636*HC>J1100*12*UN*1~\nDTP*472*D8*20260105~\nSE*9*0002~\n`;
    const [f] = check(text, 'claim.837i').filter((x) => x.rule === 'inpatient-only-outpatient');
    assert.ok(f, 'inpatient-only-outpatient fires');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /bill type 131/);
    assert.match(f.message, /CMS OPPS Addendum B 2026-01/);
    assert.equal(f.related?.length, 1);
    assert.match(f.related![0].message, /J1100 on the same claim and date goes unpaid/);
  });

  it('64866 on an 837P with place of service 22 is an error; with place of service 21 nothing is said', () => {
    assert.deepEqual(rules(check(claim837p('22', ['HC:64866'])).filter((f) => f.rule.startsWith('inpatient'))), ['inpatient-only-outpatient:64866']);
    assert.deepEqual(rules(check(claim837p('21', ['HC:64866']))), []);
  });

  it('64866-50: the bilateral indicator 0 forbids modifier 50, and the fix removes it', () => {
    const text = claim837p('21', ['HC:64866:50']);
    const [f] = check(text, 'c.837').filter((x) => x.rule === 'modifier-not-allowed');
    assert.match(f.message, /Modifier 50 is not allowed on 64866: bilateral surgery indicator 0/);
    const fix = f.fixes![0];
    assert.equal(fix.title, 'Remove modifier 50');
    const line = text.split('\n')[fix.range.startLine];
    assert.equal(line.slice(0, fix.range.startCharacter) + fix.newText + line.slice(fix.range.endCharacter), 'SV1*HC:64866*100*UN*1***1~');
  });

  it('27447-RT-LT: both are valid modifiers, no modifier problem', () => {
    assert.deepEqual(rules(check(claim837p('21', ['HC:27447:RT:LT'])).filter((f) => f.rule.startsWith('modifier'))), []);
  });

  it('99213-25 next to a procedure is clean', () => {
    assert.deepEqual(rules(check(claim837p('11', ['HC:99213:25', 'HC:11042']))), []);
  });

  it('the same modifier twice, and five modifiers on a line', () => {
    assert.deepEqual(rules(check(claim837p('11', ['HC:27447:RT:RT'])).filter((f) => f.rule.startsWith('modifier'))), ['modifier-duplicate:27447']);
    assert.ok(rules(check('CPT 99213-25-59-76-77-91', 'note.txt')).includes('modifier-too-many:99213'));
  });

  it('an unknown code in a code field is reported; the same number in prose is not', () => {
    assert.deepEqual(rules(check(claim837p('11', ['HC:99999']))), ['unknown-code:99999']);
    assert.deepEqual(rules(check('order 99999 shipped', 'note.txt')), []);
  });

  it('a local code declared by the workspace is not unknown', () => {
    assert.deepEqual(rules(check(claim837p('11', ['HC:99999']), 'c.837', { localCodes: new Set(['99999']) })), []);
  });

  it('a deleted HCPCS code names its termination and replacement; prose citations are left alone', () => {
    const [f] = check(claim837p('11', ['HC:G0202']), 'c.837').filter((x) => x.rule === 'deleted-code');
    assert.match(f.message, /G0202 is not valid on 2026-01-05: terminated/);
    assert.deepEqual(rules(check('HCPCS codes G2023, G2024 were used in 2021', 'note.md')).filter((r) => r.startsWith('deleted')), []);
  });

  it('a place of service that is not a CMS code is reported once, at the place of service', () => {
    const findings = check(claim837p('30', ['HC:99213', 'HC:99214']), 'c.837').filter((f) => f.rule === 'pos-unknown');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /Place of service 30/);
  });

  it('an add-on code alone on a claim is reported; with its primary it is clean', () => {
    assert.ok(rules(check(claim837p('11', ['HC:11045']))).includes('add-on-without-primary:11045'));
    assert.deepEqual(rules(check(claim837p('11', ['HC:11042', 'HC:11045']))), []);
  });

  it('the severity of a rule follows the settings, and off silences it', () => {
    const text = claim837p('22', ['HC:64866']);
    assert.equal(check(text, 'c.837', { rules: { 'inpatient-only-outpatient': 'warning' } })[0].severity, 'warning');
    assert.deepEqual(check(text, 'c.837', { rules: { 'inpatient-only-outpatient': 'off' } }), []);
  });

  it('the default setting makes lines that say nothing outpatient', () => {
    const findings = check('CPT 64866', 'note.txt', { defaultSetting: 'outpatient' });
    assert.deepEqual(rules(findings), ['inpatient-only-outpatient:64866']);
    assert.match(findings[0].message, /default setting/);
  });
});

describe('rules on the real samples: no false problem where a coder sees none', () => {
  const silentFiles = ['837i_ppo_repriced.837i', '837p_cob_example4.837', 'cms1500_claim_model_utf16.xml', 'fhir_eob_professional_carin.json', 'hpt_cms_v3_example.json', 'hpt_cms_v3_wide_example.csv', 'hpt_cms_v2_tall_example.csv'];
  for (const name of silentFiles) {
    it(`${name}: no warning or error`, function () {
      const file = sharedFile(this, `samples/real/${name}`);
      const { decodeText } = require('../../../src/core/text/decode') as typeof import('../../../src/core/text/decode');
      const text = decodeText(fs.readFileSync(file)).text;
      const problems = check(text, file).filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(problems.map((f) => `${f.range.startLine + 1}: ${f.message}`), []);
    });
  }

  it('837p_professional_claim1.txt: only the placeholder modifiers BB and DD are questioned', function () {
    const file = sharedFile(this, 'samples/real/837p_professional_claim1.txt');
    const findings = check(fs.readFileSync(file, 'utf8'), file).filter((f) => f.severity !== 'information');
    assert.deepEqual(findings.map((f) => `${f.rule}:${f.occurrence.modifiers.find((m) => m.range === f.range)?.code}`), ['modifier-unknown:BB', 'modifier-unknown:DD']);
  });
});

describe('invalid-code: a value in a code field that is no code', () => {
  it('J34901 in a CPT/HCPCS column is an error; the row\'s other values are not codes', () => {
    const findings = engine.check('CDM,Description,HCPCS,Charge\n1,DRUG,J34901,1.00\n2,DRUG,J3490,1.00\n', { fileName: 'cdm.csv' }).findings;
    assert.deepEqual(findings.map((f) => `${f.rule}:${f.occurrence.text}@${f.range.startLine}`), ['invalid-code:J34901@1']);
    assert.match(findings[0].message, /"J34901" in a procedure-code field is not a CPT or HCPCS code/);
  });

  it('an X12 SV1 composite with an invalid procedure code is an error', () => {
    assert.deepEqual(rules(check(claim837p('11', ['HC:9921'])).filter((f) => f.rule.startsWith('invalid'))), ['invalid-code:9921']);
  });

  it('the FHIR claim sample with the HCPCS value FDSAE gets exactly that problem', function () {
    const file = sharedFile(this, 'samples/real/fhir_claim_mcs_bfd.json');
    const findings = check(fs.readFileSync(file, 'utf8'), file).filter((f) => f.rule === 'invalid-code');
    assert.deepEqual(findings.map((f) => f.occurrence.text), ['FDSAE']);
  });

  it('invalid values are never listed as codes', () => {
    assert.deepEqual(engine.recognize('HCPCS\nJ34901\n', { fileName: 'x.csv' }), []);
  });
});

describe('rules on a code written again and again (a charge master\'s rows)', () => {
  it('reports every line of a repeated bad code, and a good line of the same code stays quiet', () => {
    const text = 'CPT,Date of Service,Setting\n99213,2024-03-01,outpatient\nG0202,2014-06-01,outpatient\nG0202,2024-03-01,outpatient\n99213,2024-03-01,outpatient\nG0202,2024-03-01,outpatient\n12345,2024-03-01,outpatient\n12345,2024-03-01,outpatient\n';
    const found = engine.check(text, { fileName: 'charges.csv' }).findings.map((f) => `${f.rule}:${f.code}@${f.range.startLine}`);
    assert.deepEqual(found, ['deleted-code:G0202@3', 'deleted-code:G0202@5', 'unknown-code:12345@6', 'unknown-code:12345@7']);
  });
});
