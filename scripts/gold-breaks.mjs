// The truth's answer for each line break of an extraction, from the corpus scorer's alignment: a break is
// a join when the characters either side of it are neighbours in one truth block. Shared by
// scripts/eval-breaks.mjs (wrong decisions) and scripts/eval-oracle.mjs (the ceiling).

import { align, canon, nonWs } from './corpus-score.mjs';

const WHITESPACE = /\s/u;

/** For each non-whitespace character (code point) of `text`, its UTF-16 offset: the scorer's indices. */
function nonWhitespaceOffsets(text) {
  const offsets = [];
  let offset = 0;
  for (const ch of text) {
    if (!WHITESPACE.test(ch)) offsets.push(offset);
    offset += ch.length;
  }
  return offsets;
}

/**
 * A function telling, for the UTF-16 offset where the text after a break starts, whether the truth joins
 * that break; undefined where the scorer does not see the character (whitespace).
 */
export function goldJoins(extracted, truth) {
  return joinsOf(goldKinds(extracted, truth));
}

/** goldJoins from goldKinds' answers: a break the truth joins is one whose neighbours stand in one truth block. */
export function joinsOf(kindAt) {
  return (afterStart) => {
    const kind = kindAt(afterStart);
    return kind === undefined ? undefined : kind === 'join';
  };
}

/**
 * Why the truth gives a break the label it does, for the UTF-16 offset where the text after it starts:
 * 'join' (neighbours in one truth block), 'block' (neighbours across a block break: a real paragraph
 * edge), 'lost' (in order, with a character or two the extractor dropped between them), 'order' (both
 * aligned, further apart in the truth: text the extractor moved or dropped in bulk between them) or
 * 'unaligned' (a side the scorer could not align: text moved here or not in the truth);
 * undefined where the scorer does not see the character. Only 'join' and 'block' say what the paragraph
 * structure is; the others are labelled KEEP by the scorer whatever the layout.
 */
export function goldKinds(extracted, truth) {
  const truthChars = nonWs(canon(truth));
  const { map } = align(nonWs(canon(extracted)).chars, truthChars.chars);
  const indexAt = new Map(nonWhitespaceOffsets(extracted).map((offset, index) => [offset, index]));
  return (afterStart) => {
    const right = indexAt.get(afterStart);
    if (right === undefined) return undefined;
    const a = map[right - 1];
    const b = map[right];
    if (!(a >= 0) || !(b >= 0)) return 'unaligned';
    if (b === a + 1) return truthChars.nlBefore[b] ? 'block' : 'join';
    return b > a + 1 && b - a <= LOST_MOST + 1 ? 'lost' : 'order';
  };
}

/** The most characters an extractor drops at a break (a hung comma, a hyphen) for a pair to count as lost, not moved. */
const LOST_MOST = 3;
