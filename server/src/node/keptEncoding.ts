// The JSON encoder of the Node server's stdio writer: as vscode-jsonrpc's own (JSON.stringify, then UTF-8),
// except that a response whose result was marked with answeredAgain (lsp/repeatedAnswers.ts) and is sent
// a second time is written from the bytes of its result kept from then on, with the response's own head.
// The bytes are the same as the default encoder's (test/unit/keptEncoding.test.ts); what is saved is the
// serialisation and the UTF-8 encoding of the whole result (a megabyte's outline: ~600 KB, ~10 ms).

import type { ContentTypeEncoder, ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';
import { isAnsweredAgain } from '../lsp/repeatedAnswers';

/** Room before a kept result for the longest head it is sent with (`{"jsonrpc":"2.0","id":…,"result":`). */
const HEAD_ROOM = 96;

export function keptEncodingJson(): ContentTypeEncoder {
  // Sent once (seen) / twice and more (kept): an answer sent once, as most are, keeps nothing (a 10 MB
  // article's outline is ~8 MB of UTF-8), and either dies with the answer.
  const seen = new WeakSet<object>();
  const kept = new WeakMap<object, Buffer>();
  return {
    name: 'application/json',
    encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
      const result = resultOnly(message);
      if (result !== undefined && isUtf8(options.charset)) {
        let bytes = kept.get(result);
        if (!bytes && seen.has(result)) kept.set(result, (bytes = withHeadRoom(JSON.stringify(result))));
        seen.add(result);
        const { jsonrpc, id } = message as { jsonrpc: string; id: unknown };
        // `{"jsonrpc":"2.0","id":7}` less its `}`: the same keys in the same order as the whole message.
        const head = `${JSON.stringify({ jsonrpc, id }).slice(0, -1)},"result":`;
        if (bytes && Buffer.byteLength(head) <= HEAD_ROOM) {
          // Written into the room before the result, not copied with it (a megabyte's outline is a fresh
          // 600 KB to fault in). The room is written again only for the next response, and the writer
          // sends one message at a time, each once the stream is done with the one before (its write
          // callback): no write in flight still reads these bytes.
          const start = HEAD_ROOM - Buffer.byteLength(head);
          bytes.write(head, start, 'utf8');
          return Promise.resolve(bytes.subarray(start));
        }
      }
      return Promise.resolve(Buffer.from(JSON.stringify(message, undefined, 0), options.charset as BufferEncoding));
    },
  };
}

/** The UTF-8 of `json` and a closing `}`, after HEAD_ROOM bytes left for a response's head. */
function withHeadRoom(json: string): Buffer {
  const length = Buffer.byteLength(json, 'utf8');
  const bytes = Buffer.allocUnsafe(HEAD_ROOM + length + 1);
  bytes.write(json, HEAD_ROOM, 'utf8');
  bytes[HEAD_ROOM + length] = 0x7d; // }
  return bytes;
}

/**
 * The result of a response made exactly as vscode-jsonrpc makes one ({jsonrpc, id, result}, in that
 * order) and marked as answered again; undefined for any other message.
 */
function resultOnly(message: Message): object | undefined {
  const response = message as { jsonrpc?: unknown; id?: unknown; result?: unknown };
  if (!isAnsweredAgain(response.result)) return undefined;
  const keys = Object.keys(response);
  if (keys.length !== 3 || keys[0] !== 'jsonrpc' || keys[1] !== 'id' || keys[2] !== 'result') return undefined;
  if (typeof response.id !== 'number' && typeof response.id !== 'string') return undefined;
  return response.result;
}

function isUtf8(charset: string): boolean {
  const name = charset.toLowerCase();
  return name === 'utf-8' || name === 'utf8';
}
