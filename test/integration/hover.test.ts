import * as assert from 'assert';
import { hoverText, open, positionOf } from './helpers';

describe('hover: the code card in a real VS Code', () => {
  it('64866 in a charge-master CSV shows the descriptor, the inpatient-only warning and the modifier written on the line', async () => {
    const document = await open('chargemaster.csv');
    const text = await hoverText(document, positionOf(document, '64866', 2));
    assert.ok(text.includes('64866 — Anastomosis; facial\\-spinal accessory nerve'), text);
    assert.ok(text.includes('Inpatient only \\(CMS\\)'), text);
    assert.ok(text.includes('In simple words'), text);
    assert.ok(text.includes('Common modifiers'), text);
    assert.ok(text.includes('22: Increased procedural services'), text);
  });

  it('a modifier written after a code explains itself', async () => {
    const document = await open('notes.md');
    const text = await hoverText(document, positionOf(document, '64866-22', 6));
    assert.ok(text.includes('Modifier 22 — Increased procedural services'), text);
  });

  it('a HCPCS code shows its CMS descriptor', async () => {
    const document = await open('chargemaster.csv');
    const text = await hoverText(document, positionOf(document, 'J1100', 1));
    assert.match(text, /J1100 — .*dexamethasone/i);
  });

  it('a number that is not a code shows no card', async () => {
    const document = await open('chargemaster.csv');
    const text = await hoverText(document, positionOf(document, '18250', 1));
    assert.ok(!text.includes('—'), text);
  });
});
