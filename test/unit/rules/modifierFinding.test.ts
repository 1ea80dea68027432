/**
 * A modifier finding's quick fix removes the modifier with its separator, wherever the finding is
 * when the fix is first asked for; once asked for, the fix is the same object every time.
 */
import { strict as assert } from 'assert';
import { engineOn } from '../helpers/engine';
import type { Finding } from '../../../src/core/model';

const engine = engineOn();
const findingsOf = (text: string, fileName: string, rule: string): Finding[] => engine.check(text, { fileName }).findings.filter((f) => f.rule === rule);
/** The text after applying a finding's first fix. */
function fixed(text: string, f: Finding): string {
  const lines = text.split('\n');
  const { range, newText } = f.fixes![0];
  assert.equal(range.startLine, range.endLine);
  const line = lines[range.startLine];
  lines[range.startLine] = line.slice(0, range.startCharacter) + newText + line.slice(range.endCharacter);
  return lines.join('\n');
}

describe('the quick fix of a modifier finding', () => {
  it('removes an X12 modifier with the component separator before it', () => {
    const text = 'ISA*00*          *00*          *ZZ*SUB            *ZZ*REC            *260105*1200*^*00501*000000001*0*T*:~\nST*837*0001*005010X222A1~\nCLM*C1*1000***11:B:1*Y*A*Y*Y~\nLX*1~\nSV1*HC:99213:BB:25*100*UN*1***1~\nDTP*472*D8*20260105~\nSE*9*0001~\n';
    const [f] = findingsOf(text, 'c.837', 'modifier-unknown');
    assert.equal(f.fixes![0].title, 'Remove modifier BB');
    assert.match(fixed(text, f), /SV1\*HC:99213:25\*100/);
  });

  it('removes a CSV modifier written after a hyphen, and a piped modifier with the pipe after it', () => {
    const text = 'CPT,Description\n99213-BB,office visit\n';
    const [f] = findingsOf(text, 'c.csv', 'modifier-unknown');
    assert.equal(fixed(text, f), 'CPT,Description\n99213,office visit\n');
    const piped = 'CPT,Modifier\n99213,BB|25\n';
    const [g] = findingsOf(piped, 'p.csv', 'modifier-unknown');
    assert.equal(fixed(piped, g), 'CPT,Modifier\n99213,25\n');
  });

  it('a repeated modifier may be removed everywhere at once; an unknown one only one by one', () => {
    const text = 'CPT,Description\n99213-25-25,office visit\n99213-BB,office visit\n';
    const [dup] = findingsOf(text, 'c.csv', 'modifier-duplicate');
    const [unknown] = findingsOf(text, 'c.csv', 'modifier-unknown');
    assert.equal(dup.fixes![0].safeForAll, true);
    assert.equal(unknown.fixes![0].safeForAll, undefined);
  });

  it('is made where the finding is when first read, then stays the same object', () => {
    const text = 'CPT,Description\n99213-BB,office visit\n';
    const [f] = findingsOf(text, 'c.csv', 'modifier-unknown');
    f.range = { ...f.range, startLine: f.range.startLine + 3, endLine: f.range.endLine + 3 };
    const fix = f.fixes![0];
    assert.deepEqual(fix.range, { startLine: 4, startCharacter: 5, endLine: 4, endCharacter: 8 });
    assert.equal(f.fixes![0], fix);
    f.fixes = [];
    assert.deepEqual(f.fixes, []);
  });

  it('reads as a plain finding in JSON', () => {
    const [f] = findingsOf('CPT,Description\n99213-BB,office visit\n', 'c.csv', 'modifier-unknown');
    const plain = JSON.parse(JSON.stringify(f));
    assert.deepEqual(Object.keys(plain).sort(), ['code', 'fixes', 'message', 'occurrence', 'range', 'rule', 'severity']);
    assert.deepEqual(plain.fixes, [{ title: 'Remove modifier BB', range: { startLine: 1, startCharacter: 5, endLine: 1, endCharacter: 8 }, newText: '' }]);
  });
});
