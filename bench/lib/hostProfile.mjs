// Whose work a keystroke costs in the extension host: a CPU profile of the edits (taken by
// bench/lib/editing-probe.cjs with `--profile-editing`) split by owner. A sample goes to the
// outermost frame on its stack that belongs to an extension: CPT Lens's own code and whatever
// VS Code does on its call (converting and sending its problems), or another extension's (VS Code's
// built-in merge-conflict extension reads every changed document whole). The rest is VS Code's
// own work (the edit's round trip, its events) and idle time.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './util.mjs';

/** This checkout's bundles, which the bench's window loads as the extension under development. */
const OURS = [path.join(ROOT, 'dist', 'features.js'), path.join(ROOT, 'dist', 'extension.js')];

const OWNERS = [
  { owner: 'CPT Lens', test: (url) => OURS.some((f) => url.endsWith(f)) },
  { owner: 'merge-conflict (VS Code built-in)', test: (url) => url.includes('/merge-conflict/') },
  { owner: 'bench probe', test: (url) => url.endsWith('editing-probe.cjs') },
];

/** Milliseconds per owner in a `.cpuprofile`, plus `idle` and `VS Code` (everything else). */
export function hostTimeByOwner(file) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ownerOf = new Map();
  const owner = (id) => {
    if (ownerOf.has(id)) return ownerOf.get(id);
    const n = byId.get(id);
    const up = parent.has(id) ? owner(parent.get(id)) : undefined;
    const mine = OWNERS.find((o) => o.test(n.callFrame.url))?.owner;
    const name = n.callFrame.functionName;
    const result = up ?? mine ?? (name === '(idle)' ? 'idle' : name === '(garbage collector)' ? 'garbage collector' : undefined);
    ownerOf.set(id, result);
    return result;
  };
  const out = {};
  for (let i = 0; i < profile.samples.length; i++) {
    const who = owner(profile.samples[i]) ?? 'VS Code';
    out[who] = (out[who] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
  }
  return out;
}
