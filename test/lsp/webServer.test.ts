// The browser build of the language server (dist/web/server.js) gives the same answers as the Node one
// (dist/server.js --stdio). The web bundle runs in a worker_threads Worker dressed as a web worker:
// `self` is the port to its creator, and there is no setImmediate (its own shim is exercised). Both are
// spoken to over real LSP with the same requests, for the sample and the corpus fixtures.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createMessageConnection, PortMessageReader, PortMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT, readFixture } from '../helpers';
import { startServer as startNodeServer, type TestServer } from './lspClient';

const WEB_SERVER = path.join(ROOT, 'dist', 'web', 'server.js');
const INITIALIZE = { initializationOptions: { ruleDocsBase: 'https://example.test/docs/rules/' }, locale: 'en' };

/** What a web worker has where this bundle looks: `self` as the port, no setImmediate. */
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
delete globalThis.setImmediate;
delete globalThis.clearImmediate;
globalThis.self = {
  postMessage: (message) => parentPort.postMessage(message),
  addEventListener: (type, listener) => parentPort.addEventListener(type, listener),
  set onmessage(listener) { parentPort.onmessage = listener; },
};
require(workerData.bundle);
`;

interface WebServer {
  connection: MessageConnection;
  nextDiagnostics(uri: string): Promise<Diagnostic[]>;
  /** What the test client answers to article/projectConfig, by document URI. */
  projectConfigs: Map<string, { uri: string; text: string }>;
  stop(): Promise<void>;
}

async function startWebServer(): Promise<WebServer> {
  const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { bundle: WEB_SERVER } });
  const connection = createMessageConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
  const waiters: Array<{ uri: string; resolve: (d: Diagnostic[]) => void }> = [];
  const server: WebServer = {
    connection,
    projectConfigs: new Map(),
    nextDiagnostics: (uri) => new Promise((resolve) => waiters.push({ uri, resolve })),
    async stop() {
      await connection.sendRequest('shutdown');
      connection.dispose();
      await worker.terminate();
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const index = waiters.findIndex((w) => w.uri === params.uri);
    if (index >= 0) waiters.splice(index, 1)[0].resolve(params.diagnostics);
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('article/projectConfig', (params: { uri: string }) => server.projectConfigs.get(params.uri) ?? null);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: null,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    ...INITIALIZE,
  });
  await connection.sendNotification('initialized', {});
  return server;
}

type Speaker = Pick<WebServer, 'connection' | 'nextDiagnostics'>;

/** Everything the extension asks of the server about one document, in one go. */
async function answers(server: Speaker, uri: string, text: string) {
  const diagnostics = server.nextDiagnostics(uri);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text } });
  const published = await diagnostics;
  const textDocument = { uri };
  const request = (method: string, params: object) => server.connection.sendRequest(method, { textDocument, ...params });
  const lines = text.split('\n');
  // Hovers on every 97th line's third character: figures, labels and plain text alike.
  const hovers = [];
  for (let line = 0; line < lines.length; line += 97) hovers.push(await request('textDocument/hover', { position: { line, character: 2 } }));
  const firstRange = published[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const symbols = await request('textDocument/documentSymbol', {});
  const folding = await request('textDocument/foldingRange', {});
  const tokens = (await request('textDocument/semanticTokens/full', {})) as { resultId: string };
  const result = {
    diagnostics: published,
    symbols,
    folding,
    tokens,
    // Asked again for the same text: no edit since those tokens.
    tokensSince: await request('textDocument/semanticTokens/full/delta', { previousResultId: tokens.resultId }),
    formatting: await request('textDocument/formatting', { options: { tabSize: 2, insertSpaces: true } }),
    actions: await request('textDocument/codeAction', { range: firstRange, context: { diagnostics: published.slice(0, 1) } }),
    hovers,
  };
  await server.connection.sendNotification('textDocument/didClose', { textDocument });
  return result;
}

describe('the web server bundle (dist/web/server.js) against the Node server', () => {
  let web: WebServer;
  let node: TestServer;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'article-web-'));

  before(async () => {
    [web, node] = await Promise.all([startWebServer(), startNodeServer(INITIALIZE)]);
  });
  after(async () => {
    await Promise.all([web?.stop(), node?.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const fixtures = [
    'sample/sample.raw.article',
    ...fs.readdirSync(path.join(ROOT, 'test/fixtures/corpus')).map((f) => `corpus/${f}`),
    ...fs.readdirSync(path.join(ROOT, 'test/fixtures/news')).filter((f) => f.endsWith('.extracted.txt')).map((f) => `news/${f}`),
  ];
  for (const fixture of fixtures) {
    it(`${fixture}: diagnostics, outline, folding, tokens, formatting, code actions and hovers are the same`, async () => {
      const text = readFixture(fixture);
      const uri = `file:///web-parity/${fixture.replace(/[^\w.]/g, '_')}.article`;
      const [fromWeb, fromNode] = await Promise.all([answers(web, uri, text), answers(node, uri, text)]);
      assert.ok(fromNode.diagnostics.length > 0 && Array.isArray(fromNode.symbols), 'the Node server answered');
      assert.deepEqual((fromNode.tokensSince as { edits?: unknown }).edits, [], 'a delta answered with no edit');
      assert.deepEqual(fromWeb, fromNode);
    });
  }

  it('takes .article-lint.json from the client (article/projectConfig) where Node reads it from disk', async () => {
    const text = readFixture('sample/sample.raw.article');
    const settings = JSON.stringify({ rules: { 'space-around-punctuation': 'off', 'block-spacing': 'error' } });
    fs.writeFileSync(path.join(dir, '.article-lint.json'), settings);
    const uri = pathToFileURL(path.join(dir, 'desk.article')).toString();
    web.projectConfigs.set(uri, { uri: pathToFileURL(path.join(dir, '.article-lint.json')).toString(), text: settings });
    const [fromWeb, fromNode] = await Promise.all([answers(web, uri, text), answers(node, uri, text)]);
    assert.ok(fromNode.diagnostics.every((d) => d.code !== 'space-around-punctuation'), 'the project file turned the rule off');
    assert.ok(fromNode.diagnostics.some((d) => d.code === 'block-spacing' && d.severity === 1), 'and block-spacing up to error');
    assert.deepEqual(fromWeb.diagnostics, fromNode.diagnostics);
  });
});
