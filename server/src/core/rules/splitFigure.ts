import { wrapRule } from './wrapRule';
import type { LocalizedText } from './rule';

/** What the rule checks, in both languages: its setting's description (gathered in rules/descriptions.ts). */
export const description: LocalizedText = {
  en: 'A figure is split from its unit or the text around it.',
  zh: '数字与其单位或上下文被断行分开。',
};

/** A number split from its unit or its context (27.2 / 万亿元, 32.9% / 。). */
export const splitFigure = wrapRule({
  id: 'split-figure',
  kind: 'split-figure',
  message: {
    en: 'The figure “{subject}” is split across lines',
    zh: '数字“{subject}”被断行拆开',
  },
});
