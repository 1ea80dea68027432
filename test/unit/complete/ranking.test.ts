import { strict as assert } from 'assert';
import { engineOn } from '../helpers/engine';
import type { Engine } from '../../../src/core/engine';
import { itemsAt, labels, syntheticLicensedPack } from './helpers';

const bundled = engineOn();
const CSV = 'CPT,MOD,POS,Fee\n64866,22,22,100\n';
const cell = (typed: string) => `${CSV}${typed}|,,,`;
const opts = { fileName: 'fees.csv' };

describe('completion ranking: codes by prefix', () => {
  it('6486 offers the 6486x codes in code order, 64866 marked inpatient only', () => {
    const { items, incomplete } = itemsAt(bundled, cell('6486'), opts);
    assert.ok(items.length >= 5);
    assert.ok(labels(items).every((c) => c.startsWith('6486')));
    assert.deepEqual(labels(items), [...labels(items)].sort());
    assert.equal(incomplete, false);
    const item = items.find((i) => i.label === '64866')!;
    assert.equal(item.marker, 'inpatient-only');
    assert.match(item.description, /facial-spinal accessory nerve/);
    assert.match(item.detail ?? '', /inpatient only/);
    assert.equal(item.documentationCode, '64866');
    assert.equal(item.insertText, '64866');
  });

  it('HCPCS letters in either case: J11 and j11 offer J1100 with its CMS descriptor', () => {
    const upper = itemsAt(bundled, cell('J11'), opts).items;
    const lower = itemsAt(bundled, cell('j11'), opts).items;
    assert.deepEqual(labels(upper), labels(lower));
    const j = lower.find((i) => i.label === 'J1100')!;
    assert.match(j.description, /dexamethasone/i);
    assert.equal(j.insertText, 'J1100');
    assert.equal(j.filterText, 'j1100', 'filtered in the case typed');
  });

  it('a short prefix is capped and marked incomplete so the editor asks again', () => {
    const { items, incomplete } = itemsAt(bundled, cell('6'), opts);
    assert.equal(items.length, 100);
    assert.equal(incomplete, true);
  });
});

describe('completion ranking: codes by words', () => {
  const engines: [string, () => Engine][] = [
    ['bundled data', () => bundled],
    ['with an 11,000-code licensed file', () => (licensed ??= engineOn('2026-11-27', [syntheticLicensedPack(bundled)]))],
  ];
  let licensed: Engine | undefined;
  for (const [name, engineOf] of engines) {
    describe(name, () => {
      const top = (typed: string) => itemsAt(engineOf(), cell(typed), opts).items[0]?.label;
      it('facial nerve anastomosis: 64866 first, in any word order, with typos, with the last word unfinished', () => {
        assert.equal(top('facial nerve anastomosis'), '64866');
        assert.equal(top('anastomosis nerve facial'), '64866');
        assert.equal(top('facail nerve anastomsis'), '64866');
        assert.equal(top('facial nerve anas'), '64866');
        assert.equal(top('spinal accessory'), '64866');
      });

      it('dexamethasone 1 mg: J1100 first (the number counts; deleted J1094 after the codes in force)', () => {
        const { items } = itemsAt(engineOf(), cell('dexamethasone 1 mg'), opts);
        assert.equal(items[0].label, 'J1100');
        const order = labels(items);
        if (order.includes('J1094')) assert.ok(order.indexOf('J1094') > order.indexOf('J8540'));
      });
    });
  }

  it('word items filter by the typed words and replace them with the code', () => {
    const { items, incomplete } = itemsAt(bundled, cell('facial nerve anas'), opts);
    assert.equal(items[0].filterText, 'facial nerve anas');
    assert.equal(items[0].insertText, '64866');
    assert.equal(incomplete, true, 'a word list changes with every word: always asked again');
  });

  it('a deleted code is still offered, after the codes in force, and says so', () => {
    const { items } = itemsAt(bundled, cell('dexamethasone acetate'), opts);
    const j1094 = items.find((i) => i.label === 'J1094')!;
    assert.ok(j1094, labels(items).join(' '));
    assert.match(j1094.description, /\(deleted\)/);
    assert.match(j1094.detail ?? '', /deleted 2025-03-31/);
  });

  it('results are capped', () => {
    const { items } = itemsAt(bundled, cell('injection'), opts);
    assert.equal(items.length, 50);
  });
});

describe('completion: places of service', () => {
  it('digits offer the CMS codes starting with them, then the one-digit form', () => {
    const { items } = itemsAt(bundled, `${CSV}64866,,2|,`, opts);
    const order = labels(items);
    assert.equal(order[0], '20');
    assert.ok(order.includes('22') && order.includes('21'));
    assert.equal(order[order.length - 1], '02');
    assert.equal(items.find((i) => i.label === '11'), undefined);
    assert.equal(items.find((i) => i.label === '22')?.description, 'On Campus-Outpatient Hospital');
  });

  it('a name in a POS cell offers the matching places', () => {
    const { items } = itemsAt(bundled, `${CSV}64866,,office|,`, opts);
    assert.ok(labels(items).includes('11'));
    assert.equal(items.find((i) => i.label === '11')?.insertText, '11');
  });
});
