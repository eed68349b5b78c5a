// The Node server's stdin cut again at message ends (server/src/node/wholeMessages.ts): the same bytes in the
// same order, each message in one chunk however it came, no chunk kept by what is handed on, and vscode-jsonrpc
// reading the same messages (and the same errors) through it as straight from the stream.

import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { StreamMessageReader, type Message } from 'vscode-languageserver/node';
import { LONGEST_CUT_MESSAGE, WholeMessages } from '../../server/src/node/wholeMessages';
import { MAPPED_ALONE, UNRAISING_LENGTH } from '../../server/src/node/unraisingBuffers';
import { seededRandom as random } from '../helpers';

function framed(body: string, header = `Content-Length: ${Buffer.byteLength(body)}`): Buffer {
  return Buffer.from(`${header}\r\n\r\n${body}`, 'utf-8');
}

function messageBody(next: () => number, id: number): string {
  const text = '网络安全，信号一\n'.repeat(Math.floor(next() * (next() < 0.2 ? 3000 : 20)));
  return JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { id, text } });
}

/** `bytes` cut at random places, every chunk in memory of its own (as Node reads a pipe). */
function chunked(bytes: Buffer, next: () => number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    const chunk = Buffer.allocUnsafeSlow(Math.min(1 + Math.floor(next() * (next() < 0.5 ? 16 : 70_000)), bytes.length - at));
    bytes.copy(chunk, 0, at);
    chunks.push(chunk);
    at += chunk.length;
  }
  return chunks;
}

/** What WholeMessages hands on for `chunks`, in order, once the input has ended. */
function handedOn(chunks: readonly Buffer[]): Buffer[] {
  const input = new PassThrough();
  const out: Buffer[] = [];
  new WholeMessages(input).on('data', (data: Buffer) => out.push(data));
  // Written straight to the listeners: a PassThrough would join or split what it buffers.
  for (const chunk of chunks) input.emit('data', chunk);
  input.emit('end');
  return out;
}

describe('stdin cut at message ends (WholeMessages)', () => {
  it('hands on each message in one chunk, the same bytes in the same order, keeping no chunk it was sent', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const messages = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, id) => framed(messageBody(next, id)));
      const chunks = chunked(Buffer.concat(messages), next);
      const out = handedOn(chunks);
      assert.deepEqual(out.map((m) => m.toString('hex')), messages.map((m) => m.toString('hex')), `seed ${seed}`);
      // A message that came in several chunks is handed on in memory of its own: no chunk is kept for it.
      let start = 0;
      for (const [i, message] of messages.entries()) {
        const end = start + message.length;
        let chunkStart = 0;
        const spanned = chunks.filter((chunk) => {
          const inMessage = chunkStart < end && chunkStart + chunk.length > start;
          chunkStart += chunk.length;
          return inMessage;
        });
        if (spanned.length > 1) assert.ok(!chunks.some((chunk) => chunk.buffer === out[i].buffer), `seed ${seed}: message ${i} in a chunk's memory`);
        start = end;
      }
    }
  });

  it('makes a long message that spans chunks in memory whose freeing raises none of glibc\'s malloc thresholds, a short one in memory of its length', () => {
    // glibc raises its mmap and trim thresholds when it frees a mapped buffer of up to 32 MiB (unraisingBuffers.ts).
    const next = random(3);
    for (const bodyLength of [MAPPED_ALONE / 4, 2 * MAPPED_ALONE, 10 * MAPPED_ALONE]) {
      const message = framed(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: 'x'.repeat(bodyLength) } }));
      const [out] = handedOn(chunked(message, next));
      assert.deepEqual(out, message);
      if (message.length > MAPPED_ALONE) assert.ok(out.buffer.byteLength >= UNRAISING_LENGTH, `${message.length} bytes in ${out.buffer.byteLength}`);
      else assert.ok(out.buffer.byteLength < MAPPED_ALONE, `${message.length} bytes in ${out.buffer.byteLength}`);
    }
  });

  it('hands on the bytes as they came after a header it cannot read, and what is left at the end', () => {
    const broken = Buffer.concat([framed('{}', 'Content-Length: many'), framed('{"jsonrpc":"2.0","method":"exit"}')]);
    const next = random(7);
    for (let round = 0; round < 10; round++) {
      const chunks = chunked(broken, next);
      assert.deepEqual(Buffer.concat(handedOn(chunks)), broken);
    }
    const cutShort = framed('{"jsonrpc":"2.0","method":"initialized","params":{}}').subarray(0, 30);
    assert.deepEqual(Buffer.concat(handedOn([cutShort.subarray(0, 10), cutShort.subarray(10)])), cutShort);
    assert.deepEqual(Buffer.concat(handedOn([Buffer.from('Content-Len')])), Buffer.from('Content-Len'));
  });

  it('hands on as they come the bytes of a message whose header claims more than it would allocate', () => {
    /** What is handed on before the input ends. */
    const beforeTheEnd = (header: string) => {
      const input = new PassThrough();
      const out: Buffer[] = [];
      new WholeMessages(input).on('data', (data: Buffer) => out.push(data));
      input.emit('data', Buffer.from(`${header}\r\n\r\n{"jsonrpc":"2.0"`));
      return Buffer.concat(out).toString();
    };
    // 3 GB claimed: a buffer made for it at the header could fail and end the server; the bytes go on to the reader.
    assert.equal(beforeTheEnd(`Content-Length: ${LONGEST_CUT_MESSAGE * 12}`), `Content-Length: ${LONGEST_CUT_MESSAGE * 12}\r\n\r\n{"jsonrpc":"2.0"`);
    // Under the limit, the message waits to be whole.
    assert.equal(beforeTheEnd(`Content-Length: ${LONGEST_CUT_MESSAGE - 100}`), '');
  });

  it('lets vscode-jsonrpc read the same messages as it reads from the stream itself', async () => {
    const next = random(11);
    const bodies = Array.from({ length: 5 }, (_, id) => messageBody(next, id));
    const chunks = chunked(Buffer.concat(bodies.map((body) => framed(body))), next);
    const read = async (wrap: (input: PassThrough) => NodeJS.ReadableStream): Promise<Message[]> => {
      const input = new PassThrough();
      const reader = new StreamMessageReader(wrap(input));
      const messages: Message[] = [];
      const all = new Promise<void>((resolve) =>
        reader.listen((message) => {
          messages.push(message);
          if (messages.length === bodies.length) resolve();
        }),
      );
      for (const chunk of chunks) input.write(chunk);
      await all;
      reader.dispose();
      return messages;
    };
    const direct = await read((input) => input);
    const whole = await read((input) => new WholeMessages(input) as unknown as NodeJS.ReadableStream);
    assert.deepEqual(whole, direct);
    assert.deepEqual(whole, bodies.map((body) => JSON.parse(body)));
  });
});
