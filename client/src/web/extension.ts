// The browser entry (package.json `browser`, dist/web/extension.js): the same client, with the language
// server (dist/web/server.js) in a web worker of its own.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateClient, deactivateClient, type ArticleLintApi } from '../client';

/** The web worker as the extension host provides it (this code is type-checked without the DOM library). */
declare class Worker {
  constructor(url: string, options?: { name?: string });
  terminate(): void;
}

let worker: Worker | undefined;

export function activate(context: vscode.ExtensionContext): Promise<ArticleLintApi> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  // A function, not a worker: each start (article.restartServer) gets a fresh worker and ends the last.
  const startServer = async () => {
    worker?.terminate();
    worker = await startWorker(serverMain);
    return worker;
  };
  return activateClient(context, (id, name, options) => new LanguageClient(id, name, startServer, options));
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
async function startWorker(serverMain: vscode.Uri): Promise<Worker> {
  const options = { name: 'Article Lint server' };
  try {
    return new Worker(serverMain.toString(true), options);
  } catch {
    const code = await vscode.workspace.fs.readFile(serverMain);
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    return new Worker(url, options);
  }
}
