// A minimal LSP client for protocol tests: spawns the bundled dist/server.js and speaks JSON-RPC over stdio.

import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from '../helpers';

export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface TestServer {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  /** Resolves with the next diagnostics published for `uri` (optionally for a given version). */
  nextDiagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  /** What the test client answers to workspace/configuration. */
  editorSettings: Record<string, unknown>;
  /** Messages the server showed (window/showMessage and window/showMessageRequest), in order. */
  readonly messages: string[];
  /** What the server wrote to its log (window/logMessage), in order. */
  readonly logs: string[];
  /** The server's answer to initialize. */
  initializeResult?: unknown;
  stderr(): string;
  stop(): Promise<number | null>;
}

export async function startServer(initialize: Record<string, unknown> = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: Array<{ uri: string; version?: number; resolve: (d: Diagnostic[]) => void }> = [];
  const server: TestServer = {
    connection,
    process: child,
    editorSettings: {},
    messages: [],
    logs: [],
    nextDiagnostics(uri, version) {
      return new Promise((resolve) => waiters.push({ uri, version, resolve }));
    },
    stderr: () => stderr,
    async stop() {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const index = waiters.findIndex((w) => w.uri === params.uri && (w.version === undefined || w.version === params.version));
    if (index >= 0) waiters.splice(index, 1)[0].resolve(params.diagnostics);
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => server.editorSettings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/showMessage', (params: { message: string }) => {
    server.messages.push(params.message);
  });
  connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
    server.messages.push(params.message);
    return null;
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    server.logs.push(params.message);
  });
  connection.listen();
  server.initializeResult = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    ...initialize,
  });
  await connection.sendNotification('initialized', {});
  return server;
}

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'article', 0, text), [...edits]);
}

export async function open(server: TestServer, uri: string, text: string, version = 1): Promise<Diagnostic[]> {
  const diagnostics = server.nextDiagnostics(uri, version);
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'article', version, text },
  });
  return diagnostics;
}
