// Quotes and brackets that do not pair up within a paragraph (read with its wraps joined):
// “…  without ”, （… without ）, a ” with no “ before it. Points at the mark, and at where its partner was due.

import { CodeSet, BRACKET_PAIRS, isAsciiLetterCode } from '../charClasses';
import { toSourceOffset, type ArticleModel, type Block } from '../model';
import type { LocalizedText, Rule, RuleContext } from './rule';

/** The code unit of every quote and bracket (each is one): the scan below stops only at these. */
const BRACKET_CODES = new CodeSet(Object.entries(BRACKET_PAIRS).flat().join(''));

/** What the rule checks, in both languages: its setting's description (gathered in rules/descriptions.ts). */
export const description: LocalizedText = {
  en: 'Quotation marks and brackets (“” ‘’ （） 《》 【】 …) open and close within the same paragraph.',
  zh: '引号和括号（“” ‘’ （） 《》 【】 等）应在同一段内成对出现。',
};

export const unbalancedBrackets: Rule = {
  id: 'unbalanced-brackets',
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

// The scan keeps its stack in arrays of numbers shared by every block (a block is checked at once, with
// nothing else run in between): no array, map, closure or one-character string per paragraph.
/** The opening codes, each with its slot in `waiting`. */
const OPENING_CODES: readonly number[] = Object.keys(BRACKET_PAIRS).map((open) => open.charCodeAt(0));
/** Closing code → the code of its opener. */
const OPENER_CODE_OF: ReadonlyMap<number, number> = new Map(Object.entries(BRACKET_PAIRS).map(([open, close]) => [close.charCodeAt(0), open.charCodeAt(0)]));
/** The openers on the stack (codes) and where they stand in the block's text. */
const stackCodes: number[] = [];
const stackIndexes: number[] = [];
/** How many of each opener are on the stack, so a closer knows at once whether it has a partner. */
const waiting = new Int32Array(OPENING_CODES.length);
const QUOTE_OPEN = 0x201c; // “
const APOSTROPHE = 0x2019; // ’

function checkBlock(context: RuleContext, model: ArticleModel, block: Block): void {
  const text = block.text;
  stackCodes.length = 0;
  stackIndexes.length = 0;
  waiting.fill(0);
  // A scan by code unit (a paragraph has many marks: no match object for each).
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!BRACKET_CODES.has(code)) continue;
    const slot = OPENING_CODES.indexOf(code);
    if (slot >= 0) {
      stackCodes.push(code);
      stackIndexes.push(i);
      waiting[slot]++;
      continue;
    }
    const opener = OPENER_CODE_OF.get(code);
    if (opener === undefined) continue;
    if (code === APOSTROPHE && isAsciiLetterCode(text.charCodeAt(i - 1)) && isAsciiLetterCode(text.charCodeAt(i + 1))) continue; // Xi’an: an apostrophe
    if (waiting[OPENING_CODES.indexOf(opener)] === 0) {
      const start = toSourceOffset(block, i);
      const args = { open: String.fromCharCode(opener), close: String.fromCharCode(code) };
      context.report({ start, end: start + 1, messageId: 'unopened', args, related: [{ start: block.start, end: block.start, messageId: 'openAfter', args }] });
      continue;
    }
    // Openers above the partner were left open: their closers were due before this one.
    for (;;) {
      const entryCode = stackCodes.pop()!;
      const entryIndex = stackIndexes.pop()!;
      waiting[OPENING_CODES.indexOf(entryCode)]--;
      if (entryCode === opener) break;
      const due = toSourceOffset(block, i);
      unclosed(context, block, entryCode, entryIndex, due, due + 1);
    }
  }
  if (stackCodes.length === 0) return;
  const continued = stackCodes[0] === QUOTE_OPEN && nextBlockOpensQuote(model, block);
  for (let k = continued ? 1 : 0; k < stackCodes.length; k++) unclosed(context, block, stackCodes[k], stackIndexes[k], block.end, block.end);
}

/** Reports the opener `code` at `index` of the block's text, its closer due at [dueAt, dueEnd). */
function unclosed(context: RuleContext, block: Block, code: number, index: number, dueAt: number, dueEnd: number): void {
  const mark = String.fromCharCode(code);
  const close = BRACKET_PAIRS[mark];
  const start = toSourceOffset(block, index);
  const args = { open: mark, close };
  context.report({ start, end: start + 1, messageId: 'unclosed', args, related: [{ start: dueAt, end: dueEnd, messageId: 'closeBy', args }] });
}

/** A quotation running over several paragraphs opens each with “ and closes only at its end. */
function nextBlockOpensQuote(model: ArticleModel, block: Block): boolean {
  const next = block.index + 1 < model.blocks.length ? model.blocks[block.index + 1] : model.blockAfter;
  return next !== undefined && next.role === block.role && next.text.startsWith('“');
}
