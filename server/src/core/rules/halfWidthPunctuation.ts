// Half-width punctuation in Chinese text: `指出, 要` → `指出，要`, `(一)` → `（一）`, `"好"` → `“好”`.
// Parentheses only when settings.parentheses is `full` (the default, after GB/T 15834).
// Decided on the block's joined text, so a `,` alone on a line sees the Chinese on both sides of it.
// Never touched: decimals (27.2), thousands (1,000), times (12:30), versions (1.2.3), URLs, e-mail
// addresses, emoticons and ASCII art (:) ;-) (^_^)), a ! or ? that ends a Latin name (Yahoo!的), and marks
// inside English phrases. Straight quotes become curly when they quote Chinese, stand between Chinese, or
// touch Chinese in a sentence that already has curly quotes: one sentence never mixes the two.

import { CodeSet, HALF_TO_FULL_PUNCT, isAsciiDigit, isAsciiLetter, isAsciiLetterCode, isClosingMark, isOpeningMark, isSentenceEndCode } from '../charClasses';
import { toSourceOffset, type Block } from '../model';
import { addressMask, emoticonMask, englishPhraseMask, isAsciiArt, hanPrefix, isChineseNeighbour, isHanChar, isLetter, nextNonSpace, previousNonSpace } from './halfWidthContext';
import type { Edit, LocalizedText, Rule, RuleContext } from './rule';

const SIMPLE_MARKS = ',.;:!?';
/** How far back a Han character makes a full stop after a closing mark Chinese. */
const NEAR = 30;
const CANDIDATES = /[,.;:!?()"']/g;
const HAS_CANDIDATE = /[,.;:!?()"']/;

/** What the rule checks, in both languages: its setting's description (gathered in rules/descriptions.ts). */
export const description: LocalizedText = {
  en: 'Chinese text uses full-width punctuation: ，。；：！？（）“”‘’ rather than , . ; : ! ? ( ) " \'.',
  zh: '中文语境中应使用全角标点：，。；：！？（）“”‘’，而非 , . ; : ! ? ( ) " \'。',
};

export const halfWidthPunctuation: Rule = {
  id: 'half-width-punctuation',
  tags: ['punctuation'],
  defaultSeverity: 'warning',
  fixable: true,
  wrap: false,
  marksUnnecessary: false,
  messages: {
    mark: { en: 'Use the full-width “{full}” instead of “{half}” in Chinese text', zh: '中文语境中应使用全角“{full}”，而非“{half}”' },
    pair: { en: 'Use “{full}” instead of “{half}” in Chinese text', zh: '中文语境中应使用“{full}”，而非“{half}”' },
  },
  check(context) {
    for (const block of context.model.blocks) {
      if (block.role === 'directive') continue;
      checkBlock(context, block);
    }
  },
};

function checkBlock(context: RuleContext, block: Block): void {
  const text = block.text;
  if (!HAS_CANDIDATE.test(text)) return;
  const addresses = addressMask(text);
  const emoticons = emoticonMask(text);
  const english = englishPhraseMask(text);
  const han = hanPrefix(text);
  const hasHan = (from: number, to: number): boolean => han[to] > han[from];
  const replace = (index: number, newText: string): Edit => {
    const start = toSourceOffset(block, index);
    return { start, end: start + 1, newText };
  };
  const reportMark = (index: number): void => {
    const full = HALF_TO_FULL_PUNCT[text[index]];
    const edit = replace(index, full);
    context.report({ start: edit.start, end: edit.end, messageId: 'mark', args: { half: text[index], full }, fix: [edit] });
  };
  const reportPair = (open: number, close: number, full: string): void => {
    const start = toSourceOffset(block, open);
    const fix = [replace(open, full[0]), replace(close, full[1])];
    context.report({ start, end: start + 1, messageId: 'pair', args: { half: text[open] + text[close], full }, fix });
  };

  const parens: number[] = [];
  const doubleQuotes: number[] = [];
  const singleQuotes: number[] = [];
  for (const match of text.matchAll(CANDIDATES)) {
    const i = match.index;
    const ch = match[0];
    if (addresses[i] || emoticons[i]) continue;
    if (SIMPLE_MARKS.includes(ch)) {
      if (isChineseMark(text, i, english[i] === 1, hasHan(Math.max(0, i - NEAR), i))) reportMark(i);
    } else if (ch === '(' || ch === ')') {
      if (context.settings.parentheses === 'full') parens.push(i);
    } else if (ch === '"') {
      doubleQuotes.push(i);
    } else if (ch === "'" && !(isAsciiLetter(text[i - 1]) && isAsciiLetter(text[i + 1]))) {
      singleQuotes.push(i);
    }
  }

  // Parentheses pair by nesting; a pair is Chinese when it holds Chinese or stands between Chinese
  // (国内生产总值(GDP)增长). A pair without Chinese that encloses a half-width pair kept as it is holds
  // text set in ASCII typography (格式(“3.0 (quilt)”)与, as the corpus truth keeps it): it stays too,
  // rather than mixing widths in one nest.
  const open: number[] = [];
  /** Per open pair: whether a half-width pair inside it stays half-width. */
  const holdsAscii: boolean[] = [];
  for (const index of parens) {
    if (text[index] === '(') {
      open.push(index);
      holdsAscii.push(false);
      continue;
    }
    const opener = open.pop();
    const asciiInside = holdsAscii.pop() ?? false;
    if (opener !== undefined && isAsciiArt(text.slice(opener + 1, index))) {
      if (holdsAscii.length > 0) holdsAscii[holdsAscii.length - 1] = true;
    } else if (opener === undefined) {
      if (isChineseNeighbour(previousNonSpace(text, index))) reportMark(index);
    } else if (hasHan(opener + 1, index) || (!asciiInside && chineseOrEdge(previousNonSpace(text, opener)) && isChineseNeighbour(nextNonSpace(text, index)))) {
      reportPair(opener, index, '（）');
    } else if (holdsAscii.length > 0) {
      holdsAscii[holdsAscii.length - 1] = true;
    }
  }
  for (const opener of open) if (isHanChar(nextNonSpace(text, opener))) reportMark(opener);

  // Straight quotes pair in order of appearance. A pair is Chinese when it quotes Chinese or stands between
  // Chinese (中文'English'中文); a pair that touches Chinese on one side follows its sentence: curly when the
  // sentence has curly quotes, so 他说“好”和'OK'。 does not mix the two forms.
  const pairs: Array<{ open: number; close: number; full: string; chinese: boolean }> = [];
  for (const [marks, full] of [[doubleQuotes, '“”'], [singleQuotes, '‘’']] as const) {
    for (let k = 0; k + 1 < marks.length; k += 2) {
      const [a, b] = [marks[k], marks[k + 1]];
      const between = isChineseNeighbour(previousNonSpace(text, a)) && isChineseNeighbour(nextNonSpace(text, b));
      pairs.push({ open: a, close: b, full, chinese: hasHan(a + 1, b) || between });
    }
  }
  // Sentences are numbered only for a block with straight quotes to pair (most have none).
  if (pairs.length === 0) return;
  const curlySentences = new Set<number>();
  const sentences = sentenceNumbers(text);
  for (let i = 0; i < text.length; i++) if (CURLY_QUOTE_CODES.has(text.charCodeAt(i))) curlySentences.add(sentences[i]);
  for (const pair of pairs) if (pair.chinese) curlySentences.add(sentences[pair.open]);
  for (const pair of pairs) {
    const touches = isChineseNeighbour(previousNonSpace(text, pair.open)) || isChineseNeighbour(nextNonSpace(text, pair.close));
    if (pair.chinese || (touches && curlySentences.has(sentences[pair.open]))) reportPair(pair.open, pair.close, pair.full);
  }
}

/** For each offset, the number of the sentence it is in: a sentence ends after 。！？… or . ! ? */
function sentenceNumbers(text: string): Uint32Array {
  const numbers = new Uint32Array(text.length);
  let sentence = 0;
  // By code unit: no string per character.
  for (let i = 0; i < text.length; i++) {
    numbers[i] = sentence;
    const code = text.charCodeAt(i);
    if (isSentenceEndCode(code)) sentence++;
    else if (code === 0x2e /* . */) {
      const next = text.charCodeAt(i + 1);
      if (!isAsciiLetterCode(next) && !(next >= 0x30 && next <= 0x39)) sentence++;
    }
  }
  return numbers;
}

const CURLY_QUOTE_CODES = new CodeSet('“”‘’');

function chineseOrEdge(ch: string | undefined): boolean {
  return ch === undefined || isChineseNeighbour(ch);
}

/** Whether a , . ; : ! ? at `index` belongs to Chinese text (and is not part of a number or an ellipsis). */
function isChineseMark(text: string, index: number, inEnglishPhrase: boolean, hanNear: boolean): boolean {
  const ch = text[index];
  const before = text[index - 1];
  const after = text[index + 1];
  if (ch === '.' && (before === '.' || after === '.')) return false;
  if (',.:'.includes(ch) && isAsciiDigit(before) && isAsciiDigit(after)) return false;
  const previous = previousNonSpace(text, index);
  const next = nextNonSpace(text, index);
  // A ! or ? glued to a Latin word before Chinese ends a name (Yahoo!的文档, Yes! 升级), whether or not
  // cjkLatinSpacing puts a space after it.
  if ((ch === '!' || ch === '?') && isLetter(before) && isHanChar(next)) return false;
  if (ch === '.') {
    // A full stop only after Chinese, and never in front of a letter or digit (百度.com, 图1.2). After a
    // closing mark it ends Chinese only if Chinese came shortly before (not in foo “bar”. baz).
    return (isHanChar(previous) || (isClosingMark(previous) && hanNear)) && !isAsciiLetter(after) && !isAsciiDigit(after);
  }
  if (isChineseNeighbour(previous) && !(ch === ':' && after === '/')) return true;
  if (previous === undefined || !isLetter(previous) || !inEnglishPhrase) {
    return isHanChar(next) || isOpeningMark(next);
  }
  return false;
}
