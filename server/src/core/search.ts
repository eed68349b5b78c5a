// The project's one binary search, over anything indexed in order (core, LSP glue and CLI alike).

/**
 * The first index in [0, count) at which `reached` holds, or `count` when it holds nowhere. `reached` must
 * be false up to some index and true from there on (sorted data asked "at or past this point?").
 */
export function firstIndex(count: number, reached: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (reached(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The index of the last of `sorted`'s values (ascending) that is at most `value`, or -1 when none is. A
 * function of its own: a caller that read its arguments in a `firstIndex` predicate would make a context for
 * them at every call, even one that never searches (a piece's text read character by character, 47 bytes a
 * character).
 */
export function lastAtMost(sorted: ArrayLike<number>, value: number): number {
  return firstIndex(sorted.length, (i) => sorted[i] > value) - 1;
}
