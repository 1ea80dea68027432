/**
 * Recognizer for XML: claim documents (CMS-1500 / UB-04 style exports, possibly UTF-16, decoded
 * before they get here), FHIR XML, other XML naming procedure codes.
 *
 * Decisions:
 * - One pass over tags; attribute values and element text are read in place (offsets kept).
 * - Code contexts: attributes and elements whose name says procedure code (`ProcedureCode`,
 *   `CPT`, `CPTCode`, `HCPCS`, `HCPCSCode`, `ProcCode`...), `Code` under a `Procedure` element,
 *   and FHIR XML codings (`<coding><system value=…cpt/><code value=…/></coding>`). A `Qualifier`
 *   or `CodeType` on the same element that is not HC/HP/CPT/HCPCS turns the context off.
 * - Modifiers: attributes and elements named `Modifier`, `Modifier1..4`, `Mod1..4`, attached to
 *   the codes of the same line (the element holding the code, or its parent).
 * - Facts: `FacilityCode`/`PlaceOfService` (place of service), `Quantity`/`Units`, `LineNumber`,
 *   `PatientControlNumber`/`ClaimId`, `BillType`, and a `Date` with qualifier 472 (or a
 *   `ServiceDate`). An element's facts belong to it when it holds codes, else to its parent:
 *   `<ServiceLocationInfo FacilityCode=…>` tells the claim, `<Date Qualifier="472">` its line.
 * - Description/note elements follow the plain-text rules. Everything else (PostalCode, Npi,
 *   TaxId, Id, amounts, dates) yields nothing.
 */
import type { CodeOccurrence, LineFacts, ModifierOccurrence } from '../model';
import { LineIndex } from '../text/lineIndex';
import { parseCodeCell } from './cell';
import { recognizePlainText, RecognizerData } from './plainText';
import { compactFacts, parseDate, parsePos, parseUnits } from './facts';
import { isProcedureSystem } from './fhir';

const CODE_NAMES = new Set([
  'procedurecode', 'procedurecd', 'proccode', 'proccd', 'cpt', 'cptcode', 'cptcd', 'cpt4', 'cpt4code', 'hcpcs', 'hcpcscode', 'hcpcscd', 'hcpc',
  'hcpccode', 'cpthcpcs', 'cpthcpcscode', 'hcpcscpt', 'hcpcscptcode', 'cptorhcpcs', 'cptorhcpcscode', 'hcpcsprocedurecode', 'lineprocedurecode',
]);
const PROCEDURE_PARENTS = new Set(['procedure', 'proceduredetail', 'serviceprocedure', 'productorservice', 'procedurecode']);
const TEXT_NAMES = new Set(['description', 'desc', 'note', 'notes', 'comment', 'comments', 'remarks', 'narrative', 'servicedescription', 'proceduredescription']);

function isModifierName(n: string): boolean {
  if (n === 'modifier' || n === 'modifiers' || n === 'mod' || n === 'proceduremodifier' || n === 'modifiercode') return true;
  const base = n.startsWith('modifier') ? 8 : n.startsWith('mod') ? 3 : n.startsWith('proceduremodifier') ? 17 : -1;
  return base > 0 && n.length === base + 1 && n.charCodeAt(base) >= 49 && n.charCodeAt(base) <= 57;
}

type FactKey = keyof LineFacts;
const FACT_NAMES: Record<string, FactKey> = {
  facilitycode: 'placeOfService', placeofservice: 'placeOfService', placeofservicecode: 'placeOfService', pos: 'placeOfService', poscode: 'placeOfService',
  quantity: 'units', units: 'units', serviceunits: 'units', unitcount: 'units',
  linenumber: 'lineNumber', lineno: 'lineNumber', linenum: 'lineNumber',
  patientcontrolnumber: 'claimId', claimid: 'claimId', claimnumber: 'claimId',
  billtype: 'billType', typeofbill: 'billType',
  servicedate: 'dateOfService', dateofservice: 'dateOfService', servicefromdate: 'dateOfService', fromdate: 'dateOfService',
};

interface Frame {
  name: string;
  parent: Frame | undefined;
  start: number;
  codesOff?: boolean;
  pending?: { o: CodeOccurrence; owner: Frame }[];
  modifiers?: ModifierOccurrence[];
  facts?: LineFacts;
  system?: string;
  codeValue?: [number, number];
  dateQualifier?: string;
}

/** Owner of occurrences found in prose: no line's modifiers attach to them. */
const PROSE: Frame = { name: '#prose', parent: undefined, start: -1 };

function normalizeName(raw: string): string {
  const colon = raw.lastIndexOf(':');
  const local = colon >= 0 ? raw.slice(colon + 1) : raw;
  let s = '';
  for (let i = 0; i < local.length; i++) {
    const c = local.charCodeAt(i);
    if (c === 95 || c === 45 || c === 46) continue;
    s += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : local[i];
  }
  return s;
}

const isNameChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46 || c === 58 || c > 127;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

export function recognizeXml(text: string, data: RecognizerData, lines = new LineIndex(text)): CodeOccurrence[] {
  const out: CodeOccurrence[] = [];
  const root: Frame = { name: '', parent: undefined, start: 0 };
  let top: Frame = root;
  /** How many elements of each name are open (on the stack from `top` up). */
  const open = new Map<string, number>();

  const codesIn = (start: number, end: number, owner: Frame, at: Frame): void => {
    for (const c of parseCodeCell(text, start, end, data, data.invalidValue)) {
      (at.pending ??= []).push({
        owner,
        o: {
          range: lines.range(c.start, c.end), code: c.code, text: text.slice(c.start, c.end), system: c.system, confidence: 'context',
          modifiers: c.modifiers.map((m) => ({ code: m.code, range: lines.range(m.start, m.end) })), facts: {},
        },
      });
    }
  };

  const modifiersIn = (start: number, end: number, owner: Frame): void => {
    let i = start;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
        i++;
        continue;
      }
      const s = i;
      while (i < end && isAlnumCode(text.charCodeAt(i))) i++;
      if (i - s === 2) (owner.modifiers ??= []).push({ code: text.slice(s, i).toUpperCase(), range: lines.range(s, i) });
    }
  };

  const fact = (f: Frame, key: FactKey, raw: string, at?: [number, number]): void => {
    const facts = (f.facts ??= {});
    if (facts[key] !== undefined) return;
    switch (key) {
      case 'placeOfService':
        facts.placeOfService = parsePos(raw);
        if (facts.placeOfService && at) facts.placeOfServiceRange = lines.range(at[0], at[1]);
        break;
      case 'placeOfServiceRange': break;
      case 'units': facts.units = parseUnits(raw); break;
      case 'lineNumber': { const n = parseUnits(raw); if (n !== undefined && Number.isInteger(n)) facts.lineNumber = n; break; }
      case 'dateOfService': facts.dateOfService = parseDate(raw); break;
      case 'claimId': if (raw.trim()) facts.claimId = raw.trim(); break;
      case 'billType': if (raw.trim()) facts.billType = raw.trim(); break;
      default: break;
    }
  };

  const closeFrame = (f: Frame): void => {
    // FHIR XML coding.
    if (f.name === 'coding' && f.system && f.codeValue) {
      const concept = f.parent?.name;
      if (concept === 'modifier') {
        const [s, e] = f.codeValue;
        if (e - s === 2) {
          const owner = lineOwner(f.parent!);
          (owner.modifiers ??= []).push({ code: text.slice(s, e).toUpperCase(), range: lines.range(s, e) });
        }
      } else if (concept === 'locationcodeableconcept') {
        const owner = lineOwner(f.parent!);
        fact(owner, 'placeOfService', text.slice(f.codeValue[0], f.codeValue[1]), f.codeValue);
      } else if (isProcedureSystem(f.system) && f.codeValue[1] - f.codeValue[0] === 5) {
        codesIn(f.codeValue[0], f.codeValue[1], lineOwner(f), f);
      }
    }
    const parent = f.parent;
    if (!f.pending) {
      // Facts of an element without codes describe its parent.
      if (f.facts && parent) {
        for (const [k, v] of Object.entries(f.facts)) {
          if (v === undefined || k === 'placeOfServiceRange') continue;
          if (k === 'placeOfService' && (parent.facts ??= {}).placeOfService === undefined) {
            parent.facts.placeOfService = v as string;
            parent.facts.placeOfServiceRange = f.facts.placeOfServiceRange;
          } else fact(parent, k as FactKey, String(v));
        }
      }
      if (f.modifiers && parent && f.modifiers !== parent.modifiers) (parent.modifiers ??= []).push(...f.modifiers);
      return;
    }
    for (const p of f.pending) {
      if ((p.owner === f || p.owner.parent === f) && f.modifiers) p.o.modifiers = p.o.modifiers.concat(f.modifiers);
      if (f.facts) for (const [k, v] of Object.entries(f.facts)) if (v !== undefined && (p.o.facts as Record<string, unknown>)[k] === undefined) (p.o.facts as Record<string, unknown>)[k] = v;
    }
    if (parent) {
      (parent.pending ??= []).push(...f.pending);
    } else {
      for (const p of f.pending) {
        p.o.facts = compactFacts(p.o.facts);
        out.push(p.o);
      }
    }
  };

  /** The element whose close finalizes a FHIR coding's item: the nearest `item`/`detail`. */
  const lineOwner = (f: Frame): Frame => {
    for (let g: Frame | undefined = f; g; g = g.parent) if (g.name === 'item' || g.name === 'detail' || g.name === 'subdetail') return g;
    return f;
  };

  let i = 0;
  let textStart = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    // Text content of the current element.
    if (end > textStart) onText(textStart, end);
    if (lt < 0) break;
    i = lt + 1;
    const c = text.charCodeAt(i);
    if (c === 33) {
      // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE>
      if (text.startsWith('!--', i)) {
        const close = text.indexOf('-->', i + 3);
        i = close < 0 ? n : close + 3;
      } else if (text.startsWith('![CDATA[', i)) {
        const close = text.indexOf(']]>', i + 8);
        const cEnd = close < 0 ? n : close;
        onText(i + 8, cEnd);
        i = close < 0 ? n : close + 3;
      } else {
        const close = text.indexOf('>', i);
        i = close < 0 ? n : close + 1;
      }
      textStart = i;
      continue;
    }
    if (c === 63) {
      const close = text.indexOf('?>', i);
      i = close < 0 ? n : close + 2;
      textStart = i;
      continue;
    }
    if (c === 47) {
      // End tag.
      const close = text.indexOf('>', i);
      const name = normalizeName(text.slice(i + 1, close < 0 ? n : close).trim());
      // Pop to the matching element (tolerates unclosed ones). An end tag that matches no open
      // element is skipped without walking the stack, so broken files stay linear.
      let f: Frame | undefined = (open.get(name) ?? 0) > 0 ? top : undefined;
      while (f && f !== root && f.name !== name) f = f.parent;
      if (f && f !== root) {
        while (top !== f) {
          const t = top;
          top = t.parent!;
          open.set(t.name, open.get(t.name)! - 1);
          closeFrame(t);
        }
        top = f.parent!;
        open.set(f.name, open.get(f.name)! - 1);
        closeFrame(f);
      }
      i = close < 0 ? n : close + 1;
      textStart = i;
      continue;
    }
    // Start tag.
    let j = i;
    while (j < n && isNameChar(text.charCodeAt(j))) j++;
    const frame: Frame = { name: normalizeName(text.slice(i, j)), parent: top, start: lt };
    const attrs: { name: string; start: number; end: number }[] = [];
    let selfClosing = false;
    while (j < n) {
      const ch = text.charCodeAt(j);
      if (ch === 62) {
        j++;
        break;
      }
      if (ch === 47 && text.charCodeAt(j + 1) === 62) {
        selfClosing = true;
        j += 2;
        break;
      }
      if (!isNameChar(ch)) {
        j++;
        continue;
      }
      const ns = j;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      const aname = normalizeName(text.slice(ns, j));
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 61) continue;
      j++;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const q = text.charCodeAt(j);
      if (q !== 34 && q !== 39) continue;
      const vs = j + 1;
      const ve = text.indexOf(String.fromCharCode(q), vs);
      const vEnd = ve < 0 ? n : ve;
      attrs.push({ name: aname, start: vs, end: vEnd });
      j = vEnd + 1;
    }
    onStart(frame, attrs);
    if (selfClosing) closeFrame(frame);
    else {
      top = frame;
      open.set(frame.name, (open.get(frame.name) ?? 0) + 1);
    }
    i = j;
    textStart = i;
  }
  while (top !== root) {
    const t = top;
    top = t.parent!;
    closeFrame(t);
  }
  closeFrame(root);
  return out;

  function onStart(frame: Frame, attrs: { name: string; start: number; end: number }[]): void {
    const value = (a: { start: number; end: number }): string => text.slice(a.start, a.end);
    for (const a of attrs) {
      if (a.name === 'qualifier' || a.name === 'codetype' || a.name === 'codesystem' || a.name === 'type') {
        const v = value(a).trim().toUpperCase();
        if (a.name === 'qualifier' && frame.name === 'date') frame.dateQualifier = v;
        else if (v && v !== 'HC' && v !== 'HP' && !v.includes('CPT') && !v.includes('HCPC') && a.name !== 'type') frame.codesOff = true;
        else if (a.name === 'type' && v && (v === 'NDC' || v === 'RC' || v.includes('DRG') || v.includes('ICD') || v === 'LOCAL')) frame.codesOff = true;
      }
    }
    const parentName = frame.parent?.name ?? '';
    // FHIR XML: <system value="…"/>, <code value="…"/> inside <coding>.
    if (parentName === 'coding' && (frame.name === 'system' || frame.name === 'code')) {
      const v = attrs.find((a) => a.name === 'value');
      if (v && frame.parent) {
        if (frame.name === 'system') frame.parent.system = value(v);
        else frame.parent.codeValue = trimRange(v.start, v.end);
      }
      return;
    }
    for (const a of attrs) {
      const name = a.name;
      if (CODE_NAMES.has(name) || ((name === 'code' || name === 'value') && (CODE_NAMES.has(frame.name) || PROCEDURE_PARENTS.has(frame.name)))) {
        if (!frame.codesOff) codesIn(a.start, a.end, frame, frame);
      } else if (isModifierName(name)) {
        modifiersIn(a.start, a.end, frame);
      } else if (FACT_NAMES[name]) {
        fact(frame, FACT_NAMES[name], value(a), [a.start, a.end]);
      } else if (name === 'date' && frame.name === 'date' && (frame.dateQualifier === undefined || frame.dateQualifier === '472')) {
        fact(frame, 'dateOfService', value(a));
      }
    }
  }

  function onText(start: number, end: number): void {
    const f = top;
    if (f === root) return;
    const [s, e] = trimRange(start, end);
    if (s >= e) return;
    const name = f.name;
    const parentName = f.parent?.name ?? '';
    if (CODE_NAMES.has(name) || (name === 'code' && (PROCEDURE_PARENTS.has(parentName) || CODE_NAMES.has(parentName)))) {
      if (!f.codesOff && !(f.parent?.codesOff && name === 'code')) codesIn(s, e, f.parent ?? f, f);
    } else if (isModifierName(name)) {
      modifiersIn(s, e, f.parent ?? f);
    } else if (FACT_NAMES[name]) {
      fact(f, FACT_NAMES[name], text.slice(s, e), [s, e]);
    } else if (name === 'date' && (f.dateQualifier === undefined || f.dateQualifier === '472') && parentName !== 'procedure') {
      // A bare <Date> is too vague unless qualified; DTP-style 472 only.
      if (f.dateQualifier === '472') fact(f, 'dateOfService', text.slice(s, e));
    } else if (TEXT_NAMES.has(name) && e - s >= 5) {
      for (const o of recognizePlainText(text, data, lines, s, e)) (f.pending ??= []).push({ o, owner: PROSE });
    }
  }

  function trimRange(start: number, end: number): [number, number] {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    return [s, e];
  }
}

const isAlnumCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
