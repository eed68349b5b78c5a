import { wrapRule } from './wrapRule';
import type { LocalizedText } from './rule';

/** What the rule checks, in both languages: its setting's description (gathered in rules/descriptions.ts). */
export const description: LocalizedText = {
  en: 'A sentence is broken across lines where the paragraph continues.',
  zh: '句子在段落中间被断行。',
};

/** A sentence wrapped across lines at a point that is not inside a word or figure. */
export const brokenLine = wrapRule({
  id: 'broken-line',
  kind: 'broken-line',
  message: {
    en: 'Sentence broken across lines at “{subject}”: join the lines',
    zh: '句子在“{subject}”处被断行：应连为一行',
  },
});
