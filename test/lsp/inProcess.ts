// The server in this process, spoken to over a pair of in-memory streams (as vscode-languageserver-node
// tests itself): handlers' behaviour over real LSP messages, without spawning the bundle.

import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type Message, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, type ServerOptions } from '../../server/src/server';

export interface InProcessServer {
  readonly client: MessageConnection;
  /** What the client answers to workspace/configuration; `never` leaves the request unanswered. */
  configuration: Record<string, unknown> | 'never';
  /** How long the client takes to answer workspace/configuration (an editor under load). */
  configurationDelayMs: number;
  /** How many workspace/configuration requests the server sent. */
  configurationRequests: number;
  readonly messages: string[];
  /** Every publishDiagnostics the server sent, in order: which document and version. */
  readonly published: Array<{ readonly uri: string; readonly version?: number }>;
  nextDiagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  /** Called as the server hands each message to its writer (the client reads it some turns later). */
  onServerWrite: ((message: Message) => void) | undefined;
  initialize(capabilities?: Record<string, unknown>, initializationOptions?: Record<string, unknown>): Promise<unknown>;
  open(uri: string, text: string, version?: number): Promise<Diagnostic[]>;
  dispose(): void;
}

export function inProcessServer(options: ServerOptions = {}): InProcessServer {
  const up = new PassThrough();
  const down = new PassThrough();
  const writer = new StreamMessageWriter(down);
  const write = writer.write.bind(writer);
  writer.write = (message) => {
    server.onServerWrite?.(message);
    return write(message);
  };
  startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(up), writer), options);
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const waiters: Array<{ uri: string; version?: number; resolve: (d: Diagnostic[]) => void }> = [];
  const server: InProcessServer = {
    client,
    configuration: {},
    configurationDelayMs: 0,
    configurationRequests: 0,
    messages: [],
    published: [],
    onServerWrite: undefined,
    nextDiagnostics: (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve })),
    async initialize(capabilities = { workspace: { configuration: true } }, initializationOptions?: Record<string, unknown>) {
      const result = await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities, initializationOptions });
      await client.sendNotification('initialized', {});
      return result;
    },
    async open(uri, text, version = 1) {
      const diagnostics = server.nextDiagnostics(uri, version);
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version, text } });
      return diagnostics;
    },
    dispose() {
      client.dispose();
      up.end();
      down.end();
    },
  };
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    server.published.push({ uri: params.uri, version: params.version });
    const index = waiters.findIndex((w) => w.uri === params.uri && (w.version === undefined || w.version === params.version));
    if (index >= 0) waiters.splice(index, 1)[0].resolve(params.diagnostics);
  });
  client.onRequest('workspace/configuration', async (params: { items: unknown[] }) => {
    server.configurationRequests++;
    if (server.configuration === 'never') return new Promise(() => undefined);
    const answer = params.items.map(() => server.configuration);
    if (server.configurationDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, server.configurationDelayMs));
    return answer;
  });
  client.onRequest('client/registerCapability', () => null);
  client.onNotification('window/showMessage', (params: { message: string }) => void server.messages.push(params.message));
  client.onRequest('window/showMessageRequest', (params: { message: string }) => {
    server.messages.push(params.message);
    return null;
  });
  client.onNotification('window/logMessage', () => undefined);
  client.listen();
  return server;
}
