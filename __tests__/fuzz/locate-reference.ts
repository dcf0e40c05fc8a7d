// The jsonc-parser visitor locator cua-guard used before src/engine/locate.ts got its own scanner:
// the reference the differential fuzz test compares the fast locator against.
import { visit, type JSONPath } from 'jsonc-parser';
import type { JsonPath } from '../../src/parse/types.ts';

export interface NodeSpan {
  offset: number;
  length: number;
}

export interface LocateRequest {
  path: JsonPath;
  at: 'key' | 'value';
}

const STOP = Symbol('stop');

/** Returns one span per request (undefined where the node does not exist). */
export function locateNodes(text: string, requests: readonly LocateRequest[]): (NodeSpan | undefined)[] {
  const wanted = new Map<string, number[]>();
  requests.forEach((request, index) => {
    const key = requestKey(request.path, request.at);
    wanted.set(key, [...(wanted.get(key) ?? []), index]);
  });
  const prefixes = new Set<string>();
  for (const request of requests) {
    for (let i = 0; i <= request.path.length; i++) prefixes.add(pathKey(request.path.slice(0, i)));
  }
  const spans: (NodeSpan | undefined)[] = requests.map(() => undefined);
  let remaining = wanted.size;

  const record = (key: string, offset: number, length: number): void => {
    const indexes = wanted.get(key);
    if (!indexes) return;
    for (const i of indexes) spans[i] ??= { offset, length };
    wanted.delete(key);
    if (--remaining === 0) throw STOP;
  };
  const onContainer = (offset: number, length: number, pathSupplier: () => JSONPath): boolean => {
    const key = pathKey(pathSupplier());
    record(`v${key}`, offset, length);
    return prefixes.has(key); // false: do not report what is inside
  };

  try {
    visit(
      text,
      {
        onObjectBegin: (offset, length, _l, _c, pathSupplier) => onContainer(offset, length, pathSupplier),
        onArrayBegin: (offset, length, _l, _c, pathSupplier) => onContainer(offset, length, pathSupplier),
        // Without end callbacks jsonc-parser never lifts the suppression a `false` from a begin
        // callback starts, and nothing after the first skipped container was found (the bug the
        // original had); with them, this is the reference semantics.
        onObjectEnd: () => undefined,
        onArrayEnd: () => undefined,
        onLiteralValue: (_v, offset, length, _l, _c, pathSupplier) => record(`v${pathKey(pathSupplier())}`, offset, length),
        onObjectProperty: (property, offset, length, _l, _c, pathSupplier) => record(`k${pathKey([...pathSupplier(), property])}`, offset, length),
      },
      { allowTrailingComma: true, disallowComments: false },
    );
  } catch (error) {
    if (error !== STOP) throw error;
  }
  return spans;
}

function requestKey(path: JsonPath, at: 'key' | 'value'): string {
  return `${at === 'key' ? 'k' : 'v'}${pathKey(path)}`;
}

function pathKey(path: readonly (string | number)[]): string {
  return JSON.stringify(path);
}
