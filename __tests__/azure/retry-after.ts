// Timing checks from the fake server's own log, so they hold on a loaded runner: each request
// that repeats an operation (a poll, or a retry of the same request) must arrive at least as long
// after the previous answer as that answer's Retry-After asked. Load can only make gaps longer.
import assert from 'node:assert/strict';
import type { RecordedRequest } from '../support/fake-arm/server.ts';

/** Date.now() is read at millisecond precision on both sides of the wait. */
const CLOCK_TOLERANCE_MS = 5;

export interface WaitCheck {
  after: RecordedRequest;
  next: RecordedRequest;
  waitedMs: number;
}

/**
 * The (answer, next request) pairs where the client repeated an operation: a poll after the start
 * or the previous poll of the same long-running operation, or a retry right after the same request.
 */
export function repeatedOperations(requests: readonly RecordedRequest[]): WaitCheck[] {
  const pairs: WaitCheck[] = [];
  for (const [i, next] of requests.entries()) {
    const earlier = requests.slice(0, i);
    const before = earlier.at(-1);
    const after =
      next.kind === 'lro'
        ? earlier.findLast((r) => r.lro === next.lro)
        : before && before.method === next.method && before.path === next.path && before.search === next.search
          ? before
          : undefined;
    if (after) pairs.push({ after, next, waitedMs: next.at - after.respondedAt });
  }
  return pairs;
}

/** Asserts Retry-After was honoured everywhere it was sent; returns how many waits were checked. */
export function assertRetryAfterHonoured(requests: readonly RecordedRequest[]): number {
  const checked = repeatedOperations(requests).filter((p) => (p.after.retryAfterMs ?? 0) > 0);
  for (const { after, next, waitedMs } of checked) {
    assert.ok(
      waitedMs >= (after.retryAfterMs ?? 0) - CLOCK_TOLERANCE_MS,
      `${next.method} ${next.path} came ${waitedMs} ms after a ${after.status} that asked for Retry-After ${after.retryAfterMs} ms`,
    );
  }
  return checked.length;
}

/** Asserts a wait of at least `minMs` after the answer `after` before the next request. */
export function assertWaitedAtLeast(requests: readonly RecordedRequest[], after: RecordedRequest, minMs: number, why: string): void {
  const next = requests[requests.indexOf(after) + 1];
  assert.ok(next, `a request followed ${after.method} ${after.path}`);
  const waited = next.at - after.respondedAt;
  assert.ok(waited >= minMs - CLOCK_TOLERANCE_MS, `${why}: waited ${waited} ms, expected at least ${minMs} ms`);
}
