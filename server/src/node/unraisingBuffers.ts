// Buffers for large messages whose freeing leaves the C library's malloc as it was.
//
// Why: glibc (the C library of most Linux systems) gives a buffer longer than its mmap threshold (128 KiB at
// first) pages of its own, and when such a buffer of up to 32 MiB is freed, it raises that threshold to the
// buffer's length and its trim threshold to twice that. Below the trim threshold no malloc heap gives the free
// memory at its top back to the system: not the main one, nor the one each of V8's threads (compilers,
// collectors) allocates from. A 10 MB article's didOpen is ~29 MB of UTF-8; once its buffer was freed, early in
// the first analysis, the threads' heaps kept up to 58 MB each they no longer used: ~20 MB more resident right
// after the first analysis than with the thresholds left alone (docs/performance-log.md, branch mem25).
// A buffer longer than 32 MiB raises nothing, and pages of it that are never written take no memory.

/** glibc's first mmap threshold: a buffer longer than this has pages of its own. */
export const MAPPED_ALONE = 128 * 1024;
/** Freeing a buffer longer than this (glibc's largest mmap threshold, 32 MiB on 64 bits) raises no threshold. */
export const UNRAISING_LENGTH = 32 * 1024 * 1024 + 64 * 1024;

/**
 * `length` bytes, not filled in: for a length that glibc maps on its own, at the start of memory of at least
 * UNRAISING_LENGTH bytes (the rest never written), so that freeing it raises no threshold.
 */
export function unraisingBuffer(length: number): Buffer {
  if (length <= MAPPED_ALONE || length >= UNRAISING_LENGTH) return Buffer.allocUnsafe(length);
  return Buffer.allocUnsafeSlow(UNRAISING_LENGTH).subarray(0, length);
}
