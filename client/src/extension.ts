// The desktop entry (package.json `main`, dist/extension.js): the language server in a Node process
// (dist/server.js over stdio), started by the shared client. Stdio, not IPC: over stdio the server writes
// its messages' bytes itself (server/src/node/keptEncoding.ts), so the outline of a version asked for again
// is sent from bytes kept for it and a long diagnostics list is encoded without a rope; over IPC Node
// serialises every message anew. It is also the transport `npm run bench` measures.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient, deactivateClient, type ArticleLintApi } from './client';

export type { ArticleLintApi };

export function activate(context: vscode.ExtensionContext): Promise<ArticleLintApi> {
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  return activateClient(context, (id, name, options) => new LanguageClient(id, name, serverOptions, options));
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
