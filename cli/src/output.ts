// Standard output for a batch: each file's report encoded as UTF-8 straight into a buffer, which is
// written when full. Gathering the reports into strings of 64K characters instead cost ~0.1 s of a
// 1,071-file batch (~9 MB of report): such a string, two-byte as soon as a message quotes a Han
// character, is built in V8's large-object space and flattened before it is encoded; encoding each
// report into the buffer is one copy.

/** Bytes gathered before a write: one write per file costs more than a short article's report. */
const OUTPUT_BYTES = 1 << 16;
/**
 * A piece of a long report (cli/src/report.ts, ~16K characters) this large is written as it is, not copied
 * into the buffer: the raw 10 MB extraction's 111 MB report was copied once more into new buffers, some
 * 1,700 of them, each page of them touched for the first time.
 */
const WRITTEN_AS_IT_IS = OUTPUT_BYTES / 4;
/** UTF-8 needs at most 3 bytes for one UTF-16 code unit. */
const MAX_UTF8_PER_UNIT = 3;

export class BufferedOutput {
  private buffer = Buffer.allocUnsafe(OUTPUT_BYTES);
  private filled = 0;

  /**
   * `write` is handed each buffer once, and the buffer is never written to again (the stream may keep it);
   * so are the UTF-8 pieces of a long report, which no one writes to once made.
   */
  constructor(private readonly write: (bytes: Uint8Array) => void) {}

  /** Adds a text, or the UTF-8 pieces of one (cli/src/report.ts Printed). */
  add(text: string | readonly Uint8Array[]): void {
    if (typeof text !== 'string') {
      for (const piece of text) this.addBytes(piece);
      return;
    }
    if (text.length === 0) return;
    if (this.filled + text.length * MAX_UTF8_PER_UNIT > this.buffer.length) {
      this.flush();
      // A report larger than the buffer goes out on its own.
      if (text.length * MAX_UTF8_PER_UNIT > this.buffer.length) {
        this.write(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.filled += this.buffer.write(text, this.filled, 'utf8');
  }

  private addBytes(bytes: Uint8Array): void {
    if (bytes.length >= WRITTEN_AS_IT_IS) {
      this.flush();
      this.write(bytes);
      return;
    }
    if (this.filled + bytes.length > this.buffer.length) {
      this.flush();
      if (bytes.length > this.buffer.length) {
        this.write(Buffer.from(bytes));
        return;
      }
    }
    this.buffer.set(bytes, this.filled);
    this.filled += bytes.length;
  }

  /** Writes what is gathered (before anything is said on standard error, so the two keep their order). */
  flush(): void {
    if (this.filled === 0) return;
    const full = this.buffer.subarray(0, this.filled);
    this.buffer = Buffer.allocUnsafe(OUTPUT_BYTES);
    this.filled = 0;
    this.write(full);
  }
}
