// Settings that arrive after their timeout (an editor or a file system under load): the document is first
// analysed without them, then again with them; nothing is left showing the defaults' problems.

import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { readFixture } from '../helpers';
import { inProcessServer, type InProcessServer } from './inProcess';
import { analyze, defaultSettings, mergeSettings, type SettingsLayer } from '../../server/src/core';
import type { ServerPlatform } from '../../server/src/lsp/platform';

const SAMPLE = readFixture('sample/sample.raw.article');
const TIMEOUT_MS = 200;
const LATE_MS = 3 * TIMEOUT_MS;
const QUIET: SettingsLayer = { rules: { 'space-around-punctuation': 'off' } };
const RULE = 'space-around-punctuation';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The promise, or a failure naming what did not come (rather than the suite's timeout). */
function before<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms)));
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

const count = (diagnostics: Diagnostic[], rule: string) => diagnostics.filter((d) => d.code === rule).length;

describe('language server: settings that arrive after their timeout (in process)', function () {
  this.timeout(30_000);
  const withQuiet = analyze(SAMPLE, mergeSettings(defaultSettings, QUIET)).problems.length;
  const withDefaults = analyze(SAMPLE, defaultSettings).problems.length;
  let server: InProcessServer;
  afterEach(() => server.dispose());

  it('the editor’s settings, answered late: the document is analysed again with them, without asking again', async () => {
    server = inProcessServer({ configurationTimeoutMs: TIMEOUT_MS });
    server.configuration = QUIET as Record<string, unknown>;
    server.configurationDelayMs = LATE_MS;
    await server.initialize();
    const uri = 'file:///late/editor.article';
    const first = await server.open(uri, SAMPLE);
    assert.equal(first.length, withDefaults, 'first, the defaults (the answer has not come)');
    assert.ok(count(first, RULE) > 0);
    const second = await before(server.nextDiagnostics(uri, 1), 10_000, 'second publish once the settings came');
    assert.equal(second.length, withQuiet);
    assert.equal(count(second, RULE), 0);
    // The late answer was used as it came: a client that is always slow is not asked (and timed out) again and again.
    assert.equal(server.configurationRequests, 1);
  });

  it('the project’s .article-lint.json, read late (a web worker asks the client for it): the document is analysed again with it', async () => {
    const platform: ServerPlatform = {
      projectConfig: async () => {
        await delay(LATE_MS);
        return { file: 'file:///late/.article-lint.json', layer: QUIET };
      },
    };
    server = inProcessServer({ configurationTimeoutMs: TIMEOUT_MS, platform });
    await server.initialize();
    const uri = 'file:///late/project.article';
    const first = await server.open(uri, SAMPLE);
    assert.equal(first.length, withDefaults);
    const second = await before(server.nextDiagnostics(uri, 1), 10_000, 'second publish once the project file was read');
    assert.equal(second.length, withQuiet);
    assert.equal(count(second, RULE), 0);
    // A request answers from the settings as they are now.
    const symbols = await server.client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
  });

  it('a late answer for a document closed meanwhile publishes nothing for it', async () => {
    server = inProcessServer({ configurationTimeoutMs: TIMEOUT_MS });
    server.configuration = QUIET as Record<string, unknown>;
    server.configurationDelayMs = LATE_MS;
    await server.initialize();
    const uri = 'file:///late/closed.article';
    await server.open(uri, SAMPLE);
    await server.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const cleared = await before(server.nextDiagnostics(uri), 5_000, 'the close’s empty publish');
    assert.deepEqual(cleared, []);
    const published = server.published.length;
    // Well past the late answer (it comes LATE_MS after the document was opened).
    await delay(2 * LATE_MS);
    assert.equal(server.published.length, published, JSON.stringify(server.published.slice(published)));
  });
});
