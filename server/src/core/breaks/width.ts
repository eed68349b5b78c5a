// How wide a line was on the page, in ems, and how wide the column around it is.
// A paragraph's last line, a heading or a label is short; a wrapped line fills the column.

import { isCjk, isInlineSpace, isLatinOrDigit } from '../charClasses';

/**
 * The printed width of a fragment in ems: Han, full-width forms and CJK punctuation count 1, other
 * characters about half. Spaces count nothing: extractors insert them where justification stretched
 * the line (`列 出 的 这 样`), so they say nothing about how much text the line held.
 */
export function emWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // second half of a surrogate pair
    const ch = text[i];
    if (isInlineSpace(ch)) continue;
    if (code >= 0x2e80 || isCjk(ch)) width += 1;
    else if (isLatinOrDigit(ch) || code < 0x2e80) width += 0.55;
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
export function columnWidths(widths: readonly number[], window = COLUMN_WINDOW): number[] {
  const result: number[] = new Array(widths.length);
  // One typed buffer for every window: a typed array sorts numbers natively, without a comparator call.
  const buffer = new Float64Array(2 * window + 1);
  for (let i = 0; i < widths.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(widths.length, i + window + 1);
    const around = buffer.subarray(0, to - from);
    for (let k = from; k < to; k++) around[k - from] = widths[k];
    around.sort();
    // The FULL_SHARE quantile counted from the widest.
    const column = around[around.length - 1 - Math.min(around.length - 1, Math.floor(around.length * FULL_SHARE))] ?? 0;
    let filling = 0;
    for (const width of around) if (Math.abs(width - column) <= FILL_TOLERANCE) filling++;
    result[i] = filling >= 3 && filling >= around.length * MIN_SUPPORT ? column : Number.NaN;
  }
  return result;
}
