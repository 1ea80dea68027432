import * as assert from 'assert';
import { hoverText, open, positionOf } from './helpers';

describe('hover in claims: X12 837P and FHIR', () => {
  it('64866 in an 837P SV1 composite: the card for the date of service, with the modifier written', async () => {
    const document = await open('claim.837');
    const text = await hoverText(document, positionOf(document, 'HC:64866', 4));
    assert.ok(text.includes('64866 — Anastomosis'), text);
    assert.ok(text.includes('on the date of service 2026\\-01\\-05'), text);
    assert.ok(text.includes('22: Increased procedural services'), text);
  });

  it('the modifier in the composite explains itself and whether it fits the code', async () => {
    const document = await open('claim.837');
    const text = await hoverText(document, positionOf(document, 'HC:99213:25', 9));
    assert.ok(text.includes('Modifier 25'), text);
  });

  it('the place of service in CLM05 shows its CMS name', async () => {
    const document = await open('claim.837');
    const text = await hoverText(document, positionOf(document, '22:B:1', 0));
    assert.ok(text.includes('Place of service 22 — On Campus\\-Outpatient Hospital'), text);
  });

  it('64866 in a FHIR Claim coding with a CPT system', async () => {
    const document = await open('claim.json');
    const text = await hoverText(document, positionOf(document, '"64866"', 2));
    assert.ok(text.includes('64866 — Anastomosis'), text);
    assert.ok(text.includes('Inpatient only'), text);
  });

  it('a ZIP code in N4 is not a code', async () => {
    const document = await open('claim.837');
    const text = await hoverText(document, positionOf(document, '62704', 1));
    assert.equal(text, '');
  });
});
