// One diagnostic line per scenario: how many requests of each kind the fake server saw.
import type { FakeArm } from '../support/fake-arm/server.ts';

export function requestSummary(scenario: string, fake: FakeArm, counted: number): string {
  const byKind = new Map<string, number>();
  for (const r of fake.requests) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
  const kinds = [...byKind.entries()].map(([k, n]) => `${k} ${n}`).join(', ');
  return `requests[${scenario}]: counted by cua-guard ${counted}, seen by the server ${fake.requests.length} (${kinds})`;
}

/** The requests as `METHOD path` lines, for debugging a count. */
export function requestLog(fake: FakeArm): string {
  return fake.requests.map((r) => `${r.method} ${r.path}${r.search} -> ${r.status}`).join('\n');
}

/** The post step's own count, from its log line. */
export function postSummary(scenario: string, post: { stdout: string }): string {
  const match = /clean-up finished: (\d+) removed, (\d+) failed, (\d+) Azure request/.exec(post.stdout);
  return `post[${scenario}]: ${match ? `${match[3]} request(s), ${match[1]} removed, ${match[2]} failed` : 'nothing removed, no Azure request'}`;
}
