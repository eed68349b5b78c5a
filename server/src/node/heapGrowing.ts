// How far V8 lets the language server's old generation grow past what its last full collection left live.
//
// Right after the first analysis of a large document (issue 16: a 10 MB article's, resident ≤ 200 MB) the
// old generation holds the analysis's live objects (~50 MB) and what was promoted since the last full
// collection, on pages that collection left partly used: V8 gives back only pages it empties, and its own
// growing factor (1.1 to 4, by how fast it collects against how fast the program allocates) let the old
// generation reach ~70–80 MB before that collection. Growing by a fixed fifth, it is collected sooner, so
// fewer pages are ever made: resident right after that first analysis 198 → 186 MB in the median, 22 runs of
// 24 at 183–190 MB (main's 186–288; docs/performance-log.md, branch mem26). The price: three times as many full
// collections in that first analysis, ~1.5 % more CPU; at a megabyte V8's own minimum step outweighs the
// fifth, and an edit costs what it did.
// Read by V8 at each full collection, so setting it once the process runs is enough.

import { setFlagsFromString } from 'node:v8';

/** The old generation may grow by this percentage of what the last full collection left live. */
export const HEAP_GROWING_PERCENT = 20;
export const HEAP_GROWING_FLAG = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;

/**
 * Sets HEAP_GROWING_FLAG, unless Node was given a growing percentage of its own (`node --heap-growing-…`,
 * NODE_OPTIONS), as someone measuring another would. Returns whether it set it.
 */
export function growHeapByAFifth(
  nodeOptions = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' '),
  setFlags: (flags: string) => void = setFlagsFromString,
): boolean {
  if (nodeOptions.includes('--heap-growing-percent') || nodeOptions.includes('--heap_growing_percent')) return false;
  setFlags(HEAP_GROWING_FLAG);
  return true;
}
