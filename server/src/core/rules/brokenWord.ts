import { wrapRule } from './wrapRule';
import type { LocalizedText } from './rule';

/** What the rule checks, in both languages: its setting's description (gathered in rules/descriptions.ts). */
export const description: LocalizedText = {
  en: 'A word is split across two lines.',
  zh: '词语被断行拆开。',
};

/** A word split by a line break (国际网 / 络空间). */
export const brokenWord = wrapRule({
  id: 'broken-word',
  kind: 'broken-word',
  message: {
    en: 'The word “{subject}” is split across lines',
    zh: '词语“{subject}”被断行拆开',
  },
});
