// The Node server's stdio encoder (server/src/node/keptEncoding.ts): every message it encodes is byte for
// byte what vscode-jsonrpc's own encoder writes, but a repeated answer sent from kept bytes: that is the same
// JSON written in ASCII (server/src/node/asciiJson.ts).

import * as assert from 'node:assert/strict';
import { keptEncodingJson } from '../../server/src/node/keptEncoding';
import { answeredAgain, answeredAgainLater } from '../../server/src/lsp/repeatedAnswers';
import type { Message } from 'vscode-languageserver/node';

const OPTIONS = { charset: 'utf-8' as const };

/** What vscode-jsonrpc's default encoder writes (lib/node/ril.js applicationJson.encoder). */
const standard = (message: unknown): string => Buffer.from(JSON.stringify(message, undefined, 0), 'utf-8').toString('hex');

/** A repeated answer sent from kept bytes: the JSON of `message`, every byte ASCII. */
function assertSameJsonInAscii(hex: string, message: unknown, what?: string): void {
  const bytes = Buffer.from(hex, 'hex');
  assert.ok(bytes.every((byte) => byte < 0x80), `ASCII only${what ? `: ${what}` : ''}`);
  assert.deepEqual(JSON.parse(bytes.toString('utf-8')), JSON.parse(JSON.stringify(message)), what);
}

async function encoded(encoder: ReturnType<typeof keptEncodingJson>, message: unknown): Promise<string> {
  const bytes = await (encoder.encode as (m: Message, o: typeof OPTIONS) => Promise<Uint8Array>)(message as Message, OPTIONS);
  // Copied at once: a kept answer's head is written again for the next response.
  return Buffer.from(bytes).toString('hex');
}

describe('kept encoding of repeated answers (stdio)', () => {
  const symbols = () =>
    answeredAgain([
      {
        name: '全国网络安全和信息化工作会议释放六大重要信号',
        kind: 1,
        range: { start: { line: 1, character: 0 }, end: { line: 410, character: 15 } },
        selectionRange: { start: { line: 1, character: 0 }, end: { line: 1, character: 22 } },
        children: [{ name: '惠志斌', detail: '上海社会科学院“互联网”研究中心\\执行主任', kind: 14, range: { start: { line: 52, character: 0 }, end: { line: 52, character: 3 } }, selectionRange: { start: { line: 52, character: 0 }, end: { line: 52, character: 3 } } }],
      },
    ]);

  it('writes a repeated answer as the standard encoder does the first time, then the same JSON in ASCII, whatever the id', async () => {
    const encoder = keptEncodingJson();
    const result = symbols();
    let first = true;
    for (const id of [1, 7, 123456789, 'a-string-id', '带“引号”的\\id', 0]) {
      const response = { jsonrpc: '2.0', id, result };
      if (first) assert.equal(await encoded(encoder, response), standard(response), `id ${JSON.stringify(id)}`);
      else assertSameJsonInAscii(await encoded(encoder, response), response, `id ${JSON.stringify(id)}`);
      first = false;
    }
  });

  it('keeps an answer marked to be sent again for later versions from its first sending', async () => {
    const encoder = keptEncodingJson();
    const encode = (message: unknown) => (encoder.encode as (m: Message, o: typeof OPTIONS) => Promise<Uint8Array>)(message as Message, OPTIONS);
    const result = answeredAgainLater(symbols());
    const first = { jsonrpc: '2.0', id: 1, result };
    const bytes = await encode(first);
    assertSameJsonInAscii(Buffer.from(bytes).toString('hex'), first);
    const second = { jsonrpc: '2.0', id: 2, result };
    const again = await encode(second);
    assert.equal(again.buffer, bytes.buffer);
    assertSameJsonInAscii(Buffer.from(again).toString('hex'), second);
  });

  it('keeps in ASCII what JSON.stringify escapes and what it does not (quotes, backslashes, controls, surrogates)', async () => {
    const encoder = keptEncodingJson();
    const odd = ['\\中', '"“”"', '\u0000\u001f\u007f\u0080é', '\ud83d\ude00', '\ud800 lone', 'x\\', '\uffff\ufeff', ''];
    const result = answeredAgain(odd.map((name, i) => ({ name, detail: name.split('').reverse().join(''), kind: i })));
    for (const id of [1, 2, 3]) {
      const response = { jsonrpc: '2.0', id, result };
      const hex = await encoded(encoder, response);
      if (id === 1) assert.equal(hex, standard(response));
      else {
        assertSameJsonInAscii(hex, response, `id ${id}`);
        assert.deepEqual(JSON.parse(Buffer.from(hex, 'hex').toString('utf-8')).result.map((s: { name: string }) => s.name), odd);
      }
    }
  });

  it('keeps the bytes of a repeated answer, but not of one too long to keep for the life of a version', async () => {
    const encoder = keptEncodingJson();
    const encode = (message: unknown) => (encoder.encode as (m: Message, o: typeof OPTIONS) => Promise<Uint8Array>)(message as Message, OPTIONS);
    const bytesOf = async (result: object) => {
      const sent: Uint8Array[] = [];
      for (const id of [1, 2, 3]) {
        const response = { jsonrpc: '2.0', id, result };
        const bytes = await encode(response);
        const hex = Buffer.from(bytes).toString('hex');
        // Kept (ASCII), or serialised afresh each time (the standard bytes).
        if (hex !== standard(response)) assertSameJsonInAscii(hex, response, `id ${id}`);
        sent.push(bytes);
      }
      return sent;
    };
    // Any other message is written into the buffer the encoder reuses from message to message.
    const reused = (await encode({ jsonrpc: '2.0', id: 9, result: [] })).buffer;
    // Kept from the second time on: the second and third are written from bytes of their own.
    const short = await bytesOf(symbols());
    assert.equal(short[0].buffer, reused);
    assert.notEqual(short[1].buffer, reused);
    assert.equal(short[2].buffer, short[1].buffer);
    // A 10 MB article's outline (millions of characters of JSON) is serialised afresh each time.
    const long = answeredAgain(Array.from({ length: 12_000 }, (_, i) => ({ name: `信号${i}`.repeat(40), kind: 5 })));
    const sent = await bytesOf(long);
    assert.notEqual(sent[2].buffer, sent[1].buffer);
    assert.equal(Buffer.from(sent[2]).toString('hex'), standard({ jsonrpc: '2.0', id: 3, result: long }));
  });

  it('writes every other message as the standard encoder does', async () => {
    const encoder = keptEncodingJson();
    const marked = symbols();
    const messages = [
      { jsonrpc: '2.0', id: 3, result: [{ name: 'not marked' }] },
      { jsonrpc: '2.0', id: 4, result: null },
      { jsonrpc: '2.0', id: 5, error: { code: -32601, message: '没有' } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a', diagnostics: [] } },
      // A marked result in a message not shaped as a response, or with an id too long for the head's room.
      { jsonrpc: '2.0', id: 6, result: marked, extra: true },
      { id: 7, jsonrpc: '2.0', result: marked },
      { jsonrpc: '2.0', id: 'x'.repeat(200), result: marked },
      { jsonrpc: '2.0', id: 8, result: marked },
      { jsonrpc: '2.0', id: 'y'.repeat(200), result: marked },
      { jsonrpc: '2.0', id: 9, result: marked },
    ];
    for (const message of messages) {
      const hex = await encoded(encoder, message);
      // The marked answer's second and third well-formed responses with a short id are sent from kept bytes.
      if ('id' in message && (message.id === 8 || message.id === 9)) assertSameJsonInAscii(hex, message);
      else assert.equal(hex, standard(message), JSON.stringify(message).slice(0, 80));
    }
  });

  it('writes messages of every size, one after another, as the standard encoder does', async () => {
    // Each is encoded into the buffer the one before was (copied out at once, as the stream is done with
    // it before the next is encoded): growing, shrinking, past the reused buffer's limit, odd text.
    const encoder = keptEncodingJson();
    const text = (n: number) => '全国网络安全“信号”\\ \u0000\ud800 é'.repeat(Math.ceil(n / 16)).slice(0, n);
    for (const n of [10, 30_000, 200_000, 5, 1_100_000, 400_000, 0, 70_000]) {
      const message = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: text(n) } };
      assert.equal(await encoded(encoder, message), standard(message), `${n} characters`);
    }
  });

  it('writes long lists of diagnostics as the standard encoder does', async () => {
    const encoder = keptEncodingJson();
    const diagnostic = (i: number) => ({
      range: { start: { line: i, character: 13 }, end: { line: i + 1, character: 1 } },
      severity: (i % 4) + 1,
      code: i % 3 === 0 ? 'broken-line' : 'space-around-punctuation',
      message: `Sentence broken across lines at “，从”: join the lines (9${i % 10}% sure)${'\ud83d'.repeat(i % 2)}`,
      ...(i % 7 === 0 ? { tags: [1], relatedInformation: [{ location: { uri: 'file:///a', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }, message: '信号一' }] } : {}),
      ...(i % 11 === 0 ? { data: undefined } : {}),
    });
    for (const count of [0, 1, 64, 65, 128, 129, 1000, 20_000, 3]) {
      const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x.article', version: count, diagnostics: Array.from({ length: count }, (_, i) => diagnostic(i)) } };
      assert.equal(await encoded(encoder, message), standard(message), `${count} diagnostics`);
    }
    const holes = { jsonrpc: '2.0', method: 'x', params: { list: [...Array.from({ length: 100 }, (_, i) => (i % 5 === 0 ? undefined : i % 5 === 1 ? null : { i })), () => 1] } };
    assert.equal(await encoded(encoder, holes), standard(holes));
  });

  it('sends a changed version of an answer as it is now, once it is a new answer', async () => {
    const encoder = keptEncodingJson();
    const before = symbols();
    await encoded(encoder, { jsonrpc: '2.0', id: 1, result: before });
    await encoded(encoder, { jsonrpc: '2.0', id: 2, result: before });
    const after = symbols();
    after[0].name = '另一个标题';
    for (const id of [3, 4, 5]) {
      const response = { jsonrpc: '2.0', id, result: after };
      const hex = await encoded(encoder, response);
      if (id === 3) assert.equal(hex, standard(response));
      else assertSameJsonInAscii(hex, response);
    }
  });
});
