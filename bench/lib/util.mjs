import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BENCH_DIR = path.join(ROOT, 'bench');
export const INPUTS_DIR = path.join(BENCH_DIR, 'inputs');
export const SAMPLES_DIR = process.env.CPT_LENS_SAMPLES ?? path.resolve(ROOT, '..', 'shared', 'samples', 'real');

/** An X12 file written on one line, as X12 is sent: every line's indentation and line break gone. */
export const oneLineX12 = (text) => text.split(/\r?\n/).map((l) => l.trim()).join('');
