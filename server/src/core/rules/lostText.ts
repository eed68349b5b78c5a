// A fragment that begins with whitespace where the extractor dropped text (` 世纪` for `21世纪`).

import type { LocalizedText, Rule } from './rule';

/** What the rule checks, in both languages: its setting's description (gathered in rules/descriptions.ts). */
export const description: LocalizedText = {
  en: 'A line begins with a space where text was probably lost in extraction; the space is kept as a marker.',
  zh: '行首有空格，此处可能在提取时丢失了文字；该空格作为标记保留。',
};

export const lostText: Rule = {
  id: 'lost-text',
  tags: ['layout'],
  defaultSeverity: 'warning',
  fixable: false,
  wrap: false,
  marksUnnecessary: false,
  messages: {
    lost: {
      en: 'Text was probably lost before “{next}”: check the source',
      zh: '“{next}”之前可能丢失了文字：请核对原文',
    },
  },
  check(context) {
    const { model } = context;
    for (const lineBreak of model.breaks) {
      if (!lineBreak.keepsLeadingSpace) continue;
      const after = model.fragments[lineBreak.index + 1];
      context.report({
        start: after.lineStart,
        end: after.start,
        messageId: 'lost',
        args: { next: after.text.slice(0, 4) },
      });
    }
  },
};
