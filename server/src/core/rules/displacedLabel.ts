// A section label the extractor moved away from its title: mutool prints every box label at the end of
// the page, other extractors leave one between two paragraphs or beside a byline. The outline pairs each
// label with its title over the whole article (outline/pairing.ts); this rule reports a label that stands
// next to no title and moves its whole line to just above its own: the one reordering a fix may make; and
// a displaced label's title the layout joined to the paragraph after it, which it sets apart.
// It reads the document, not a region: a label and its title may be pages of text apart.

import type { ArticleModel } from '../model';
import { linesOf } from '../lines';
import { displacedLabelsOf, labelsBeforeTitlesOnTheirLineOf, type ScannedLabel, type ScannedUnit } from '../outline';
import type { Edit, LocalizedText, Rule } from './rule';

/** What the rule checks, in both languages: its setting's description (gathered in rules/descriptions.ts). */
export const description: LocalizedText = {
  en: 'A section label (信号一, 关键词二…) stands away from its title, where the extractor moved it; it belongs on the line above its title.',
  zh: '栏目标签（信号一、关键词二等）被提取程序移到了远离其标题的位置；它应位于标题的上一行。',
};

export const displacedLabel: Rule = {
  id: 'displaced-label',
  tags: ['structure'],
  defaultSeverity: 'warning',
  fixable: true,
  wrap: false,
  marksUnnecessary: false,
  scope: 'document',
  // The pairing of a long document's labels with their titles takes a few hundred milliseconds.
  prepare: (model) => displacedLabelsOf.inSteps(model),
  messages: {
    displaced: {
      en: '“{label}” stands away from its title “{title}”: move it above the title',
      zh: '“{label}”远离其标题“{title}”：应移到标题上方',
    },
    title: { en: 'The title of “{label}”', zh: '“{label}”的标题' },
    dropped: {
      en: '“{label}” was dropped into a paragraph, away from its title “{title}”: move it above the title and join the paragraph again',
      zh: '“{label}”被插进了段落中间，远离其标题“{title}”：应移到标题上方，并把段落重新连起来',
    },
    onTitleLine: {
      en: '“{label}” shares a line with its title “{title}”: put it on a line of its own above the title',
      zh: '“{label}”与其标题“{title}”位于同一行：应单独成行，置于标题上方',
    },
    runsOn: {
      en: 'The title “{title}” of “{label}” runs on into the paragraph after it: set it apart',
      zh: '“{label}”的标题“{title}”与其后的段落连在了一起：应单独成段',
    },
  },
  check(context) {
    const { model } = context;
    for (const { label, title } of displacedLabelsOf(model)) {
      const rejoining = rejoiningRemoval(model, label);
      const fix = moveLineAbove(model, label, title, rejoining);
      if (!fix) continue;
      const args = { label: label.label.text, title: title.text };
      // A label dropped into a paragraph is reported from the paragraph's line it interrupts: fix-all takes
      // the first of overlapping fixes, and the layout sets that line apart from the label (block-spacing).
      context.report({
        start: rejoining ? linesOf(model).fragment(label.previous).start : label.start,
        end: label.end,
        messageId: rejoining ? 'dropped' : 'displaced',
        args,
        fix,
        related: [{ start: title.start, end: title.end, messageId: 'title', args }],
      });
      const apart = setApartFromParagraph(model, title);
      if (apart) context.report({ start: title.start, end: title.end, messageId: 'runsOn', args, fix: [apart] });
    }
    for (const label of labelsBeforeTitlesOnTheirLineOf(model)) {
      const title = label.inlineUnit!;
      const args = { label: label.label.text, title: title.text };
      // Only the gap between the two goes: it becomes the blank line that sets a label apart.
      context.report({ start: label.start, end: label.end, messageId: 'onTitleLine', args, fix: [{ start: label.end, end: title.start, newText: model.eol + model.eol }] });
      const apart = setApartFromParagraph(model, title);
      if (apart) context.report({ start: title.start, end: title.end, messageId: 'runsOn', args, fix: [apart] });
    }
  },
};

/**
 * A title the layout joined to the paragraph after it (set in a larger type, its line looked full): once its
 * label is moved above it nothing else tells the two apart, so the break after the title becomes a blank
 * line. Reported at the title, which comes before the wrap's own report there, so fix-all takes this edit.
 * Read as the pairing read the title (ScannedUnit.runsOnAt): the model's breaks would place every region's.
 */
function setApartFromParagraph(model: ArticleModel, title: ScannedUnit): Edit | undefined {
  if (title.runsOnAt === undefined) return undefined;
  return { start: title.end, end: title.runsOnAt, newText: model.eol + model.eol };
}

/**
 * The edits moving the label's line to just above the title's first line (`rejoining`: the removal that
 * also joins the paragraph the label was dropped into, rejoiningRemoval): the line goes with the blank
 * lines after it (at the end of the text, with everything after it, which is blank), and stands apart from
 * the lines around its new place by one blank line, as Format Document sets blocks apart. Only whitespace
 * and line breaks are removed; undefined when the two places overlap. Reads where the lines stand as the
 * pairing read them (pairing.ts ScannedLabel, ScannedUnit), not the model's lines.
 */
export function moveLineAbove(model: ArticleModel, label: ScannedLabel, title: ScannedUnit, rejoining?: Edit): Edit[] | undefined {
  const { eol } = model;
  // The whole text only for a label on the last line (a document's text is joined from the editor's pieces when asked).
  const removal: Edit = rejoining ?? { start: label.lineStart, end: label.nextLineStart ?? model.text.length, newText: '' };
  const targetLine = Math.max(title.lineStart, model.bom ? 1 : 0);
  const insertion: Edit =
    title.aboveEnd !== undefined
      ? { start: title.aboveEnd, end: targetLine, newText: eol + eol + label.lineText + eol + eol }
      : { start: targetLine, end: targetLine, newText: label.lineText + eol + eol };
  if (insertion.start < removal.end && removal.start < Math.max(insertion.end, insertion.start + 1)) return undefined;
  return [removal, insertion];
}

/**
 * A label dropped into a paragraph (its sentence runs on over it, ScannedLabel.runsOn) goes with the line
 * breaks around it, so the paragraph is whole again (`…华州区的皮影` / `关键词三` / `戏传承人黄俊杰…`):
 * the layout had set the line before it apart as a heading, and nothing else would join it. Only the
 * whitespace between the two lines goes with it, and only between two characters that join with nothing
 * between them (neither a Latin letter nor a digit) and with no directive between; else undefined.
 */
function rejoiningRemoval(model: ArticleModel, label: ScannedLabel): Edit | undefined {
  if (!label.runsOn || label.previous !== label.fragment - 1 || label.next !== label.fragment + 1) return undefined;
  const lines = linesOf(model);
  const before = lines.fragment(label.previous);
  const after = lines.fragment(label.next);
  if (JOINS_WITH_SPACE.test(before.text.trimEnd().slice(-1)) || JOINS_WITH_SPACE.test(after.text.trimStart().charAt(0))) return undefined;
  return { start: before.end, end: after.start, newText: '' };
}

/** Characters that a join would run into a word next to them (a Latin letter or a digit on either side). */
const JOINS_WITH_SPACE = /[0-9A-Za-z]/;
