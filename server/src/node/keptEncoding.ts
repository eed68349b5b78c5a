// The JSON encoder of the Node server's stdio writer: what it writes is byte for byte what vscode-jsonrpc's
// own writes (JSON.stringify, then UTF-8; test/unit/keptEncoding.test.ts), with less new memory made per
// message. The profile of a one-character edit of a raw megabyte put ~7 ms (under load) into encoding the
// 1,000 diagnostics published: JSON.stringify gives a large value as a rope of pieces, which Buffer.from
// first joins into one new string of ~360 KB and then encodes into a new buffer of ~270 KB, and both are
// new memory the process faults in page by page (V8 puts a string that large on pages of its own).
// - The UTF-8 goes into one buffer reused from message to message.
// - A notification's long list (the diagnostics) is serialised CHUNK items at a time, each piece small
//   enough to be joined in the young generation; ~3.5 ms per edit then, the pieces' serialisation.
// - A response whose result was marked answeredAgain (lsp/repeatedAnswers.ts) is written, from the second
//   time it is sent, from the bytes of its result kept from then on, with the response's own head: a
//   megabyte's outline is ~600 KB of JSON, ~10 ms of serialising and encoding per repeated request.
//   One marked answeredAgainLater (a new version's symbols, sent again for the next version) is kept from
//   its first sending.
//   The kept bytes are ASCII (asciiJson.ts: each character past U+007F escaped), the same JSON for the
//   client, which reads ASCII bytes faster; escaping costs about what it saves the client once, so it is
//   done once, for the bytes kept. These are the only messages not byte for byte vscode-jsonrpc's.
//
// The reused bytes rest on how vscode-jsonrpc's WriteableStreamMessageWriter writes: one message at a
// time (a semaphore of one), the next encoded only once the stream has called back for the one before,
// after which the stream no longer reads its bytes.

import type { ContentTypeEncoder, ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';
import { isAnsweredAgain, isAnsweredAgainLater } from '../lsp/repeatedAnswers';
import { asciiJson } from './asciiJson';

/**
 * Messages up to this many UTF-16 code units go through the reused buffer (at most 3 bytes of UTF-8 each:
 * a buffer of up to 3 MB kept for the server's life); a longer one gets a buffer of its own.
 */
const REUSED_LIMIT = 1 << 20;

/**
 * The longest result (in UTF-16 code units of its JSON) whose bytes are kept: a 1 MB article's outline is
 * ~600 K, a 10 MB one's ~6.6 M. An editor asks for the outline of a version more than once (the Outline
 * view, breadcrumbs, sticky scroll), so past this the bytes would stay for as long as the version (~8 MB
 * more with a 10 MB article open); there each request is serialised again instead.
 */
const KEPT_LIMIT = 2 << 20;

/** Room before a kept result for the longest head it is sent with (`{"jsonrpc":"2.0","id":…,"result":`). */
const HEAD_ROOM = 96;

export function keptEncodingJson(): ContentTypeEncoder {
  // Sent once (seen) / twice and more (kept): an answer sent once, as most are, keeps nothing (a 10 MB
  // article's outline is ~8 MB of UTF-8), and either dies with the answer.
  const seen = new WeakSet<object>();
  const kept = new WeakMap<object, Buffer>();
  const tooLong = new WeakSet<object>();
  let reused = Buffer.allocUnsafeSlow(64 * 1024);
  const utf8 = (json: string): Buffer => {
    if (json.length > REUSED_LIMIT) return Buffer.from(json, 'utf8');
    if (reused.length < 3 * json.length) reused = Buffer.allocUnsafeSlow(Math.min(3 * REUSED_LIMIT, Math.max(3 * json.length, 2 * reused.length)));
    return reused.subarray(0, reused.write(json, 0, 'utf8'));
  };
  /** Makes room in the reused buffer for `more` bytes after the first `used`. */
  const room = (used: number, more: number): void => {
    if (used + more <= reused.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(used + more, 2 * reused.length));
    reused.copy(grown, 0, 0, used);
    reused = grown;
  };
  /**
   * The message serialised with its long list (the last value of its params) CHUNK items at a time: what
   * JSON.stringify gives for a large value is a rope of pieces that must be joined into one new string
   * before it can be encoded, and a string of a few hundred kilobytes is again new memory to fault in.
   */
  const inChunks = (message: Message, { holder, key, items, closing }: LastList): Buffer => {
    // The message with the list empty, serialised as the whole would be: it ends with `[]` and `closing`,
    // and what comes before them is written first.
    const rest = JSON.stringify(message, (_key, v) => (v === holder ? { ...holder, [key]: [] } : v));
    let used = 0;
    const put = (text: string): void => {
      room(used, 3 * text.length);
      used += reused.write(text, used, 'utf8');
    };
    put(rest.slice(0, rest.length - closing.length - 2));
    for (let i = 0; i < items.length; i += CHUNK) {
      // `[a,b,…]`: its `[` opens the list or stands for the comma after the chunk before; its `]` goes.
      const chunk = JSON.stringify(items.slice(i, i + CHUNK));
      const at = used;
      put(chunk);
      if (i > 0) reused[at] = 0x2c; // ,
      used--;
    }
    put(`]${closing}`);
    // A list too long for the reused buffer leaves it grown: not kept past REUSED_LIMIT.
    const bytes = reused.subarray(0, used);
    if (reused.length > 3 * REUSED_LIMIT) reused = Buffer.allocUnsafeSlow(64 * 1024);
    return bytes;
  };
  return {
    name: 'application/json',
    encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
      const result = resultOnly(message);
      if (result !== undefined && isUtf8(options.charset)) {
        let bytes = kept.get(result);
        if (!bytes && (seen.has(result) || isAnsweredAgainLater(result)) && !tooLong.has(result)) {
          const json = JSON.stringify(result);
          if (json.length <= KEPT_LIMIT) kept.set(result, (bytes = withHeadRoom(asciiJson(json))));
          else tooLong.add(result);
        }
        seen.add(result);
        const { jsonrpc, id } = message as { jsonrpc: string; id: unknown };
        // `{"jsonrpc":"2.0","id":7}` less its `}`: the same keys in the same order as the whole message.
        const head = asciiJson(`${JSON.stringify({ jsonrpc, id }).slice(0, -1)},"result":`);
        if (bytes && head.length <= HEAD_ROOM) {
          // Written into the room before the result, not copied with it (a megabyte's outline is a fresh
          // 600 KB to fault in). The room is written again only for the next response, and the writer
          // sends one message at a time, each once the stream is done with the one before (its write
          // callback): no write in flight still reads these bytes.
          const start = HEAD_ROOM - head.length;
          bytes.write(head, start, 'latin1');
          return Promise.resolve(bytes.subarray(start));
        }
      }
      if (isUtf8(options.charset)) {
        const list = listLast(message);
        if (list) return Promise.resolve(inChunks(message, list));
      }
      const json = JSON.stringify(message, undefined, 0);
      return Promise.resolve(isUtf8(options.charset) ? utf8(json) : Buffer.from(json, options.charset as BufferEncoding));
    },
  };
}

/** The bytes of `json` (ASCII: asciiJson) and a closing `}`, after HEAD_ROOM bytes left for a response's head. */
function withHeadRoom(json: string): Buffer {
  const bytes = Buffer.allocUnsafe(HEAD_ROOM + json.length + 1);
  bytes.write(json, HEAD_ROOM, 'latin1');
  bytes[HEAD_ROOM + json.length] = 0x7d; // }
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

/** How many items of a long list are serialised at a time (a diagnostic is ~180 characters). */
const CHUNK = 64;

interface LastList {
  /** The object whose last value is the list (the params of a notification, a response's result's holder). */
  readonly holder: object;
  readonly key: string;
  readonly items: readonly unknown[];
  /** What closes the message after the list (`}}` for a notification's params). */
  readonly closing: string;
}

/**
 * The list of more than CHUNK items that ends a notification ({jsonrpc, method, params}: the last value of
 * its params, as the diagnostics of publishDiagnostics), when nothing in the way changes how it is
 * serialised (no toJSON); undefined otherwise.
 */
function listLast(message: Message): LastList | undefined {
  const notification = message as { params?: unknown };
  const keys = Object.keys(notification);
  if (keys.length !== 3 || keys[0] !== 'jsonrpc' || keys[1] !== 'method' || keys[2] !== 'params') return undefined;
  const params = notification.params as Record<string, unknown> | null;
  if (typeof params !== 'object' || params === null || Array.isArray(params) || Object.getPrototypeOf(params) !== Object.prototype) return undefined;
  const paramKeys = Object.keys(params);
  const key = paramKeys[paramKeys.length - 1];
  const items = key === undefined ? undefined : params[key];
  if (!Array.isArray(items) || items.length <= CHUNK || typeof (items as { toJSON?: unknown }).toJSON === 'function') return undefined;
  return { holder: params, key, items, closing: '}}' };
}

function isUtf8(charset: string): boolean {
  const name = charset.toLowerCase();
  return name === 'utf-8' || name === 'utf8';
}
