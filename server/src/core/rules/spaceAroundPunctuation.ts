// Whitespace before or after full-width punctuation, or between two marks (多边参与 、, 端倪。 ”上海).
// Only inside a fragment: whitespace at a line's edge belongs to the line break, which the layout owns.
// Spaces outside curly quotes stay when settings.quoteSpacing is `keep` (a house style that spaces them).

import { hasInlineSpace, isCjkPunct, isCjkPunctCode, isInlineSpaceCode } from '../charClasses';
import type { LocalizedText, Rule } from './rule';

/** What the rule checks, in both languages: its setting's description (gathered in rules/descriptions.ts). */
export const description: LocalizedText = {
  en: 'No whitespace before or after full-width punctuation, nor between two full-width marks.',
  zh: '全角标点前后及两个全角标点之间不应有空白。',
};

export const spaceAroundPunctuation: Rule = {
  id: 'space-around-punctuation',
  tags: ['spacing', 'punctuation'],
  defaultSeverity: 'warning',
  fixable: true,
  wrap: false,
  marksUnnecessary: false,
  messages: {
    before: { en: 'Remove the space before “{mark}”', zh: '删除“{mark}”前的空格' },
    after: { en: 'Remove the space after “{mark}”', zh: '删除“{mark}”后的空格' },
    between: { en: 'Remove the space between “{mark}” and “{next}”', zh: '删除“{mark}”和“{next}”之间的空格' },
  },
  check(context) {
    const { model } = context;
    const keepQuoteSpaces = context.settings.quoteSpacing === 'keep';
    for (const fragment of model.fragments) {
      if (model.roles[fragment.index] === 'directive' || !hasInlineSpace(fragment.text)) continue;
      const runs = spacesNextToPunctuation(fragment.text);
      for (let r = 0; r < runs.length; r += 2) {
        const start = fragment.start + runs[r];
        const end = fragment.start + runs[r + 1];
        const previous = model.text[start - 1];
        const next = model.text[end];
        if (keepQuoteSpaces && isSpaceOutsideQuote(previous, next)) continue;
        const fix = [{ start, end, newText: '' }];
        if (isCjkPunct(previous) && isCjkPunct(next)) {
          context.report({ start, end, messageId: 'between', args: { mark: previous, next }, fix });
        } else if (isCjkPunct(previous)) {
          context.report({ start, end, messageId: 'after', args: { mark: previous }, fix });
        } else {
          context.report({ start, end, messageId: 'before', args: { mark: next }, fix });
        }
      }
    }
  },
};

/**
 * Whether a space run sits outside a pair of curly quotes (他说 “好” 了): after a closing one or before an
 * opening one, with no other full-width mark on its other side. settings.quoteSpacing `keep` leaves these.
 */
function isSpaceOutsideQuote(previous: string | undefined, next: string | undefined): boolean {
  if ((previous === '”' || previous === '’') && !isCjkPunct(next)) return true;
  return (next === '“' || next === '‘') && !isCjkPunct(previous);
}

/**
 * Each whole run of inline spaces with a full-width mark right before or after it, its start and end in the
 * text one after another. A scan by code unit: the pattern it replaces (a run next to a mark, with
 * lookarounds) was tried at every position of every line with a space, the costliest rule on raw
 * extractions. One array per line, not a generator, its results and a pair for each run.
 */
function spacesNextToPunctuation(text: string): number[] {
  const runs: number[] = [];
  for (let start = 0; start < text.length; start++) {
    if (!isInlineSpaceCode(text.charCodeAt(start))) continue;
    let end = start + 1;
    while (end < text.length && isInlineSpaceCode(text.charCodeAt(end))) end++;
    if (isCjkPunctCode(text.charCodeAt(start - 1)) || isCjkPunctCode(text.charCodeAt(end))) runs.push(start, end);
    start = end;
  }
  return runs;
}
