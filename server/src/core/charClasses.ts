// The one table of character classes used by every part of the core.
// Regex sources are exported so rules can compose them without redefining a class.

/** Han ideographs (CJK Unified + Extension A, compatibility ideographs) and 〇. */
export const HAN_SOURCE = '\\u3007\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF';

/** Full-width punctuation that belongs to Chinese text (the marks rules space around). */
export const CJK_PUNCT_CHARS = '，。、；：！？“”‘’（）《》〈〉【】「」『』…—～·〔〕［］｛｝〖〗';
export const CJK_PUNCT_SOURCE = CJK_PUNCT_CHARS.replace(/[\]\\^-]/g, '\\$&');

/** Marks that end a sentence. */
export const SENTENCE_END_CHARS = '。！？…';
/** Closing marks that may follow a sentence end (”。 or 。” both end a sentence). */
export const CLOSING_CHARS = '”’）》〉】」』〕］｝〗';
/** Opening marks: text after them is still pending a closer. */
export const OPENING_CHARS = '“‘（《〈【「『〔［｛〖';

/** Opening mark → its closing mark. Straight quotes pair with themselves. */
export const BRACKET_PAIRS: Readonly<Record<string, string>> = {
  '“': '”', '‘': '’', '（': '）', '《': '》', '〈': '〉', '【': '】',
  '「': '」', '『': '』', '〔': '〕', '［': '］', '｛': '｝', '〖': '〗',
};

/** Half-width punctuation → the full-width form used in Chinese text. */
export const HALF_TO_FULL_PUNCT: Readonly<Record<string, string>> = {
  ',': '，', '.': '。', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）',
};

/** Whitespace that counts as stray spacing inside a line: space, tab, ideographic space, NBSP. */
export const INLINE_SPACE_SOURCE = ' \\t\\u3000\\u00A0';

const HAN = new RegExp(`[${HAN_SOURCE}]`);
const CJK_PUNCT = new RegExp(`[${CJK_PUNCT_SOURCE}]`);
const INLINE_SPACE = new RegExp(`[${INLINE_SPACE_SOURCE}]`);

// The predicates below answer a one-character string from its code (the hot path of every scan) and
// keep the regular expression for longer strings, where they mean "holds such a character".
export function isHan(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  return ch.length === 1 ? isHanCode(ch.charCodeAt(0)) : ch.length > 0 && HAN.test(ch);
}

export function isCjkPunct(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  return ch.length === 1 ? isCjkPunctCode(ch.charCodeAt(0)) : ch.length > 0 && CJK_PUNCT.test(ch);
}

/** Han or full-width punctuation: the characters that make a context "Chinese". */
export function isCjk(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

export function isInlineSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  return ch.length === 1 ? isInlineSpaceCode(ch.charCodeAt(0)) : ch.length > 0 && INLINE_SPACE.test(ch);
}

export function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

/** Latin letters (any script's letters outside CJK) and digits: the "Latin" side of CJK/Latin spacing. */
export function isLatinOrDigit(ch: string | undefined): boolean {
  if (ch === undefined || ch.length === 0) return false;
  if (isAsciiDigit(ch) || isAsciiLetter(ch)) return true;
  const code = ch.codePointAt(0)!;
  return code >= 0xc0 && code < 0x2e80 && /\p{L}/u.test(ch);
}

/** Punctuation or symbols of any script (Unicode P and S): what a line "with punctuation" holds. */
const PUNCT_OR_SYMBOL = /[\p{P}\p{S}]/u;

/**
 * PUNCT_OR_SYMBOL's answer per BMP code point, filled on first use (0: not asked yet, 1: no, 2: yes). The
 * break model asks it of every character of nearly every line several times; through the regular
 * expression each character was looked up in the class's long list of ranges
 * (`RegExpMacroAssembler::IsCharacterInRangeArray`).
 */
const PUNCT_OR_SYMBOL_BMP = new Uint8Array(0x10000);

/** Whether the code point is punctuation or a symbol (a lone surrogate is neither). */
export function isPunctOrSymbolCodePoint(code: number): boolean {
  if (code >= 0x10000) return PUNCT_OR_SYMBOL.test(String.fromCodePoint(code));
  let known = PUNCT_OR_SYMBOL_BMP[code];
  if (known === 0) {
    known = PUNCT_OR_SYMBOL.test(String.fromCharCode(code)) ? 2 : 1;
    PUNCT_OR_SYMBOL_BMP[code] = known;
  }
  return known === 2;
}

/** Whether the text holds any punctuation or symbol (`/[\p{P}\p{S}]/u.test(text)`). */
export function hasPunctOrSymbol(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (isPunctOrSymbolCodePoint(code)) return true;
    if (code >= 0x10000) i++;
  }
  return false;
}

/** Whether the text is nothing but punctuation or symbols, and not empty (`/^[\p{P}\p{S}]+$/u.test(text)`). */
export function isPunctOrSymbolOnly(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (!isPunctOrSymbolCodePoint(code)) return false;
    if (code >= 0x10000) i++;
  }
  return true;
}

export function isSentenceEnd(ch: string | undefined): boolean {
  return ch !== undefined && ch.length > 0 && SENTENCE_END_CHARS.includes(ch);
}

export function isClosingMark(ch: string | undefined): boolean {
  return ch !== undefined && ch.length > 0 && CLOSING_CHARS.includes(ch);
}

export function isOpeningMark(ch: string | undefined): boolean {
  return ch !== undefined && ch.length > 0 && OPENING_CHARS.includes(ch);
}

/** Full-width ASCII variants (！ to ～, U+FF01–U+FF5E) map to ASCII by a fixed offset. */
export const FULLWIDTH_ASCII_OFFSET = 0xfee0;

export function isFullWidthAlnum(ch: string | undefined): boolean {
  if (ch === undefined || ch.length !== 1) return false;
  const code = ch.charCodeAt(0);
  return (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
}

export function toHalfWidth(ch: string): string {
  return String.fromCharCode(ch.charCodeAt(0) - FULLWIDTH_ASCII_OFFSET);
}

/** Chinese numeral characters, for labels (信号十二) and figures (三千五百万). */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  '〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
  '壹': 1, '贰': 2, '叁': 3, '肆': 4, '伍': 5, '陆': 6, '柒': 7, '捌': 8, '玖': 9,
};
export const CHINESE_SMALL_UNITS: Readonly<Record<string, number>> = { '十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000 };
export const CHINESE_NUMERAL_SOURCE = '〇零一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟';

// Code-unit versions of the predicates above, for loops over long lines: no string or regex per character.

/**
 * A set of UTF-16 code units (each character's first), asked of nearly every character of a document: a bit
 * per code unit (8 KB) rather than a Set, whose lookup hashes at each call (a clean 10 MB article made some
 * 20 million of them, 3–4 % of its analysis's instructions).
 */
export class CodeSet {
  private readonly bits = new Uint32Array(0x800);

  constructor(chars: string) {
    for (const ch of chars) {
      const code = ch.charCodeAt(0);
      this.bits[code >>> 5] |= 1 << (code & 31);
    }
  }

  has(code: number): boolean {
    // charCodeAt past the end is NaN: in no set.
    return code >= 0 && code < 0x10000 && ((this.bits[code >>> 5] >>> (code & 31)) & 1) === 1;
  }
}

/** The first code unit of a surrogate pair (alone, half of nothing). */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The second code unit of a surrogate pair. */
export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function isHanCode(code: number): boolean {
  return code === 0x3007 || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

const CJK_PUNCT_CODES = new CodeSet(CJK_PUNCT_CHARS);
const SENTENCE_END_CODES = new CodeSet(SENTENCE_END_CHARS);

/**
 * A code unit that ends a sentence: 。！？… or a half-width ! or ?. A half-width full stop is left to the
 * caller: it may be a decimal point, an abbreviation's or a file name's.
 */
export function isSentenceEndCode(code: number): boolean {
  return SENTENCE_END_CODES.has(code) || code === 0x21 /* ! */ || code === 0x3f /* ? */;
}

/**
 * Where a sentence, or a clause a semicolon closes, ends, in either width: what a figure's sentence or
 * relation reads up to (a hover's sentence, a share of a whole).
 */
export const SENTENCE_OR_CLAUSE_END = /[。！？；!?;]/u;

export function isCjkPunctCode(code: number): boolean {
  return CJK_PUNCT_CODES.has(code);
}

const OPENING_CODES = new CodeSet(OPENING_CHARS);

export function isOpeningMarkCode(code: number): boolean {
  return OPENING_CODES.has(code);
}

export function isAsciiLetterCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

export function isCjkCode(code: number): boolean {
  return isHanCode(code) || CJK_PUNCT_CODES.has(code);
}

/** Whether a text holds any inline space (a cheap test before a pattern that needs one). */
export function hasInlineSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isInlineSpaceCode(text.charCodeAt(i))) return true;
  return false;
}

/** The nearest character that is not an inline space, from `index` on, walking in `step` direction. */
export function nearestNonSpace(text: string, index: number, step: 1 | -1): string | undefined {
  while (index >= 0 && index < text.length && isInlineSpaceCode(text.charCodeAt(index))) index += step;
  return index >= 0 && index < text.length ? text[index] : undefined;
}

export function isInlineSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0;
}

/** Letters between U+00C0 and U+2E80 (Latin, Greek, Cyrillic…), tabulated once so lookups need no regex. */
const LETTERS_BEFORE_CJK: Uint8Array = (() => {
  const table = new Uint8Array(0x2e80 - 0xc0);
  // One regex for the whole table: the bundle builds a RegExp from its source wherever the literal stands,
  // and one per code point cost ~7 ms of every start.
  const letter = /\p{L}/u;
  for (let code = 0xc0; code < 0x2e80; code++) table[code - 0xc0] = letter.test(String.fromCharCode(code)) ? 1 : 0;
  return table;
})();

export function isLatinOrDigitCode(code: number): boolean {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return true;
  return code >= 0xc0 && code < 0x2e80 && LETTERS_BEFORE_CJK[code - 0xc0] === 1;
}

// The edges of a Latin token for CJK/Latin spacing. A figure or name carries its symbols with it: the space
// goes outside `0.1%`, `C++`, `C#`, `Yahoo!`, `+255` and `-255`, never between the figure and its symbol.

/** Symbols that end a Latin token after a letter or digit: 0.1%, 5‰, C++, C#, and the ! of a name (Yahoo!). */
const LATIN_SUFFIX_CODES = new CodeSet('%‰+#!');

/**
 * Whether text[index] is the last character of a Latin token: a letter or digit, or a symbol run after one
 * (a percent sign only after a digit: `by%关键词%` is a pattern, not a figure).
 */
export function endsLatinToken(text: string, index: number): boolean {
  let i = index;
  let percent = false;
  while (i >= 0 && index - i < 4 && LATIN_SUFFIX_CODES.has(text.charCodeAt(i))) {
    if (text[i] === '%' || text[i] === '‰') percent = true;
    i--;
  }
  return i >= 0 && (percent ? isAsciiDigit(text[i]) : isLatinOrDigitCode(text.charCodeAt(i)));
}

/**
 * Whether text[index] begins a Latin token: a letter or digit, or a sign before a digit (+255, -255). A
 * hyphen after a figure's unit (2019年-2020年) joins a range, not a sign, so it does not begin one.
 */
export function beginsLatinToken(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (isLatinOrDigitCode(code)) return true;
  if ((code !== 0x2b && code !== 0x2d) || !isAsciiDigit(text[index + 1])) return false;
  if (code === 0x2b) return true;
  let unit = index - 1;
  while (unit >= 0 && isInlineSpaceCode(text.charCodeAt(unit))) unit--;
  return !(isHanCode(text.charCodeAt(unit)) && isAsciiDigit(nearestNonSpace(text, unit - 1, -1)));
}
