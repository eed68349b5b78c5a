// Quotes and brackets that do not pair up within a paragraph (read with its wraps joined):
// “…  without ”, （… without ）, a ” with no “ before it. Points at the mark, and at where its partner was due.

import { BRACKET_PAIRS, isAsciiLetter } from '../charClasses';
import { toSourceOffset, type ArticleModel, type Block } from '../model';
import type { Rule, RuleContext } from './rule';

/** The code unit of every quote and bracket (each is one): the scan below stops only at these. */
const BRACKET_CODES: ReadonlySet<number> = new Set(Array.from(Object.entries(BRACKET_PAIRS).flat().join(''), (ch) => ch.charCodeAt(0)));
const OPENER_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(BRACKET_PAIRS).map(([open, close]) => [close, open]));

export const unbalancedBrackets: Rule = {
  id: 'unbalanced-brackets',
  description: {
    en: 'Quotation marks and brackets (“” ‘’ （） 《》 【】 …) open and close within the same paragraph.',
    zh: '引号和括号（“” ‘’ （） 《》 【】 等）应在同一段内成对出现。',
  },
  tags: ['punctuation', 'structure'],
  defaultSeverity: 'warning',
  fixable: false,
  wrap: false,
  marksUnnecessary: false,
  messages: {
    unclosed: { en: 'Opening {open} has no closing {close} in this paragraph', zh: '本段中{open}没有对应的{close}' },
    unopened: { en: 'Closing {close} has no opening {open} before it in this paragraph', zh: '本段中{close}之前没有对应的{open}' },
    closeBy: { en: 'The closing {close} was due by here', zh: '{close}应出现在此处之前' },
    openAfter: { en: 'The opening {open} was due after here', zh: '{open}应出现在此处之后' },
  },
  check(context) {
    const { model } = context;
    for (const block of model.blocks) {
      if (block.role !== 'directive') checkBlock(context, model, block);
    }
  },
};

function checkBlock(context: RuleContext, model: ArticleModel, block: Block): void {
  const text = block.text;
  const open: Array<{ mark: string; index: number }> = [];
  // How many of each opener are on the stack, so a closer knows at once whether it has a partner.
  const waiting = new Map<string, number>();
  const at = (index: number) => toSourceOffset(block, index);
  const unclosed = (entry: { mark: string; index: number }, dueAt: number, dueEnd: number): void => {
    const close = BRACKET_PAIRS[entry.mark];
    const start = at(entry.index);
    const args = { open: entry.mark, close };
    context.report({ start, end: start + 1, messageId: 'unclosed', args, related: [{ start: dueAt, end: dueEnd, messageId: 'closeBy', args }] });
  };
  // A scan by code unit (a paragraph has many marks: no match object for each).
  for (let i = 0; i < text.length; i++) {
    if (!BRACKET_CODES.has(text.charCodeAt(i))) continue;
    const ch = text[i];
    if (BRACKET_PAIRS[ch] !== undefined) {
      open.push({ mark: ch, index: i });
      waiting.set(ch, (waiting.get(ch) ?? 0) + 1);
      continue;
    }
    const opener = OPENER_OF[ch];
    if (opener === undefined) continue;
    if (ch === '’' && isAsciiLetter(text[i - 1]) && isAsciiLetter(text[i + 1])) continue; // Xi’an: an apostrophe
    if (!waiting.get(opener)) {
      const start = at(i);
      const args = { open: opener, close: ch };
      context.report({ start, end: start + 1, messageId: 'unopened', args, related: [{ start: block.start, end: block.start, messageId: 'openAfter', args }] });
      continue;
    }
    // Openers above the partner were left open: their closers were due before this one.
    for (let entry = open.pop()!; ; entry = open.pop()!) {
      waiting.set(entry.mark, waiting.get(entry.mark)! - 1);
      if (entry.mark === opener) break;
      unclosed(entry, at(i), at(i) + 1);
    }
  }
  if (open.length === 0) return;
  const continued = open[0].mark === '“' && nextBlockOpensQuote(model, block);
  for (const entry of continued ? open.slice(1) : open) unclosed(entry, block.end, block.end);
}

/** A quotation running over several paragraphs opens each with “ and closes only at its end. */
function nextBlockOpensQuote(model: ArticleModel, block: Block): boolean {
  const next = block.index + 1 < model.blocks.length ? model.blocks[block.index + 1] : model.blockAfter;
  return next !== undefined && next.role === block.role && next.text.startsWith('“');
}
