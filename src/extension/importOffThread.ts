/**
 * Data file conversion off the extension host's thread: `importData` in a worker thread
 * (`importWorker.ts`), with the same result and the same ImportError (file, line, reason). Where a
 * worker cannot start (no worker_threads, the bundle missing) the file is converted in place.
 */
import * as path from 'path';
import { Worker } from 'worker_threads';
import { ImportError, importData } from '../core/import';
import type { ImportOptions, ImportResult } from '../core/import';
import { PackError } from '../core/pack/parse';
import type { ImportReply, ImportRequest } from './importWorker';

/** Below this size a file converts in a few milliseconds: starting a worker would cost more. */
const IN_PLACE_BELOW_BYTES = 256 * 1024;

/** Conversions run in a worker so far (for tests and the output channel). */
export const offThreadStats = { workers: 0 };

export function importOffThread(bytes: Uint8Array, file: string, options: ImportOptions): Promise<ImportResult> {
  if (bytes.length < IN_PLACE_BELOW_BYTES) return Promise.resolve(importData(bytes, file, options));
  let worker: Worker;
  try {
    const request: ImportRequest = { bytes, file, options };
    worker = new Worker(path.join(__dirname, 'importWorker.js'), { workerData: request });
    offThreadStats.workers++;
  } catch {
    return Promise.resolve(importData(bytes, file, options));
  }
  return new Promise<ImportResult>((resolve, reject) => {
    let settled = false;
    worker.once('message', (reply: ImportReply) => {
      settled = true;
      void worker.terminate();
      if (reply.ok) resolve(reply.result);
      else reject(errorOf(reply.error));
    });
    worker.once('error', (e) => {
      if (!settled) {
        settled = true;
        reject(e);
      }
    });
    worker.once('exit', (code) => {
      if (!settled) {
        settled = true;
        reject(new Error(`the conversion stopped (worker exit code ${code})`));
      }
    });
  });
}

function errorOf(e: Extract<ImportReply, { ok: false }>['error']): Error {
  if (e.file !== undefined && e.reason !== undefined) return e.importError ? new ImportError(e.file, e.line, e.reason) : new PackError(e.file, e.line, e.reason);
  return new Error(e.message);
}
