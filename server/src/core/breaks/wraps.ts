// What each wrap (a line break inside a block) splits: punctuation, a figure, a word or a sentence.

import { isHan, isCjkPunct } from '../charClasses';
import { derive, toLogicalOffset, type ArticleModel, type LineBreak } from '../model';

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

/** A fragment of nothing but punctuation or symbols (`,`, `+`, `。`). */
export function isPunctuationOnly(text: string): boolean {
  return /^[\p{P}\p{S}]+$/u.test(text);
}

const NUMBER_AT_END = /[+-]?\d[\d,.]*[%‰]?$/;
const NUMBER_AT_START = /^\d[\d,.]*[%‰]?/;

let segmenter: Intl.Segmenter | undefined;
function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/** How far either side of a join the word segmenter looks. */
const WORD_WINDOW = 8;

export function wrapsOf(model: ArticleModel): readonly Wrap[] {
  return derive(model, 'wraps', classifyWraps);
}

function classifyWraps(model: ArticleModel): Wrap[] {
  const wraps: Wrap[] = [];
  const { fragments, text } = model;
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
    const numberBefore = NUMBER_AT_END.exec(before.text);
    const numberAfter = NUMBER_AT_START.exec(after.text);
    if (numberBefore || numberAfter) {
      const start = numberBefore ? before.end - numberBefore[0].length : edgeStart;
      const end = numberAfter ? after.start + numberAfter[0].length : edgeEnd;
      const subject = text.slice(start, before.end) + lineBreak.joiner + text.slice(after.start, end);
      wraps.push({ break: lineBreak, kind: 'split-figure', subject, start, end });
      continue;
    }
    const word = wordAcross(model, lineBreak);
    if (word) {
      wraps.push({ break: lineBreak, kind: 'broken-word', subject: word.text, start: word.start, end: word.end });
      continue;
    }
    const subject = text.slice(edgeStart, before.end) + lineBreak.joiner + text.slice(after.start, edgeEnd);
    wraps.push({ break: lineBreak, kind: 'broken-line', subject, start: edgeStart, end: edgeEnd });
  }
  return wraps;
}

/** The word the segmenter finds straddling the join, with its source extent. */
function wordAcross(model: ArticleModel, lineBreak: LineBreak): { text: string; start: number; end: number } | undefined {
  const before = model.fragments[lineBreak.index];
  const after = model.fragments[lineBreak.index + 1];
  if (!isHan(before.text[before.text.length - 1]) || !isHan(after.text[0])) return undefined;
  const block = model.blocks[model.blockOfFragment[before.index]];
  const joinAt = toLogicalOffset(block, before.end);
  if (joinAt === undefined) return undefined;
  const windowStart = Math.max(0, joinAt - WORD_WINDOW);
  const windowText = block.text.slice(windowStart, joinAt + lineBreak.joiner.length + WORD_WINDOW);
  const join = joinAt - windowStart;
  for (const segment of wordSegmenter().segment(windowText)) {
    const segmentEnd = segment.index + segment.segment.length;
    if (segment.index < join && segmentEnd > join && segment.isWordLike) {
      const leftLength = join - segment.index;
      const rightLength = segmentEnd - join - lineBreak.joiner.length;
      if (rightLength <= 0) return undefined;
      if (isCjkPunct(segment.segment[0])) return undefined;
      return { text: segment.segment, start: before.end - leftLength, end: after.start + rightLength };
    }
    if (segment.index >= join) break;
  }
  return undefined;
}

function lastCharLength(text: string): number {
  const code = text.charCodeAt(text.length - 1);
  return code >= 0xdc00 && code <= 0xdfff && text.length > 1 ? 2 : 1;
}

function firstCharLength(text: string): number {
  const code = text.charCodeAt(0);
  return code >= 0xd800 && code <= 0xdbff && text.length > 1 ? 2 : 1;
}

