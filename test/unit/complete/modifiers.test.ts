import { strict as assert } from 'assert';
import { engineOn } from '../helpers/engine';
import { itemsAt, labels } from './helpers';
import { PACK_FORMAT, PACK_SCHEMA_VERSION } from '../../../src/core/pack/types';
import type { DataPack } from '../../../src/core/pack/types';

/** Invented codes with chosen PFS indicators. */
const indicators: DataPack = {
  format: PACK_FORMAT,
  schemaVersion: PACK_SCHEMA_VERSION,
  id: 'test-indicators',
  title: 'PFS indicators for tests',
  source: { title: 'invented for tests', license: 'project' },
  pfs: {
    release: '2026-01',
    columns: ['status', 'pctc', 'globalDays', 'multipleProcedure', 'bilateral', 'assistant', 'coSurgeon', 'team'],
    rows: {
      // Surgery: bilateral 1, multiple procedure 2, assistant 2, co-surgeon 1, team 0, no PC/TC split.
      '99901': ['A', '0', '090', '2', '1', '2', '1', '0'],
      // Diagnostic test with 26/TC: no bilateral, no 51, assistant never paid, no co-/team surgeons.
      '99902': ['A', '1', 'XXX', '0', '0', '1', '0', '0'],
    },
  },
};
const engine = engineOn('2026-11-27', [indicators]);
const CSV = 'CPT,MOD\n';

function modifiersFor(code: string, typed = '') {
  return itemsAt(engine, `${CSV}${code},${typed}|\n`, { fileName: 'fees.csv' }).items;
}

describe('completion: modifiers filtered by the code\'s PFS indicators', () => {
  it('the modifiers the indicators allow come first, the forbidden ones last and marked, none hidden', () => {
    const items = modifiersFor('99901');
    const order = labels(items);
    assert.equal(items.length, engine.catalog.modifiers().length, 'every modifier is offered');
    for (const allowed of ['50', '51', '62', '80', '81', '82', 'AS']) {
      assert.ok(order.indexOf(allowed) < order.indexOf('22'), `${allowed} before the modifiers no indicator governs`);
      assert.equal(items.find((i) => i.label === allowed)!.marker, undefined);
    }
    const forbidden = items.filter((i) => i.marker === 'not-allowed').map((i) => i.label).sort();
    assert.deepEqual(forbidden, ['26', '66', 'TC']);
    assert.deepEqual(order.slice(-3).sort(), ['26', '66', 'TC']);
    const team = items.find((i) => i.label === '66')!;
    assert.match(team.detail ?? '', /Not allowed on 99901: team surgery indicator 0/);
    assert.match(team.description, /^not allowed · /);
    assert.match(items.find((i) => i.label === '50')!.detail ?? '', /Allowed on 99901: bilateral surgery indicator 1/);
  });

  it('a diagnostic test allows 26 and TC and forbids the surgical modifiers', () => {
    const items = modifiersFor('99902');
    const order = labels(items);
    assert.deepEqual(order.slice(0, 2), ['26', 'TC']);
    const forbidden = items.filter((i) => i.marker === 'not-allowed').map((i) => i.label).sort();
    assert.deepEqual(forbidden, ['50', '51', '62', '66', '80', '81', '82', 'AS']);
  });

  it('a typed character narrows the list; a forbidden match stays, last', () => {
    const items = modifiersFor('99902', '5');
    assert.ok(labels(items).every((m) => m.startsWith('5')));
    assert.equal(items[items.length - 1].label, '51');
    assert.equal(items[items.length - 2].label, '50');
    assert.ok(items.slice(0, -2).every((i) => i.marker === undefined));
  });

  it('64866 (bilateral indicator 0): 51 allowed first, its common modifier 22 next, 50 last and marked', () => {
    const items = modifiersFor('64866');
    const order = labels(items);
    assert.ok(order.indexOf('51') < order.indexOf('22'));
    assert.ok(order.indexOf('22') < order.indexOf('59'));
    assert.equal(items.find((i) => i.label === '50')!.marker, 'not-allowed');
    assert.equal(items.find((i) => i.label === '22')!.description, 'Increased procedural services');
  });

  it('without a code on the row every modifier is offered unmarked, in code order, terminated ones after', () => {
    const items = itemsAt(engine, `${CSV},|\n`, { fileName: 'fees.csv' }).items;
    assert.equal(items.length, engine.catalog.modifiers().length);
    assert.ok(items.every((i) => i.marker === undefined));
    const current = items.filter((i) => !/terminated/.test(i.description));
    const terminated = items.filter((i) => /terminated/.test(i.description));
    assert.ok(terminated.length > 0);
    assert.deepEqual(labels(items), [...labels(current).sort(), ...labels(terminated).sort()]);
  });

  it('the same order after `64866-` in text, `HC:64866:` in an 837 and in a FHIR item', () => {
    const csv = labels(modifiersFor('64866'));
    const text = labels(itemsAt(engine, 'Bill CPT 64866-|', { fileName: 'notes.md' }).items);
    assert.deepEqual(text, csv);
    const x12 = labels(itemsAt(engine, 'ST*837*0001*005010X222A1~\nSV1*HC:64866:|*100*UN*1***1~\n').items);
    assert.deepEqual(x12, csv);
    const fhir = '{"item":[{"productOrService":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"64866"}]},' +
      '"modifier":[{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"|"}]}]}]}';
    assert.deepEqual(labels(itemsAt(engine, fhir).items), csv);
  });
});
