// In-process measurements, each run in a fresh Node process started by bench/run.mjs with
// --expose-gc:  node --expose-gc bench/lib/child.mjs SECTION OUT.json [options as JSON]
// Sections:
//   check    full check (engine.check) of each input against the floor and the format parse,
//            then the incremental re-check of one edited CSV row (CheckSession) against the full check
//   latency  hover and completion with every bundled pack plus the imported PFS RVU file
//   startup  one cold start: require the engine, load the bundled packs, construct the Engine, heap
//   rawload  the start-up baseline: read and JSON.parse the same pack files, heap
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CLAIM_CSV, INPUTS } from './inputs.mjs';
import { latency, rng, summarize } from './stats.mjs';
import { oneLineX12, ROOT } from './util.mjs';

const require = createRequire(import.meta.url);
const [section, outFile, optionsJson] = process.argv.slice(2);
const options = optionsJson ? JSON.parse(optionsJson) : {};
const ENGINE_BUNDLE = path.join(ROOT, 'out', 'bench', 'engine.cjs');
const RVU_FILE = path.resolve(ROOT, '..', 'shared', 'data', 'raw', 'cms-pfs-rvu', 'PPRRVU2025_Oct.csv');

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const gc = () => { globalThis.gc(); globalThis.gc(); };
/**
 * Two scavenges of the young generation (they keep optimized code, unlike a full collection):
 * the first copies what survives within the young generation, the second promotes it to the old
 * one, as two scavenges in a host would.
 */
const minorGc = () => { globalThis.gc({ type: 'minor' }); globalThis.gc({ type: 'minor' }); };
const now = () => performance.now();
const log = (msg) => process.stderr.write(`  ${msg}\n`);

/**
 * Code-shaped tokens with no context at all: the floor of any recognizer. Counted with `test`,
 * which allocates nothing (since session 5; `exec` made a match array per token), so that no
 * collection the check made due falls inside the floor's time.
 */
const FLOOR_RE = /\b(?:\d{4}[0-9FTUMA]|[A-V]\d{4})\b/g;
function floorPass(text) {
  FLOOR_RE.lastIndex = 0;
  let n = 0;
  while (FLOOR_RE.test(text)) n++;
  return n;
}

/** The format's own parse, a second baseline: papaparse for CSV, JSON.parse for FHIR, a segment/element split for X12. */
function formatParse(kind, text, Papa) {
  if (kind === 'csv') return Papa.parse(text, { header: false, skipEmptyLines: false }).data.length;
  if (kind === 'fhir') return JSON.parse(text).entry.length;
  let n = 0;
  for (const segment of text.split('~')) n += segment.split('*').length;
  return n;
}
/**
 * A third baseline: one JavaScript loop over every character (counting line breaks), the least a
 * recognizer pays that must look at every character, as one that follows JSON's structure must
 * (a string may hold anything). On the same text the floor regex runs inside V8's regular
 * expression engine, which skips ahead natively.
 */
function characterPass(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** The JSON walker's events, all ignored. */
const NO_VISIT = { objectBegin() {}, objectEnd() {}, arrayBegin() {}, arrayEnd() {}, property() {}, string() {}, number() {}, keyword() {} };
/**
 * A fourth baseline, for JSON: the recognizer's walker (core/recognize/json/walk.ts) with nothing
 * on top, and the line index it needs: what following JSON's structure costs before anything is
 * recognized.
 */
function jsonWalk(m, text) {
  new m.JsonWalker(text, new m.LineIndex(text), NO_VISIT).walk(Infinity);
}

/**
 * The same for X12 (since session 12): what any reader of the 837P does before it reads one
 * element, and the line index. Past the spaces and line breaks before each segment (the
 * indentation of a pretty-printed file), a look at its id, then `indexOf` to its terminator.
 */
function x12Walk(m, text) {
  const lineCount = new m.LineIndex(text).lineCount;
  // The bench's 837P starts with its ISA; its terminator follows ISA16.
  let i = 3;
  for (let count = 0; count < 16; i++) if (text.charCodeAt(i) === text.charCodeAt(3)) count++;
  const terminator = text[i + 1];
  let segments = 0;
  for (let at = 0; at < text.length;) {
    let c = text.charCodeAt(at);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = text.charCodeAt(++at);
    if (at >= text.length) break;
    if (c === 83 && text.charCodeAt(at + 1) === 86) segments++; // SV1, SV2, SV3, SVC
    const end = text.indexOf(terminator, at);
    at = end < 0 ? text.length : end + 1;
  }
  return lineCount + segments;
}

/** Page faults of this process so far (first touches of memory it had not used). */
const pageFaults = () => process.resourceUsage().minorPageFault;

/**
 * What this machine charges for memory touched for the first time: a 32 MB buffer written one byte
 * per 4 KB page, five times, each a fresh mapping. A check that keeps its result pays it for every
 * page of V8's heap its result is copied to; the floor keeps nothing. Microseconds per fault,
 * median, and the faults per round (4 KB pages unless the kernel maps huge pages).
 */
function freshPageCost() {
  const perFault = [];
  let faults = 0;
  for (let r = 0; r < 5; r++) {
    const f0 = pageFaults();
    const t = now();
    const bytes = new Uint8Array(new ArrayBuffer(32 << 20));
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = 1;
    const ms = now() - t;
    faults = pageFaults() - f0;
    if (faults > 0) perFault.push((ms * 1000) / faults);
  }
  return { microsPerFault: summarize(perFault).median, faultsPerRound: faults, bufferBytes: 32 << 20 };
}

const PARSE_LABEL = { csv: 'papaparse', fhir: 'JSON.parse', x12: "split('~')/split('*')" };
const FILE_NAMES = { csv: 'charges.csv', x12: 'claims.837p', fhir: 'bundle.json' };

async function loadEngineModule() {
  return require(ENGINE_BUNDLE);
}

async function bundledEngine(m, extra = []) {
  const { packs, errors } = await m.loadPacks(m.bundledPackFiles(ROOT));
  if (errors.length) throw new Error(`pack errors: ${errors.map((e) => e.message).join('; ')}`);
  return new m.Engine([...packs, ...extra]);
}

// ---------------------------------------------------------------------------------------------
async function sectionCheck() {
  const m = await loadEngineModule();
  const Papa = require('papaparse');
  const engine = await bundledEngine(m);
  const runs = options.runs ?? 5;
  const warmup = options.warmup ?? 1;
  const out = { inputs: {}, freshPage: freshPageCost() };
  for (const kind of options.kinds ?? ['csv', 'x12', 'fhir']) {
    const file = INPUTS[kind];
    const bytes = fs.statSync(file).size;
    let text = fs.readFileSync(file, 'utf8');
    const samples = { check: [], floor: [], parse: [], scan: [], returned: [], walk: [], faults: [], floorFaults: [] };
    let counts;
    // Rounds interleave the check with the floor, the character pass and (FHIR) the JSON walk, so
    // that a slower spell of the machine hits all of them; none leaves garbage to the others.
    // No full collection inside the rounds: a full collection forced before each run threw away
    // the optimized code of the check (V8 deoptimizes code that depends on the hidden classes of
    // short-lived objects once they die: "weak objects"), so every timed check started cold (a FHIR
    // recognition 3-4x slower). The checks pay for their own garbage as collections fall, and for
    // the scavenge of what they leave young (below), so that no baseline pays for it.
    gc();
    for (let r = 0; r < warmup + runs; r++) {
      const floorFaultsBefore = pageFaults();
      let t = now();
      const floorMatches = floorPass(text);
      const floorMs = now() - t;
      const floorFaults = pageFaults() - floorFaultsBefore;
      t = now();
      characterPass(text);
      const scanMs = now() - t;
      let walkMs;
      if (kind === 'fhir' || kind === 'x12') {
        t = now();
        if (kind === 'fhir') jsonWalk(m, text);
        else x12Walk(m, text);
        walkMs = now() - t;
      }
      const faultsBefore = pageFaults();
      t = now();
      const result = engine.check(text, { fileName: FILE_NAMES[kind] });
      const returnedMs = now() - t;
      // The check pays for the young objects it leaves behind: its result is still in the young
      // generation when it returns, and the next scavenges copy it out, whoever allocates then.
      // Until session 5 that was the next round's floor pass (a 12 ms floor measured as 20-47 ms
      // on the 837P, so the ratio looked half what it was).
      minorGc();
      const checkMs = now() - t;
      const faults = pageFaults() - faultsBefore;
      counts = { occurrences: result.occurrences.length, findings: result.findings.length, floorMatches };
      if (r >= warmup) {
        samples.floor.push(floorMs);
        samples.scan.push(scanMs);
        if (walkMs !== undefined) samples.walk.push(walkMs);
        samples.check.push(checkMs);
        samples.returned.push(returnedMs);
        samples.faults.push(faults);
        samples.floorFaults.push(floorFaults);
      }
      log(`${kind} round ${r + 1}${r < warmup ? ' (warm-up)' : ''}: check ${checkMs.toFixed(0)} ms (returned after ${returnedMs.toFixed(0)} ms, ${faults} page faults), floor ${floorMs.toFixed(0)} ms, character pass ${scanMs.toFixed(0)} ms${walkMs === undefined ? '' : `, ${kind === 'fhir' ? 'JSON' : 'segment'} walk ${walkMs.toFixed(0)} ms`}`);
    }
    // The format parse in rounds of its own, after the checks: papaparse and split() leave hundreds
    // of megabytes of garbage and grow the young generation to its largest; until session 5 each
    // check ran right after one and paid for that heap (the CSV check's median: 109-121 ms, now 84-88).
    gc();
    for (let r = 0; r < warmup + runs; r++) {
      const t = now();
      counts.parsed = formatParse(kind, text, Papa);
      const parseMs = now() - t;
      if (r >= warmup) samples.parse.push(parseMs);
      log(`${kind} round ${r + 1}${r < warmup ? ' (warm-up)' : ''}: ${PARSE_LABEL[kind]} ${parseMs.toFixed(0)} ms`);
    }
    out.inputs[kind] = {
      file: path.relative(ROOT, file),
      bytes,
      counts,
      parseLabel: PARSE_LABEL[kind],
      check: summarize(samples.check),
      floor: summarize(samples.floor),
      parse: summarize(samples.parse),
      scan: summarize(samples.scan),
      walk: samples.walk.length ? summarize(samples.walk) : undefined,
      returned: summarize(samples.returned),
      // Page faults in the check and its scavenges: its first touches of fresh memory (see freshPageCost).
      faults: summarize(samples.faults),
      floorFaults: summarize(samples.floorFaults),
      samples,
    };
    if (kind === 'csv' && options.incremental !== false) out.incremental = incremental(m, engine, text, out.inputs.csv.check.median, options.incrementalIterations ?? 300);
    if (kind === 'x12' && options.incremental !== false) out.envelopeEdit = envelopeEdit(m, engine, text, out.inputs.x12.check.median, options.incrementalIterations ?? 300);
    text = undefined;
    gc();
  }
  if (options.incremental !== false && fs.existsSync(CLAIM_CSV)) out.claimRowEdit = editInClaim(m, engine, CLAIM_CSV, 'claims.csv', options.incrementalIterations ?? 300);
  // The same in a FHIR Bundle: one entry (an EOB) read again, and its claim's rules.
  if (options.incremental !== false && (options.kinds ?? ['fhir']).includes('fhir')) out.entryEdit = editInClaim(m, engine, INPUTS.fhir, FILE_NAMES.fhir, options.incrementalIterations ?? 300);
  // The 837P written on one line, as X12 is sent (session 10): a modifier typed after a code of the
  // middle claim and taken out again, so every later code moves along the line.
  if (options.incremental !== false && (options.kinds ?? ['x12']).includes('x12')) {
    out.oneLineEdit = editInClaim(m, engine, INPUTS.x12, FILE_NAMES.x12, options.incrementalIterations ?? 300, { oneLine: true });
    out.lineBreakEdit = lineBreakEdit(m, engine, Math.min(100, options.incrementalIterations ?? 300));
  }
  return out;
}

/** A check's result as one string, to compare a session after edits with a full check of its text. */
function resultKey(r) {
  const at = (x) => `${x.startLine}:${x.startCharacter}-${x.endLine}:${x.endCharacter}`;
  return r.occurrences.map((o) => `${at(o.range)} ${o.code}`).join('|') + r.findings.map((f) => `${at(f.range)} ${f.rule} ${f.message}`).join('|');
}

/**
 * The baseline of an edit figure: the full check of the same text, `engine.check` and its
 * scavenges, 2 warm-up + 5 timed rounds (ms each); a full collection after them.
 */
function fullCheckRounds(engine, text, fileName) {
  const full = [];
  for (let r = 0; r < 7; r++) {
    const t = now();
    let result = engine.check(text, { fileName });
    minorGc();
    if (r >= 2) full.push(now() - t);
    result = undefined;
  }
  gc();
  return full;
}

/**
 * A row edit in a claim file (bench/inputs/claims-200k.csv: 200,000 service lines in claims of
 * seven): the rules of the edited row's claim run again over all its lines, wherever they are in
 * the file. The same in the FHIR Bundle, where the edited entry (an EOB) is read again. The edit
 * replaces the code of a line in the middle of the file and puts it back; the baseline is a full
 * check of the same file (engine.check, then its scavenges, 2 + 5 rounds).
 */
function editInClaim(m, engine, file, fileName, iterations, { oneLine = false } = {}) {
  const read = fs.readFileSync(file, 'utf8');
  const text = oneLine ? oneLineX12(read) : read;
  const full = fullCheckRounds(engine, text, fileName);
  const session = new m.CheckSession(engine, text, { fileName });
  const line = Math.floor(session.lines.lineCount / 2);
  const offsetOf = (x) => session.lines.lineStart(x.range.startLine) + x.range.startCharacter;
  // The first service line at or after the middle of the file (on one line: of its text).
  const o = session.occurrences.find((x) => (oneLine ? offsetOf(x) >= text.length / 2 : x.range.startLine >= line) && x.code.length === 5);
  if (!o?.facts.claimId) throw new Error(`no claim line in the middle of ${file}`);
  const at = offsetOf(o);
  const to = o.code === '99214' ? '99213' : '99214';
  // A code replaced; on one line, a modifier typed after the code (`:25`) and taken out again.
  const there = oneLine ? { start: at + 5, oldEnd: at + 5, text: ':25' } : { start: at, oldEnd: at + 5, text: to };
  const back = oneLine ? { start: at + 5, oldEnd: at + 8, text: '' } : { start: at, oldEnd: at + 5, text: o.text };
  // The first row edit indexes the claims' lines (once per full check): timed apart.
  let t = now();
  const first = session.tryRowEdit(there);
  const firstMs = now() - t;
  const agree = [];
  agree.push(first && resultKey(session) === resultKey(engine.check(session.text, { fileName })));
  const samples = [];
  for (let i = 0; i < 2 + iterations; i++) {
    for (const e of [back, there]) {
      t = now();
      if (!session.tryRowEdit(e)) throw new Error(`the bench edit in ${file} was not a row edit`);
      if (i >= 2) samples.push(now() - t);
    }
  }
  // The first hover after an edit (since session 10): the edit drops what hover derived from the
  // list (its index of the modifiers and places of service far from their codes); the baseline is
  // the next hover at the same place.
  const hoverAfterEdit = [];
  const hoverAgain = [];
  const hoverAt = session.lines.range(at + 1, at + 2);
  for (let i = 0; i < 2 + 2 * 10; i++) {
    if (!session.tryRowEdit(i % 2 ? there : back)) throw new Error(`the bench edit in ${file} was not a row edit`);
    let t = now();
    m.occurrenceAt(session.occurrences, hoverAt.startLine, hoverAt.startCharacter);
    const first = now() - t;
    t = now();
    m.occurrenceAt(session.occurrences, hoverAt.startLine, hoverAt.startCharacter);
    if (i >= 2) {
      hoverAfterEdit.push(first);
      hoverAgain.push(now() - t);
    }
  }
  // What the extension asks per keystroke typed in a code (since session 10): the completion context
  // at the edit, read from the parts of the edited text (joining it is what the agreement check
  // below does, so this comes first).
  // 20 warm-up calls (2 until session 12): on a slower machine V8 was still compiling the reader of
  // JSON parts over the first 20 calls (up to 17 ms each), and a p99 of 100 samples is their second
  // slowest. The first call is reported apart, as the other latency figures do.
  const completionSamples = [];
  let completionFirst = 0;
  for (let i = 0; i < 120; i++) {
    const t = now();
    const found = session.completionContext(at + 2, { data: engine, fileName });
    if (i === 0) completionFirst = now() - t;
    if (i >= 20) completionSamples.push(now() - t);
    if (!found) throw new Error(`no completion at the bench edit in ${file}`);
  }
  // The baseline: the edited text joined into one string (as VS Code's getText() joins its lines)
  // and read whole, as completion was read until session 4.
  const wholeSamples = [];
  for (let i = 0; i < 12; i++) {
    const t = now();
    m.completionContext(m.EditedText.of(text).apply(there).toString(), at + 2, { data: engine, fileName });
    if (i >= 2) wholeSamples.push(now() - t);
  }
  session.tryRowEdit(back);
  agree.push(resultKey(session) === resultKey(engine.check(session.text, { fileName })));
  const edit = latency(samples);
  const completion = { ...latency(completionSamples), first: completionFirst, wholeText: latency(wholeSamples) };
  const hover = { afterEdit: latency(hoverAfterEdit), again: latency(hoverAgain) };
  log(`${fileName} row edit: p50 ${edit.p50.toFixed(3)} ms, first ${firstMs.toFixed(1)} ms; completion context p50 ${completion.p50.toFixed(3)} ms; full check ${summarize(full).median.toFixed(0)} ms; agrees with a full check: ${agree.join(',')}`);
  return {
    file: path.relative(ROOT, file),
    bytes: text.length,
    lines: session.lines.lineCount,
    occurrences: session.occurrences.length,
    findings: session.findings.length,
    edit: oneLine ? { offset: at + 5, typed: ':25', claimId: o.facts.claimId } : { line: line + 1, from: o.text, to, claimId: o.facts.claimId },
    agreesWithFullCheck: agree.every(Boolean),
    firstMs,
    sameLines: edit,
    completion,
    hover,
    fullCheck: summarize(full),
  };
}

/**
 * Incremental re-check of one edited row of the 100,000-row CSV through CheckSession (what the
 * extension does per keystroke): `tryRowEdit` re-reads the edited rows with the kept header context
 * and re-runs the rules for them. Two edits, each timed both ways (there and back, so the text
 * stays the same over the iterations): a code cell replaced by another code (same line count), and
 * a new row inserted after it (the line count changes, so every later range moves).
 */
function incremental(m, engine, text, fullCheckMs, iterations) {
  const t0 = now();
  const session = new m.CheckSession(engine, text, { fileName: 'charges.csv' });
  const sessionMs = now() - t0;
  const lines = session.lines;
  // The edit: the code cell of the first row with quoted cells (its prices, as most rows of a
  // charge master; until session 7 such a row was a full check, and the figure took an unquoted
  // one) that holds a 5-character code, from the middle of the file on.
  let line = Math.floor(lines.lineCount / 2);
  let hit;
  for (; line < lines.lineCount && !hit; line++) {
    const start = lines.lineStart(line);
    const row = text.slice(start, lines.lineEnd(line));
    if (!row.includes('"')) continue;
    const o = session.occurrences.find((x) => x.range.startLine === line && x.code.length === 5 && x.text.length === 5);
    if (o) hit = { line, start, row, at: start + o.range.startCharacter, code: o.text };
  }
  if (!hit) throw new Error('no row with quoted cells and a code in the CSV');
  const newCode = hit.code === '64866' ? '99213' : '64866';
  const replace = (code, by) => ({ start: hit.at, oldEnd: hit.at + 5, text: by });
  const rowEnd = hit.start + hit.row.length + 1; // after the row's line break: a new row goes there
  const insert = { start: rowEnd, oldEnd: rowEnd, text: `${hit.row}\n` };
  const remove = { start: rowEnd, oldEnd: rowEnd + hit.row.length + 1, text: '' };
  // Correctness: after each edit the session equals a full check of its text.
  const agree = [];
  for (const e of [replace(hit.code, newCode), replace(newCode, hit.code), insert, remove]) {
    const outcome = session.edit(e);
    const full = engine.check(session.text, { fileName: 'charges.csv' });
    agree.push(outcome === 'rows' && resultKey(session) === resultKey(full));
  }
  const time = (edits) => {
    const samples = [];
    for (let i = 0; i < 2; i++) for (const e of edits) session.tryRowEdit(e);
    for (let i = 0; i < iterations; i++) {
      for (const e of edits) {
        const t = now();
        if (!session.tryRowEdit(e)) throw new Error('the bench edit was not a row edit');
        samples.push(now() - t);
      }
    }
    return latency(samples);
  };
  const sameLines = time([replace(hit.code, newCode), replace(newCode, hit.code)]);
  const newLine = time([insert, remove]);
  // A long run of keystrokes: 600 row edits in a row, the text never read in full in between, so
  // that the session folds its edits into its text twice (every 256 edits, see
  // core/text/editedText.ts). Until session 5 that took 30 s here; the figure is the slowest edit.
  const burst = [];
  for (let i = 0; i < 300; i++) {
    for (const e of [insert, remove]) {
      const t = now();
      if (!session.tryRowEdit(e)) throw new Error('the bench edit was not a row edit');
      burst.push(now() - t);
    }
  }
  const longRun = { edits: burst.length, over10ms: burst.filter((ms) => ms > 10).length, ...latency(burst) };
  log(`incremental (CheckSession.tryRowEdit): same line count p50 ${sameLines.p50.toFixed(3)} ms, line count changes p50 ${newLine.p50.toFixed(3)} ms, slowest of ${longRun.edits} in a row ${longRun.max.toFixed(0)} ms; full check ${fullCheckMs.toFixed(0)} ms; agrees with a full check: ${agree.join(',')}`);
  return {
    edit: { line: hit.line + 1, from: hit.code, to: newCode, insertedRowChars: hit.row.length + 1 },
    agreesWithFullCheck: agree.every(Boolean),
    sessionFullMs: sessionMs,
    sameLines,
    newLine,
    longRun,
    fullCheckMs,
  };
}

/**
 * Edits of an 837P session that leave the text as it was when taken in turn: each compared once with
 * a full check of its result, then 2 + `iterations` rounds of all of them timed (each must stay in
 * the session: the bench fails otherwise).
 */
function editsInSession(engine, session, edits, iterations, what) {
  const agree = [];
  for (const e of edits) {
    const outcome = session.edit(e);
    agree.push(outcome === 'rows' && resultKey(session) === resultKey(engine.check(session.text, { fileName: FILE_NAMES.x12 })));
  }
  const samples = [];
  for (let i = 0; i < 2 + iterations; i++) {
    for (const e of edits) {
      const t = now();
      if (!session.tryRowEdit(e)) throw new Error(`the bench ${what} was a full check`);
      if (i >= 2) samples.push(now() - t);
    }
  }
  return { agree, edit: latency(samples) };
}

/**
 * An edit of the 837P's envelope (since session 12): ISA13, the interchange control number, and
 * SE01, the segment count, typed over and back. Until session 12 each was a full check; now the
 * session finds that the reader takes the same from the segment and reads nothing again.
 */
function envelopeEdit(m, engine, text, fullCheckMs, iterations) {
  const session = new m.CheckSession(engine, text, { fileName: FILE_NAMES.x12 });
  const isa13 = text.indexOf('*', text.indexOf('*00501*') + 1) + 1;
  const se = text.lastIndexOf('SE*') + 3;
  const edits = [
    { start: isa13, oldEnd: isa13 + 9, text: '000000906' }, { start: isa13, oldEnd: isa13 + 9, text: text.slice(isa13, isa13 + 9) },
    { start: se, oldEnd: se + 1, text: '9' }, { start: se, oldEnd: se + 1, text: text[se] },
  ];
  const { agree, edit } = editsInSession(engine, session, edits, iterations, 'envelope edit');
  log(`claims.837p envelope edit (ISA13, SE01): p50 ${edit.p50.toFixed(3)} ms; full check ${fullCheckMs.toFixed(0)} ms; agrees with a full check: ${agree.join(',')}`);
  return { edits: ['ISA13', 'SE01'], agreesWithFullCheck: agree.every(Boolean), sameLines: edit, fullCheckMs };
}

/**
 * Enter typed after a terminator in the middle of the 837P written on one line, as a coder breaks
 * it up to read it, and taken out again (since session 12; a full check until then): the claim
 * after it is read again and everything after it moves to the new line and back.
 */
function lineBreakEdit(m, engine, iterations) {
  const text = oneLineX12(fs.readFileSync(INPUTS.x12, 'utf8'));
  const full = fullCheckRounds(engine, text, FILE_NAMES.x12);
  const session = new m.CheckSession(engine, text, { fileName: FILE_NAMES.x12 });
  const at = text.indexOf('~', text.indexOf('CLM*', text.length >> 1)) + 1;
  const edits = [{ start: at, oldEnd: at, text: '\n' }, { start: at, oldEnd: at + 1, text: '' }];
  const { agree, edit } = editsInSession(engine, session, edits, iterations, 'line break');
  const fullCheckMs = summarize(full).median;
  log(`claims.837p on one line, Enter after a terminator and back: p50 ${edit.p50.toFixed(3)} ms; full check ${fullCheckMs.toFixed(0)} ms; agrees with a full check: ${agree.join(',')}`);
  return { bytes: text.length, agreesWithFullCheck: agree.every(Boolean), sameLines: edit, fullCheckMs };
}

// ---------------------------------------------------------------------------------------------
const commandUri = (command, args) => `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;

/** What src/extension/hover.ts does for a position, minus the vscode objects. */
function hover(m, engine, occurrences, line, character) {
  const hit = m.occurrenceAt(occurrences, line, character);
  if (!hit) return undefined;
  const o = hit.occurrence;
  if (hit.kind === 'modifier') return `modifier ${hit.modifier.code}`;
  if (hit.kind === 'placeOfService') return `place of service ${hit.placeOfService}`;
  const card = engine.card(o.code, { dateOfService: o.facts.dateOfService, modifiersWritten: o.modifiers.map((mo) => mo.code) });
  if (!card) return undefined;
  const args = { code: o.code, dateOfService: o.facts.dateOfService, modifiers: o.modifiers.map((mo) => mo.code) };
  return m.cardToMarkdown(card, { links: { details: commandUri('cptLens.showCard', args), copy: commandUri('cptLens.copyCode', { code: o.code }) } });
}

/** The hover baseline: the same lookup, then the raw pack entries of the code dumped as JSON. */
function hoverBaseline(m, rawIndex, occurrences, line, character) {
  const hit = m.occurrenceAt(occurrences, line, character);
  return hit && JSON.stringify(rawIndex.get(hit.occurrence.code) ?? null);
}

function timeLoop(fn, warmup, iterations) {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const t = now();
    fn(i);
    samples.push(now() - t);
  }
  return latency(samples);
}

async function sectionLatency() {
  const m = await loadEngineModule();
  const extra = [];
  const out = {};
  if (fs.existsSync(RVU_FILE)) {
    const bytes = fs.readFileSync(RVU_FILE);
    const t = now();
    const { pack, summary } = m.importModule.importData(bytes, RVU_FILE);
    out.rvu = { file: path.relative(ROOT, RVU_FILE), importMs: now() - t, codes: summary.codes, format: summary.format };
    extra.push(pack);
  } else {
    out.rvu = { missing: path.relative(ROOT, RVU_FILE) };
  }
  let t = now();
  const engine = await bundledEngine(m, extra);
  out.loadMs = now() - t;
  const packs = [...(await m.loadPacks(m.bundledPackFiles(ROOT))).packs, ...extra];
  out.packs = packs.map((p) => p.id);
  // Raw entries per code, for the baselines.
  const rawIndex = new Map();
  const add = (code, what, v) => {
    let e = rawIndex.get(code);
    if (!e) rawIndex.set(code, (e = {}));
    e[what] = v;
  };
  for (const p of packs) {
    for (const [c, v] of Object.entries(p.codes ?? {})) add(c, `${p.id}:codes`, v);
    for (const [c, v] of Object.entries(p.pfs?.rows ?? {})) add(c, `${p.id}:pfs`, v);
    for (const [c, v] of Object.entries(p.opps?.status ?? {})) add(c, `${p.id}:opps`, v);
  }
  // The document: the 100,000-row CSV, recognized once (the extension caches per version).
  const text = fs.readFileSync(INPUTS.csv, 'utf8');
  const occurrences = engine.recognize(text, { fileName: 'charges.csv' });
  const random = rng(8);
  const positions = Array.from({ length: 512 }, () => {
    const o = occurrences[Math.floor(random() * occurrences.length)];
    return [o.range.startLine, o.range.startCharacter + ((o.range.endCharacter - o.range.startCharacter) >> 1)];
  });
  const iterations = options.hoverIterations ?? 2000;
  t = now();
  const first = hover(m, engine, occurrences, ...positions[0]);
  out.hoverFirstMs = now() - t;
  if (!first || !first.includes('**')) throw new Error('hover returned no card');
  out.hover = timeLoop((i) => hover(m, engine, occurrences, ...positions[i % positions.length]), 200, iterations);
  out.hoverBaseline = timeLoop((i) => hoverBaseline(m, rawIndex, occurrences, ...positions[i % positions.length]), 200, iterations);
  // Where the hover's time goes: finding the occurrence (occurrenceAt, as hover.ts does) vs the card.
  const hit = positions.map(([line, character]) => m.occurrenceAt(occurrences, line, character).occurrence);
  out.hoverScanOnly = timeLoop((i) => m.occurrenceAt(occurrences, ...positions[i % positions.length]), 50, Math.min(iterations, 500));
  out.hoverCardOnly = timeLoop((i) => {
    const o = hit[i % hit.length];
    const card = engine.card(o.code, { dateOfService: o.facts.dateOfService, modifiersWritten: o.modifiers.map((mo) => mo.code) });
    return card && m.cardToMarkdown(card);
  }, 50, Math.min(iterations, 500));
  out.hoverDocument = { file: path.relative(ROOT, INPUTS.csv), occurrences: occurrences.length, positions: positions.length };
  // Completion: the prefix index and the word index, first call (builds the index) and warm.
  const codes = [...engine.catalog.codes()];
  const described = [];
  for (const [code, e] of rawIndex) {
    const texts = Object.values(e).map((v) => (v && typeof v === 'object' ? [v.shortDescriptor, v.longDescriptor].filter(Boolean).join(' ') : '')).join(' ').toLowerCase();
    if (texts.trim()) described.push([code, texts]);
  }
  const naivePrefix = (p) => codes.filter((c) => c.startsWith(p)).slice(0, 200);
  const naiveSearch = (q) => {
    const words = q.toLowerCase().split(/\s+/);
    return described.filter(([, s]) => words.every((w) => s.includes(w))).slice(0, 20).map(([c]) => c);
  };
  const completionIterations = options.completionIterations ?? 500;
  out.completion = [];
  const ops = [
    { name: "prefix('6486')", run: () => engine.search.prefix('6486', 200), base: () => naivePrefix('6486'), baseLabel: 'linear startsWith scan' },
    { name: "prefix('J1')", run: () => engine.search.prefix('J1', 200), base: () => naivePrefix('J1'), baseLabel: 'linear startsWith scan' },
    { name: "search('facial nerve anastomosis')", run: () => engine.search.search('facial nerve anastomosis'), base: () => naiveSearch('facial nerve anastomosis'), baseLabel: 'linear substring scan' },
  ];
  for (const op of ops) {
    t = now();
    const result = op.run();
    const firstMs = now() - t;
    const hits = result.length;
    out.completion.push({
      name: op.name,
      firstMs,
      hits,
      top: result.slice(0, 3).map((h) => (typeof h === 'string' ? h : h.code)),
      stats: timeLoop(op.run, 20, completionIterations),
      baseline: timeLoop(op.base, 5, Math.max(20, completionIterations / 5)),
      baselineLabel: op.baseLabel,
    });
  }
  gc();
  out.heapUsedWithRvu = process.memoryUsage().heapUsed;
  log(`hover p50 ${out.hover.p50.toFixed(3)} ms p99 ${out.hover.p99.toFixed(3)} ms; ` +
    out.completion.map((c) => `${c.name} p99 ${c.stats.p99.toFixed(3)} ms`).join('; '));
  return out;
}

// ---------------------------------------------------------------------------------------------
async function sectionStartup() {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let t = now();
  const m = require(ENGINE_BUNDLE);
  const requireMs = now() - t;
  gc();
  const heapModule = process.memoryUsage().heapUsed;
  t = now();
  const { packs, errors } = await m.loadPacks(m.bundledPackFiles(ROOT));
  const loadMs = now() - t;
  t = now();
  const engine = new m.Engine(packs);
  const engineMs = now() - t;
  gc();
  const heapLoaded = process.memoryUsage().heapUsed;
  // Keep them reachable until measured.
  if (!engine.knows('64866') || errors.length) throw new Error('the bundled data did not load');
  const searchIndex = options.searchIndex ? await searchIndexBuild(engine, options.searchIndex) : undefined;
  return { requireMs, loadMs, engineMs, totalMs: loadMs + engineMs, heapBefore, heapModule, heapLoaded, heapDelta: heapLoaded - heapModule, packs: packs.length, searchIndex };
}

/**
 * Completion's search index built in a fresh process, as the extension host builds it after
 * start-up: in one go (`engine.search`: one turn of the event loop), or ahead of use a slice at a
 * time (`Engine.warmSearch`, a turn per slice). The longest turn is how long a hover or keystroke
 * may wait for it.
 */
async function searchIndexBuild(engine, how) {
  if (how === 'whole') {
    const t = now();
    if (!engine.search.prefix('6486').length) throw new Error('no search index');
    const ms = now() - t;
    return { how, totalMs: ms, turns: 1, longestTurnMs: ms };
  }
  const turns = [];
  const start = now();
  let turnStart = start;
  await engine.warmSearch(() => new Promise((resolve) => setImmediate(() => {
    turns.push(now() - turnStart);
    resolve(true);
    turnStart = now();
  })));
  turns.push(now() - turnStart);
  if (!engine.search.prefix('6486').length) throw new Error('no search index');
  return { how, totalMs: now() - start, turns: turns.length, longestTurnMs: Math.max(...turns) };
}

async function sectionRawLoad() {
  const { BUNDLED_PACKS } = require(ENGINE_BUNDLE);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t = now();
  const parsed = await Promise.all(BUNDLED_PACKS.map(async (name) => JSON.parse(await fs.promises.readFile(path.join(ROOT, 'data', 'packs', name), 'utf8'))));
  const loadMs = now() - t;
  gc();
  const heapLoaded = process.memoryUsage().heapUsed;
  const bytes = BUNDLED_PACKS.reduce((n, name) => n + fs.statSync(path.join(ROOT, 'data', 'packs', name)).size, 0);
  if (parsed.length !== BUNDLED_PACKS.length) throw new Error('unreachable');
  return { loadMs, heapDelta: heapLoaded - heapBefore, bytes, files: BUNDLED_PACKS.length };
}

const SECTIONS = { check: sectionCheck, latency: sectionLatency, startup: sectionStartup, rawload: sectionRawLoad };
const result = await SECTIONS[section]();
fs.writeFileSync(outFile, JSON.stringify(result));
