// What each wrap (a line break inside a block) splits: punctuation, a figure, a word or a sentence.

import { isHighSurrogate, isInlineSpaceCode, isLowSurrogate } from '../charClasses';
import type { ArticleModel, LineBreak } from '../article';
import { part } from '../parts';
import { isPunctuationOnly, wordsAcrossLines, type WordAcross } from './evidence';

export { isPunctuationOnly } from './evidence';

export type WrapKind = 'stranded-punctuation' | 'split-figure' | 'broken-word' | 'broken-line';

export interface Wrap {
  readonly break: LineBreak;
  readonly kind: WrapKind;
  /** What the wrap splits: the word, the figure or the punctuation as it reads joined. */
  readonly subject: string;
  /** Source range of the subject (or of the characters either side of the break). */
  readonly start: number;
  readonly end: number;
}

const NUMBER_AT_START = /^\d[\d,.]*[%‰]?/;

export const wrapsOf: (model: ArticleModel) => readonly Wrap[] = part(classifyWraps);

function classifyWraps(model: ArticleModel): Wrap[] {
  const wraps: Wrap[] = [];
  const { fragments, text } = model;
  // Most pairs of lines were asked about by the layout already (its answers are kept with the model).
  const across = model.wordsAcross ?? wordsAcrossLines(model.fragments);
  // The rest asked together, and only they: asked one by one, each would bring answers about the pairs
  // after it, most of them no wrap (a paragraph's end), none of which anything reads.
  const wrapsAt: number[] = [];
  for (const lineBreak of model.breaks) if (lineBreak.kind === 'wrap') wrapsAt.push(lineBreak.index);
  across.answerPairs(wrapsAt);
  for (const lineBreak of model.breaks) {
    if (lineBreak.kind !== 'wrap') continue;
    const before = fragments[lineBreak.index];
    const after = fragments[lineBreak.index + 1];
    const edgeStart = before.end - lastCharLength(before.text);
    const edgeEnd = after.start + firstCharLength(after.text);
    if (isPunctuationOnly(before.text) || isPunctuationOnly(after.text)) {
      const stranded = isPunctuationOnly(after.text) ? after : before;
      wraps.push({ break: lineBreak, kind: 'stranded-punctuation', subject: stranded.text, start: stranded.start, end: stranded.end });
      continue;
    }
    const numberBefore = numberAtEnd(before.text);
    // The pattern asked only of a line that starts with a digit (its first character: most lines do not).
    const numberAfter = isDigitCode(after.text.charCodeAt(0)) ? NUMBER_AT_START.exec(after.text) : null;
    if (numberBefore > 0 || numberAfter) {
      const start = numberBefore > 0 ? before.end - numberBefore : edgeStart;
      const end = numberAfter ? after.start + numberAfter[0].length : edgeEnd;
      const subject = text.slice(start, before.end) + lineBreak.joiner + text.slice(after.start, end);
      wraps.push({ break: lineBreak, kind: 'split-figure', subject, start, end });
      continue;
    }
    // A word or a sentence: the segmenter decides.
    const word = across(lineBreak.index, lineBreak.index + 1);
    if (word) {
      const extent = wordExtent(model, lineBreak, word);
      wraps.push({ break: lineBreak, kind: 'broken-word', subject: extent.text, start: extent.start, end: extent.end });
      continue;
    }
    const subject = text.slice(edgeStart, before.end) + lineBreak.joiner + text.slice(after.start, edgeEnd);
    wraps.push({ break: lineBreak, kind: 'broken-line', subject, start: edgeStart, end: edgeEnd });
  }
  return wraps;
}

/**
 * Length of the number ending the text, as /[+-]?\d[\d,.]*[%‰]?$/ matches it (0 for none), found by a scan
 * back from the end: that pattern retries from every position of a long run of digits, a quadratic cost.
 */
function numberAtEnd(text: string): number {
  let end = text.length;
  if (text[end - 1] === '%' || text[end - 1] === '‰') end--;
  let from = end;
  while (from > 0 && isNumberChar(text.charCodeAt(from - 1))) from--;
  let start = from;
  if (text[from - 1] === '+' || text[from - 1] === '-') {
    if (isDigitCode(text.charCodeAt(from))) return text.length - (from - 1);
  }
  while (start < end && !isDigitCode(text.charCodeAt(start))) start++;
  return start < end ? text.length - start : 0;
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A digit, comma or point (the characters of [\d,.]). */
function isNumberChar(code: number): boolean {
  return isDigitCode(code) || code === 0x2c || code === 0x2e;
}

/** The source extent of the word the segmenter found straddling the join. */
function wordExtent(model: ArticleModel, lineBreak: LineBreak, word: WordAcross): { text: string; start: number; end: number } {
  const before = model.fragments[lineBreak.index];
  const after = model.fragments[lineBreak.index + 1];
  return { text: word.word, start: sourceBack(model.text, before.end, word.left), end: sourceForward(model.text, after.start, word.right) };
}

/**
 * The offset `count` non-space code units before `end` (the segmenter skipped justification spaces). Read
 * by code unit: a Han character read as a string (text[i]) is a new string each time.
 */
function sourceBack(text: string, end: number, count: number): number {
  let offset = end;
  while (count > 0 && offset > 0) {
    offset--;
    if (!isInlineSpaceCode(text.charCodeAt(offset))) count--;
  }
  return offset;
}

function sourceForward(text: string, start: number, count: number): number {
  let offset = start;
  while (count > 0 && offset < text.length) {
    if (!isInlineSpaceCode(text.charCodeAt(offset))) count--;
    offset++;
  }
  return offset;
}

/** The code units of the line's last character: two for a surrogate pair, one for anything else (a lone half too). */
function lastCharLength(text: string): number {
  return text.length > 1 && isLowSurrogate(text.charCodeAt(text.length - 1)) && isHighSurrogate(text.charCodeAt(text.length - 2)) ? 2 : 1;
}

function firstCharLength(text: string): number {
  return text.length > 1 && isHighSurrogate(text.charCodeAt(0)) && isLowSurrogate(text.charCodeAt(1)) ? 2 : 1;
}
