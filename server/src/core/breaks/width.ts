// How wide a line was on the page, in ems, and how wide the column around it is.
// A paragraph's last line, a heading or a label is short; a wrapped line fills the column.

import { isCjkCode, isInlineSpaceCode } from '../charClasses';
import { Scratch } from '../scratch';
import { firstNotBelow } from '../search';

/**
 * A heading is set in a larger type than the body: its full line holds fewer characters, down to about
 * this share of a body line's. Read by the layout (breaks/decide.ts) and the outline (outline/sections.ts).
 */
export const HEADING_FULL_SHARE = 2 / 3;
/** The most characters the wrapped end of a labelled heading holds (`…提供新` / `样本`). */
export const HEADING_TAIL = 4;

/**
 * The printed width of a fragment in ems: Han, full-width forms and CJK punctuation count 1, other
 * characters about half. Spaces count nothing: extractors insert them where justification stretched
 * the line (`列 出 的 这 样`), so they say nothing about how much text the line held.
 */
export function emWidth(text: string, start = 0, end = text.length): number {
  let width = 0;
  // By code unit: a line's characters are mostly Han, and a string for each would be garbage.
  // (start, end): the width of text.slice(start, end), measured in place.
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // second half of a surrogate pair
    if (isInlineSpaceCode(code)) continue;
    width += code >= 0x2e80 || isCjkCode(code) ? 1 : 0.55;
  }
  return width;
}

/** How many fragments either side a column estimate looks at. */
export const COLUMN_WINDOW = 12;
/** The share of lines in a window expected to fill the column (most lines of a page are wraps). */
const FULL_SHARE = 0.3;

/** Lines within this many ems of the column width count as filling it. */
const FILL_TOLERANCE = 1.25;
/** The share of a window's lines that must fill the estimated column for it to be a column at all. */
const MIN_SUPPORT = 0.3;

/**
 * For each fragment, the width of the column it was set in: a high quantile of the widths of the
 * fragments around it (most lines of a page fill their column; titles, headings and paragraph ends are
 * shorter). NaN where no column shows: too few neighbours share that width (a clean article of one
 * paragraph per line, or a list). Linear in the number of fragments (each window is small).
 */
export function columnWidths(widths: ArrayLike<number>, result = new Float64Array(widths.length), window = COLUMN_WINDOW): Float64Array {
  // `result` is a typed array: NaN or a width, never a hole (reading a hole made every column read a heap
  // number); a caller that keeps nothing passes one lent.
  // The window slides one line at a time: one width leaves and one enters a sorted buffer, so no window
  // is ever sorted afresh.
  const sorted = SORTED_WINDOW.lend(2 * window + 1);
  let size = 0;
  let from = 0;
  let to = 0;
  for (let i = 0; i < widths.length; i++) {
    const nextFrom = Math.max(0, i - window);
    const nextTo = Math.min(widths.length, i + window + 1);
    for (; from < nextFrom; from++) size = removeSorted(sorted, size, widths[from]);
    for (; to < nextTo; to++) size = insertSorted(sorted, size, widths[to]);
    // The FULL_SHARE quantile counted from the widest.
    const at = size - 1 - Math.min(size - 1, Math.floor(size * FULL_SHARE));
    const column = at >= 0 ? sorted[at] : 0;
    const filling = firstNotBelow(sorted, size, column + FILL_TOLERANCE + 1e-9) - firstNotBelow(sorted, size, column - FILL_TOLERANCE - 1e-9);
    result[i] = filling >= 3 && filling >= size * MIN_SUPPORT ? column : Number.NaN;
  }
  return result;
}

/** columnWidths' window, lent (scratch.ts): it returns before it could be asked again. */
const SORTED_WINDOW = new Scratch((n) => new Float64Array(n));

function insertSorted(sorted: Float64Array, size: number, value: number): number {
  const at = firstNotBelow(sorted, size, value);
  sorted.copyWithin(at + 1, at, size);
  sorted[at] = value;
  return size + 1;
}

function removeSorted(sorted: Float64Array, size: number, value: number): number {
  const at = firstNotBelow(sorted, size, value);
  sorted.copyWithin(at, at + 1, size);
  return size - 1;
}
