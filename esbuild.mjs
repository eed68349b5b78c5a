// Builds the bundles: the VS Code client and language server for Node (dist/extension.js, dist/server.js),
// the same client and server for the browser (dist/web/extension.js, dist/web/server.js), and the CLI.
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedTsHelpers } from './scripts/build/sharedTsHelpers.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The build options of every bundle; test/unit/webBundle.test.ts builds the web ones to check them. */
export function bundles({ production = false } = {}) {
  const shared = {
    absWorkingDir: root,
    bundle: true,
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  };
  // Regex literals kept as written: for a Node target esbuild turns every one with a \p{…} escape into
  // `new RegExp(source)`, which V8 then looks up by its source at each evaluation (inside a function, at
  // each call). Node 20 reads them natively.
  const node = { ...shared, platform: 'node', format: 'cjs', target: 'node20', supported: { 'regexp-unicode-property-escapes': true } };
  // The web extension host and its workers: no Node built-in resolves here, so importing one fails the build.
  // What is downloaded is kept small: one copy of each TypeScript helper the LSP libraries repeat per file.
  const browser = { ...shared, platform: 'browser', target: 'es2022', outdir: 'dist/web', plugins: [sharedTsHelpers()] };
  return {
    /** The client runs inside VS Code's extension host, which provides `vscode`. */
    client: { ...node, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
    /** The server and CLI are fully self-contained. */
    server: { ...node, entryPoints: { server: 'server/src/node/main.ts', cli: 'cli/src/cli.ts' }, outdir: 'dist' },
    /** The web extension host loads the client as a CommonJS module and provides `vscode`. */
    webClient: { ...browser, format: 'cjs', entryPoints: { extension: 'client/src/web/extension.ts' }, external: ['vscode'] },
    /**
     * The server is a web worker's script. A worker's script is always decoded as UTF-8, so its Chinese
     * (lexicons, messages) is written as it is: escaped as \uXXXX, esbuild's default, each character took 6
     * bytes instead of 3 of what the browser downloads.
     */
    webServer: { ...browser, format: 'iife', charset: 'utf8', entryPoints: { server: 'server/src/web/main.ts' } },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const all = Object.values(bundles({ production: process.argv.includes('--production') }));
  if (process.argv.includes('--watch')) {
    for (const options of all) (await esbuild.context(options)).watch();
    console.log('esbuild: watching for changes');
  } else {
    await Promise.all(all.map((options) => esbuild.build(options)));
  }
}
