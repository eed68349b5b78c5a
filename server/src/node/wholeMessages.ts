// The server's stdin as vscode-jsonrpc's reader reads it, cut again at message ends: a message that came in
// several chunks is handed on in one, the same bytes in the same order.
//
// Why: Node reads a pipe in chunks of up to 64 KB, each in memory of its own from the C heap (malloc). A 10 MB
// article's didOpen is ~29 MB of UTF-8, ~450 chunks, and vscode-jsonrpc keeps every chunk until the message is
// complete, then copies them into one buffer: the chunks were all alive at once, and whether the ~27 MB they
// took was given back depended on what the collector freed first (the chunks, or that buffer, whose freeing
// raises glibc's trim threshold to twice its size) and on what the analysis had meanwhile placed above them. In
// most runs it stayed resident beside the analysis for good. Here a message is copied, chunk by chunk as they
// come, into its own buffer, made when its header is read; each chunk is dropped at once, so it dies young
// and the next chunks reuse its memory.
//
// Nothing here decides what a message is: vscode-jsonrpc still reads every header and body itself. A header
// this cannot read (no Content-Length in digits, or no end within LONGEST_HEADER bytes) ends the cutting, and
// from then on the bytes are handed on as they come, so the reader reports them exactly as before.

import { EventEmitter } from 'node:events';
import { constants } from 'node:buffer';
import { unraisingBuffer } from './unraisingBuffers';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const CONTENT_LENGTH = /^content-length:[ \t]*(\d+)[ \t]*$/im;
/** Bytes looked through for the end of a header before the cutting gives up (a header is a line or two). */
const LONGEST_HEADER = 8192;
/**
 * The largest message given a buffer of its own when its header is read. A header may claim any length: a
 * claim larger than any document the server analyses (its longest `article.maxDocumentLength` as UTF-8, with
 * room to spare) is not allocated up front, where it could fail and end the process, but ends the cutting:
 * its bytes are handed on as they come, and vscode-jsonrpc reads them as it always did.
 */
export const LONGEST_CUT_MESSAGE = 256 * 1024 * 1024;

/** A readable of messages for vscode-jsonrpc's StreamMessageReader: 'data' (whole messages), 'end', 'close', 'error'. */
export class WholeMessages extends EventEmitter {
  /** The bytes of a header whose end has not come yet (a copy: it keeps no chunk alive). */
  private header: Buffer | undefined;
  /** The message being filled, header and body, and how many of its bytes have come. */
  private message: Buffer | undefined;
  private filled = 0;
  /** False once a header could not be read: every byte is then handed on as it comes. */
  private cutting = true;

  constructor(input: NodeJS.ReadableStream) {
    super();
    input.on('data', (chunk: Buffer) => this.take(chunk));
    input.on('end', () => {
      this.handOnWhatIsLeft();
      this.emit('end');
    });
    input.on('close', () => this.emit('close'));
    input.on('error', (error: Error) => this.emit('error', error));
  }

  private take(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.message !== undefined) {
        at = this.fill(chunk, at);
        continue;
      }
      if (!this.cutting) {
        this.emit('data', at === 0 ? chunk : chunk.subarray(at));
        return;
      }
      if (this.header !== undefined) {
        chunk = Buffer.concat([this.header, chunk.subarray(at)]);
        at = 0;
        this.header = undefined;
      }
      const headerEnd = chunk.indexOf(HEADER_END, at);
      if (headerEnd < 0) {
        if (chunk.length - at > LONGEST_HEADER) this.cutting = false;
        else {
          this.header = Buffer.from(chunk.subarray(at));
          return;
        }
        continue;
      }
      const contentLength = CONTENT_LENGTH.exec(chunk.toString('latin1', at, headerEnd))?.[1];
      const messageLength = headerEnd + HEADER_END.length - at + Number(contentLength);
      if (contentLength === undefined || !(messageLength <= Math.min(constants.MAX_LENGTH, LONGEST_CUT_MESSAGE))) {
        this.cutting = false;
        continue;
      }
      if (chunk.length - at >= messageLength) {
        this.emit('data', chunk.subarray(at, at + messageLength));
        at += messageLength;
        continue;
      }
      // Freed once read, it must not leave glibc keeping memory (unraisingBuffers.ts).
      this.message = unraisingBuffer(messageLength);
      this.filled = 0;
    }
  }

  /** Copies what `chunk` holds of the message being filled, from `at`; hands the message on once whole. */
  private fill(chunk: Buffer, at: number): number {
    const message = this.message!;
    const copied = chunk.copy(message, this.filled, at);
    this.filled += copied;
    if (this.filled === message.length) {
      this.message = undefined;
      this.emit('data', message);
    }
    return at + copied;
  }

  /** At the input's end: a header or message left incomplete is handed on as it came. */
  private handOnWhatIsLeft(): void {
    const left = this.message !== undefined ? this.message.subarray(0, this.filled) : this.header;
    this.message = undefined;
    this.header = undefined;
    if (left !== undefined && left.length > 0) this.emit('data', left);
  }
}
