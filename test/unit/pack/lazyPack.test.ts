/**
 * parsePack indexes the big tables instead of parsing them (pack/scan.ts). Whatever the text,
 * the result must be what `JSON.parse` + `checkPack` gave: the same pack, or the same error
 * with the same line.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { checkPack, PackError, parsePack } from '../../../src/core/pack/parse';
import { lazyTableOf } from '../../../src/core/pack/lazyTable';
import { BUNDLED_PACKS } from '../../../src/core/pack/bundled';
import { REPO_ROOT } from '../helpers/engine';

/** parsePack as it was: JSON.parse of the whole text, then the checks. */
function reference(text: string, file: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  try {
    return checkPack(value, file, text);
  } catch (e) {
    return (e as PackError).message;
  }
}

function actual(text: string, file: string): unknown {
  try {
    // Plain data with every lazy table read (deepEqual reads getters too; no JSON round trip, which turns -Infinity into null).
    return { ...parsePack(text, file) };
  } catch (e) {
    if (!(e instanceof PackError)) throw e;
    return /not valid JSON/.test(e.reason) ? 'not valid JSON' : e.message;
  }
}

function smallPack(): Record<string, any> {
  return {
    format: 'cpt-lens-pack', schemaVersion: 1, id: 'p', title: 't', codeSetYear: 2025, source: { title: 's', license: 'other' },
    codes: { '64866': { longDescriptor: 'Nerve "graft"\\ é', replacedBy: ['64868'], n: -1.5e3, ok: true, none: null }, ' a0021 ': { shortDescriptor: 'x' }, 'B\u00e9': { nested: { deep: [1, [2]] } } },
    opps: { quarters: ['2026-01', '2026-04'], status: { '64866': ['C', null], 'j1100': ['K', 'K'] } },
    pfs: { release: 'r', columns: ['status', 'pctc'], rows: { '64866': ['A', '0'] } },
  };
}
const SMALL = JSON.stringify(smallPack(), null, 1);

const FILE = 'p.cptlens-pack.json';

describe('data packs read lazily (big tables indexed, entries parsed on demand)', () => {
  it('every bundled pack reads as exactly what JSON.parse gives, with its big tables still unparsed', () => {
    for (const name of BUNDLED_PACKS) {
      const text = fs.readFileSync(path.join(REPO_ROOT, 'data', 'packs', name), 'utf8');
      const pack = parsePack(text, name);
      if (pack.codes && Object.keys(pack.codes).length > 100) assert.ok(!lazyTableOf(pack, 'codes'), 'reading codes parses them');
      const fresh = parsePack(text, name);
      const big = lazyTableOf(fresh, 'codes') ?? lazyTableOf(fresh.opps, 'status') ?? lazyTableOf(fresh.pfs, 'rows');
      if (text.length > 100_000) assert.ok(big, `${name}: a big table stays lazy`);
      assert.deepEqual(fresh, JSON.parse(text), name);
    }
  });

  it('a small pack with escapes, odd keys, nested entries, OPPS and PFS rows reads as JSON.parse reads it', () => {
    assert.deepEqual(actual(SMALL, FILE), reference(SMALL, FILE));
    assert.equal(typeof actual(SMALL, FILE), 'object');
  });

  it('an entry of the wrong shape inside a lazy table is reported with its line, as before', () => {
    const shortRow = smallPack();
    shortRow.opps.status.j1100 = ['K'];
    const text = JSON.stringify(shortRow, null, 1);
    assert.equal(actual(text, FILE), reference(text, FILE));
    assert.equal(actual(text, FILE), `${FILE}:${text.split('\n').findIndex((l) => l.includes('"j1100"')) + 1}: opps status of "j1100" must have one entry per quarter (2)`);
    const notObject = smallPack();
    notObject.codes[' a0021 '] = 5;
    const text2 = JSON.stringify(notObject, null, 1);
    assert.equal(actual(text2, FILE), reference(text2, FILE));
    assert.match(String(actual(text2, FILE)), /codes entry " a0021 " must be an object/);
  });

  it('any edit of a pack text gives the same pack or the same error as JSON.parse + checkPack', () => {
    const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '\t', '\u00a0', '0', '1', '-', '.', 'e', 'E', '+', 'u', 'a', 'A', '\u0001', 'n', 't', 'f', 'null', 'true', '"x"', '"codes"', '{}', '[]'];
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.constantFrom(...alphabet) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = SMALL;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        }
        assert.deepEqual(actual(text, FILE), reference(text, FILE), JSON.stringify(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('entries made of JSON fragments (numbers, escapes, literals, brackets) are accepted and refused as JSON.parse does', () => {
    const tokens = ['0', '1', '9', '-', '.', 'e', 'E', '+', '"a"', '"\\u00e9"', '"\\u00g9"', '"\\x"', '"\\n"', '"\u0001"', 'null', 'nul', 'true', ',', '[', ']', '{', '}', ':', ' ', '\u00a0', '"k":'];
    const general = fc.array(fc.constantFrom(...tokens), { minLength: 1, maxLength: 7 }).map((t) => t.join(''));
    // Number look-alikes, often just off the grammar: 00, 1., -e1, 0.e5...
    const numberish = fc.array(fc.constantFrom('0', '1', '-', '.', 'e', '+'), { minLength: 1, maxLength: 4 }).map((t) => t.join(''));
    const fragment = fc.oneof(general, numberish);
    fc.assert(
      // One fragment per text, in a code entry, an OPPS row or a PFS row: a second broken spot would hide the first.
      fc.property(fragment, fc.constantFrom('"ok": true', '"C",', '"A",'), (inserted, where) => {
        const text = SMALL.replace(where, where.startsWith('"ok"') ? `"ok": ${inserted}` : `${inserted},`);
        assert.deepEqual(actual(text, FILE), reference(text, FILE), JSON.stringify(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('random tables (any keys, any JSON entries, any spacing) read as JSON.parse reads them', () => {
    const entries = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 });
    fc.assert(
      fc.property(entries, entries, entries, fc.constantFrom(undefined, 1, '\t', ' \r\n'), (codes, status, rows, space) => {
        const pack = {
          format: 'cpt-lens-pack', schemaVersion: 1, id: 'p', title: 't', source: { title: 's', license: 'other' },
          codes, opps: { quarters: ['2026-01'], status }, pfs: { release: 'r', columns: ['status'], rows },
        };
        const text = JSON.stringify(pack, null, space as string);
        assert.deepEqual(actual(text, FILE), reference(text, FILE));
      }),
      { numRuns: 500 },
    );
  });
});
