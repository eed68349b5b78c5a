// Whitespace between two Chinese characters inside a line: justified columns come out as `列 出 的 这 样`.
// A lone gap between Chinese characters (`同时有 个不同版本`, `建设 世纪`) is where the extractor dropped
// text (6, 21): every such gap in the corpus is one. So only gaps in a spaced-out run are stray; a lone
// gap is the lost-text marker, kept (a fragment's leading one never reaches this rule at all).

import { HAN_SOURCE, INLINE_SPACE_SOURCE, isInlineSpace } from '../charClasses';
import type { Rule } from './rule';

const SPACE_BETWEEN_HAN = new RegExp(`(?<=[${HAN_SOURCE}])[${INLINE_SPACE_SOURCE}]+(?=[${HAN_SOURCE}])`, 'g');

export const spaceBetweenHan: Rule = {
  id: 'space-between-han',
  description: {
    en: 'No whitespace between two Chinese characters.',
    zh: '两个汉字之间不应有空白。',
  },
  tags: ['spacing'],
  defaultSeverity: 'warning',
  fixable: true,
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
      for (const match of text.matchAll(SPACE_BETWEEN_HAN)) {
        if (!isSpacedOut(text, match.index, match.index + match[0].length)) continue;
        const start = fragment.start + match.index;
        const end = start + match[0].length;
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
