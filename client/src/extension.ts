// The desktop entry (package.json `main`, dist/extension.js): the language server in a Node process
// (dist/server.js over IPC), started by the shared client.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient, deactivateClient, type ArticleLintApi } from './client';

export type { ArticleLintApi };

export function activate(context: vscode.ExtensionContext): Promise<ArticleLintApi> {
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  return activateClient(context, (id, name, options) => new LanguageClient(id, name, serverOptions, options));
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
