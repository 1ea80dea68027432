import { strict as assert } from 'assert';
import { engineOn } from './helpers/engine';

const engine = engineOn();
const codes = (text: string) => engine.recognize(text).map((o) => o.code + o.modifiers.map((m) => `-${m.code}`).join(''));

describe('plain-text recognizer: what a coder sees marked in prose', () => {
  it('marks known codes with cue words and without', () => {
    assert.deepEqual(codes('Bill CPT 64866 for the nerve graft.'), ['64866']);
    assert.deepEqual(codes('HCPCS codes G2023, G2024, U0003 apply'), ['G2023', 'G2024', 'U0003']);
    assert.deepEqual(codes('component test (82330) is included'), ['82330']);
  });

  it('says how sure it is: a cue word raises confidence', () => {
    const [cued] = engine.recognize('CPT 64866');
    const [bare] = engine.recognize('see 64866');
    assert.equal(cued.confidence, 'cue');
    assert.equal(bare.confidence, 'known');
  });

  it('attaches modifiers written with hyphens or as a known modifier after a space', () => {
    assert.deepEqual(codes('64866-22'), ['64866-22']);
    assert.deepEqual(codes('64866-22-51 today'), ['64866-22-51']);
    assert.deepEqual(codes('27447 RT'), ['27447-RT']);
    assert.deepEqual(codes('27447 to the left'), ['27447']);
  });

  it('gives 1-based-friendly ranges: 0-based line and character, end exclusive', () => {
    const [o] = engine.recognize('first line\n  CPT 64866-22');
    assert.deepEqual(o.range, { startLine: 1, startCharacter: 6, endLine: 1, endCharacter: 11 });
    assert.deepEqual(o.modifiers[0].range, { startLine: 1, startCharacter: 12, endLine: 1, endCharacter: 14 });
  });

  it('never marks a number that is part of an amount, a longer number, a date or an identifier', () => {
    for (const text of [
      '$64866', '64866.00', '1.64866', '164866', '648661', '64866-1234', 'Austin, TX 78701', 'ZIP 64866',
      'NPI: 64866', 'claim #64866', '24000-76000 UNITS', '12/64866', 'id_64866', 'Account 64866', 'days 1-3',
      'HI*BK:71516', '64866%',
    ]) {
      assert.deepEqual(codes(text), [], text);
    }
  });

  it('reads every word: codes next to words with digits, after modifiers, at the start and the end of the text', () => {
    assert.deepEqual(codes('64866'), ['64866']);
    assert.deepEqual(codes('Room 12B, 3x daily: 64866 and J1100'), ['64866', 'J1100']);
    assert.deepEqual(codes('A1B2C3D4 64866 x9y8 27447'), ['64866', '27447']);
    assert.deepEqual(codes('64866-22 27447-RT 64866'), ['64866-22', '27447-RT', '64866']);
    assert.deepEqual(codes('1648660 64866'), ['64866']);
    assert.deepEqual(codes('HCHG TC-99M SESTAMIBI DIAGNOSTIC UP TO 40MC (AKA A9500)'), ['A9500']);
  });

  it('never marks an unknown code-shaped number in prose', () => {
    assert.deepEqual(codes('order 99999 and 12345 arrived'), []);
  });
});
