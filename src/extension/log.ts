/** The "CPT Lens" output channel, and notifications shown at most once per cause. */
import * as vscode from 'vscode';

export class Log implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('CPT Lens', { log: true });
  private readonly shown = new Set<string>();

  info(message: string): void {
    this.channel.info(message);
  }

  /** Logs a problem; shows it to the user once per `cause` when `notify` is set. */
  problem(cause: string, message: string, notify = false): void {
    this.channel.warn(message);
    if (notify && !this.shown.has(cause)) {
      this.shown.add(cause);
      void vscode.window.showWarningMessage(`CPT Lens: ${message}`);
    }
  }

  error(context: string, e: unknown): void {
    this.channel.error(`${context}: ${(e as Error)?.stack ?? String(e)}`);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

/** Runs a provider body; an exception is logged, never thrown into VS Code. */
export async function guarded<T>(log: Log, context: string, body: () => Promise<T> | T, fallback: T): Promise<T> {
  try {
    return await body();
  } catch (e) {
    log.error(context, e);
    // Said once per provider and cause; the output channel has every occurrence with its stack.
    log.problem(`error:${context}:${(e as Error)?.message ?? String(e)}`, `${context} failed: ${(e as Error)?.message ?? String(e)} (details in the "CPT Lens" output channel)`, true);
    return fallback;
  }
}

/** The synchronous form of `guarded`, for providers VS Code calls without awaiting a promise. */
export function guardedSync<T>(log: Log, context: string, body: () => T, fallback: T): T {
  try {
    return body();
  } catch (e) {
    log.error(context, e);
    log.problem(`error:${context}:${(e as Error)?.message ?? String(e)}`, `${context} failed: ${(e as Error)?.message ?? String(e)} (details in the "CPT Lens" output channel)`, true);
    return fallback;
  }
}
