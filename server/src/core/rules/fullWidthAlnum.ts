// Full-width letters and digits (ＧＤＰ２０１７) are written half-width in Chinese text (GDP2017).

import { toHalfWidth } from '../charClasses';
import type { Rule } from './rule';

// A run of full-width letters and digits, with the full-width point of a decimal and a trailing ％.
// Each step starts with a different class, so the match never backtracks.
const FULL_WIDTH_RUN = /[０-９Ａ-Ｚａ-ｚ]+(?:．[０-９]+)*％?/g;

export const fullWidthAlnum: Rule = {
  id: 'full-width-alnum',
  description: {
    en: 'Letters and digits are half-width: GDP2017, not ＧＤＰ２０１７.',
    zh: '字母和数字应使用半角：GDP2017，而非ＧＤＰ２０１７。',
  },
  tags: ['punctuation'],
  defaultSeverity: 'warning',
  fixable: true,
  wrap: false,
  marksUnnecessary: false,
  messages: {
    fullWidth: { en: 'Write “{text}” with half-width letters and digits: “{half}”', zh: '“{text}”应使用半角字母和数字：“{half}”' },
  },
  check(context) {
    const { model } = context;
    for (const fragment of model.fragments) {
      if (model.roles[fragment.index] === 'directive') continue;
      for (const match of fragment.text.matchAll(FULL_WIDTH_RUN)) {
        const start = fragment.start + match.index;
        const end = start + match[0].length;
        const half = Array.from(match[0], toHalfWidth).join('');
        context.report({ start, end, messageId: 'fullWidth', args: { text: match[0], half }, fix: [{ start, end, newText: half }] });
      }
    }
  },
};
