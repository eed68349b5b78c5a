// Whitespace between two Chinese characters inside a line: justified columns come out as `列 出 的 这 样`
// (every character spaced) or `来减 少系 统启 动时 间。` (every second one, zh070).
// A lone gap between Chinese characters (`同时有 个不同版本`, `建设 世纪`) is mostly where the extractor
// dropped text (6, 21; 42 of the 48 lone gaps of the corpus), and its line is otherwise unspaced (runs of
// 5+ characters on each side). So a gap is stray when it is part of a spaced-out run, or when its line is
// letter-spaced: two or more Han–space–Han gaps, on average at most 3 characters apart (zh070: 10 gaps
// about 2 apart; the corpus' lost-text lines have 1 gap; two lost-text gaps on one line lie far apart),
// or when it cuts a word in two (`这两年一 直很稳定`, a justified news line): no text was lost inside a word.
// Where a number would stand (`近 年`, `有 多亩`: a unit or approximation after the gap, 第 or 约 before
// it), a word the segmenter reads across (近年) proves nothing, and the gap stays.
// Latin text spaced by autospace (`限制 BIOS 可`) does not count: only the gaps between Han are measured.
// A fragment's leading whitespace (kept by the layout as a lost-text marker) never reaches this rule.

import { hasInlineSpace, isHanCode, isInlineSpace, isInlineSpaceCode } from '../charClasses';
import { WORD_WINDOW, wordAcross } from '../breaks/evidence';
import { APPROX_AFTER, APPROX_BEFORE, APPROX_INSIDE, unitAt } from '../figures/lexicon';
import type { LocalizedText, Rule } from './rule';

/** Mean characters between consecutive Han–space–Han gaps at or below which a line is letter-spaced. */
const LETTER_SPACED_DISTANCE = 3;

/** What the rule checks, in both languages: its setting's description (gathered in rules/descriptions.ts). */
export const description: LocalizedText = {
  en: 'No whitespace between two Chinese characters.',
  zh: '两个汉字之间不应有空白。',
};

export const spaceBetweenHan: Rule = {
  id: 'space-between-han',
  tags: ['spacing'],
  defaultSeverity: 'warning',
  fixable: true,
  wrap: false,
  marksUnnecessary: false,
  messages: {
    between: { en: 'Remove the space between “{before}” and “{after}”', zh: '删除“{before}”和“{after}”之间的空格' },
  },
  check(context) {
    const { model } = context;
    for (const fragment of model.fragments) {
      const role = model.roles[fragment.index];
      // Bylines separate names with spaces on purpose (本报记者 王明 李华).
      if (role === 'directive' || role === 'byline') continue;
      const text = fragment.text;
      if (!hasInlineSpace(text)) continue;
      const gaps = gapsBetweenHan(text);
      if (gaps.length === 0) continue;
      const letterSpaced = gaps.length >= 4 /* two gaps or more */ && isLetterSpaced(text, gaps);
      for (let g = 0; g < gaps.length; g += 2) {
        const gapStart = gaps[g];
        const gapEnd = gaps[g + 1];
        if (!letterSpaced && !isSpacedOut(text, gapStart, gapEnd) && !cutsWord(text, gapStart, gapEnd)) continue;
        const start = fragment.start + gapStart;
        const end = fragment.start + gapEnd;
        context.report({
          start,
          end,
          messageId: 'between',
          args: { before: model.text[start - 1], after: model.text[end] },
          fix: [{ start, end, newText: '' }],
        });
      }
    }
  },
};

/** Whether the gap [start, end) has another gap one character away, or the line is just `X Y`. */
function isSpacedOut(text: string, start: number, end: number): boolean {
  if (start === 1 && end === text.length - 1) return true;
  return isInlineSpace(text[start - 2]) || isInlineSpace(text[end + 1]);
}

/**
 * Whether the gap [start, end) falls inside a word (一 直 → 一直) where no number could have been lost:
 * not before a unit, a measure word or an approximation (`近 年`, `有 多亩`), nor after 第 or an
 * approximator (`第 节`, `约 亩`).
 */
function cutsWord(text: string, start: number, end: number): boolean {
  // Only the characters the segmenter reads (WORD_WINDOW either side, spaces aside): a long line with many
  // lone gaps is not copied at each of them.
  const before = text.slice(Math.max(0, start - NEAR), start);
  if (!wordAcross(before, text.slice(end, end + NEAR))) return false;
  return !isNumberSlot(text, before, end);
}

/** Characters either side of a gap read for the word across it (WORD_WINDOW and the spaces among them). */
const NEAR = 4 * WORD_WINDOW;

function isNumberSlot(text: string, before: string, end: number): boolean {
  if (unitAt(text, end) || DATE_UNITS.includes(text[end])) return true;
  if (AFTER_A_NUMBER.some((word) => text.startsWith(word, end))) return true;
  return before.endsWith('第') || APPROX_BEFORE.some((word) => before.endsWith(word));
}

/** Written after a number in a date (3月, 9日, 5号), beside the units of figures/lexicon.ts. */
const DATE_UNITS = ['月', '日', '号'];
/** Approximations written after a number, before or after its unit (300多个, 40米以上). */
const AFTER_A_NUMBER = [...APPROX_INSIDE, ...APPROX_AFTER];

/**
 * Each whole run of inline spaces between two Han characters, as start and end offsets one after another
 * (what `/(?<=[Han])[ \t\u3000\u00A0]+(?=[Han])/g` matches). A scan by code unit: the pattern's `matchAll`
 * cloned it and made a match array for every line with a space (a raw extraction has a space every few
 * dozen characters).
 */
export function gapsBetweenHan(text: string): number[] {
  const gaps: number[] = [];
  for (let start = 0; start < text.length; start++) {
    if (!isInlineSpaceCode(text.charCodeAt(start))) continue;
    let end = start + 1;
    while (end < text.length && isInlineSpaceCode(text.charCodeAt(end))) end++;
    if (start > 0 && isHanCode(text.charCodeAt(start - 1)) && end < text.length && isHanCode(text.charCodeAt(end))) gaps.push(start, end);
    start = end;
  }
  return gaps;
}

/** Whether the gaps (gapsBetweenHan) lie close together: non-space characters from the first to the last, per interval. */
function isLetterSpaced(text: string, gaps: readonly number[]): boolean {
  let characters = 0;
  for (let i = gaps[1]; i < gaps[gaps.length - 2]; i++) {
    if (!isInlineSpaceCode(text.charCodeAt(i))) characters++;
  }
  return characters <= LETTER_SPACED_DISTANCE * (gaps.length / 2 - 1);
}
