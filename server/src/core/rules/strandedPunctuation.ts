// A line holding only punctuation (`,` `+` `。`) that belongs to the text around it.

import { wrapsOf } from '../breaks/wraps';
import type { LocalizedText, Rule } from './rule';
import type { LineBreak } from '../article';
import { joinEdit } from '../breaks/join';
import { wrapCertainty, wrapMessages } from './wrapRule';

/** What the rule checks, in both languages: its setting's description (gathered in rules/descriptions.ts). */
export const description: LocalizedText = {
  en: 'Punctuation stands alone on a line, cut off from the text it belongs to.',
  zh: '标点符号单独成行，与所属文字分离。',
};

export const strandedPunctuation: Rule = {
  id: 'stranded-punctuation',
  tags: ['layout', 'punctuation'],
  defaultSeverity: 'warning',
  fixable: true,
  wrap: true,
  marksUnnecessary: false,
  messages: wrapMessages({ en: 'Punctuation “{subject}” stands alone on a line', zh: '标点“{subject}”单独成行' }),
  check(context) {
    // One report per stranded fragment, fixed by joining it to both neighbours where they are wraps.
    const byFragment = new Map<number, { start: number; end: number; subject: string; breaks: number[] }>();
    for (const wrap of wrapsOf(context.model)) {
      if (wrap.kind !== 'stranded-punctuation') continue;
      const entry = byFragment.get(wrap.start) ?? { start: wrap.start, end: wrap.end, subject: wrap.subject, breaks: [] };
      entry.breaks.push(wrap.break.index);
      byFragment.set(wrap.start, entry);
    }
    for (const entry of byFragment.values()) {
      // Pushed, not mapped: wrapCertainty reads packed arrays (wrapRule.ts), and a mapped one may be holey.
      const breaks: LineBreak[] = [];
      for (const index of entry.breaks) breaks.push(context.model.breaks[index]);
      const { messageId, uncertain, confidence } = wrapCertainty(breaks);
      context.report({
        start: entry.start,
        end: entry.end,
        messageId,
        args: { subject: entry.subject, confidence },
        fix: breaks.map((lineBreak) => joinEdit(lineBreak)),
        uncertain,
      });
    }
  },
};
