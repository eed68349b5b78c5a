// The language server in a web worker (dist/web/server.js): LSP over the worker's postMessage, the same
// startServer as in Node with the web platform. Imports nothing from Node.

import './immediate';
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../server';
import { webPlatform } from './platform';

/** The worker's global scope: the port its creator talks to it through. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, { platform: webPlatform(connection) });
