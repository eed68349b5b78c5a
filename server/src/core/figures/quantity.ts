// The figure that starts with a number: a date, a fraction, a discount, a quantity with its
// magnitude and unit, or a range of two.

import { isAsciiLetter } from '../charClasses';
import { isDigit, scaled } from '../numerals';
import { clockAt, dateAt } from './dates';
import { name, ordinal, withApprox, type Draft } from './draft';
import { APPROX_INSIDE, KIND_OF_UNIT, oneOf, unitAt, type UnitInfo } from './lexicon';
import { RANGE_SEPARATORS, readMagnitudes, readNumber, type NumberToken } from './number';
import type { FigureKind } from './types';

/** Digits of a discount: 八折 = 0.8, 七五折 = 0.75, 8.5折 = 0.85. */
function discount(number: NumberToken): number | undefined {
  if (!number.chinese) return number.value > 0 && number.value < 10 ? scaled(number.digits, -1) : undefined;
  if (number.positional && number.width === 2) return scaled(number.digits, -2);
  return number.value > 0 && number.value < 10 ? scaled(number.digits, -1) : undefined;
}

const NOT_A_DISCOUNT = '合算旧射扣叠腾线服中返';

/** The figure that starts with `number`: a date, a fraction, a quantity or a range. */
export function quantityAt(t: string, number: NumberToken, floor: number): Draft | undefined {
  const date = dateAt(t, number) ?? (number.chinese ? undefined : clockAt(t, number));
  if (date) {
    if (number.indefinite && !t.startsWith('月', number.end) && !t.startsWith('季度', number.end)) return undefined;
    const { end, ...fields } = date;
    return withApprox(t, { ...fields, start: number.start, end }, floor, false);
  }
  if (t.startsWith('分之', number.end)) {
    const part = readNumber(t, number.end + 2);
    if (!part || part.positional || number.value === 0 || number.positional) return undefined;
    const value = Number((part.value / number.value).toFixed(6));
    return withApprox(t, { kind: 'share', value, unit: 'fraction', start: number.start, end: part.end }, floor, true);
  }
  if (t[number.end] === '折' && !oneOf(NOT_A_DISCOUNT, t[number.end + 1])) {
    const value = discount(number);
    if (value === undefined) return undefined;
    return withApprox(t, { kind: 'share', value, unit: '折', start: number.start, end: number.end + 1 }, floor, true);
  }
  if (number.indefinite && t[number.end] === '半') {
    return withApprox(t, { kind: 'share', value: 0.5, unit: '半', start: number.start, end: number.end + 1 }, floor, true);
  }
  if (number.positional) return undefined;
  const side = sideAt(t, number);
  // 80年代 is a decade, written without its century: no figure. 21世纪 is the 21st century.
  if (side.unit?.word === '年' && t[side.end] === '代') return undefined;
  if (!side.unit && side.exponent === 0 && t.startsWith('世纪', side.end)) return ordinal(number.start, side.end + 2, number.value);
  const range = rangeAt(t, number, side);
  if (range) return withApprox(t, range, floor, true);
  const draft = single(t, number, side);
  if (!draft) return undefined;
  const withAll = withApprox(t, draft, floor, true);
  if (!withAll) return undefined;
  // The indefinite 一 (一家, 一位) and a bare 千 (千粒重, 每万人) are figures only with an approximator.
  const approxed = withAll.approx !== undefined && withAll.start < number.start;
  // 一个多月, 一年多: the indefinite 一 with 多 inside a duration is more than one of it.
  const moreThanOne = side.inside !== undefined && side.unit?.info.kind === 'time';
  if (number.indefinite && !approxed && !moreThanOne && !['倍', '个百分点', '百分点'].includes(draft.unit ?? '')) return undefined;
  if ((number.bareMagnitude || (number.chinese && draft.kind === 'count' && !draft.unit)) && !approxed) return undefined;
  if (withAll.approx?.startsWith('近') && isRecentSpan(t, draft, withAll.start)) return withApprox(t, draft, number.start, true);
  return withAll;
}

/**
 * 近3年, 近5年来: "the last 3 years", a span counted back from now, not "nearly 3 years". So read when
 * 近 opens its clause or 来/以来 follows the span.
 */
function isRecentSpan(t: string, draft: Draft, start: number): boolean {
  if (draft.unit !== '年' && draft.unit !== '个月' && draft.unit !== '天') return false;
  return t.startsWith('来', draft.end) || t.startsWith('以来', draft.end) || start === 0 || oneOf(CLAUSE_OPENERS, t[start - 1]);
}

const CLAUSE_OPENERS = '，。；：、！？（“‘,;:(';

interface Side {
  readonly end: number;
  readonly exponent: number;
  readonly inside?: string;
  readonly unit?: { word: string; info: UnitInfo };
}

/** A number's magnitude, 余/多, and unit: 1.3万亿斤, 700余家, 三十多万人. */
export function sideAt(t: string, number: NumberToken): Side {
  const magnitude = number.chinese ? { end: number.end, exponent: 0 } : readMagnitudes(t, number.end);
  let end = magnitude.end;
  let exponent = magnitude.exponent;
  let inside: string | undefined;
  if (APPROX_INSIDE.includes(t[end])) {
    const more = readMagnitudes(t, end + 1);
    const unitAfter = unitUsable(t, more.end, number, true);
    if (more.exponent > 0 || unitAfter) {
      inside = t[end];
      end = more.end;
      exponent += more.exponent;
    }
  }
  const unit = unitUsable(t, end, number, inside !== undefined);
  if (!unit) return { end, exponent, inside };
  // 1个多月, 3个多小时: 多 inside the unit, which is then the word after it (月, 小时); 3年多, 10天余: after a duration.
  const within = TIME_AFTER_GE.find((rest) => unit.word === '个' && !inside && t.startsWith(`多${rest}`, end + 1));
  if (within) {
    const info = { ...unitAt(`个${within}`, 0)!.info, unit: within };
    return { end: end + 2 + within.length, exponent, inside: '多', unit: { word: `个${within}`, info } };
  }
  const after = unit.info.kind === 'time' && !inside && oneOf('多余', t[end + unit.word.length]);
  if (after && !oneOf('次种样家', t[end + unit.word.length + 1])) {
    return { end: end + unit.word.length + 1, exponent, inside: t[end + unit.word.length], unit };
  }
  return { end: end + unit.word.length, exponent, inside, unit };
}

const TIME_AFTER_GE = ['月', '小时', '星期', '工作日'];

/**
 * The unit at `at`, if it may follow `number`. A unit that never follows a Chinese numeral alone (十分 is
 * "very", 三角 a triangle) may once 多 or 余 stands between them: 十多分 is a score of ten-odd points.
 */
export function unitUsable(t: string, at: number, number: NumberToken, afterApprox = false): { word: string; info: UnitInfo } | undefined {
  const unit = unitAt(t, at);
  if (!unit || (number.chinese && !unit.info.afterChinese && !afterApprox)) return undefined;
  if (unit.word === '大' && number.chinese === false) return undefined;
  return unit;
}

/** 1克至2克, 4至5代, 8年至10年, 3万至5万元. */
function rangeAt(t: string, number: NumberToken, side: Side): Draft | undefined {
  if (!oneOf(RANGE_SEPARATORS, t[side.end]) || side.inside) return undefined;
  const next = readNumber(t, side.end + 1);
  if (!next || next.positional || next.chinese !== number.chinese) return undefined;
  const other = sideAt(t, next);
  if (!other.unit || other.inside) return undefined;
  if (side.unit && side.unit.word !== other.unit.word) return undefined;
  const info = other.unit.info;
  if (info.kind === 'time' && other.unit.word === '年' && !number.chinese && number.width === 4) {
    // 2017—2020年: a span of years.
    return { kind: 'range', value: null, low: number.value, high: next.value, unit: '年', start: number.start, end: other.end };
  }
  const lowExponent = side.unit || side.exponent > 0 ? side.exponent : other.exponent;
  return {
    kind: 'range',
    value: null,
    low: scaled(number.digits, lowExponent + info.exponent),
    high: scaled(next.digits, other.exponent + info.exponent),
    unit: info.unit,
    start: number.start,
    end: other.end,
  };
}

function single(t: string, number: NumberToken, side: Side): Draft | undefined {
  const { unit, exponent } = side;
  const approx = side.inside;
  if (!unit) {
    if (exponent > 0) return { kind: 'count', value: scaled(number.digits, exponent), approx, start: number.start, end: side.end };
    // 6楼, 三楼: a floor, counted from the ground (6楼盘 and 3楼市 are other words).
    if (t[side.end] === '楼' && number.isInteger && exponent === 0 && !oneOf('盘市宇房道梯层顶群', t[side.end + 1])) {
      return ordinal(number.start, side.end + 1, number.value);
    }
    // 破亿, 超过万: a Chinese magnitude on its own; kept only with an approximator (below).
    if (number.chinese) return number.value >= 1e4 ? { kind: 'count', value: number.value, start: number.start, end: side.end } : undefined;
    if (isVersion(t, number)) return name(number.start, versionEnd(t, number.end));
    if (!number.isInteger) return { kind: 'number', value: number.value, start: number.start, end: side.end };
    return name(number.start, side.end);
  }
  const info = unit.info;
  // 三年级 is the third grade.
  if (unit.word === '年' && t[side.end] === '级') return ordinal(number.start, side.end + 1, number.value);
  if (unit.word === '周年' || (number.chinese && (unit.word === '大' || unit.word === '届') && number.value > 10)) {
    return ordinal(number.start, side.end, number.value);
  }
  if (unit.word === '成' && (number.value > 10 || exponent > 0)) return undefined;
  const clock = compoundDuration(t, number, side);
  if (clock) return clock;
  const kind: FigureKind = KIND_OF_UNIT[info.kind];
  let end = side.end;
  if (kind === 'amount' && t[end] === '级') end++;
  return { kind, value: scaled(number.digits, exponent + info.exponent), unit: info.unit, approx, start: number.start, end };
}

const SECONDS: Readonly<Record<string, number>> = { '小时': 3600, '个小时': 3600, '分钟': 60, '分': 60, '秒': 1 };

/** 2小时10分05秒, 3分25秒: one duration, in seconds. */
function compoundDuration(t: string, number: NumberToken, side: Side): Draft | undefined {
  const first = side.unit?.word ?? '';
  if (!(first in SECONDS) || first === '秒' || side.exponent > 0) return undefined;
  let seconds = number.value * SECONDS[first];
  let end = side.end;
  let parts = 1;
  for (const next of first.endsWith('时') ? ['分钟', '分', '秒'] : ['秒']) {
    const part = readNumber(t, end);
    if (!part || part.chinese !== number.chinese || !t.startsWith(next, part.end)) continue;
    seconds += part.value * SECONDS[next];
    end = part.end + next.length;
    parts++;
  }
  return parts > 1 ? { kind: 'amount', value: seconds, unit: '秒', start: number.start, end } : undefined;
}

/** 1.2.3, or a decimal after a Latin word (Debian 12.0): a version, not a quantity. */
function isVersion(t: string, number: NumberToken): boolean {
  if (number.isInteger) return false;
  if (t[number.end] === '.' && isDigit(t[number.end + 1])) return true;
  const before = t[number.start - 1] === ' ' ? number.start - 2 : number.start - 1;
  return isAsciiLetter(t[before]);
}

function versionEnd(t: string, end: number): number {
  while ((t[end] === '.' && isDigit(t[end + 1])) || isDigit(t[end])) end++;
  return end;
}
