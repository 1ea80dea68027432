/**
 * Completion's search index, built ahead of its first use: 0.3-0.5 s in one go, in which no hover
 * or keystroke of the window is answered. Built after start-up and again after each data load (a
 * new engine has no index), a slice at a time (`Engine.warmSearch`), waiting while a document is
 * checked or typed in. A completion asked before it is built builds it at once.
 */
import type * as vscode from 'vscode';
import type { DataHost } from './dataHost';
import type { DocumentCache } from './documents';
import { guarded, Log } from './log';

/** After activation: well after start-up and the first hovers. */
const AFTER_START_MS = 10_000;
/** After new data is in force (the diagnostics of open documents are made again first). */
const AFTER_RELOAD_MS = 3_000;
/** A document changed this recently: someone types. */
const TYPING_MS = 1_000;
/** How often a waiting warm-up looks again. */
const RETRY_MS = 200;

export function warmSearchIndex(data: DataHost, documents: DocumentCache, log: Log): vscode.Disposable {
  let run = 0;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (delayMs: number): void => {
    clearTimeout(timer);
    const mine = ++run;
    const current = (): boolean => mine === run;
    timer = setTimeout(() => void guarded(log, 'completion index', async () => {
      const engine = await data.engine();
      if (current()) await engine.warmSearch(() => nextTurn(documents, current));
    }, undefined), delayMs);
    timer.unref?.();
  };
  schedule(AFTER_START_MS);
  const reloads = data.onDidChange(() => schedule(AFTER_RELOAD_MS));
  return {
    dispose: () => {
      clearTimeout(timer);
      run++;
      reloads.dispose();
    },
  };
}

/**
 * The warm-up's pause: lets the extension host answer what waits (hovers, edits), and waits while a
 * document is being checked (its problems come first) or was edited in the last second (a slice
 * would hold a keystroke's problems up to about 30 ms). False when a newer warm-up replaced this one.
 */
function nextTurn(documents: DocumentCache, current: () => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const go = (): void => {
      if (!current()) resolve(false);
      else if (documents.stats.checking > 0 || Date.now() - documents.lastChangeAt < TYPING_MS) setTimeout(go, RETRY_MS);
      else setImmediate(() => resolve(current()));
    };
    go();
  });
}
