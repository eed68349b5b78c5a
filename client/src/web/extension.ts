// The browser entry (package.json `browser`, dist/web/extension.js): the same client, with the language
// server (dist/web/server.js) in a web worker of its own.

import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateClient, deactivateClient, type ArticleLintApi } from '../client';

/** The web worker as the extension host provides it (this code is type-checked without the DOM library). */
declare class Worker {
  constructor(url: string, options?: { name?: string });
  terminate(): void;
}

/** How the server's worker was started: from its URL (vscode.dev), or from a blob: of its code (a remote web workbench). */
export type ServerWorkerSource = 'url' | 'blob';

export interface ArticleLintWebApi extends ArticleLintApi {
  serverWorkerSource(): ServerWorkerSource | undefined;
}

let worker: Worker | undefined;
let source: ServerWorkerSource | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ArticleLintWebApi> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  // A function, not a worker: each start (article.restartServer) gets a fresh worker and ends the last.
  const startServer = async (): Promise<MessageTransports> => {
    worker?.terminate();
    ({ worker, source } = await startWorker(serverMain));
    // Transports, not the worker: the client's `instanceof Worker` fails on the extension host's own Worker.
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  const api = await activateClient(context, (id, name, options) => new LanguageClient(id, name, startServer, options));
  return { ...api, serverWorkerSource: () => source };
}

export async function deactivate(): Promise<void> {
  await deactivateClient();
  worker?.terminate();
  worker = undefined;
}

/**
 * The server's worker from its URL, as on vscode.dev. A web workbench that serves the extension from its
 * remote (code-server, VS Code Server in a browser) refuses that ("Creating workers from remote extensions
 * is currently not supported"): there the same bundle, read through the editor's file system, starts
 * from a blob: URL of the extension host's own origin.
 */
async function startWorker(serverMain: vscode.Uri): Promise<{ worker: Worker; source: ServerWorkerSource }> {
  const options = { name: 'Article Lint server' };
  try {
    return { worker: new Worker(serverMain.toString(true), options), source: 'url' };
  } catch {
    const code = await vscode.workspace.fs.readFile(serverMain);
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    return { worker: new Worker(url, options), source: 'blob' };
  }
}
