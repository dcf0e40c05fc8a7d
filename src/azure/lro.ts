// Drives an ARM long-running operation with cua-guard's own loop instead of the SDK's
// pollUntilDone: the SDK polls once immediately after the first response and ignores a
// Retry-After of 0 or on the first response; ARM's contract is to wait what every response asks.
// The loop waits exactly Retry-After (never less), and stops the moment the signal fires.
import type { ArmPoller } from './arm-api.ts';
import { isSignInError } from './errors.ts';
import { DEFAULT_POLL_INTERVAL_MS, type RequestMeter } from './http.ts';
import { sleep } from './sleep.ts';

export type LroOutcome<T> =
  | { status: 'succeeded'; result: T | undefined }
  /** `body` is the last JSON error or status document ARM sent, for messages. */
  | { status: 'failed'; error: unknown; body: unknown }
  | { status: 'canceled' };

/** Throws the abort reason when the signal fires; every other failure is an outcome. */
export async function driveLro<T>(poller: ArmPoller<T>, meter: RequestMeter, signal: AbortSignal): Promise<LroOutcome<T>> {
  try {
    await poller.submitted();
  } catch (error) {
    signal.throwIfAborted();
    // Not the operation's failure: the step reports it once, not as this template's.
    if (isSignInError(error)) throw error;
    return { status: 'failed', error, body: meter.last?.body };
  }
  while (!poller.isDone) {
    // Requests are sequential here, so the meter's last response is this operation's.
    await sleep(meter.last?.retryAfterMs ?? DEFAULT_POLL_INTERVAL_MS, signal);
    try {
      await poller.poll({ abortSignal: signal });
    } catch (error) {
      signal.throwIfAborted();
      if (isSignInError(error)) throw error;
      // poll() throws for a failed or canceled operation too; only a broken request ends here.
      if (!poller.isDone) return { status: 'failed', error, body: meter.last?.body };
    }
  }
  const state = poller.operationState;
  if (state?.status === 'succeeded') return { status: 'succeeded', result: poller.result };
  if (state?.status === 'canceled') return { status: 'canceled' };
  return { status: 'failed', error: state?.error, body: meter.last?.body };
}
