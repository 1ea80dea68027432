// Runs INSIDE a real VS Code extension host (code-server), loaded as the `extensionTestsPath` by
// bench/lib/activation.mjs. VS Code activates CPT Lens on its own events (onLanguage:plaintext /
// jsonc fire while the window starts), usually before this probe runs, so the probe reads the
// extension host's own performance marks, which bracket each extension's activation:
//   code/extHost/willLoadExtensionCode/<id> .. didLoadExtensionCode/<id>   require() of the main file
//   code/extHost/willActivateExtension/<id> .. didActivateExtension/<id>   activate() and its promise
// The baseline, the small built-in Grunt extension, is activated here and read the same way.
// Prints one line "[cpt-lens-bench-activation] {json}" that the harness reads.
'use strict';
const PREFIX = '[cpt-lens-bench-activation]';
const ID = 'cpt-lens.cpt-lens';
const BASELINES = ['vscode.grunt', 'vscode.jake', 'vscode.gulp'];

function marksOf(id) {
  const perf = globalThis.MonacoPerformanceMarks;
  if (!perf || typeof perf.getMarks !== 'function') return undefined;
  const at = {};
  for (const m of perf.getMarks()) {
    const k = /^code\/extHost\/(willLoadExtensionCode|didLoadExtensionCode|willActivateExtension|didActivateExtension)\/(.+)$/.exec(m.name);
    if (k && k[2].toLowerCase() === id.toLowerCase()) at[k[1]] = m.startTime;
  }
  if (at.willLoadExtensionCode === undefined || at.didActivateExtension === undefined) return undefined;
  const loadMs = at.didLoadExtensionCode - at.willLoadExtensionCode;
  const activateMs = at.didActivateExtension - at.willActivateExtension;
  return { loadMs, activateMs, totalMs: loadMs + activateMs, spanMs: at.didActivateExtension - at.willLoadExtensionCode };
}

/**
 * Other extensions whose activate() started inside this one's will/didActivateExtension span.
 * Extensions activated by the same event run in the same microtask checkpoint, so the span of each
 * includes the synchronous activate() of the others started within it: that time is not this
 * extension's.
 */
function activatedWithin(id) {
  const perf = globalThis.MonacoPerformanceMarks;
  if (!perf || typeof perf.getMarks !== 'function') return [];
  const marks = perf.getMarks();
  const time = (name) => marks.find((m) => m.name.toLowerCase() === name.toLowerCase())?.startTime;
  const from = time(`code/extHost/willActivateExtension/${id}`);
  const to = time(`code/extHost/didActivateExtension/${id}`);
  if (from === undefined || to === undefined) return [];
  return marks
    .map((m) => [/^code\/extHost\/willActivateExtension\/(.+)$/.exec(m.name)?.[1], m.startTime])
    .filter(([other, t]) => other && other.toLowerCase() !== id.toLowerCase() && t >= from && t < to)
    .map(([other]) => other);
}

exports.run = async function run() {
  const vscode = require('vscode');
  const out = {};
  try {
    const ext = vscode.extensions.getExtension(ID);
    if (!ext) throw new Error(`extension ${ID} is not installed in this host`);
    out.wasActive = ext.isActive;
    const t0 = performance.now();
    const api = await ext.activate();
    out.probeActivateMs = performance.now() - t0;
    const t1 = performance.now();
    await api.ready();
    out.probeReadyMs = performance.now() - t1;
    out.cptLens = marksOf(ID);
    out.activatedWithin = activatedWithin(ID);
    const base = BASELINES.map((id) => vscode.extensions.getExtension(id)).find((e) => e && !e.isActive);
    if (base) {
      await base.activate();
      out.baselineId = base.id;
      out.baseline = marksOf(base.id);
    }
  } catch (e) {
    out.error = String((e && e.stack) || e);
  }
  console.log(`${PREFIX} ${JSON.stringify(out)}`);
};
