/**
 * Runs linear-growth measurements in its own process, started single-threaded by linear.test.ts:
 * `node --single-threaded linearWorker.js '<json request>'`. Prints one JSON line of LinearResult.
 * Request: {"shapes": [names], "units": [[unit, kind]]}.
 */
import { measureLinear } from './helpers';
import { QUADRATIC, SHAPES, Shape, unitShape } from './linearShapes';

const request = JSON.parse(process.argv[2] ?? '{}') as { shapes?: string[]; units?: [string, 'csv' | 'x12' | 'json' | 'xml' | 'text'][] };
const byName = new Map<string, Shape>([...SHAPES, QUADRATIC].map((s) => [s.name, s]));
const shapes: Shape[] = [
  ...(request.shapes ?? []).map((name) => {
    const s = byName.get(name);
    if (!s) throw new Error(`no shape named ${name}`);
    return s;
  }),
  ...(request.units ?? []).map(([unit, kind]) => unitShape(unit, kind)),
];
void (async () => {
  const results = [];
  for (const s of shapes) results.push(await measureLinear(s.name, s.build, s.run, s.n));
  process.stdout.write(`${JSON.stringify(results)}\n`);
  process.exit(0);
})();
