// Builds the three bundles: the VS Code client, the language server and the CLI.
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

/** The client runs inside VS Code's extension host, which provides `vscode`. */
const clientOptions = {
  ...shared,
  entryPoints: { extension: 'client/src/extension.ts' },
  outdir: 'dist',
  external: ['vscode'],
};

/** The server and CLI are fully self-contained. */
const serverOptions = {
  ...shared,
  entryPoints: { server: 'server/src/node/main.ts', cli: 'cli/src/cli.ts' },
  outdir: 'dist',
};

const all = [clientOptions, serverOptions];
if (watch) {
  for (const options of all) (await esbuild.context(options)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(all.map((options) => esbuild.build(options)));
}
