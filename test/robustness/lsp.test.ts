// Malformed LSP traffic against the real server (dist/server.js --stdio): every bad request is answered
// with an error or null, and the server goes on serving the documents it has.

import * as assert from 'node:assert/strict';
import { CancellationTokenSource, type CancellationToken } from 'vscode-jsonrpc/node';
import { readFixture } from '../helpers';
import { open, startServer, type TestServer } from '../lsp/lspClient';

const SAMPLE = readFixture('sample/sample.raw.article');

/** Sends a request and returns its result, or the error it was answered with. */
async function settle(server: TestServer, method: string, params: unknown, token?: CancellationToken): Promise<{ result?: unknown; error?: unknown }> {
  try {
    return { result: await server.connection.sendRequest(method, params, token) };
  } catch (error) {
    return { error };
  }
}

/** Messages the server shows the user, as notifications or as requests (which this client answers with null). */
function collectNotices(server: TestServer): string[] {
  const notices: string[] = [];
  server.connection.onNotification('window/showMessage', (params: { message: string }) => {
    notices.push(params.message);
  });
  server.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
    notices.push(params.message);
    return null;
  });
  return notices;
}

describe('robustness: malformed LSP traffic', function () {
  this.timeout(120_000);
  let server: TestServer;
  let counter = 0;
  const nextUri = () => `file:///robustness/doc${++counter}.article`;

  before(async () => {
    server = await startServer();
  });

  after(async () => {
    await server.stop();
  });

  /** The server still analyses and answers: a fresh document gets its diagnostics and symbols. */
  async function assertServing(): Promise<void> {
    const uri = nextUri();
    const diagnostics = await open(server, uri, SAMPLE);
    assert.ok(diagnostics.length > 0);
    const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
  }

  it('answers positions and ranges past the end, and negative ones, without failing', async () => {
    const uri = nextUri();
    await open(server, uri, SAMPLE);
    const textDocument = { uri };
    for (const position of [
      { line: 1_000_000, character: 5 },
      { line: 3, character: 1_000_000 },
      { line: -1, character: -1 },
      { line: 0, character: 2 ** 31 },
    ]) {
      const hover = await settle(server, 'textDocument/hover', { textDocument, position });
      assert.ok(hover.error !== undefined || hover.result === null || typeof hover.result === 'object');
      const actions = await settle(server, 'textDocument/codeAction', {
        textDocument,
        range: { start: position, end: { line: 2_000_000, character: 0 } },
        context: { diagnostics: [], only: ['quickfix', 'source.fixAll.article'] },
      });
      assert.ok(actions.error !== undefined || Array.isArray(actions.result) || actions.result === null);
    }
    await assertServing();
  });

  it('answers requests for unknown and closed documents with null', async () => {
    for (const method of ['textDocument/hover', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/formatting', 'textDocument/codeAction', 'textDocument/semanticTokens/full', 'textDocument/semanticTokens/full/delta']) {
      const params = {
        textDocument: { uri: 'file:///robustness/never-opened.article' },
        position: { line: 0, character: 0 },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [] },
        options: { tabSize: 2, insertSpaces: true },
      };
      assert.equal((await settle(server, method, params)).result ?? null, null, method);
    }
    const uri = nextUri();
    await open(server, uri, SAMPLE);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.equal((await settle(server, 'textDocument/documentSymbol', { textDocument: { uri } })).result ?? null, null);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 9 },
      contentChanges: [{ text: 'closed' }],
    });
    await assertServing();
  });

  it('survives garbage params and unknown methods', async () => {
    const garbage: unknown[] = [null, {}, [], 42, 'text', { textDocument: null }, { textDocument: { uri: 17 }, position: 'start' }, { textDocument: {}, position: { line: 'a' } }];
    for (const params of garbage) {
      for (const method of ['textDocument/hover', 'textDocument/documentSymbol', 'textDocument/codeAction', 'textDocument/formatting', 'textDocument/foldingRange', 'textDocument/semanticTokens/full', 'textDocument/semanticTokens/full/delta']) {
        await settle(server, method, params);
      }
      await server.connection.sendNotification('textDocument/didChange', params as object);
      await server.connection.sendNotification('textDocument/didOpen', params as object);
    }
    const unknown = await settle(server, 'article/noSuchMethod', { x: 1 });
    assert.ok(unknown.error, 'an unknown request is answered with an error');
    await assertServing();
  });

  it('keeps serving after changes with out-of-order versions', async () => {
    const uri = nextUri();
    await open(server, uri, SAMPLE, 5);
    for (const version of [3, 5, 4, 100, 2]) {
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '网' }],
      });
    }
    const latest = server.nextDiagnostics(uri, 101);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 101 }, contentChanges: [{ text: SAMPLE }] });
    assert.ok((await latest).length > 0);
    await assertServing();
  });

  it('takes a 50 MB change: the document is over the size limit, not analysed, and says so', async () => {
    const uri = nextUri();
    await open(server, uri, SAMPLE);
    const notices = collectNotices(server);
    const cleared = server.nextDiagnostics(uri, 2);
    const huge = '网络强国。\n'.repeat(Math.ceil(50_000_000 / 6));
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: huge }] });
    assert.deepEqual(await cleared, []);
    assert.equal((await settle(server, 'textDocument/documentSymbol', { textDocument: { uri } })).result ?? null, null);
    assert.ok(notices.some((notice) => /maxDocumentLength/.test(notice)), notices.join('\n'));
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await assertServing();
  });

  it('answers requests for a small document while a large one is still being analysed', async () => {
    const small = nextUri();
    await open(server, small, SAMPLE);
    const large = nextUri();
    const body = SAMPLE.replace(/\n+$/, '\n');
    const text = Array.from({ length: Math.ceil(2_000_000 / body.length) }, (_, i) => body.replace(/\d/g, (d) => String((Number(d) + i) % 10))).join('\n');
    const order: string[] = [];
    const diagnostics = open(server, large, text).then(() => order.push('large analysed'));
    // Give the server time to read the large document and start on it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: small } });
    order.push('small answered');
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
    await diagnostics;
    assert.deepEqual(order, ['small answered', 'large analysed']);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: large } });
  });

  it('drops the outline of a version the editor stopped asking for while it was being analysed', async () => {
    const uri = nextUri();
    const body = SAMPLE.replace(/\n+$/, '\n');
    const text = Array.from({ length: 40 }, (_, i) => body.replace(/\d/g, (d) => String((Number(d) + i) % 10))).join('\n');
    await open(server, uri, text);
    // A fresh version, so the request waits for its analysis; the editor cancels it at once. The three
    // messages are written together (the change not awaited first): a server that had read the change
    // alone might have analysed it before the request came (under load, a re-analysis takes milliseconds),
    // and answered before reading the cancellation, as the protocol allows.
    const changed = server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 200, character: 0 }, end: { line: 200, character: 0 } }, text: '网' }],
    });
    const source = new CancellationTokenSource();
    const cancelled = settle(server, 'textDocument/documentSymbol', { textDocument: { uri } }, source.token);
    source.cancel();
    await changed;
    assert.equal((await cancelled).result ?? null, null);
    const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0, 'the next request is answered in full');
  });

  it('defers document-wide fixes to codeAction/resolve for clients that resolve edits, with the same edits', async () => {
    const resolving = await startServer({
      capabilities: {
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { resolveSupport: { properties: ['edit'] } } },
      },
    });
    try {
      const uri = nextUri();
      const diagnostics = await open(resolving, uri, SAMPLE);
      const eagerUri = nextUri();
      const eagerDiagnostics = await open(server, eagerUri, SAMPLE);
      const ask = (target: TestServer, at: string, diagnostic: unknown) =>
        target.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri: at },
          range: (diagnostic as { range: unknown }).range,
          context: { diagnostics: [diagnostic], only: ['quickfix'] },
        }) as Promise<Array<{ title: string; edit?: { changes: Record<string, unknown[]> }; data?: unknown }>>;
      // A diagnostic of a rule with more than one problem (so "fix all of this rule" is offered).
      const index = diagnostics.findIndex((d) => d.code === 'space-around-punctuation');
      const deferred = (await ask(resolving, uri, diagnostics[index])).find((action) => action.data && !action.edit);
      assert.ok(deferred, 'a document-wide fix without its edit');
      const resolved = (await resolving.connection.sendRequest('codeAction/resolve', deferred)) as { edit: { changes: Record<string, unknown[]> } };
      const eager = (await ask(server, eagerUri, eagerDiagnostics[index])).find((action) => action.title === deferred.title);
      assert.deepEqual(resolved.edit.changes[uri], eager?.edit?.changes[eagerUri]);
    } finally {
      await resolving.stop();
    }
  });

  it('honours a small article.maxDocumentLength with a message and no analysis, then analyses again under it', async () => {
    const limited = await startServer();
    try {
      limited.editorSettings = { maxDocumentLength: 1000 };
      const notices = collectNotices(limited);
      const uri = nextUri();
      assert.deepEqual(await open(limited, uri, SAMPLE), []);
      assert.ok(notices.some((notice) => notice.includes('1000')), notices.join('\n'));
      const analysed = limited.nextDiagnostics(uri, 2);
      await limited.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: '多边参与 、多方参与。\n' }],
      });
      assert.ok((await analysed).length > 0);
    } finally {
      await limited.stop();
    }
  });
});

describe('robustness: broken framing over stdio', function () {
  this.timeout(30_000);

  it('answers a body that is not JSON with -32700 and goes on serving', async () => {
    const server = await startServer();
    try {
      const answers: string[] = [];
      server.process.stdout!.on('data', (chunk: Buffer) => answers.push(chunk.toString('utf8')));
      const body = '{"jsonrpc": "2.0", "id": 99, "method": ';
      server.process.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      const uri = 'file:///robustness/after-bad-json.article';
      assert.ok((await open(server, uri, SAMPLE)).length > 0);
      assert.match(answers.join(''), /"code":-32700/);
    } finally {
      await server.stop();
    }
  });

  it('exits with an error after a header without a usable Content-Length, so the client restarts it', async () => {
    const server = await startServer();
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
    server.process.stdin!.write('Content-Length: many\r\n\r\n{}');
    assert.equal(await exited, 1);
  });
});
