// RFC 6901 JSON pointers for the paths findings and tracking summaries refer to.
export function toJsonPointer(path: readonly (string | number)[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
