/** The modifier rules remember per code and modifier within a check: answers must still follow both. */
import { strict as assert } from 'assert';
import { engineOn } from '../helpers/engine';
import type { CodeOccurrence, ModifierOccurrence } from '../../../src/core/model';
import { modifierDuplicate } from '../../../src/core/rules/modifiers';

const engine = engineOn();
const ISA = 'ISA*00*          *00*          *ZZ*SUB            *ZZ*REC            *260105*1200*^*00501*000000001*0*T*:~\n';
function claim(lines: string[]): string {
  return `${ISA}ST*837*0001*005010X222A1~\nCLM*C1*1000***11:B:1*Y*A*Y*Y~\n${lines
    .map((l, i) => `LX*${i + 1}~\nSV1*${l}*100*UN*1***1~\nDTP*472*D8*20260105~`)
    .join('\n')}\nSE*9*0001~\n`;
}

describe('modifier rules within one check', () => {
  it('the same unknown modifier on different codes: each message names its own code, each fix its own place', () => {
    const findings = engine.check(claim(['HC:99213:BB', 'HC:99214:BB', 'HC:99213:BB']), { fileName: 'c.837' }).findings.filter((f) => f.rule === 'modifier-unknown');
    assert.deepEqual(findings.map((f) => f.message.slice(0, 23)), ['Modifier BB on 99213 is', 'Modifier BB on 99214 is', 'Modifier BB on 99213 is']);
    assert.deepEqual(findings.map((f) => f.fixes![0].range.startLine), [4, 7, 10]);
    assert.equal(findings[0].fixes![0].title, 'Remove modifier BB');
    assert.notEqual(findings[0].fixes![0].range, findings[2].fixes![0].range);
  });

  it('modifier 50 is judged per code: forbidden on 64866 (bilateral indicator 0), not on a code that allows it', () => {
    const findings = engine.check(claim(['HC:64866:50', 'HC:27447:50', 'HC:64866:50']), { fileName: 'c.837' }).findings.filter((f) => f.rule === 'modifier-not-allowed');
    assert.deepEqual(findings.map((f) => `${f.code}@${f.range.startLine}`), ['64866@4', '64866@10']);
    assert.equal(findings[0].message, findings[1].message);
  });

  it('a repeated modifier is found on long lists as on short ones', () => {
    const mods = (codes: string[]): ModifierOccurrence[] => codes.map((code, i) => ({ code, range: { startLine: 0, startCharacter: 6 + 3 * i, endLine: 0, endCharacter: 8 + 3 * i } }));
    const at = (codes: string[]) => {
      const o: CodeOccurrence = { range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 5 }, code: '99213', text: '99213', system: 'CPT-I', confidence: 'context', modifiers: mods(codes), facts: {} };
      return modifierDuplicate.check!(o, { catalog: engine.catalog, today: '2026-01-05' }).map((f) => f.range.startCharacter);
    };
    assert.deepEqual(at(['25', '59', '25']), [12]);
    assert.deepEqual(at(['25', '59', 'LT', 'RT', 'XS', 'XU', '76', '77', '91', '25', '59', '25']), [33, 36, 39]);
    assert.deepEqual(at(['25', '59']), []);
  });
});
