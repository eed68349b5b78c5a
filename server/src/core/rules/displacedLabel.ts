// A section label the extractor moved away from its title: mutool prints every box label at the end of
// the page, other extractors leave one between two paragraphs or beside a byline. The outline pairs each
// label with its title over the whole article (outline/pairing.ts); this rule reports a label that stands
// next to no title and moves its whole line to just above its own: the one reordering a fix may make.
// It reads the document, not a region: a label and its title may be pages of text apart.

import type { ArticleModel } from '../model';
import { displacedLabelsOf } from '../outline';
import type { Edit, Rule } from './rule';

export const displacedLabel: Rule = {
  id: 'displaced-label',
  description: {
    en: 'A section label (信号一, 关键词二…) stands away from its title, where the extractor moved it; it belongs on the line above its title.',
    zh: '栏目标签（信号一、关键词二等）被提取程序移到了远离其标题的位置；它应位于标题的上一行。',
  },
  tags: ['structure'],
  defaultSeverity: 'warning',
  fixable: true,
  wrap: false,
  marksUnnecessary: false,
  scope: 'document',
  messages: {
    displaced: {
      en: '“{label}” stands away from its title “{title}”: move it above the title',
      zh: '“{label}”远离其标题“{title}”：应移到标题上方',
    },
    title: { en: 'The title of “{label}”', zh: '“{label}”的标题' },
  },
  check(context) {
    const { model } = context;
    for (const { label, title } of displacedLabelsOf(model)) {
      const fix = moveLineAbove(model, label.fragment, title.first);
      if (!fix) continue;
      const args = { label: label.label.text, title: title.text };
      context.report({
        start: label.start,
        end: label.end,
        messageId: 'displaced',
        args,
        fix,
        related: [{ start: title.start, end: title.end, messageId: 'title', args }],
      });
    }
  },
};

/**
 * The edits moving the line of fragment `moved` to just above fragment `target`'s line: the line goes
 * with the blank lines after it (at the end of the text, with everything after it, which is blank), and
 * stands apart from the lines around its new place by one blank line, as Format Document sets blocks
 * apart. Only whitespace and line breaks are removed; undefined when the two places overlap.
 */
export function moveLineAbove(model: ArticleModel, moved: number, target: number): Edit[] | undefined {
  const { fragments, text, eol } = model;
  const line = fragments[moved];
  const after = fragments[moved + 1];
  const removal: Edit = { start: line.lineStart, end: after ? after.lineStart : text.length, newText: '' };
  const above = fragments[target - 1];
  const targetLine = Math.max(fragments[target].lineStart, model.bom ? 1 : 0);
  const insertion: Edit = above
    ? { start: above.end, end: targetLine, newText: eol + eol + line.text + eol + eol }
    : { start: targetLine, end: targetLine, newText: line.text + eol + eol };
  if (insertion.start < removal.end && removal.start < Math.max(insertion.end, insertion.start + 1)) return undefined;
  return [removal, insertion];
}
