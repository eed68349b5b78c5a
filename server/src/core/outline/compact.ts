// Text as a reader sees it: extraction spacing next to Chinese removed ("农 作 物" → "农作物"),
// with every kept character mapped back to its source offset.

import { hasInlineSpace, isCjk, isInlineSpaceCode } from '../charClasses';
import { toSourceOffset, type ArticleModel, type Block } from '../model';

export interface CompactText {
  readonly text: string;
  /** Source offset of each character of `text`. */
  readonly sources: readonly number[];
}

/** Removes spaces unless both neighbours are Latin letters or digits (`Red Hat` keeps its space). */
export function compactString(text: string): string {
  // Most lines have no space to remove; they are their own compact form (no copy, no offsets).
  return hasInlineSpace(text) ? compactChars(text).text : text;
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
    let end = i + 1;
    while (end < text.length && isInlineSpaceCode(text.charCodeAt(end))) end++;
    if (keepsSpace(text, i, end)) length++;
    i = end - 1;
  }
  return length;
}

/**
 * The source offset of a block's compacted character `index` (compactBlock(block).sources[index]; NaN past
 * its end), read up to it: no text or offsets made. For a caller that maps a few characters of a block
 * (a name's first mention): the whole block's offsets were one number per character.
 */
export function compactSourceAt(block: Block, index: number): number {
  const text = block.text;
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isInlineSpaceCode(text.charCodeAt(i))) {
      if (kept++ === index) return toSourceOffset(block, i);
      continue;
    }
    let end = i + 1;
    while (end < text.length && isInlineSpaceCode(text.charCodeAt(end))) end++;
    if (keepsSpace(text, i, end) && kept++ === index) return toSourceOffset(block, i);
    i = end - 1;
  }
  return NaN;
}

/** A block's joined text, compacted, mapped to source offsets. */
export function compactBlock(block: Block): CompactText {
  return compactChars(block.text, (logical) => toSourceOffset(block, logical));
}

/** Several fragments read as one line of text (a heading that wraps), mapped to source offsets. */
export function compactFragments(model: Pick<ArticleModel, 'fragments'>, first: number, last: number): CompactText {
  let text = '';
  const sources: number[] = [];
  for (let i = first; i <= last; i++) {
    const fragment = model.fragments[i];
    const part = compactChars(fragment.text, (offset) => fragment.start + offset);
    text += part.text;
    sources.push(...part.sources);
  }
  return { text, sources };
}

/** Source range of `text[start, end)`. */
export function sourceRange(compact: CompactText, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start: compact.sources[start] ?? 0, end: compact.sources[start] ?? 0 };
  return { start: compact.sources[start], end: compact.sources[end - 1] + 1 };
}

/** Without `toSource`, only the text (its `sources` stay empty). */
function compactChars(text: string, toSource?: (index: number) => number): CompactText {
  // Kept characters are copied a run at a time (a string built a character at a time is a chain of
  // small strings: the speakers' first mentions alone made a hundred megabytes of them at 4 MB).
  let out = '';
  let kept = 0;
  const sources: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isInlineSpaceCode(text.charCodeAt(i))) {
      if (toSource) sources.push(toSource(i));
      continue;
    }
    // A whole run of spaces at once (judging each space by scanning its run made long runs quadratic).
    let end = i + 1;
    while (end < text.length && isInlineSpaceCode(text.charCodeAt(end))) end++;
    out += text.slice(kept, i);
    if (keepsSpace(text, i, end)) {
      out += text[i];
      if (toSource) sources.push(toSource(i));
    }
    kept = end;
    i = end - 1;
  }
  return { text: kept === 0 ? text : out + text.slice(kept), sources };
}

/** Whether the run of spaces [start, end) keeps its first space: one space between two words survives; the rest of a run goes. */
function keepsSpace(text: string, start: number, end: number): boolean {
  if (start === 0 || end >= text.length) return false;
  return !isCjk(text[start - 1]) && !isCjk(text[end]);
}
