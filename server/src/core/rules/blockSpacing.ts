// Blocks (title, headings, labels, bylines, paragraphs) stand one per line with one blank line between;
// the article starts at its first line and ends with one line ending.

import type { Edit, LocalizedText, Rule } from './rule';

/** What the rule checks, in both languages: its setting's description (gathered in rules/descriptions.ts). */
export const description: LocalizedText = {
  en: 'Blocks are separated by exactly one blank line, with no indentation, trailing spaces or blank lines at the edges.',
  zh: '各段之间恰好空一行，行首不缩进，行尾无空格，文首文末无空行。',
};

export const blockSpacing: Rule = {
  id: 'block-spacing',
  tags: ['layout'],
  defaultSeverity: 'hint',
  fixable: true,
  wrap: false,
  marksUnnecessary: true,
  messages: {
    separator: { en: 'Separate blocks with exactly one blank line', zh: '段与段之间应恰好空一行' },
    leading: { en: 'Remove blank lines and spaces before the article', zh: '删除文首的空行和空格' },
    trailing: { en: 'End the article with a single line ending', zh: '文末应只有一个换行' },
  },
  check(context) {
    const { model } = context;
    const { text, fragments, eol } = model;
    if (fragments.length === 0) return;
    const separator = eol + eol;
    for (const lineBreak of model.breaks) {
      if (lineBreak.kind === 'wrap') continue;
      if (text.slice(lineBreak.start, lineBreak.end) === separator) continue;
      context.report({
        start: lineBreak.start,
        end: lineBreak.end,
        messageId: 'separator',
        fix: [{ start: lineBreak.start, end: lineBreak.end, newText: separator }],
      });
    }
    const contentStart = model.bom ? 1 : 0;
    const first = fragments[0];
    if (first.start > contentStart) {
      context.report({ start: contentStart, end: first.start, messageId: 'leading', fix: [{ start: contentStart, end: first.start, newText: '' }] });
    }
    const last = fragments[fragments.length - 1];
    if (text.slice(last.end) !== eol) {
      const fix: Edit = { start: last.end, end: text.length, newText: eol };
      context.report({ start: last.end, end: text.length, messageId: 'trailing', fix: [fix] });
    }
  },
};
