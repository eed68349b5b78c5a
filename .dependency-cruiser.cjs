// The architecture, checked in `npm test` (docs/architecture.md): a pure core behind one door, thin glue,
// no import cycles.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'The core (server/src/core) imports no editor, LSP library, Node built-in, glue, client or CLI: it runs anywhere, a browser included.',
      severity: 'error',
      from: { path: '^server/src/core/' },
      to: {
        path: ['^vscode$', '^vscode-languageserver', '^vscode-jsonrpc', '^server/src/(lsp|node)/', '^server/src/server\\.ts$', '^client/', '^cli/'],
      },
    },
    {
      name: 'core-uses-no-node-builtins',
      comment: 'No node:* or other Node built-in module in the core.',
      severity: 'error',
      from: { path: '^server/src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'one-door-into-the-core',
      comment: 'The LSP glue, the Node platform, the CLI, the client and the scripts reach the core only through server/src/core/index.ts.',
      severity: 'error',
      from: { path: ['^server/src/(lsp|node)/', '^server/src/server\\.ts$', '^cli/', '^client/', '^scripts/'] },
      to: { path: '^server/src/core/', pathNot: '^server/src/core/index\\.ts$' },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles anywhere: the core included (its layers read model → breaks → rules → features, never back).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // esbuild.mjs (the build script) is left out: the resolver takes the root file for the `esbuild` package
    // the scripts import, and reports a cycle that is not there.
    exclude: { path: ['^(node_modules|dist|test)/', '^esbuild\\.mjs$'] },
  },
};
