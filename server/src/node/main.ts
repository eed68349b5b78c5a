// The server as a Node process (dist/server.js): --stdio or --node-ipc (or --socket / --pipe), as
// createConnection reads them from the command line.

import {
  createConnection,
  ErrorCodes,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type Message,
} from 'vscode-languageserver/node';
import { startServer, type ServerHandle } from '../server';
import { keptEncodingJson } from './keptEncoding';
import { nodePlatform } from './platform';
import { WholeMessages } from './wholeMessages';

/**
 * Over stdio the messages are framed by Content-Length headers. A body that is not JSON is answered with
 * a parse error (-32700) and the next message is read; a broken header leaves the stream out of step
 * for good, so the server exits with an error and the client restarts it.
 */
function stdioConnection(handle: () => ServerHandle | undefined): Connection {
  // Each message handed on in one chunk, so that a large one's chunks are not all kept at once: wholeMessages.ts.
  const reader = new StreamMessageReader(new WholeMessages(process.stdin) as unknown as NodeJS.ReadableStream);
  // Repeated answers (the outline of one version) are written from bytes kept for them: keptEncoding.ts.
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: keptEncodingJson() });
  reader.onError((error) => {
    if (error instanceof SyntaxError) {
      const response = { jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: `Parse error: ${error.message}` } };
      void writer.write(response as Message).catch(() => undefined);
      return;
    }
    process.stderr.write(`article-lint: unreadable message stream (${error.message}); exiting\n`);
    process.exit(1);
  });
  const exit = () => process.exit(handle()?.shutdownReceived ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  return createConnection(ProposedFeatures.all, reader, writer);
}

function main(): void {
  let handle: ServerHandle | undefined;
  const connection = process.argv.includes('--stdio') ? stdioConnection(() => handle) : createConnection(ProposedFeatures.all);
  handle = startServer(connection, { platform: nodePlatform(connection) });
}

main();
