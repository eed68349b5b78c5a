// Two or three spaces between Latin words (`Debian  GNU/Linux`, `Advanced  option`, `git  format-patch`)
// come from justified lines: the PDF holds no spaces, the extractor infers them from the widened gaps.
// The corpus truth has one space between Latin words everywhere, commands included, so such a run becomes
// one space whatever the words are. A run of four or more, or one holding a tab, is alignment (a table,
// a layout-mode column) and is left alone. Only inside a line: a line's edges belong to the layout.

import { isInlineSpaceCode, isLatinOrDigitCode } from '../charClasses';
import type { LocalizedText, Rule, RuleContext } from './rule';

/** The longest whitespace run that justification leaves between two words; longer runs align columns. */
const JUSTIFIED_RUN = 3;

/** What the rule checks, in both languages: its setting's description (gathered in rules/descriptions.ts). */
export const description: LocalizedText = {
  en: 'One space between two Latin words or numbers, not two or three (justified lines widen them).',
  zh: '两个拉丁单词或数字之间只用一个空格，而非两三个（两端对齐的行会加宽空格）。',
};

export const spaceBetweenLatin: Rule = {
  id: 'space-between-latin',
  tags: ['spacing'],
  defaultSeverity: 'warning',
  fixable: true,
  wrap: false,
  marksUnnecessary: false,
  messages: {
    wide: { en: 'Use one space between “{before}” and “{after}”', zh: '“{before}”和“{after}”之间只用一个空格' },
  },
  check(context) {
    const { model } = context;
    for (const fragment of model.fragments) {
      if (model.roles[fragment.index] === 'directive') continue;
      checkFragment(context, fragment.text, fragment.start);
    }
  },
};

function checkFragment(context: RuleContext, text: string, offset: number): void {
  let i = 1;
  while (i < text.length) {
    if (!isInlineSpaceCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // A whitespace run: judge it once, by its length and the characters on either side of it.
    let end = i;
    let tab = false;
    while (end < text.length && isInlineSpaceCode(text.charCodeAt(end))) {
      if (text.charCodeAt(end) === 0x09) tab = true;
      end++;
    }
    const length = end - i;
    if (length >= 2 && length <= JUSTIFIED_RUN && !tab && end < text.length && isLatinOrDigitCode(text.charCodeAt(i - 1)) && isLatinOrDigitCode(text.charCodeAt(end))) {
      const start = offset + i;
      const stop = offset + end;
      const args = { before: wordBefore(text, i), after: wordAfter(text, end) };
      context.report({ start, end: stop, messageId: 'wide', args, fix: [{ start, end: stop, newText: ' ' }] });
    }
    i = end;
  }
}

/** The Latin word that ends at `end` (for the message), at most 20 characters. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && end - start < 20 && !isInlineSpaceCode(text.charCodeAt(start - 1)) && isLatinOrDigitCode(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}

/** The Latin word that starts at `start` (for the message), at most 20 characters. */
function wordAfter(text: string, start: number): string {
  let end = start;
  while (end < text.length && end - start < 20 && isLatinOrDigitCode(text.charCodeAt(end))) end++;
  return text.slice(start, end);
}
