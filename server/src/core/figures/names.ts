// Digits and numerals that are not quantities: fixed names (一带一路, 三夏), titles in quotes
// (《中国制造2025》, “互联网+”), models and codes (5G, G20, C919), and idioms (千行百业) to pass over.

import { BRACKET_PAIRS, isHan } from '../charClasses';
import { isChineseNumeralChar, isDigit } from '../numerals';
import { IDIOMS, NAMES } from './lexicon';

export interface WordList {
  /** Words by the code of their first UTF-16 unit, longest first (looked up at every character of a block). */
  readonly byFirst: ReadonlyMap<number, readonly string[]>;
  /** 1 for each code some word starts with: most characters start none, and a table answers faster than the map. */
  readonly starts: Uint8Array;
}

function wordList(words: readonly string[]): WordList {
  const byFirst = new Map<number, string[]>();
  const starts = new Uint8Array(0x10000);
  for (const word of [...words].sort((a, b) => b.length - a.length)) {
    const first = word.charCodeAt(0);
    const list = byFirst.get(first) ?? [];
    list.push(word);
    byFirst.set(first, list);
    starts[first] = 1;
  }
  return { byFirst, starts };
}

export const NAME_WORDS = wordList(NAMES);
export const IDIOM_WORDS = wordList(IDIOMS);

/** The listed word written at `start`, if any. */
export function wordAt(list: WordList, text: string, start: number): string | undefined {
  const first = text.charCodeAt(start);
  if (list.starts[first] !== 1) return undefined;
  const candidates = list.byFirst.get(first);
  if (!candidates) return undefined;
  // 十分 is an idiom, 十分之一 a share.
  for (const word of candidates) if (text.startsWith(word, start) && text[start + word.length] !== '之') return word;
  return undefined;
}

const LONGEST_TITLE = 16;

/**
 * A quoted or titled name ending in digits or '+': 《中国制造2025》, “互联网+”.
 * Returns the name's [start, end) inside the marks.
 */
export function quotedNameAt(text: string, open: number): { start: number; end: number } | undefined {
  const close = BRACKET_PAIRS[text[open]];
  if (close === undefined) return undefined;
  const start = open + 1;
  let end = start;
  while (end < text.length && end - start <= LONGEST_TITLE && text[end] !== close) end++;
  if (text[end] !== close || end === start) return undefined;
  const inner = text.slice(start, end);
  let han = 0;
  while (han < inner.length && isHan(inner[han]) && !isChineseNumeralChar(inner[han])) han++;
  const tail = inner.slice(han);
  if (han >= 2 && (tail === '+' || tail === '＋')) return { start, end };
  if (han >= 2 && tail.length >= 2 && [...tail].every(isDigit)) return { start, end };
  return undefined;
}

/** A craft or programme named with a numeral and 号: 嫦娥六号, 北斗三号 (two Han characters before it). */
export function numberedNameStart(text: string, numeralStart: number, numeralEnd: number, floor: number): number | undefined {
  if (text[numeralEnd] !== '号') return undefined;
  const start = numeralStart - 2;
  if (start < floor) return undefined;
  for (let i = start; i < numeralStart; i++) {
    if (!isHan(text[i]) || isChineseNumeralChar(text[i]) || text[i] === '第') return undefined;
  }
  return start;
}
