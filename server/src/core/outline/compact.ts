// Text as a reader sees it: extraction spacing next to Chinese removed ("农 作 物" → "农作物"),
// with every kept character mapped back to its source offset.

import { hasInlineSpace, isCjk, isInlineSpace } from '../charClasses';
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

/** A block's joined text, compacted, mapped to source offsets. */
export function compactBlock(block: Block): CompactText {
  return compactChars(block.text, (logical) => toSourceOffset(block, logical));
}

/** Several fragments read as one line of text (a heading that wraps), mapped to source offsets. */
export function compactFragments(model: ArticleModel, first: number, last: number): CompactText {
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
  let out = '';
  const sources: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (isInlineSpace(ch)) {
      // A whole run of spaces at once (judging each space by scanning its run made long runs quadratic).
      let end = i + 1;
      while (end < text.length && isInlineSpace(text[end])) end++;
      if (keepsSpace(text, i, end)) {
        out += ch;
        if (toSource) sources.push(toSource(i));
      }
      i = end - 1;
      continue;
    }
    out += ch;
    if (toSource) sources.push(toSource(i));
  }
  return { text: out, sources };
}

/** Whether the run of spaces [start, end) keeps its first space: one space between two words survives; the rest of a run goes. */
function keepsSpace(text: string, start: number, end: number): boolean {
  if (start === 0 || end >= text.length) return false;
  return !isCjk(text[start - 1]) && !isCjk(text[end]);
}
