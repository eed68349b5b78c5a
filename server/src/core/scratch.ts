// Typed arrays lent to a pass that runs to its end without yielding and keeps none of them.
//
// Why: a typed array's elements live outside V8's heap, in the process's malloc heap, and are given back only
// when the collector finds the array dead; an array that lived through a scavenge (a region's pass often does)
// waits for the next full collection. A first analysis of 10 MB made ~100,000 arrays for a block's or a
// region's pass, and the malloc heap grew to hold them and never shrank (docs/performance-log.md, session 11).
// A pass borrows from a Scratch of its own instead: one buffer, grown as needed, lent as a zeroed view.

/** The typed arrays the core lends. */
type Lendable = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/**
 * Lengths above this are allocated and dropped as before, so that one huge block does not pin its buffer for
 * the life of the process (256 K elements: 2 MB of Float64).
 */
const KEEP_LIMIT = 1 << 18;

export class Scratch<T extends Lendable> {
  private buffer: T;

  constructor(private readonly make: (length: number) => T) {
    this.buffer = make(0);
  }

  /**
   * A zeroed array of `length` elements, valid until this Scratch lends again: the borrower must be done
   * with it before any call that may borrow from the same Scratch (each use site has its own), and before
   * any `yield` (parts.ts Steps): while a step pauses, the server may analyse another document.
   */
  lend(length: number): T {
    if (length > KEEP_LIMIT) return this.make(length);
    if (this.buffer.length < length) this.buffer = this.make(Math.min(KEEP_LIMIT, Math.max(length, 2 * this.buffer.length)));
    const view = this.buffer.subarray(0, length) as T;
    view.fill(0);
    return view;
  }
}
