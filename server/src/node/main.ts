// The Node language server (dist/server.js). Transport (--stdio, --node-ipc, --socket=N) is chosen from
// the command line by createConnection.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { nodePlatform } from './platform';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, nodePlatform(connection));
