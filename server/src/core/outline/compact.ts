// A block's or a heading's text as a reader sees it (core/compactText.ts), mapped to source offsets.

import { compactOffsetAt, compactText, type CompactText } from '../compactText';
import { toSourceOffset, type ArticleModel, type Block } from '../model';

/**
 * The source offset of a block's compacted character `index` (compactBlock(block).sources[index]; NaN past
 * its end), read up to it: no text or offsets made. For a caller that maps a few characters of a block
 * (a name's first mention): the whole block's offsets were one number per character.
 */
export function compactSourceAt(block: Block, index: number): number {
  const offset = compactOffsetAt(block.text, index);
  return Number.isNaN(offset) ? NaN : toSourceOffset(block, offset);
}

/** A block's joined text, compacted, mapped to source offsets. */
export function compactBlock(block: Block): CompactText {
  return compactText(block.text, (logical) => toSourceOffset(block, logical));
}

/** Several fragments read as one line of text (a heading that wraps), mapped to source offsets. */
export function compactFragments(model: Pick<ArticleModel, 'fragments'>, first: number, last: number): CompactText {
  let text = '';
  const sources: number[] = [];
  for (let i = first; i <= last; i++) {
    const fragment = model.fragments[i];
    const part = compactText(fragment.text, (offset) => fragment.start + offset);
    text += part.text;
    sources.push(...part.sources);
  }
  return { text, sources };
}

