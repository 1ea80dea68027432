/**
 * Hostile data: a pack whose descriptors, plain-language text and modifier and place names carry
 * Markdown links, `command:` URIs, HTML, `<script>`, `javascript:` and 100 KB of text, fed through
 * every surface: hover Markdown (card, modifier, place of service), completion items, inlay hints
 * and the details view HTML. Everything must come out as inert text; long text is cut where the
 * surface is small.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { engineOn } from '../helpers/engine';
import type { DataPack } from '../../../src/core/pack/types';
import { parsePack } from '../../../src/core/pack/parse';
import { cardToMarkdown } from '../../../src/core/card/markdown';
import { cardToHtml } from '../../../src/core/card/html';
import { inlineHint } from '../../../src/core/card/inline';
import { modifierToMarkdown, placeOfServiceToMarkdown } from '../../../src/core/card/modifier';
import { escapeHtml, escapeMarkdown } from '../../../src/core/card/escape';
import { completionContext, completionItems } from '../../../src/core/complete';
import { inpatientStatus } from '../../../src/core/catalog/inpatient';

export const PAYLOADS = [
  '[click me](command:workbench.action.terminal.new)',
  '[x](command:cptLens.showCard?%5B%7B%22code%22%3A%2264866%22%7D%5D)',
  '<a href="https://evil.example/steal">open</a>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '[js](javascript:alert(1))',
  '![img](https://evil.example/pixel.png)',
  '<https://evil.example>',
  'https://evil.example/a?b=c',
  'command:workbench.action.openSettings',
  '[ref]: https://evil.example',
  '`code` **bold** _em_ # heading\n- list\n> quote',
  '<!-- hidden --> &lt;script&gt; &#106;avascript:',
  '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
  'vbscript:msgbox(1) data:text/html;base64,PHNjcmlwdD4= file:///etc/passwd',
];
const LONG = `${'A'.repeat(50)} ${'very long descriptor text '.repeat(4000)}`; // ~100 KB

export function hostilePack(): DataPack {
  const text = PAYLOADS.join(' ');
  return parsePack(JSON.stringify({
    format: 'cpt-lens-pack',
    schemaVersion: 1,
    id: 'hostile <script>alert(1)</script> [x](command:evil)',
    title: 'Hostile',
    source: { title: 'hostile', license: 'licensed' },
    codes: {
      '64866': { shortDescriptor: text, longDescriptor: text, plainLanguage: text, summary: LONG, documentation: text, examples: PAYLOADS, specialties: PAYLOADS, commonModifiers: ['25', 'ZZ'], modifierNote: text },
      '99213': { shortDescriptor: LONG, longDescriptor: LONG, plainLanguage: LONG },
    },
    modifiers: {
      ZZ: { kind: 'HCPCS', name: text, description: LONG },
      '25': { kind: 'CPT', name: PAYLOADS[0], description: text },
    },
    placesOfService: { '11': { name: text, description: text } },
  }), 'hostile.cptlens-pack.json');
}

/** What may survive in hover Markdown: the extension's own command links, nothing else live. */
export function assertInertMarkdown(md: string, allowedLinks: readonly string[] = []): void {
  // Every link target (inline `](...)`) must be one of the allowed ones.
  const targets = [...md.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]);
  for (const t of targets) assert.ok(allowedLinks.includes(t), `a live link survived: ${t}`);
  assert.ok(!/<(?!\/?(?:br)\b)[a-z!/]/i.test(md), `raw HTML survived: ${md.match(/<[a-z!/][^>]{0,40}/i)?.[0]}`);
  for (const scheme of ['javascript:', 'command:workbench', 'vbscript:', 'data:text', 'file:///', 'https://evil', 'command:evil']) {
    assert.ok(!md.toLowerCase().includes(scheme), `a bare ${scheme} URI survived`);
  }
  assert.ok(!/^\s*\[[^\]]*\]:\s/m.test(md), 'a Markdown link reference definition survived');
}

function assertInertHtml(html: string): void {
  const tags = [...html.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map((m) => m[1].toLowerCase());
  const allowed = new Set(['header', 'h1', 'h2', 'span', 'p', 'section', 'ul', 'li', 'code']);
  for (const t of tags) assert.ok(allowed.has(t), `an HTML element from the data survived: <${t}>`);
  assert.ok(!/<[^>]*\s(on[a-z]+|href|src|style)=/i.test(html), 'an event handler, link, source or style attribute survived');
}

describe('hardening: hostile data is shown as inert text', () => {
  const engine = engineOn('2026-11-27', [hostilePack()]);
  const links = { details: 'command:cptLens.showCard?x', copy: 'command:cptLens.copyCode?y' };

  it('hover card Markdown: no link, command, HTML or formatting from the data; long text is cut', () => {
    for (const code of ['64866', '99213']) {
      const card = engine.card(code, { modifiersWritten: ['25', 'ZZ'] })!;
      const md = cardToMarkdown(card, { links });
      assertInertMarkdown(md, [links.details, links.copy]);
      assert.ok(md.length < 20_000, `the hover of ${code} is ${md.length} characters`);
      assert.ok(md.includes('Read the full card'), 'a cut card links to the full one');
    }
  });

  it('modifier and place-of-service hovers', () => {
    const record = engine.record('64866');
    for (const code of ['ZZ', '25']) {
      assertInertMarkdown(modifierToMarkdown(code, engine.catalog.modifier(code), record, '64866'));
    }
    assertInertMarkdown(placeOfServiceToMarkdown('11', engine.catalog.placeOfService('11')));
  });

  it('inlay hints: plain, short, one line', () => {
    for (const code of ['64866', '99213']) {
      const record = engine.record(code)!;
      const hint = inlineHint(record, inpatientStatus(record, engine.today(), engine.catalog.quarters()), 'descriptor', 40)!;
      assert.ok(hint.length <= 60, `hint of ${hint.length} characters`);
      assert.ok(!/[\r\n]/.test(hint));
    }
  });

  it('details view HTML: every data string escaped, no element, attribute or link from the data', () => {
    for (const code of ['64866', '99213']) {
      const html = cardToHtml(engine.card(code, { modifiersWritten: ['ZZ'] })!);
      assertInertHtml(html);
      assert.ok(html.includes('&lt;script&gt;') || code === '99213');
    }
  });

  it('completion: labels are codes, descriptions and details are plain text (VS Code renders them as text), documentation is inert Markdown', () => {
    const text = 'CPT,Modifier,Description\n6486';
    const ctx = completionContext(text, text.length, { data: engine, fileName: 'fees.csv' });
    assert.ok(ctx, 'a code cell is a completion context');
    const { items } = completionItems(engine, ctx);
    const item = items.find((i) => i.label === '64866');
    assert.ok(item, 'the hostile code is offered');
    assert.match(item.label, /^[0-9A-Z]{5}$/);
    assert.equal(item.insertText.replace(/[^0-9A-Z]/g, ''), '64866', 'the inserted text is the code, never data text');
    const card = engine.card(item.documentationCode!)!;
    assertInertMarkdown(cardToMarkdown(card, { links }), [links.details, links.copy]);
    const modText = 'CPT,Modifier,Description\n64866,Z';
    const modCtx = completionContext(modText, modText.length, { data: engine, fileName: 'fees.csv' });
    assert.ok(modCtx, 'a modifier cell is a completion context');
    const mods = completionItems(engine, modCtx).items;
    assert.ok(mods.some((m) => m.label === 'ZZ'), 'the hostile modifier is offered');
    for (const m of mods) {
      assert.match(m.label, /^[0-9A-Z]{2}$/);
      assert.match(m.insertText, /^[0-9A-Z]{2}$/);
      assertInertMarkdown(modifierToMarkdown(m.label, engine.catalog.modifier(m.label), engine.record('64866'), '64866'));
    }
  });

  it('escapeMarkdown and escapeHtml make any string inert (property)', () => {
    const piece = fc.oneof(fc.constantFrom(...PAYLOADS, '[', ']', '(', ')', '<', '>', ':', '\\', '`', '!', '\n', 'command', 'javascript'), fc.string({ maxLength: 8 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 20 }).map((p) => p.join('')), (s) => {
      assertInertMarkdown(escapeMarkdown(s));
      assert.ok(!/[<>"']/.test(escapeHtml(s)));
    }), { numRuns: 500 });
  });
});
