import { strict as assert } from 'assert';
import { at, codes, occurrences } from './helpers';

const CPT = 'http://www.ama-assn.org/go/cpt';
const coding = (code: string, system = CPT): string => `{"system": "${system}", "code": "${code}"}`;
const item = (code: string, extra = ''): string => `{"sequence": 1, "productOrService": {"coding": [${coding(code)}]}${extra}}`;

describe('JSON recognizer: broken, hand-edited and hostile JSON reads as jsonc-parser reads it', () => {
  it('reads JSON with comments and trailing commas as a coder writes it in an editor', () => {
    const text = [
      '// claim drafted by hand',
      '{ "resourceType": "Claim", /* draft */ "id": "c1",',
      '  "item": [',
      `    ${item('99213')}, // the visit`,
      `    ${item('64866')},`,
      '  ],',
      '}',
    ].join('\n');
    const lines = text.split('\n');
    assert.deepEqual(at(text, { fileName: 'claim.json' }), [`99213@4:${lines[3].indexOf('99213') + 1}`, `64866@5:${lines[4].indexOf('64866') + 1}`]);
    assert.deepEqual(occurrences(text, { fileName: 'claim.json' }).map((o) => o.facts.claimId), ['c1', 'c1']);
  });

  it('finds a coding nested 10,000 levels deep (jsonc-parser overflowed the stack from about 3,000), and the codes after it', () => {
    const depth = 10000;
    const text = `{"a": [${'{"item": ['.repeat(depth)}${item('99213')}${']}'.repeat(depth)}, ${item('64866')}]}`;
    assert.deepEqual(codes(text, { fileName: 'claim.json' }), ['99213', '64866']);
  });

  it('reads everything before the point where a document is cut off, at any depth', () => {
    const text = `{"item": [${item('99213', ', "modifier": [{"coding": [{"system": "' + CPT + '", "code": "25"}]}]')}, {"sequence": 2, "productOrService": {"coding": [${coding('64866')}, {"system": "${CPT}", "co`;
    assert.deepEqual(codes(text, { fileName: 'claim.json' }), ['99213-25', '64866']);
  });

  it('decodes escapes in systems and names, and keeps ranges on the characters written', () => {
    const text = `{"productOrService": {"coding": [{"sys\\u0074em": "http:\\/\\/www.ama-assn.org\\/go\\/cpt", "code": "99213"}]}}`;
    const [o] = occurrences(text, { fileName: 'claim.json' });
    assert.equal(o.code, '99213');
    assert.equal(text.slice(o.range.startCharacter, o.range.endCharacter), '99213');
  });

  it('ends an unterminated string at its line break, as jsonc-parser does, and reads the lines after it', () => {
    const text = `{"note": "unterminated\n, "cpt": "99213"}`;
    assert.deepEqual(codes(text, { fileName: 'claim.json' }), ['99213']);
  });

  it('is not thrown by lone surrogates, control characters or junk between values', () => {
    const text = `{"display": "\ud800 99213 \udc00", "x": NaN, "y": -, "cpt": "\u0001 64866", /x/ "hcpcs": "J1100"}`;
    assert.deepEqual(codes(text, { fileName: 'claim.json' }), ['99213', '64866', 'J1100']);
  });

  it('reads only the first top-level value, as jsonc-parser does', () => {
    const text = `{"cpt": "99213"}\n{"cpt": "64866"}\n`;
    assert.deepEqual(codes(text, { fileName: 'claim.json' }), ['99213']);
  });
});
