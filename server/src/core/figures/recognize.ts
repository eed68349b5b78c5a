// Finding figures in a text: one left-to-right pass; at each number, the longest reading of a
// figure (approximator, number, magnitude, unit, range, approximator) that the grammar allows.
// Every step looks a bounded distance ahead, and a number that is no figure is skipped whole,
// so the pass is linear in the text.

import { isAsciiLetter, isHan, isOpeningMark } from '../charClasses';
import { isChineseNumeralChar, isDigit, parseChineseInteger, scaled } from '../numerals';
import { compactText, originalRange } from './compact';
import { clockAt, dateAt } from './dates';
import {
  APPROX_AFTER,
  APPROX_BEFORE,
  APPROX_INSIDE,
  APPROX_MAGNITUDE_ONLY,
  APPROX_SPOILERS,
  FRONT_SPOILERS,
  KIND_OF_UNIT,
  ORDINAL_MEASURES,
  oneOf,
  unitAt,
  type UnitInfo,
} from './lexicon';
import { IDIOM_WORDS, NAME_WORDS, numberedNameStart, quotedNameAt, wordAt } from './names';
import { chineseRunAt, RANGE_SEPARATORS, readMagnitudes, readNumber, type NumberToken } from './number';
import type { FigureKind, FoundFigure } from './types';

type Draft = Omit<FoundFigure, 'text' | 'start' | 'end'> & { start: number; end: number };

/** Figures in a text (a block's logical text), in order; offsets index that text. */
export function recognizeFigures(text: string): FoundFigure[] {
  const compact = compactText(text);
  return scan(compact.text).map((draft) => {
    const [start, end] = originalRange(compact, draft.start, draft.end);
    return { ...draft, text: compact.text.slice(draft.start, draft.end), start, end };
  });
}

function scan(t: string): Draft[] {
  const found: Draft[] = [];
  let floor = 0;
  let i = 0;
  while (i < t.length) {
    const idiom = wordAt(IDIOM_WORDS, t, i);
    if (idiom) {
      i += idiom.length;
      continue;
    }
    const draft = nameAt(t, i) ?? figureAt(t, i, floor);
    if (draft) {
      found.push(draft);
      floor = draft.end;
      i = Math.max(draft.end, i + 1);
      continue;
    }
    i = skipToken(t, i);
  }
  return found;
}

/** Past the whole number or Latin word at `i`: its middle never starts a figure. */
function skipToken(t: string, i: number): number {
  if (isAlnum(t[i])) {
    while (i < t.length && isAlnum(t[i])) i++;
    return i;
  }
  if (isChineseNumeralChar(t[i])) return i + Math.max(1, chineseRunAt(t, i).length);
  return i + 1;
}

function isAlnum(ch: string | undefined): boolean {
  return isDigit(ch) || isAsciiLetter(ch);
}

function nameAt(t: string, i: number): Draft | undefined {
  const listed = wordAt(NAME_WORDS, t, i);
  if (listed) return name(i, i + listed.length);
  if (isOpeningMark(t[i])) {
    const quoted = quotedNameAt(t, i);
    if (quoted) return name(quoted.start, quoted.end);
  }
  return undefined;
}

function name(start: number, end: number): Draft {
  return { kind: 'name', value: null, start, end };
}

function figureAt(t: string, i: number, floor: number): Draft | undefined {
  const ch = t[i];
  if (ch === '第') return ordinalAt(t, i);
  if (ch === '前' && !oneOf(FRONT_SPOILERS, t[i - 1])) return frontAt(t, i, floor);
  if (ch === '半') return halfAt(t, i, floor);
  if (isAsciiLetter(ch) && !isAlnum(t[i - 1])) return latinNameAt(t, i);
  if (isDigit(ch) && !isAlnum(t[i - 1]) && t[i - 1] !== '.') return arabicAt(t, i, floor);
  if (isChineseNumeralChar(ch) && !isChineseNumeralChar(t[i - 1])) return chineseAt(t, i, floor);
  return undefined;
}

/** G20, V2G, C919: letters with digits. */
function latinNameAt(t: string, i: number): Draft | undefined {
  let end = i;
  let digits = false;
  // PM2.5 and COVID-19 are one name each.
  while (end < t.length && (isAlnum(t[end]) || ((t[end] === '.' || t[end] === '-') && isDigit(t[end + 1])))) {
    if (isDigit(t[end])) digits = true;
    end++;
  }
  return digits ? name(i, end) : undefined;
}

function arabicAt(t: string, i: number, floor: number): Draft | undefined {
  const number = readNumber(t, i);
  if (!number) return undefined;
  if (isAsciiLetter(t[number.end])) {
    // 346Mbps is a speed; 5G, 4K and 3D are names.
    let end = number.end;
    while (end < t.length && isAlnum(t[end])) end++;
    const unit = unitAt(t, number.end);
    // 12306App: the name is the number; a longer word after it is not part of it.
    if (end - number.end >= 3 && /[a-z]/u.test(t.slice(number.end, end)) && !unit) return name(i, number.end);
    if (!unit || number.end + unit.word.length !== end) return name(i, end);
  }
  return quantityAt(t, number, floor);
}

function chineseAt(t: string, i: number, floor: number): Draft | undefined {
  for (const [prefix, unit, exponent] of PER_PREFIXES) {
    if (t.startsWith(prefix, i)) return perAt(t, i, prefix, unit, exponent, floor);
  }
  // 数十万, 几百个: an unstated number.
  if (oneOf('数几', t[i - 1])) return undefined;
  const run = chineseRunAt(t, i);
  const number = readNumber(t, i);
  if (!number) return fiveYearPlanAt(i, run);
  const named = numberedNameStart(t, i, number.end, floor);
  if (named !== undefined) return name(named, number.end + 1);
  if (t.startsWith('中全会', number.end)) return ordinal(i, number.end + 3, number.value);
  return quantityAt(t, number, floor);
}

/** “十四五”: the 14th five-year plan. */
function fiveYearPlanAt(i: number, run: string): Draft | undefined {
  if (!run.endsWith('五') || !run.includes('十')) return undefined;
  const plan = parseChineseInteger(run.slice(0, -1));
  if (plan === undefined || plan < 6 || plan > 20) return undefined;
  return ordinal(i, i + run.length, plan);
}

function ordinal(start: number, end: number, value: number): Draft {
  return { kind: 'ordinal', value, start, end };
}

/** 第十八次, 第二, 第一季, 第十四个五年规划, 第一季度 (a date). */
function ordinalAt(t: string, i: number): Draft | undefined {
  const number = readNumber(t, i + 1);
  if (!number || number.positional || !number.isInteger) return undefined;
  for (const plan of ['个五年规划', '个五年计划']) {
    if (t.startsWith(plan, number.end)) return ordinal(i, number.end + plan.length, number.value);
  }
  if (t.startsWith('季度', number.end) && number.value >= 1 && number.value <= 4) {
    return { kind: 'date', value: null, norm: `Q${number.value}`, start: i, end: number.end + 2 };
  }
  const measured = oneOf(ORDINAL_MEASURES, t[number.end]);
  return ordinal(i, number.end + (measured ? 1 : 0), number.value);
}

/** 前10家 (a count), 前十 (an ordinal), 前5个月 and 前三季度 (dates). */
function frontAt(t: string, i: number, floor: number): Draft | undefined {
  const number = readNumber(t, i + 1);
  if (!number || number.indefinite || number.positional || !number.isInteger) return undefined;
  const n = number.value;
  if (t.startsWith('个月', number.end) && n >= 1 && n <= 12) {
    return { kind: 'date', value: null, norm: `--01/--${String(n).padStart(2, '0')}`, start: i, end: number.end + 2 };
  }
  if (t.startsWith('季度', number.end) && n >= 1 && n <= 4) {
    return { kind: 'date', value: null, norm: `Q1/Q${n}`, start: i, end: number.end + 2 };
  }
  const unit = unitAt(t, number.end);
  if (unit?.info.kind === 'count') {
    const draft = quantityAt(t, number, floor);
    return draft && draft.kind === 'count' ? { ...draft, start: i } : undefined;
  }
  if (unit || isDigit(t[number.end]) || readMagnitudes(t, number.end).exponent > 0) return undefined;
  return ordinal(i, number.end, n);
}

/** 过半, 近半, 超过半数: half, written with an approximator. 近半年 is half a year. */
function halfAt(t: string, i: number, floor: number): Draft | undefined {
  const approx = approxBefore(t, i, floor, false);
  if (t[i + 1] === '数') {
    // 半数以上: half, with or without an approximator.
    return withApprox(t, { kind: 'share', value: 0.5, unit: '半', start: i, end: i + 2 }, floor, true);
  }
  if (!approx) return undefined;
  const unit = unitAt(t, i + 1);
  if (unit?.info.kind === 'time') {
    return { kind: 'amount', value: 0.5, unit: unit.word, approx, start: i - approx.length, end: i + 1 + unit.word.length };
  }
  return withApprox(t, { kind: 'share', value: 0.5, unit: '半', start: i, end: i + 1 }, floor, true);
}

const PER_PREFIXES: ReadonlyArray<readonly [string, string, number]> = [
  ['百分之', '%', -2],
  ['千分之', '‰', -3],
  ['万分之', '‱', -4],
];

/** 百分之五, 千分之三, 万分之五. */
function perAt(t: string, i: number, prefix: string, unit: string, exponent: number, floor: number): Draft | undefined {
  const number = readNumber(t, i + prefix.length);
  if (!number || number.positional) return undefined;
  return withApprox(t, { kind: 'share', value: scaled(number.digits, exponent), unit, start: i, end: number.end }, floor, true);
}

/** Digits of a discount: 八折 = 0.8, 七五折 = 0.75, 8.5折 = 0.85. */
function discount(number: NumberToken): number | undefined {
  if (!number.chinese) return number.value > 0 && number.value < 10 ? scaled(number.digits, -1) : undefined;
  if (number.positional && number.width === 2) return scaled(number.digits, -2);
  return number.value > 0 && number.value < 10 ? scaled(number.digits, -1) : undefined;
}

const NOT_A_DISCOUNT = '合算旧射扣叠腾线服中返';

/** The figure that starts with `number`: a date, a fraction, a quantity or a range. */
function quantityAt(t: string, number: NumberToken, floor: number): Draft | undefined {
  const date = dateAt(t, number) ?? (number.chinese ? undefined : clockAt(t, number));
  if (date) {
    if (number.indefinite && !t.startsWith('月', number.end) && !t.startsWith('季度', number.end)) return undefined;
    return withApprox(t, { kind: date.kind, value: date.value, norm: date.norm, start: number.start, end: date.end }, floor, false);
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
  if (number.indefinite && !approxed && !['倍', '个百分点', '百分点'].includes(draft.unit ?? '')) return undefined;
  if ((number.bareMagnitude || (number.chinese && draft.kind === 'count' && !draft.unit)) && !approxed) return undefined;
  return withAll;
}

interface Side {
  readonly end: number;
  readonly exponent: number;
  readonly inside?: string;
  readonly unit?: { word: string; info: UnitInfo };
}

/** A number's magnitude, 余/多, and unit: 1.3万亿斤, 700余家, 三十多万人. */
function sideAt(t: string, number: NumberToken): Side {
  const magnitude = number.chinese ? { end: number.end, exponent: 0 } : readMagnitudes(t, number.end);
  let end = magnitude.end;
  let exponent = magnitude.exponent;
  let inside: string | undefined;
  if (APPROX_INSIDE.includes(t[end] ?? '')) {
    const more = readMagnitudes(t, end + 1);
    const unitAfter = unitUsable(t, more.end, number);
    if (more.exponent > 0 || unitAfter) {
      inside = t[end];
      end = more.end;
      exponent += more.exponent;
    }
  }
  const unit = unitUsable(t, end, number);
  return { end: unit ? end + unit.word.length : end, exponent, inside, unit };
}

function unitUsable(t: string, at: number, number: NumberToken): { word: string; info: UnitInfo } | undefined {
  const unit = unitAt(t, at);
  if (!unit || (number.chinese && !unit.info.afterChinese)) return undefined;
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
    // 破亿, 超过万: a Chinese magnitude on its own; kept only with an approximator (below).
    if (number.chinese) return number.value >= 1e4 ? { kind: 'count', value: number.value, start: number.start, end: side.end } : undefined;
    if (isVersion(t, number)) return name(number.start, versionEnd(t, number.end));
    if (!number.isInteger) return { kind: 'number', value: number.value, start: number.start, end: side.end };
    return name(number.start, side.end);
  }
  const info = unit.info;
  if (unit.word === '周年' || (number.chinese && (unit.word === '大' || unit.word === '届') && number.value > 10)) {
    return ordinal(number.start, side.end, number.value);
  }
  if (unit.word === '成' && (number.value > 10 || exponent > 0)) return undefined;
  const kind: FigureKind = KIND_OF_UNIT[info.kind];
  let end = side.end;
  if (kind === 'amount' && t[end] === '级') end++;
  return { kind, value: scaled(number.digits, exponent + info.exponent), unit: info.unit, approx, start: number.start, end };
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

/** Adds the approximators written before and after a figure (超过85%, 97%以上, 约1毛钱). */
function withApprox(t: string, draft: Draft, floor: number, after: boolean): Draft | undefined {
  // 上千亩, 上百万人: 上 approximates only numbers that start with a magnitude.
  const magnitudeOnly = oneOf('十百千万亿', t[draft.start]);
  const before = approxBefore(t, draft.start, floor, magnitudeOnly);
  const following = after ? APPROX_AFTER.find((word) => t.startsWith(word, draft.end)) : undefined;
  const parts = [before, draft.approx, following].filter((part): part is string => part !== undefined);
  return {
    ...draft,
    approx: parts.length > 0 ? parts.join('…') : undefined,
    start: draft.start - (before?.length ?? 0),
    end: draft.end + (following?.length ?? 0),
  };
}

const APPROX_LAST_CHARS = new Set(APPROX_BEFORE.map((word) => word[word.length - 1]));

function approxBefore(t: string, start: number, floor: number, magnitudeOnly: boolean): string | undefined {
  if (!APPROX_LAST_CHARS.has(t[start - 1])) return undefined;
  for (const word of APPROX_BEFORE) {
    const at = start - word.length;
    if (at < floor || !t.startsWith(word, at)) continue;
    if (APPROX_MAGNITUDE_ONLY.has(word) && !magnitudeOnly) continue;
    const spoilers = APPROX_SPOILERS[word];
    if (spoilers !== undefined && oneOf(spoilers, t[at - 1])) continue;
    if (word === '上' && isHan(t[at - 1]) && oneOf('以向线会晚早马加', t[at - 1])) continue;
    return word;
  }
  return undefined;
}
