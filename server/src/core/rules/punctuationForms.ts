// The forms of Chinese punctuation: the ellipsis is ……, the dash is ——, and a pause mark is not doubled.
//   ... / 。。。 / … → ……     -- / ——— → ——     ，， / 。。 / 、、 / ；； / ：： → one mark
// A single em dash between Chinese text (候选—基于, 应该—未经修改—不能) is left alone: the source documents
// use it on purpose and the corpus truth keeps it (4 dev paragraphs); issue 4 asks only for -- → ——.
// Read on the block's joined text, so a run split by a line wrap is still one run. With settings.ellipsis
// `keep` (a house style that writes ... or …) ellipses are left as written.

import { CodeSet, isCjk, nearestNonSpace } from '../charClasses';
import { toSourceRanges, type Block } from '../model';
import type { LocalizedText, Rule, RuleContext } from './rule';

const DOUBLED = '，、；：';
/** Marks checked in runs of one mark repeated, by code unit. */
const RUN_MARKS = new CodeSet('.。…-—，、；：');
const ELLIPSIS = '…'.charCodeAt(0);

/** What the rule checks, in both languages: its setting's description (gathered in rules/descriptions.ts). */
export const description: LocalizedText = {
  en: 'Chinese punctuation has fixed forms: the ellipsis is “……”, the dash is “——”, and marks are not doubled.',
  zh: '中文标点有固定形式：省略号为“……”，破折号为“——”，标点不应重复。',
};

export const punctuationForms: Rule = {
  id: 'punctuation-forms',
  tags: ['punctuation'],
  defaultSeverity: 'warning',
  fixable: true,
  wrap: false,
  marksUnnecessary: false,
  messages: {
    ellipsis: { en: 'Write the ellipsis “{text}” as “……”', zh: '省略号“{text}”应写作“……”' },
    dash: { en: 'Write the dash “{text}” as “——”', zh: '破折号“{text}”应写作“——”' },
    doubled: { en: 'Remove the repeated “{mark}”', zh: '删除重复的“{mark}”' },
  },
  check(context) {
    for (const block of context.model.blocks) {
      if (block.role !== 'directive') checkBlock(context, block);
    }
  },
};

function checkBlock(context: RuleContext, block: Block): void {
  const text = block.text;
  // Each run of one mark repeated, found by code unit: a paragraph has a comma every few characters, and
  // a lone mark other than … is never wrong here, so only those runs are looked at further.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!RUN_MARKS.has(code)) continue;
    let end = i + 1;
    while (end < text.length && text.charCodeAt(end) === code) end++;
    const start = i;
    i = end - 1;
    if (end - start === 1 && code !== ELLIPSIS) continue;
    checkRun(context, block, start, end);
  }
}

/** The run text[i, end) of one mark. */
function checkRun(context: RuleContext, block: Block, i: number, end: number): void {
  const text = block.text;
  const run = text.slice(i, end);
  const ch = run[0];
  const length = run.length;
  const chineseBefore = isCjk(nearestNonSpace(text, i - 1, -1));
  const chineseAfter = isCjk(nearestNonSpace(text, end, 1));
  const chinese = chineseBefore || chineseAfter;
  if (ch === '.' && length >= 3 && chinese) report(context, block, i, end, 'ellipsis', { text: run }, '……');
  else if (ch === '。' && length >= 3) report(context, block, i, end, 'ellipsis', { text: run }, '……');
  else if (ch === '。' && length === 2) report(context, block, i, end, 'doubled', { mark: ch }, ch);
  else if (ch === '…' && length !== 2 && chinese) report(context, block, i, end, 'ellipsis', { text: run }, '……');
  else if (ch === '-' && length >= 2 && chineseBefore && chineseAfter) report(context, block, i, end, 'dash', { text: run }, '——');
  else if (ch === '—' && length >= 3 && chineseBefore && chineseAfter) report(context, block, i, end, 'dash', { text: run }, '——');
  else if (DOUBLED.includes(ch) && length >= 2) report(context, block, i, end, 'doubled', { mark: ch }, ch);
}

function report(
  context: RuleContext,
  block: Block,
  start: number,
  end: number,
  messageId: string,
  args: Record<string, string>,
  newText: string,
): void {
  if (messageId === 'ellipsis' && context.settings.ellipsis === 'keep') return;
  const ranges = toSourceRanges(block, start, end);
  // A run cut by a line break would need the break rewritten too; leave it to the layout's join first.
  if (ranges.length !== 1 || ranges[0][1] - ranges[0][0] !== end - start) return;
  const [from, to] = ranges[0];
  context.report({ start: from, end: to, messageId, args, fix: [{ start: from, end: to, newText }] });
}
