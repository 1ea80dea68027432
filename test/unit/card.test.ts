import { strict as assert } from 'assert';
import { engineOn } from './helpers/engine';
import { cardToMarkdown } from '../../src/core/card/markdown';
import { cardToHtml } from '../../src/core/card/html';
import { escapeMarkdown } from '../../src/core/card/escape';
import { inlineLabels, INPATIENT_MARKER } from '../../src/core/card/inline';
import type { DataPack } from '../../src/core/pack/types';

const engine = engineOn();

describe('the code card for 64866 (the reference record)', () => {
  const card = engine.card('64866', { modifiersWritten: ['22', '50'] })!;
  const md = cardToMarkdown(card, { maxPartLength: 100_000 });
  const html = cardToHtml(card);

  it('opens with the code, the descriptor, the code system and the code-set year', () => {
    assert.match(md.split('\n')[0], /^\*\*64866 — Anastomosis; facial\\-spinal accessory nerve\*\*$/);
    assert.ok(md.includes('CPT Category I · 2025 code set'));
  });

  it('puts the inpatient-only warning first, with the release and since when', () => {
    assert.equal(card.parts[0].id, 'inpatientOnly');
    assert.ok(card.parts[0].warning);
    assert.match(card.parts[0].text!, /status indicator C in OPPS Addendum B 2026-04/);
    assert.match(card.parts[0].text!, /since Q1 2024/);
  });

  it('explains each modifier written on the line and whether the PFS indicators allow it', () => {
    const written = card.parts.find((p) => p.id === 'modifiersWritten')!;
    assert.ok(written.items![0].startsWith('22: Increased procedural services'));
    assert.match(written.items![1], /^50: .*not allowed on 64866: bilateral surgery indicator 0/);
    assert.ok(written.warning);
  });

  it('has a place for every field of the seed record', () => {
    const r = engine.record('64866')!;
    const seedTexts = [
      r.longDescriptor!, r.summary!, r.plainLanguage!, r.procedureDetails!, r.modifierNote!, r.medicalNecessity!, r.documentation!,
      r.inpatientOnlyNote!.note, r.section!, r.subsection!, ...r.examples!, ...r.specialties!, ...r.placesOfService!,
    ];
    for (const text of seedTexts) assert.ok(html.includes(text.replace(/'/g, '&#39;')), `details view misses: ${text.slice(0, 40)}`);
    assert.ok(html.includes('2025 code set'));
    assert.ok(html.includes('Active'));
  });

  it('keeps the hover short: long texts are cut', () => {
    const short = cardToMarkdown(card, { maxPartLength: 80, links: { details: 'command:cptLens.showCard' } });
    assert.ok(short.length < md.length);
    assert.ok(short.includes('…'));
    assert.ok(short.includes('[Read the full card](command:cptLens.showCard)'));
  });
});

describe('a card from public data only', () => {
  it('a CPT code without licensed text still shows section, indicators and inpatient status, and says how to load CPT text', () => {
    const card = engine.card('22558', { dateOfService: '2025-11-03' })!;
    assert.ok(card.noLicensedText);
    assert.equal(card.title, 'CPT descriptor not loaded');
    assert.ok(card.parts.some((p) => p.id === 'section' && p.text!.startsWith('Surgery')));
    assert.ok(card.parts.some((p) => p.id === 'pfs'));
    assert.match(card.parts[0].text!, /leaves the list in Q1 2026/);
    assert.match(cardToMarkdown(card), /`cptLens\.data\.files`/);
  });

  it('a HCPCS code shows its CMS descriptor', () => {
    const card = engine.card('J1100')!;
    assert.match(card.title, /dexamethasone/i);
    assert.equal(card.system, 'HCPCS Level II');
  });
});

describe('hostile data stays inert text', () => {
  const evil: DataPack = {
    format: 'cpt-lens-pack', schemaVersion: 1, id: 'evil', title: 'evil', source: { title: 'test', license: 'other' },
    codes: { '99213': { longDescriptor: '[click](command:workbench.action.terminal.new) <script>alert(1)</script> javascript:alert(1) **bold**' } },
  };
  const card = engineOn('2026-11-27', [evil]).card('99213')!;

  it('in Markdown: no link, no HTML, no command URI survives', () => {
    const md = cardToMarkdown(card);
    assert.ok(!md.includes('](command:'));
    assert.ok(!md.includes('<script>'));
    assert.ok(!/javascript:/i.test(md));
    assert.ok(!md.includes('**bold**'));
  });

  it('in HTML: tags are escaped', () => {
    const html = cardToHtml(card);
    assert.ok(!html.includes('<script>'));
    assert.ok(html.includes('&lt;script&gt;'));
  });

  it('escapeMarkdown leaves nothing Markdown would act on', () => {
    assert.equal(escapeMarkdown('a_b*c[d](e)'), 'a\\_b\\*c\\[d\\]\\(e\\)');
  });
});

describe('inlay hint labels (what a coder sees after a code)', () => {
  it('mark a code inpatient only on the dates it is, with its descriptor in the tooltip', () => {
    const labelOf = inlineLabels(engine.catalog, 'warnings', 40);
    assert.equal(labelOf('22558', '2025-11-03')?.label, INPATIENT_MARKER);
    assert.equal(labelOf('22558', '2026-02-01'), null, 'off the list since the 2026 phase-out: nothing to warn about');
    assert.match(labelOf('64866', '2026-05-01')!.tooltip, /^64866: Anastomosis; facial-spinal accessory nerve/);
    assert.equal(labelOf('ZZZZZ', '2026-05-01'), null, 'a code the data does not know');
  });

  it('are made once per code and date of service in a request', () => {
    const labelOf = inlineLabels(engine.catalog, 'descriptor', 40);
    assert.equal(labelOf('J1100', '2026-01-05'), labelOf('J1100', '2026-01-05'));
    assert.notEqual(labelOf('64866', '2026-01-05'), labelOf('64866', '2026-01-06'));
  });
});
