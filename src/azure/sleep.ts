// An abortable wait: time-outs and cancellation must not sit out a long Retry-After.
import { setTimeout as wait } from 'node:timers/promises';

export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  if (ms <= 0) return;
  await wait(ms, undefined, { signal });
}
