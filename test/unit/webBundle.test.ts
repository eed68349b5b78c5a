// The browser bundles (dist/web/) as `npm run package` builds them: small, and nothing from Node in them.

import * as assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildOptions, Metafile } from 'esbuild';
import { ruleDescriptions, settingTexts } from '../../server/src/core';
import { ROOT } from '../helpers';

/** The "small (< 400 KB)", in decimal bytes: what is downloaded into the browser, minified. */
const LIMIT_BYTES = 400_000;
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

async function productionBuild(name: 'webClient' | 'webServer') {
  const esbuild = await import('esbuild');
  const { bundles } = (await import(pathToFileURL(path.join(ROOT, 'esbuild.mjs')).href)) as {
    bundles(options: { production: boolean }): Record<string, BuildOptions>;
  };
  const result = await esbuild.build({ ...bundles({ production: true })[name], write: false, metafile: true });
  const [output] = Object.values(result.metafile!.outputs as Metafile['outputs']).filter((o) => o.entryPoint);
  return { output, inputs: Object.keys(result.metafile!.inputs), text: result.outputFiles!.find((f) => f.path.endsWith('.js'))!.text };
}

describe('the web bundles', () => {
  it('the server (dist/web/server.js) is under 400 000 bytes, imports nothing and takes no Node-only source', async () => {
    const { output, inputs, text } = await productionBuild('webServer');
    assert.ok(output.bytes < LIMIT_BYTES, `${output.bytes} bytes`);
    assert.deepEqual(output.imports, [], 'a worker script loads nothing else');
    assert.ok(!inputs.some((file) => file.startsWith('server/src/node/') || file.includes('vscode-languageserver/lib/node/')), inputs.join('\n'));
    assert.ok(inputs.includes('server/src/core/index.ts') && inputs.includes('server/src/server.ts'), 'the same core and server as in Node');
    assert.doesNotMatch(text, /\brequire\(/);
    // The rules' descriptions and the settings' texts are for the settings' outside forms, which the server
    // never shows: not downloaded.
    for (const [id, description] of Object.entries(ruleDescriptions)) assert.ok(!text.includes(description.zh), `${id}'s description is in the bundle`);
    for (const [key, { description }] of Object.entries(settingTexts)) assert.ok(!text.includes(description.zh), `${key}'s text is in the bundle`);
  });

  it('the client (dist/web/extension.js) is under 400 000 bytes, imports only vscode and takes no Node-only source', async () => {
    const { output, inputs } = await productionBuild('webClient');
    const imported = new Set(output.imports.map((i) => i.path));
    assert.deepEqual([...imported], ['vscode']);
    assert.ok(![...imported].some((name) => NODE_BUILTINS.has(name)));
    assert.ok(!inputs.some((file) => file === 'client/src/extension.ts' || file.includes('vscode-languageclient/lib/node/')), inputs.join('\n'));
    assert.ok(inputs.includes('client/src/client.ts'), 'the same client as in Node');
    // vscode-languageclient is most of it; under the limit thanks to one copy of each TypeScript helper
    // (scripts/build/sharedTsHelpers.mjs) instead of one per file of the LSP libraries.
    assert.ok(output.bytes < LIMIT_BYTES, `${output.bytes} bytes`);
  });
});
