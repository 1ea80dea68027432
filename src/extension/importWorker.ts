/**
 * Converts one data file in a worker thread (bundled alone as `dist/importWorker.js`): a 100 MB
 * file takes seconds to convert, and the extension host must keep answering hovers meanwhile.
 * The result, or the ImportError's file, line and reason, goes back as a message.
 */
import { parentPort, workerData } from 'worker_threads';
import { ImportError, importData } from '../core/import';
import { useNodeSha256 } from '../core/import/nodeSha256';
import { PackError } from '../core/pack/parse';
import type { ImportOptions } from '../core/import';

export interface ImportRequest {
  bytes: Uint8Array;
  file: string;
  options: ImportOptions;
}

export type ImportReply =
  | { ok: true; result: ReturnType<typeof importData> }
  | { ok: false; error: { importError: boolean; file?: string; line?: number; reason?: string; message: string } };

useNodeSha256();

const { bytes, file, options } = workerData as ImportRequest;
let reply: ImportReply;
try {
  reply = { ok: true, result: importData(bytes, file, options) };
} catch (e) {
  const known = e instanceof PackError;
  reply = {
    ok: false,
    error: known
      ? { importError: e instanceof ImportError, file: e.file, line: e.line, reason: e.reason, message: e.message }
      : { importError: false, message: (e as Error)?.message ?? String(e) },
  };
}
parentPort!.postMessage(reply);
