// scripts/build/sharedTsHelpers.mjs: the web bundles keep one copy of each TypeScript emit helper, and the
// code that used the copies behaves as before.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildOptions, Plugin } from 'esbuild';
import * as ts from 'typescript';
import { ROOT } from '../helpers';

interface Helper {
  readonly name: string;
  readonly uses: readonly string[];
}
interface PluginModule {
  findHelpers(source: string): Helper[];
  shareHelpers(source: string): { code: string; modules: Map<string, string> } | undefined;
  sharedTsHelpers(): Plugin;
}

const plugin = () => import(pathToFileURL(path.join(ROOT, 'scripts/build/sharedTsHelpers.mjs')).href) as Promise<PluginModule>;

/** How many times each helper is defined (`this.__name` or, once bundled, `exports.__name` is read only there). */
function definitions(code: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [, , name] of code.matchAll(/\b(this|exports\d*) && \1\.(__[A-Za-z]+)\b/g)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

/**
 * A package as tsc emits it for CommonJS (`import *`, a default import, `export *`, async at ES2015: every
 * helper the LSP libraries carry), in node_modules of a temporary folder with an entry that uses it.
 */
function makePackage(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-helpers-'));
  const lib = path.join(dir, 'node_modules', 'helped', 'lib');
  fs.mkdirSync(lib, { recursive: true });
  const sources: Record<string, string> = {
    'values.ts': "export const one = 1;\nexport default function hello() { return 'hello'; }\nexport class Box { constructor(public v: number) {} }\n",
    'more.ts': "export * from './values';\nexport const extra = 'extra';\n",
    'index.ts': [
      '/* A licence header, as the LSP libraries have. */',
      "import * as values from './values';",
      "import hello from './values';",
      "export * from './more';",
      'export async function later(x: number) { await null; return x * values.one * 2; }',
      'export function described() { return { keys: Object.keys(values).sort(), hello: hello(), defaultIsHello: values.default === hello, esModule: (values as { __esModule?: boolean }).__esModule }; }',
    ].join('\n'),
  };
  for (const [file, source] of Object.entries(sources)) {
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2015, esModuleInterop: true } });
    fs.writeFileSync(path.join(lib, file.replace(/\.ts$/, '.js')), outputText);
  }
  fs.writeFileSync(path.join(dir, 'node_modules', 'helped', 'package.json'), JSON.stringify({ name: 'helped', main: 'lib/index.js' }));
  fs.writeFileSync(
    path.join(dir, 'entry.js'),
    "const lib = require('helped');\nmodule.exports = (async () => ({ keys: Object.keys(lib).sort(), described: lib.described(), later: await lib.later(21), box: new lib.Box(3).v, extra: lib.extra }))();\n",
  );
  return dir;
}

async function runBundle(code: string): Promise<unknown> {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', code)(module, module.exports);
  return await module.exports;
}

describe('shared TypeScript helpers (scripts/build/sharedTsHelpers.mjs)', () => {
  let dir: string;
  before(() => (dir = makePackage()));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the helpers tsc writes at the top of a file, past comments, with the helpers each one calls', async () => {
    const { findHelpers } = await plugin();
    const source = fs.readFileSync(path.join(dir, 'node_modules/helped/lib/index.js'), 'utf8');
    const found = findHelpers(source).map((h) => `${h.name}(${h.uses.join(',')})`);
    assert.deepEqual(found, [
      '__createBinding()',
      '__setModuleDefault()',
      '__importStar(__createBinding,__setModuleDefault)',
      '__exportStar(__createBinding)',
      '__awaiter()',
      '__importDefault()',
    ]);
  });

  it('leaves a file alone when a helper calls a name not defined before it, or it has no helpers', async () => {
    const { shareHelpers } = await plugin();
    const orphan = '"use strict";\nvar __exportStar = (this && this.__exportStar) || function(m, exports) { __createBinding(exports, m, "x"); };\nexports.x = 1;\n';
    assert.equal(shareHelpers(orphan), undefined);
    assert.equal(shareHelpers('"use strict";\nexports.x = 1;\n'), undefined);
  });

  it('keeps the file’s lines where they were (the source map still points right)', async () => {
    const { shareHelpers } = await plugin();
    const source = fs.readFileSync(path.join(dir, 'node_modules/helped/lib/index.js'), 'utf8');
    const shared = shareHelpers(source)!;
    const lines = source.split('\n');
    const after = shared.code.split('\n');
    assert.equal(after.length, lines.length);
    const firstCode = lines.findIndex((line) => line.startsWith('Object.defineProperty(exports'));
    assert.deepEqual(after.slice(firstCode), lines.slice(firstCode));
  });

  it('a bundle defines each helper once and behaves as the package does unbundled', async () => {
    const esbuild = await import('esbuild');
    const { sharedTsHelpers } = await plugin();
    const options: BuildOptions = { absWorkingDir: dir, entryPoints: ['entry.js'], bundle: true, format: 'cjs', platform: 'browser', write: false, logLevel: 'silent' };
    const plain = (await esbuild.build(options)).outputFiles![0].text;
    const shared = (await esbuild.build({ ...options, plugins: [sharedTsHelpers()] })).outputFiles![0].text;

    assert.equal(definitions(plain).get('__createBinding'), 2, 'without the plugin, a copy in each file that uses it (index.js, more.js)');
    assert.deepEqual(
      Object.fromEntries(definitions(shared)),
      { __createBinding: 1, __setModuleDefault: 1, __importStar: 1, __exportStar: 1, __awaiter: 1, __importDefault: 1 },
    );
    const unbundled = await (createRequire(path.join(dir, 'entry.js'))('./entry.js') as Promise<unknown>);
    assert.deepEqual(await runBundle(plain), unbundled);
    assert.deepEqual(await runBundle(shared), unbundled);
    assert.deepEqual(unbundled, {
      keys: ['Box', 'described', 'extra', 'later', 'one'],
      described: { keys: ['Box', 'default', 'one'], hello: 'hello', defaultIsHello: true, esModule: true },
      later: 42,
      box: 3,
      extra: 'extra',
    });
  });

  it('the web client keeps one copy of each helper of vscode-languageclient, -languageserver-protocol and -jsonrpc', async () => {
    const esbuild = await import('esbuild');
    const { bundles } = (await import(pathToFileURL(path.join(ROOT, 'esbuild.mjs')).href)) as {
      bundles(options: { production: boolean }): Record<string, BuildOptions>;
    };
    const result = await esbuild.build({ ...bundles({ production: false }).webClient, write: false, sourcemap: false });
    const counts = definitions(result.outputFiles!.find((f) => f.path.endsWith('.js'))!.text);
    assert.ok(counts.size >= 4, JSON.stringify(Object.fromEntries(counts)));
    for (const [name, count] of counts) assert.equal(count, 1, name);
  });
});
