// The project's one binary search, over anything indexed in order (core, LSP glue and CLI alike), and its
// forms for numbers sorted in an array (no predicate to call, nor a context made for one at each search).

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
 * firstIndex over `values[0..count)` sorted ascending, asked "not below `value`?" (a NaN is not below):
 * the same search without a predicate. breaks/width.ts searches its sorted window twice a line or more, and
 * a predicate closing over the array and the value was a new context and closure at each search, and a call
 * at each step.
 */
export function firstNotBelow(values: Float64Array, count: number, value: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (!(values[middle] < value)) high = middle;
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
