// One AbortSignal for the whole verification: it fires when timeout-minutes runs out, or when the
// runner cancels the job (it sends SIGINT, then SIGTERM 7.5 s later, then kills). Aborting stops
// requests and waits at once; the caller then cancels a running deployment with a fresh signal.

export type StopReason = 'timeout' | 'cancelled';

export interface Cancellation {
  readonly signal: AbortSignal;
  readonly reason: StopReason | undefined;
  dispose(): void;
}

export function startCancellation(timeoutMs: number, processSignals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): Cancellation {
  const controller = new AbortController();
  let reason: StopReason | undefined;
  const stop = (why: StopReason): void => {
    if (reason !== undefined) return;
    reason = why;
    const error = new Error(why === 'timeout' ? `timed out after ${formatMinutes(timeoutMs)}` : 'the job was cancelled');
    error.name = 'AbortError';
    controller.abort(error);
  };
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  // The timer must not keep a finished process alive.
  timer.unref();
  const onSignal = (): void => stop('cancelled');
  for (const name of processSignals) process.on(name, onSignal);
  return {
    signal: controller.signal,
    get reason() {
      return reason;
    },
    dispose() {
      clearTimeout(timer);
      for (const name of processSignals) process.off(name, onSignal);
    },
  };
}

export function formatMinutes(ms: number): string {
  const minutes = ms / 60_000;
  return minutes >= 1 && Number.isInteger(minutes) ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${Math.round(ms / 1000)} s`;
}

/** A short independent signal for clean-up calls made after the main signal fired. */
export function graceSignal(ms = 20_000): AbortSignal {
  return AbortSignal.timeout(ms);
}
