// Benchmark (f) only: `node --import ./scripts/lib/literal-only-hooks.ts …` makes every import of
// src/expressions/index.ts (except the shim's own) load literal-only-expressions.ts instead.
import { registerHooks } from 'node:module';

const shim = new URL('./literal-only-expressions.ts', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    if (context.parentURL !== shim && resolved.url.endsWith('/src/expressions/index.ts')) return { ...resolved, url: shim };
    return resolved;
  },
});
