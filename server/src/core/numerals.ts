// Chinese numerals read as integers: 十八 = 18, 二〇一七 = 2017, 三千五百万 = 35,000,000.

import { CHINESE_DIGITS, CHINESE_SMALL_UNITS } from './charClasses';

const LARGE_UNITS: Readonly<Record<string, number>> = { '万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8 };

/**
 * Reads a Chinese integer, positional (二〇一七) or with units (三千五百万, 十八).
 * Returns undefined for anything that is not a well-formed numeral.
 */
export function parseChineseInteger(numeral: string): number | undefined {
  if (numeral.length === 0) return undefined;
  const hasUnits = [...numeral].some((ch) => ch in CHINESE_SMALL_UNITS || ch in LARGE_UNITS);
  if (!hasUnits) {
    // Positional form: every character a digit (二〇一七 = 2017).
    let value = 0;
    for (const ch of numeral) {
      const digit = CHINESE_DIGITS[ch];
      if (digit === undefined) return undefined;
      value = value * 10 + digit;
    }
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
      if (section === 0 && total === 0) return undefined;
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
