// Numbers as printed in Chinese text: Chinese numerals (十八 = 18, 二〇一七 = 2017, 三千五百万 = 35,000,000),
// Arabic digits (half- or full-width, 1,234.5), and the magnitudes written after them (万, 亿, 万亿).

import { CHINESE_DIGITS, CHINESE_SMALL_UNITS, isAsciiDigit } from './charClasses';

const LARGE_UNITS: Readonly<Record<string, number>> = { '万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8 };

/** Powers of ten of the magnitude characters written after a number (3千万 = 3 × 10^7). */
export const MAGNITUDE_EXPONENTS: Readonly<Record<string, number>> = {
  '十': 1, '百': 2, '千': 3, '万': 4, '萬': 4, '亿': 8, '億': 8,
};

// A set answers for a one-character string far faster than `in` on objects keyed by Han characters.
const NUMERAL_CHARS: ReadonlySet<string> = new Set([
  ...Object.keys(CHINESE_DIGITS),
  ...Object.keys(CHINESE_SMALL_UNITS),
  ...Object.keys(LARGE_UNITS),
]);

// Every numeral character is one UTF-16 unit, so its code answers too (no string per character in scans).
// A table over the Basic Multilingual Plane: the figure scan asks at every character.
const NUMERAL_CODES: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (const ch of NUMERAL_CHARS) table[ch.charCodeAt(0)] = 1;
  return table;
})();

/** Is the character part of a Chinese numeral (digits, 十百千, 万亿)? */
export function isChineseNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && NUMERAL_CHARS.has(ch);
}

/** isChineseNumeralChar for the UTF-16 code unit at a position (NaN, past either end, is none). */
export function isChineseNumeralCode(code: number): boolean {
  return NUMERAL_CODES[code] === 1;
}

/** isDigit for a UTF-16 code unit: ASCII or full-width digit. */
export function isDigitCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}


/** ASCII or full-width digit. */
export function isDigit(ch: string | undefined): boolean {
  if (isAsciiDigit(ch)) return true;
  return ch !== undefined && ch >= '０' && ch <= '９';
}

function asciiDigit(ch: string): string {
  return ch >= '０' && ch <= '９' ? String.fromCharCode(ch.charCodeAt(0) - 0xfee0) : ch;
}

/**
 * Reads a Chinese integer, positional (二〇一七) or with units (三千五百万, 十八, 万).
 * Returns undefined for anything that is not a well-formed numeral.
 */
export function parseChineseInteger(numeral: string): number | undefined {
  if (numeral.length === 0) return undefined;
  if (isPositionalChineseNumeral(numeral)) {
    let value = 0;
    for (const ch of numeral) value = value * 10 + CHINESE_DIGITS[ch];
    return value;
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of numeral) {
    if (ch in CHINESE_DIGITS) {
      if (digit !== undefined && CHINESE_DIGITS[ch] !== 0) return undefined;
      digit = CHINESE_DIGITS[ch] === 0 ? undefined : CHINESE_DIGITS[ch];
    } else if (ch in CHINESE_SMALL_UNITS) {
      section += (digit ?? 1) * CHINESE_SMALL_UNITS[ch];
      digit = undefined;
    } else if (ch in LARGE_UNITS) {
      const unit = LARGE_UNITS[ch];
      section += digit ?? 0;
      // A leading 万 or 亿 stands for one of it (近万名 = nearly 10,000).
      if (section === 0 && total === 0) section = 1;
      // 三万亿 multiplies what came before; 一亿二千万 adds a lower section.
      total = total < unit ? (total + section) * unit : total + section * unit;
      section = 0;
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/** Digits only, no 十百千万亿: 二〇一七, 七五. */
export function isPositionalChineseNumeral(numeral: string): boolean {
  if (numeral.length === 0) return false;
  for (const ch of numeral) if (!(ch in CHINESE_DIGITS)) return false;
  return true;
}

/** An Arabic number read from text: its exact decimal spelling and where it ends. */
export interface ArabicNumber {
  readonly end: number;
  /** ASCII digits with at most one '.', separators removed: "27.2", "1234". */
  readonly digits: string;
  readonly isInteger: boolean;
}

/** Reads digits at `start`: full-width digits, 1,234,567 (groups of three), decimals with . or ．. */
export function readArabicNumber(text: string, start: number): ArabicNumber | undefined {
  let i = start;
  let digits = '';
  while (i < text.length && isDigit(text[i])) digits += asciiDigit(text[i++]);
  if (digits.length === 0) return undefined;
  if (digits.length <= 3) {
    // Thousands separators: every group after a comma has exactly three digits.
    while (text[i] === ',' && isDigit(text[i + 1]) && isDigit(text[i + 2]) && isDigit(text[i + 3]) && !isDigit(text[i + 4])) {
      digits += asciiDigit(text[i + 1]) + asciiDigit(text[i + 2]) + asciiDigit(text[i + 3]);
      i += 4;
    }
  }
  let isInteger = true;
  if ((text[i] === '.' || text[i] === '．') && isDigit(text[i + 1])) {
    digits += '.';
    i++;
    while (i < text.length && isDigit(text[i])) digits += asciiDigit(text[i++]);
    isInteger = false;
  }
  return { end: i, digits, isInteger };
}

/** Exact value of a decimal spelling times a power of ten (avoids 32.9 / 100 = 0.32899999…). */
export function scaled(digits: string, exponent: number): number {
  return Number(`${digits}e${exponent}`);
}
