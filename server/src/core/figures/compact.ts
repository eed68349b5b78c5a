// Figures are read on a compact view of a block's text: spaces next to Chinese are dropped, so
// justified lines (16.7 亿 千 瓦) and autospaced figures (20 日至 21 日) read as printed.

import { isInlineSpace, isLatinOrDigit } from '../charClasses';

export interface CompactText {
  readonly text: string;
  /** origin[i] is the offset in the original text of compact character i. */
  readonly origin: readonly number[];
}

export function compactText(text: string): CompactText {
  // Built as parts and joined: a string grown by += is a deep rope, slow to index into.
  const out: string[] = [];
  const origin: number[] = [];
  let lastKept: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (isInlineSpace(ch)) {
      let next = i + 1;
      while (next < text.length && isInlineSpace(text[next])) next++;
      // Spaces between two Latin words or numbers (Red Hat, 8 000) separate them; keep one.
      if (isLatinOrDigit(lastKept) && isLatinOrDigit(text[next])) {
        out.push(' ');
        origin.push(i);
      }
      i = next - 1;
      continue;
    }
    out.push(ch);
    origin.push(i);
    lastKept = ch;
  }
  return { text: out.join(''), origin };
}

/** The original [start, end) of a compact [start, end). */
export function originalRange(compact: CompactText, start: number, end: number): [number, number] {
  return [compact.origin[start], compact.origin[end - 1] + 1];
}
