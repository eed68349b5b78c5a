// Whitespace before or after full-width punctuation, or between two marks (多边参与 、, 端倪。 ”上海).
// Only inside a fragment: whitespace at a line's edge belongs to the line break, which the layout owns.

import { CJK_PUNCT_SOURCE, INLINE_SPACE_SOURCE, hasInlineSpace, isCjkPunct } from '../charClasses';
import type { Rule } from './rule';

// Each alternative consumes a whole whitespace run next to a mark, so the scan stays linear: the first
// starts only at a run's start and takes the run inside a lookahead, which never backtracks (a plain
// `\s+(?=mark)` would retry from every space of a long run that no mark follows).
const SPACE_NEXT_TO_PUNCT = new RegExp(
  `(?<![${INLINE_SPACE_SOURCE}])(?=([${INLINE_SPACE_SOURCE}]+))\\1(?=[${CJK_PUNCT_SOURCE}])|(?<=[${CJK_PUNCT_SOURCE}])[${INLINE_SPACE_SOURCE}]+`,
  'g',
);

export const spaceAroundPunctuation: Rule = {
  id: 'space-around-punctuation',
  description: {
    en: 'No whitespace before or after full-width punctuation, nor between two full-width marks.',
    zh: '全角标点前后及两个全角标点之间不应有空白。',
  },
  tags: ['spacing', 'punctuation'],
  defaultSeverity: 'warning',
  fixable: true,
  messages: {
    before: { en: 'Remove the space before “{mark}”', zh: '删除“{mark}”前的空格' },
    after: { en: 'Remove the space after “{mark}”', zh: '删除“{mark}”后的空格' },
    between: { en: 'Remove the space between “{mark}” and “{next}”', zh: '删除“{mark}”和“{next}”之间的空格' },
  },
  check(context) {
    const { model } = context;
    for (const fragment of model.fragments) {
      if (model.roles[fragment.index] === 'directive' || !hasInlineSpace(fragment.text)) continue;
      for (const match of fragment.text.matchAll(SPACE_NEXT_TO_PUNCT)) {
        const start = fragment.start + match.index;
        const end = start + match[0].length;
        const previous = model.text[start - 1];
        const next = model.text[end];
        const fix = [{ start, end, newText: '' }];
        if (isCjkPunct(previous) && isCjkPunct(next)) {
          context.report({ start, end, messageId: 'between', args: { mark: previous, next }, fix });
        } else if (isCjkPunct(previous)) {
          context.report({ start, end, messageId: 'after', args: { mark: previous }, fix });
        } else {
          context.report({ start, end, messageId: 'before', args: { mark: next }, fix });
        }
      }
    }
  },
};
