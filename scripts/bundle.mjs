// Bundles the action entry points and the CLI into dist/.
// Code splitting keeps the Azure SDK and the GitHub API client in chunks that are
// loaded only when a run needs them, so the static check starts fast.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';

// --outdir lets the dist check build elsewhere and compare with what is committed.
const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } });
const outdir = values.outdir;

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    index: 'src/action/main-entry.ts',
    post: 'src/action/post-entry.ts',
    cli: 'src/cli/cli-entry.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // jsonc-parser's "main" is a UMD build whose internal require() calls esbuild cannot follow;
  // its "module" entry is plain ESM.
  mainFields: ['module', 'main'],
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
  // Some CommonJS dependencies call require() on Node built-ins; ESM output needs a require.
  banner: { js: "import { createRequire as __cuaCreateRequire } from 'node:module'; const require = __cuaCreateRequire(import.meta.url);" },
});
