/** occurrenceAt (what hover shows) answers what a scan of every occurrence in order answers. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { engineOn, SHARED } from './helpers/engine';
import { occurrenceAt, OccurrenceHit } from '../../src/core/occurrenceAt';
import type { CodeOccurrence, Range } from '../../src/core/model';
import { decodeText } from '../../src/core/text/decode';
import { oneLine } from './helpers/claimFile';

const engine = engineOn();

function contains(r: Range, line: number, character: number): boolean {
  if (line < r.startLine || line > r.endLine) return false;
  if (line === r.startLine && character < r.startCharacter) return false;
  if (line === r.endLine && character > r.endCharacter) return false;
  return true;
}

/** The reference: hover's former linear scan (modifiers, then place of service, then the code, per occurrence). */
function scan(occurrences: readonly CodeOccurrence[], line: number, character: number): OccurrenceHit | undefined {
  for (const o of occurrences) {
    const modifier = o.modifiers.find((m) => contains(m.range, line, character));
    if (modifier) return { kind: 'modifier', occurrence: o, modifier, range: modifier.range };
    const pos = o.facts.placeOfServiceRange;
    if (pos && o.facts.placeOfService && contains(pos, line, character)) return { kind: 'placeOfService', occurrence: o, placeOfService: o.facts.placeOfService, range: pos };
    if (contains(o.range, line, character)) return { kind: 'code', occurrence: o, range: o.range };
  }
  return undefined;
}

function assertSame(occurrences: readonly CodeOccurrence[], lines: string[], label: string): number {
  let hits = 0;
  for (let line = 0; line <= lines.length; line++) {
    const width = (lines[line] ?? '').length;
    for (let character = 0; character <= width + 1; character++) {
      const want = scan(occurrences, line, character);
      const got = occurrenceAt(occurrences, line, character);
      if (want) hits++;
      assert.equal(got?.kind, want?.kind, `${label} ${line}:${character}`);
      assert.equal(got?.occurrence, want?.occurrence, `${label} ${line}:${character} occurrence`);
      assert.equal(got?.range, want?.range, `${label} ${line}:${character} range`);
    }
  }
  return hits;
}

describe('occurrenceAt', () => {
  it('finds codes, glued and separate modifiers and places of service like a scan in order', () => {
    const text = [
      'CDM,Description,CPT,MOD,POS',
      '1,visit,9921325,59,11',
      '2,knee,27447,RT,21',
      '3,nothing here,,,',
      '4,two codes,64866 99213,,22',
    ].join('\n');
    const occurrences = engine.recognize(text, { fileName: 'x.csv' });
    assert.ok(occurrences.length >= 4);
    assert.equal(occurrenceAt(occurrences, 1, 10)?.kind, 'code');
    assert.equal(occurrenceAt(occurrences, 1, 17)?.kind, 'modifier'); // 25 glued to the code
    assert.equal(occurrenceAt(occurrences, 2, 16)?.kind, 'placeOfService');
    assert.equal(occurrenceAt(occurrences, 3, 2), undefined);
    assert.equal(occurrenceAt([], 0, 0), undefined);
    assertSame(occurrences, text.split('\n'), 'csv');
  });

  it('agrees with the scan at every position of the real samples (837P CLM05-1, FHIR modifiers)', function () {
    const dir = path.join(SHARED, 'samples', 'real');
    if (!fs.existsSync(dir)) this.skip();
    let hits = 0;
    for (const name of ['837p_professional_claim1.txt', '837p_cob_example4.837', 'fhir_eob_carrier_multiline_bfd.json', 'fhir_claim_mcs_bfd.json', 'hpt_cms_v2_tall_example.csv', 'cms1500_claim_model_utf16.xml']) {
      const file = path.join(dir, name);
      if (!fs.existsSync(file)) continue;
      const text = decodeText(fs.readFileSync(file)).text;
      const occurrences = engine.recognize(text, { fileName: name });
      hits += assertSame(occurrences, text.split(/\r\n|\r|\n/), name);
    }
    assert.ok(hits > 50, `only ${hits} positions hit an occurrence`);
  });

  it('and at every position of the 837P samples written on one line, as X12 is sent (parts far along the line from their codes)', function () {
    let hits = 0;
    for (const name of ['837p_professional_claim1.txt', '837p_cob_example4.837']) {
      const text = oneLine(fs.readFileSync(path.join(SHARED, 'samples', 'real', name), 'utf8'));
      // Twelve copies of its claims: CLM05-1 far from the later lines' codes.
      const claims = text.slice(text.indexOf('HL*'), text.lastIndexOf('SE*'));
      const many = text.slice(0, text.indexOf('HL*')) + claims.repeat(12) + text.slice(text.lastIndexOf('SE*'));
      hits += assertSame(engine.recognize(many, { fileName: name }), [many], `${name} on one line`);
    }
    assert.ok(hits > 500, `only ${hits} positions hit an occurrence`);
  });
});
