/** NCCI rules on the real CMS excerpts, loaded as a user would load them. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import { engineOn, sharedFile } from '../helpers/engine';
import { importData } from '../../../src/core/import';

const ISA = 'ISA*00*          *00*          *ZZ*SUB            *ZZ*REC            *180601*1200*^*00501*000000001*0*T*:~\n';
function claim(date: string, lines: string[]): string {
  return `${ISA}ST*837*0001*005010X222A1~\nCLM*C1*100***11:B:1*Y*A*Y*Y~\n${lines
    .map((l, i) => `LX*${i + 1}~\nSV1*${l}***1~\nDTP*472*D8*${date}~`)
    .join('\n')}\nSE*9*0001~\n`;
}

describe('NCCI rules with the CMS tables loaded', () => {
  function withTables(ctx: Mocha.Context) {
    const ptpFile = sharedFile(ctx, 'data/raw/cms-ncci-excerpts/ccipra-v322r0-f1.excerpt.txt');
    const mueFile = sharedFile(ctx, 'data/raw/cms-ncci-excerpts/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv');
    const ptp = importData(fs.readFileSync(ptpFile), ptpFile, { truncatedLastRow: 'skip' }).pack;
    const mue = importData(fs.readFileSync(mueFile), mueFile).pack;
    return engineOn('2026-11-27', [ptp, mue]);
  }
  const found = (engine: ReturnType<typeof engineOn>, text: string, rule: string) =>
    engine.check(text, { fileName: 'c.837' }).findings.filter((f) => f.rule === rule);

  it('a PTP pair with modifier indicator 0 is reported on the column 2 code, even with 59', function () {
    const engine = withTables(this);
    const [f] = found(engine, claim('20180601', ['HC:0001M*50*UN*1', 'HC:80050:59*20*UN*1']), 'ncci-ptp');
    assert.ok(f, 'ncci-ptp fires');
    assert.equal(f.code, '80050');
    assert.match(f.message, /80050 is bundled into 0001M on 2018-06-01/);
    assert.match(f.message, /modifier indicator 0/);
    assert.equal(f.related![0].message, 'column 1 code 0001M');
  });

  it('modifier indicator 1: 59 on the column 2 code bypasses the edit; without it the edit applies', function () {
    const engine = withTables(this);
    assert.equal(found(engine, claim('20180601', ['HC:0001M*50*UN*1', 'HC:80500:59*20*UN*1']), 'ncci-ptp').length, 0);
    assert.equal(found(engine, claim('20180601', ['HC:0001M*50*UN*1', 'HC:80500*20*UN*1']), 'ncci-ptp').length, 1);
  });

  it('an edit is applied only while in force: after its deletion date the pair is clean', function () {
    const engine = withTables(this);
    assert.equal(found(engine, claim('20190601', ['HC:0001M*50*UN*1', 'HC:80050*20*UN*1']), 'ncci-ptp').length, 0);
  });

  it('units above the MUE are reported with the adjudication and rationale; a date-of-service edit sums the lines', function () {
    const engine = withTables(this);
    const [single] = found(engine, claim('20260801', ['HC:0001U*50*UN*2']), 'mue-units');
    assert.match(single.message, /0001U: 2 units exceed the NCCI MUE of 1 \(Date of Service Edit: Policy/);
    const [summed] = found(engine, claim('20260801', ['HC:0001U*50*UN*1', 'HC:0001U*50*UN*1']), 'mue-units');
    assert.match(summed.message, /2 units over 2 lines/);
    assert.equal(found(engine, claim('20260801', ['HC:0001U*50*UN*1']), 'mue-units').length, 0);
  });

  it('without NCCI data loaded the rules stay silent', () => {
    const engine = engineOn();
    assert.equal(engine.check(claim('20180601', ['HC:0001M*50*UN*1', 'HC:80050*20*UN*9']), { fileName: 'c.837' }).findings.filter((f) => f.rule.startsWith('ncci') || f.rule === 'mue-units').length, 0);
  });
});
