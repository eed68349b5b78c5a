// Years and dates: 2017年, 二〇一七年, 4月20日, 2月末, 2024年底, 一季度, 20日至21日, 1月至6月, 26日12时15分.
// `norm` follows the corpus: --04-20, ---20, 2024-12, Q1, ---20/---21, ---26T12:15.

import { oneOf } from './lexicon';
import { RANGE_SEPARATORS, readNumber, type NumberToken } from './number';

export interface DateMatch {
  readonly end: number;
  readonly kind: 'year' | 'date' | 'range';
  readonly value: number | null;
  /** A span of years (2021年至2025年). */
  readonly low?: number;
  readonly high?: number;
  readonly unit?: string;
  readonly norm?: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function isYear(n: NumberToken): boolean {
  if (n.chinese ? !n.positional : !n.isInteger) return false;
  return n.width === 4 && n.value >= 1000 && n.value <= 2999;
}

function integerIn(n: NumberToken | undefined, low: number, high: number): n is NumberToken {
  return n !== undefined && n.isInteger && !n.positional && n.value >= low && n.value <= high;
}

const TIMES_OF_DAY = ['凌晨', '早上', '上午', '中午', '下午', '傍晚', '晚上', '夜间', '晚'];

/** A clock time after a day or on its own: 12时15分, 8时, 12:15, 中午12时15分. */
function timeAt(text: string, start: number): { end: number; norm: string } | undefined {
  const period = TIMES_OF_DAY.find((word) => text.startsWith(word, start));
  const time = clockTimeAt(text, start + (period?.length ?? 0));
  if (!time || !period) return time;
  // 下午3时 is 15:00.
  const hour = Number(time.norm.slice(1, 3));
  const afternoon = ['下午', '傍晚', '晚上', '夜间', '晚'].includes(period) && hour < 12;
  return afternoon ? { end: time.end, norm: `T${pad(hour + 12)}${time.norm.slice(3)}` } : time;
}

function clockTimeAt(text: string, start: number): { end: number; norm: string } | undefined {
  const hour = readNumber(text, start);
  if (!integerIn(hour, 0, 24)) return undefined;
  if (text[hour.end] === ':' || text[hour.end] === '：') {
    const minute = readNumber(text, hour.end + 1);
    if (integerIn(minute, 0, 59) && !minute.chinese && minute.width === 2) {
      return { end: minute.end, norm: `T${pad(hour.value)}:${pad(minute.value)}` };
    }
    return undefined;
  }
  if (text[hour.end] !== '时') return undefined;
  const minute = readNumber(text, hour.end + 1);
  if (integerIn(minute, 0, 59) && text[minute.end] === '分') {
    return { end: minute.end + 1, norm: `T${pad(hour.value)}:${pad(minute.value)}` };
  }
  return { end: hour.end + 1, norm: `T${pad(hour.value)}` };
}

const MONTH_SUFFIXES = ['上旬', '中旬', '下旬', '份', '底', '末', '初', '中'];

/** Month, day and time without a year: 4月20日, 2月末, 20日, 26日12时15分. */
function dayPartAt(text: string, number: NumberToken): { end: number; norm: string } | undefined {
  const afterNumber = number.end;
  if (text[afterNumber] === '月' && integerIn(number, 1, 12) && !number.positional) {
    const month = number.value;
    const day = readNumber(text, afterNumber + 1);
    if (integerIn(day, 1, 31) && (text[day.end] === '日' || text[day.end] === '号') && !day.indefinite) {
      const time = timeAt(text, day.end + 1);
      const norm = `--${pad(month)}-${pad(day.value)}`;
      return time ? { end: time.end, norm: norm + time.norm } : { end: day.end + 1, norm };
    }
    const suffix = MONTH_SUFFIXES.find((s) => text.startsWith(s, afterNumber + 1));
    return { end: afterNumber + 1 + (suffix?.length ?? 0), norm: `--${pad(month)}` };
  }
  if (text[afterNumber] === '日' && integerIn(number, 1, 31) && !number.indefinite) {
    const time = timeAt(text, afterNumber + 1);
    const norm = `---${pad(number.value)}`;
    return time ? { end: time.end, norm: norm + time.norm } : { end: afterNumber + 1, norm };
  }
  if (text.startsWith('季度', afterNumber) && integerIn(number, 1, 4)) {
    const suffix = ['末', '底', '初'].find((s) => text.startsWith(s, afterNumber + 2));
    return { end: afterNumber + 2 + (suffix?.length ?? 0), norm: `Q${number.value}` };
  }
  return undefined;
}

/** The date, year or date range starting with `number`, if it is one. */
export function dateAt(text: string, number: NumberToken): DateMatch | undefined {
  const first = yearOrDayPartAt(text, number);
  if (first?.kind === 'year' && oneOf(RANGE_SEPARATORS, text[first.end])) {
    const next = readNumber(text, first.end + 1);
    const last = next && yearOrDayPartAt(text, next);
    if (last?.kind === 'year') return { end: last.end, kind: 'range', value: null, low: first.value!, high: last.value!, unit: '年' };
  }
  if (first) {
    const second = rangeEndAt(text, first.end);
    if (second && first.norm !== undefined) {
      return { end: second.end, kind: 'date', value: null, norm: `${first.norm}/${inMonthOf(first.norm, second.norm)}` };
    }
    return first;
  }
  // 1至5月, 20至21日: the unit is written once, after the second number.
  if (oneOf(RANGE_SEPARATORS, text[number.end]) && number.isInteger && !number.positional) {
    const next = readNumber(text, number.end + 1);
    const second = next && next.chinese === number.chinese ? dayPartAt(text, next) : undefined;
    const first = second && shorthandNorm(second.norm, number.value);
    if (second && first) return { end: second.end, kind: 'date', value: null, norm: `${first}/${second.norm}` };
  }
  return undefined;
}

function yearOrDayPartAt(text: string, number: NumberToken): DateMatch | undefined {
  if (isYear(number) && text[number.end] === '年' && !text.startsWith('年代', number.end)) {
    const year = number.value;
    const after = number.end + 1;
    const month = readNumber(text, after);
    const part = month && text[month.end] === '月' ? dayPartAt(text, month) : undefined;
    if (part && part.norm.startsWith('--') && !part.norm.startsWith('---')) {
      return { end: part.end, kind: 'date', value: null, norm: `${year}${part.norm.slice(1)}` };
    }
    if ((text[after] === '底' || text[after] === '末') && text[after + 1] !== '期') {
      return { end: after + 1, kind: 'date', value: null, norm: `${year}-12` };
    }
    if (text[after] === '初' && text[after + 1] !== '步') {
      return { end: after + 1, kind: 'date', value: null, norm: `${year}-01` };
    }
    return { end: after, kind: 'year', value: year };
  }
  const part = dayPartAt(text, number);
  if (part) return { end: part.end, kind: 'date', value: null, norm: part.norm };
  return undefined;
}

/** A day written alone after a full date is in that date's month: 12月16日至17日 → --12-16/--12-17. */
function inMonthOf(first: string, second: string): string {
  const month = /^(\d{4}-\d\d|--\d\d)-\d\d/.exec(first);
  return month && second.startsWith('---') ? `${month[1]}${second.slice(2)}` : second;
}

/** The first end of 1至5月 written in the form of the second (--05 → --01). */
function shorthandNorm(second: string, value: number): string | undefined {
  if (/^--\d\d$/.test(second) && value >= 1 && value <= 12) return `--${pad(value)}`;
  if (/^---\d\d$/.test(second) && value >= 1 && value <= 31) return `---${pad(value)}`;
  if (/^Q\d$/.test(second) && value >= 1 && value <= 4) return `Q${value}`;
  return undefined;
}

/** The second date of 20日至21日 or 1月至6月. */
function rangeEndAt(text: string, start: number): { end: number; norm: string } | undefined {
  if (!oneOf(RANGE_SEPARATORS, text[start])) return undefined;
  const next = readNumber(text, start + 1);
  if (!next) return undefined;
  const second = yearOrDayPartAt(text, next);
  if (!second || second.norm === undefined) return undefined;
  return { end: second.end, norm: second.norm };
}

/** Standalone clock time (12时15分). */
export function clockAt(text: string, number: NumberToken): DateMatch | undefined {
  const time = timeAt(text, number.start);
  return time && { end: time.end, kind: 'date', value: null, norm: time.norm };
}
