// Bundles the end-to-end suite for the extension host: test/e2e/**.ts -> out/e2e/**.js.
// `vscode` comes from the host and mocha from node_modules at run time; the core is bundled in, so
// the tests can compare what the editor shows with what the core computes.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const suiteDir = path.join(root, 'test', 'e2e', 'suite');
const tests = fs.readdirSync(suiteDir).filter((f) => f.endsWith('.test.ts')).map((f) => path.join(suiteDir, f));
const outdir = path.join(root, 'out', 'e2e');
fs.rmSync(outdir, { recursive: true, force: true });

await esbuild.build({
  entryPoints: [path.join(root, 'test', 'e2e', 'index.ts'), ...tests],
  outbase: path.join(root, 'test', 'e2e'),
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
// The UI check (plain Node) reads what the page should show from the same core.
await esbuild.build({
  entryPoints: { core: path.join(root, 'server', 'src', 'core', 'index.ts') },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});
// The browser suite, for the web worker extension host: one self-contained CommonJS file (that host
// provides only `vscode`), mocha's browser build and the fixtures bundled in.
await esbuild.build({
  entryPoints: { index: path.join(root, 'test', 'e2e', 'web', 'index.ts') },
  outdir: path.join(outdir, 'web'),
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  sourcemap: 'inline',
  external: ['vscode'],
  loader: { '.article': 'text' },
  // mocha.js is UMD: seeing the host's CommonJS `exports` it would replace the suite's own exports
  // instead of setting the `mocha` global.
  define: { exports: 'undefined' },
  logLevel: 'warning',
});
console.log(`e2e: built ${tests.length} test files into ${path.relative(root, outdir)}/`);
