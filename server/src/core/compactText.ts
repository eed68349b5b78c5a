// Text as a reader sees it: the extractor's spaces removed ("农 作 物" → "农作物", "16.7 亿 千 瓦" →
// "16.7亿千瓦"), one space kept between two words that are not Chinese ("Red Hat", "Linux, Apache"), and
// every kept character mapped back to its offset in the text it came from. The outline, the people quoted,
// the figures and the joining of wrapped titles all read lines this way; this is the one definition.
// Figures are read more tightly: a space survives only between two Latin letters or digits, so a number's
// own marks close up (`1, 000.1` is one number, `27.2 %` one percentage).

import { hasInlineSpace, isCjk, isInlineSpaceCode, isLatinOrDigitCode } from './charClasses';

export interface CompactText {
  readonly text: string;
  /** The offset, in the text it was made from (or wherever `toSource` maps it), of each character of `text`. */
  readonly sources: readonly number[];
}

/** A text compacted, each kept character's offset mapped by `toSource` (its offset in `text` by default). */
export function compactText(text: string, toSource: (offset: number) => number = sameOffset): CompactText {
  return compactChars(text, keepsSpace, toSource);
}

/** A text compacted as figures are read (a space kept only between Latin letters or digits), with its offsets. */
export function compactFigureText(text: string): CompactText {
  return compactChars(text, keepsSpaceInFigures, sameOffset);
}

/** compactText(text).text, without the offsets. */
export function compactString(text: string): string {
  // Most lines have no space to remove; they are their own compact form (no copy, no offsets).
  return hasInlineSpace(text) ? compactChars(text, keepsSpace).text : text;
}

/**
 * compactString(text).length, without building the string; past `atMost` it stops counting and returns a
 * number above it (a paragraph asked whether it is narrow enough for a title is read only that far).
 */
export function compactLength(text: string, atMost = Infinity): number {
  let length = 0;
  for (let i = 0; i < text.length && length <= atMost; i++) {
    if (!isInlineSpaceCode(text.charCodeAt(i))) {
      length++;
      continue;
    }
    const end = spaceRunEnd(text, i);
    if (keepsSpace(text, i, end)) length++;
    i = end - 1;
  }
  return length;
}

/**
 * The offset in `text` of its compacted character `index` (compactText(text).sources[index]; NaN past its
 * end), read up to it: no text or offsets made, for a caller that maps a few characters of a long text.
 */
export function compactOffsetAt(text: string, index: number): number {
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isInlineSpaceCode(text.charCodeAt(i))) {
      if (kept++ === index) return i;
      continue;
    }
    const end = spaceRunEnd(text, i);
    if (keepsSpace(text, i, end) && kept++ === index) return i;
    i = end - 1;
  }
  return NaN;
}

/** The source range of the compact text's [start, end) (an empty one where it starts). */
export function sourceRange(compact: CompactText, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start: compact.sources[start] ?? 0, end: compact.sources[start] ?? 0 };
  return { start: compact.sources[start], end: compact.sources[end - 1] + 1 };
}

/** Offsets in the compacted text itself (pushed as they are: no call per character). */
function sameOffset(offset: number): number {
  return offset;
}

/** Whether the run of spaces [start, end) of `text` keeps its first space. */
type SpaceKeeper = (text: string, start: number, end: number) => boolean;

/** Without `toSource`, only the text (its `sources` stay empty). */
function compactChars(text: string, keeps: SpaceKeeper, toSource?: (offset: number) => number): CompactText {
  // Kept characters are copied a run at a time (a string built a character at a time is a chain of
  // small strings: the speakers' first mentions alone made a hundred megabytes of them at 4 MB).
  let out = '';
  const sources: number[] = [];
  const mapped = toSource !== undefined && toSource !== sameOffset;
  const wanted = toSource !== undefined;
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isInlineSpaceCode(text.charCodeAt(i))) {
      if (wanted) sources.push(mapped ? toSource(i) : i);
      continue;
    }
    // A whole run of spaces at once (judging each space by scanning its run made long runs quadratic).
    const end = spaceRunEnd(text, i);
    out += text.slice(kept, i);
    if (keeps(text, i, end)) {
      out += text[i];
      if (wanted) sources.push(mapped ? toSource(i) : i);
    }
    kept = end;
    i = end - 1;
  }
  return { text: kept === 0 ? text : out + text.slice(kept), sources };
}

function spaceRunEnd(text: string, start: number): number {
  let end = start + 1;
  while (end < text.length && isInlineSpaceCode(text.charCodeAt(end))) end++;
  return end;
}

/**
 * Whether the run of spaces [start, end) keeps its first space: one space between two words that are not
 * Chinese survives ("Red Hat", "Linux, Apache"); the rest of a run goes, and every space next to Chinese.
 */
function keepsSpace(text: string, start: number, end: number): boolean {
  if (start === 0 || end >= text.length) return false;
  return !isCjk(text[start - 1]) && !isCjk(text[end]);
}

/** Between two Latin letters or digits, a run of spaces keeps one (`Red Hat`, `8 000`); next to anything else, none. */
function keepsSpaceInFigures(text: string, start: number, end: number): boolean {
  if (start === 0 || end >= text.length) return false;
  return isLatinOrDigitCode(text.charCodeAt(start - 1)) && isLatinOrDigitCode(text.charCodeAt(end));
}
