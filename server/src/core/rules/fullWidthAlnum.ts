// Full-width letters and digits (ＧＤＰ２０１７) are written half-width in Chinese text (GDP2017), and so is the
// colon of a time or ratio between digits (１０：００, 10：00 → 10:00): GB/T 15835 writes times as 10:00, and a
// half-width figure around a full-width colon would read as two numbers and a clause break.

import { toHalfWidth } from '../charClasses';
import type { LocalizedText, Rule } from './rule';

// A run of full-width letters and digits, with the full-width point of a decimal and a trailing ％.
// Each step starts with a different class, so the match never backtracks.
const FULL_WIDTH_RUN = /[０-９Ａ-Ｚａ-ｚ]+(?:．[０-９]+)*％?/g;
const COLON = '：';

/** What the rule checks, in both languages: its setting's description (gathered in rules/descriptions.ts). */
export const description: LocalizedText = {
  en: 'Letters and digits are half-width: GDP2017, not ＧＤＰ２０１７; so is the colon of a time: 10:00, not １０：００.',
  zh: '字母和数字应使用半角：GDP2017，而非ＧＤＰ２０１７；时间的冒号也用半角：10:00，而非１０：００。',
};

export const fullWidthAlnum: Rule = {
  id: 'full-width-alnum',
  tags: ['punctuation'],
  defaultSeverity: 'warning',
  fixable: true,
  wrap: false,
  marksUnnecessary: false,
  messages: {
    fullWidth: { en: 'Write “{text}” with half-width letters and digits: “{half}”', zh: '“{text}”应使用半角字母和数字：“{half}”' },
    colonFigure: { en: 'Write the time or ratio “{text}” half-width: “{half}”', zh: '时间或比例“{text}”应使用半角：“{half}”' },
  },
  check(context) {
    const { model } = context;
    for (const fragment of model.fragments) {
      if (model.roles[fragment.index] === 'directive') continue;
      const text = fragment.text;
      // Most lines hold neither a full-width letter or digit nor a full-width colon: nothing to find.
      if (!hasFullWidthAlnum(text) && !text.includes(COLON)) continue;
      const report = (index: number, found: string, messageId: string): void => {
        const start = fragment.start + index;
        const end = start + found.length;
        const half = Array.from(found, (ch) => (ch.charCodeAt(0) >= 0xff01 && ch.charCodeAt(0) <= 0xff5e ? toHalfWidth(ch) : ch)).join('');
        context.report({ start, end, messageId, args: { text: found, half }, fix: [{ start, end, newText: half }] });
      };
      /** End of the last colon figure reported: full-width runs inside it are already covered. */
      let coveredTo = 0;
      const colonFigures = text.includes(COLON) ? findColonFigures(text) : [];
      let next = 0;
      for (const match of text.matchAll(FULL_WIDTH_RUN)) {
        while (next < colonFigures.length && colonFigures[next].index <= match.index) {
          const figure = colonFigures[next++];
          report(figure.index, figure[0], 'colonFigure');
          coveredTo = figure.index + figure[0].length;
        }
        if (match.index >= coveredTo) report(match.index, match[0], 'fullWidth');
      }
      for (; next < colonFigures.length; next++) report(colonFigures[next].index, colonFigures[next][0], 'colonFigure');
    }
  },
};

/** A full-width letter or digit (what FULL_WIDTH_RUN starts with), by code unit. */
function hasFullWidthAlnum(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return true;
  }
  return false;
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ((ch >= '0' && ch <= '9') || (ch >= '０' && ch <= '９'));

/**
 * Digits of either width joined by colons, of which some are full-width: a time (１６：３２, 10：00:30) or a
 * ratio (３：２). Found from each full-width colon outwards, so a long run of digits is read once.
 */
function findColonFigures(text: string): Array<{ index: number; 0: string }> {
  const figures: Array<{ index: number; 0: string }> = [];
  let searchFrom = 0;
  for (let colon = text.indexOf(COLON); colon >= 0; colon = text.indexOf(COLON, searchFrom)) {
    searchFrom = colon + 1;
    if (!isDigit(text[colon - 1]) || !isDigit(text[colon + 1])) continue;
    let start = colon - 1;
    while (start > 0 && (isDigit(text[start - 1]) || ((text[start - 1] === ':' || text[start - 1] === COLON) && isDigit(text[start - 2])))) start--;
    let end = colon + 2;
    while (end < text.length && (isDigit(text[end]) || ((text[end] === ':' || text[end] === COLON) && isDigit(text[end + 1])))) end++;
    figures.push({ index: start, 0: text.slice(start, end) });
    searchFrom = end;
  }
  return figures;
}
