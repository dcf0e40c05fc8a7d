// Bundles the action entry points and the CLI into dist/, flat:
// - dist/index.js (action main), dist/post.js (action post), dist/cli.js: each holds everything a
//   run always needs in one file, because every extra module costs start-up time;
// - dist/lazy-<module>.js: each module the code loads with `await import(...)` (the Azure SDK,
//   the GitHub API client, the fixer, ajv), built self-contained and loaded only when a run
//   needs it. Modules they share with the entry are duplicated, so code that crosses into
//   them never relies on `instanceof` (see isUsageError).
import { build } from 'esbuild';
import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

// --outdir lets the dist check build elsewhere and compare with what is committed.
// --without-verification builds the action as it was before verification in Azure existed (the
// src/azure modules replaced by a stub), so the benchmark can compare `verify: none` start-up.
const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' }, 'without-verification': { type: 'boolean', default: false } } });
const outdir = values.outdir;

/** Source path of each lazily imported module → its output name. */
const lazyModules = new Map();

const lazyImports = {
  name: 'lazy-imports',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const source = resolve(dirname(args.importer), args.path);
      const name = `lazy-${relative('src', source).replace(/\.ts$/, '').replace(/[\\/]/g, '-')}`;
      lazyModules.set(source, name);
      return { path: `./${name}.js`, external: true };
    });
  },
};

/**
 * `import { readFileSync } from 'node:fs'` in ESM makes Node build a facade of the whole module,
 * which reads every export, lazy ones too: node:fs then loads its streams (about 3 ms, a tenth of
 * an empty Node's start-up). Built-ins are therefore taken from process.getBuiltinModule through a
 * small generated module that exports the plain values and leaves lazy getters alone.
 */
const builtinsWithoutFacade = {
  name: 'builtins-without-facade',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'import-statement' ? { path: args.path, namespace: 'builtin' } : undefined));
    esbuild.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => {
      const descriptors = Object.getOwnPropertyDescriptors(process.getBuiltinModule(args.path));
      const names = Object.keys(descriptors).filter((name) => 'value' in descriptors[name] && /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
      const lines = [`const m = process.getBuiltinModule(${JSON.stringify(args.path)});`, 'export default m;'];
      for (const name of names) lines.push(`export const ${name} = /* @__PURE__ */ (() => m.${name})();`);
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

/** For --without-verification: every import of src/azure/ resolves to a stub that says so. */
const withoutVerification = {
  name: 'without-verification',
  setup(esbuild) {
    esbuild.onResolve({ filter: /\/azure\// }, (args) => (args.importer.includes('/src/') ? { path: args.path, namespace: 'no-azure' } : undefined));
    esbuild.onLoad({ filter: /.*/, namespace: 'no-azure' }, () => ({
      contents: "export const VERIFY_RULES = {}; export async function runVerifyStep() { throw new Error('verification is not part of this build'); }",
      loader: 'js',
    }));
  },
};

const options = {
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  // jsonc-parser's "main" is a UMD build whose internal require() calls esbuild cannot follow;
  // its "module" entry is plain ESM.
  mainFields: ['module', 'main'],
  target: 'node20',
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [...(values['without-verification'] ? [withoutVerification] : []), lazyImports, builtinsWithoutFacade],
};

// Some CommonJS dependencies call require() on Node built-ins; ESM output needs a require.
const REQUIRE = "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);";

/**
 * The entries start with a Node.js version guard, before anything else runs: the bundles take
 * built-ins from process.getBuiltinModule (Node 20.16 and 22.3 onwards), and an older Node (a
 * laptop's own `node dist/cli.js`) would otherwise die with a TypeError. The CLI exits 2 with one
 * line; the action fails the step with one error annotation.
 */
function versionGuard(entry) {
  const needs = "'cua-guard needs Node.js 20.16, 22.3 or later (for process.getBuiltinModule); this is ' + process.version";
  const say =
    entry === 'cli' ? `process.stderr.write(${needs} + '\\n'); process.exit(2);` : `process.stdout.write('::error::' + ${needs} + '\\n'); process.exit(1);`;
  return `if (typeof process.getBuiltinModule !== 'function') { ${say} }\n`;
}

const ENTRIES = new Set(['index', 'post', 'cli']);

await rm(outdir, { recursive: true, force: true });
const queue = [
  ['index', resolve('src/app/action/main-entry.ts')],
  // The post step exists only to clean up after verification.
  ...(values['without-verification'] ? [] : [['post', resolve('src/app/action/post-entry.ts')]]),
  ['cli', resolve('src/app/cli/cli-entry.ts')],
];
const built = new Set();
while (queue.length > 0) {
  const [name, entry] = queue.shift();
  if (built.has(name)) continue;
  built.add(name);
  await build({ ...options, entryPoints: { [name]: entry }, banner: { js: `${ENTRIES.has(name) ? versionGuard(name) : ''}${REQUIRE}` } });
  for (const [source, lazyName] of lazyModules) if (!built.has(lazyName)) queue.push([lazyName, source]);
}

/**
 * esbuild escapes non-ASCII characters in strings, but not in the comments it keeps (on class
 * fields) or in regular expression literals. One such character makes V8 hold the whole bundle as a
 * two-byte string, decoded and compiled more slowly: the CLI's start-up on a small template took 12%
 * longer. Each is written as a \u escape, which means the same in a comment, a regular expression
 * and an identifier.
 */
async function escapeNonAscii(folder) {
  for (const name of (await readdir(folder)).filter((file) => file.endsWith('.js'))) {
    const path = resolve(folder, name);
    const text = await readFile(path, 'utf8');
    const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (ascii !== text) await writeFile(path, ascii);
  }
}
await escapeNonAscii(outdir);

// The tree-sitter runtime and grammars (.wasm) sit beside the lazy chunk that loads them: the
// action runs dist/ without node_modules. The list is the loader's own (src/parse/tree-sitter).
const { WASM_FILES } = await import('../src/parse/tree-sitter/grammars.ts');
const requireFromHere = createRequire(import.meta.url);
for (const file of WASM_FILES) await copyFile(requireFromHere.resolve(file.packagePath), resolve(outdir, file.fileName));
