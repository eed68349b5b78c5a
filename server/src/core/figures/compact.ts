// Figures are read on a compact view of a block's text: spaces next to Chinese are dropped, so
// justified lines (16.7 亿 千 瓦) and autospaced figures (20 日至 21 日) read as printed.

import { isInlineSpaceCode, isLatinOrDigitCode } from '../charClasses';

export interface CompactText {
  readonly text: string;
  /** origin[i] is the offset in the original text of compact character i. */
  readonly origin: readonly number[];
}

export function compactText(text: string): CompactText {
  // Built as parts and joined: a string grown by += is a deep rope, slow to index into. Each run of kept
  // characters is one part, and characters are tested by code unit (no string per character).
  const out: string[] = [];
  const origin: number[] = [];
  let lastKept = Number.NaN;
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isInlineSpaceCode(code)) {
      if (runStart < i) out.push(text.slice(runStart, i));
      let next = i + 1;
      while (next < text.length && isInlineSpaceCode(text.charCodeAt(next))) next++;
      // Spaces between two Latin words or numbers (Red Hat, 8 000) separate them; keep one.
      if (isLatinOrDigitCode(lastKept) && isLatinOrDigitCode(text.charCodeAt(next))) {
        out.push(' ');
        origin.push(i);
      }
      i = next - 1;
      runStart = next;
      continue;
    }
    origin.push(i);
    lastKept = code;
  }
  if (runStart < text.length) out.push(text.slice(runStart));
  return { text: out.join(''), origin };
}

/** The original [start, end) of a compact [start, end). */
export function originalRange(compact: CompactText, start: number, end: number): [number, number] {
  return [compact.origin[start], compact.origin[end - 1] + 1];
}
