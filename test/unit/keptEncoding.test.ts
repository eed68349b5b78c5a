// The Node server's stdio encoder (server/src/node/keptEncoding.ts): every message it encodes is byte for
// byte what vscode-jsonrpc's own encoder writes, whether a repeated answer is sent from kept bytes or not.

import * as assert from 'node:assert/strict';
import { keptEncodingJson } from '../../server/src/node/keptEncoding';
import { answeredAgain } from '../../server/src/lsp/repeatedAnswers';
import type { Message } from 'vscode-languageserver/node';

const OPTIONS = { charset: 'utf-8' as const };

/** What vscode-jsonrpc's default encoder writes (lib/node/ril.js applicationJson.encoder). */
const standard = (message: unknown): string => Buffer.from(JSON.stringify(message, undefined, 0), 'utf-8').toString('hex');

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

  it('writes a repeated answer as the standard encoder does, whatever the id', async () => {
    const encoder = keptEncodingJson();
    const result = symbols();
    for (const id of [1, 7, 123456789, 'a-string-id', '带“引号”的\\id', 0]) {
      const response = { jsonrpc: '2.0', id, result };
      assert.equal(await encoded(encoder, response), standard(response), `id ${JSON.stringify(id)}`);
    }
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
    for (const message of messages) assert.equal(await encoded(encoder, message), standard(message), JSON.stringify(message).slice(0, 80));
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
      assert.equal(await encoded(encoder, response), standard(response));
    }
  });
});
