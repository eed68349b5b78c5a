// Reading the number at the heart of a figure: Arabic (27.2) or Chinese (三千五百万), then the
// magnitudes written after it (万, 亿, 万亿), stopping before units that start with a numeral (千瓦).

import {
  MAGNITUDE_EXPONENTS,
  isChineseNumeralChar,
  isDigit,
  isPositionalChineseNumeral,
  parseChineseInteger,
  readArabicNumber,
} from '../numerals';
import { NUMERAL_LED_UNITS } from './lexicon';

export interface NumberToken {
  readonly start: number;
  readonly end: number;
  /** Exact decimal spelling of the value: "27.2", "35000000". */
  readonly digits: string;
  readonly value: number;
  readonly chinese: boolean;
  readonly isInteger: boolean;
  /** Arabic digit count before the point, or the numeral's length. */
  readonly width: number;
  /** Chinese digits only, two or more (二〇一七, 七五): a year or a discount, never a count. */
  readonly positional: boolean;
  /** A lone 一: the indefinite article (一家, 一位), not a figure on its own. */
  readonly indefinite: boolean;
  /** A lone 百, 千, 万 or 亿 (千行百业, 每万人): a figure only with an approximator (近万名, 上千亩). */
  readonly bareMagnitude: boolean;
}

function startsNumeralLedUnit(text: string, at: number): boolean {
  return NUMERAL_LED_UNITS.some((unit) => text.startsWith(unit, at));
}

/** The Chinese numeral run at `start` (stopping before 千瓦, 百分点 …), unparsed. */
export function chineseRunAt(text: string, start: number): string {
  let end = start;
  while (end < text.length && isChineseNumeralChar(text[end]) && !startsNumeralLedUnit(text, end)) end++;
  return text.slice(start, end);
}

export function readNumber(text: string, start: number): NumberToken | undefined {
  if (isDigit(text[start])) {
    const arabic = readArabicNumber(text, start);
    if (!arabic) return undefined;
    return {
      start,
      end: arabic.end,
      digits: arabic.digits,
      value: Number(arabic.digits),
      chinese: false,
      isInteger: arabic.isInteger,
      width: arabic.digits.split('.')[0].length,
      positional: false,
      indefinite: false,
      bareMagnitude: false,
    };
  }
  const run = chineseRunAt(text, start);
  if (run.length === 0) return undefined;
  const value = parseChineseInteger(run);
  if (value === undefined) return undefined;
  return {
    start,
    end: start + run.length,
    digits: String(value),
    value,
    chinese: true,
    isInteger: true,
    width: run.length,
    positional: run.length >= 2 && isPositionalChineseNumeral(run),
    indefinite: run === '一' || run === '壹',
    bareMagnitude: run.length === 1 && '百千万亿佰仟萬億'.includes(run),
  };
}

/** Magnitudes after an Arabic number (3千万 = 10^7, 27.2万亿 = 10^12); 十 is never one. */
export function readMagnitudes(text: string, start: number): { end: number; exponent: number } {
  let end = start;
  let exponent = 0;
  while (end < text.length && end - start < 3) {
    const ch = text[end];
    if (ch === '十' || !(ch in MAGNITUDE_EXPONENTS) || startsNumeralLedUnit(text, end)) break;
    exponent += MAGNITUDE_EXPONENTS[ch];
    end++;
  }
  return { end, exponent };
}

/** Marks between the ends of a range: 20日至21日, 4至5代, 1—5月, 5%~8%. */
export const RANGE_SEPARATORS = '至到-－—–~～〜';
