// Finding figures in a text: one left-to-right pass; at each number, the longest reading of a
// figure (approximator, number, magnitude, unit, range, approximator) that the grammar allows.
// Every step looks a bounded distance ahead, and a number that is no figure is skipped whole,
// so the pass is linear in the text.

import { isAsciiLetter, isAsciiLetterCode, isHan, isOpeningMarkCode } from '../charClasses';
import { isChineseNumeralCode, isDigit, isDigitCode, parseChineseInteger, scaled } from '../numerals';
import { compactFigureText, sourceRange } from '../compactText';
import { approxBefore, name, ordinal, withApprox, type Draft } from './draft';
import { FRONT_SPOILERS, ORDINAL_MEASURES, countMeasureAt, oneOf, unitAt } from './lexicon';
import { IDIOM_WORDS, NAME_WORDS, numberedNameStart, quotedNameAt, wordAt } from './names';
import { chineseRunAt, readMagnitudes, readNumber, type NumberToken } from './number';
import { quantityAt } from './quantity';
import type { FoundFigure } from './types';

/** Figures in a text (a block's logical text), in order; offsets index that text. */
export function recognizeFigures(text: string): FoundFigure[] {
  const compact = compactFigureText(text);
  return scan(compact.text).map((draft) => {
    const { start, end } = sourceRange(compact, draft.start, draft.end);
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
  if (isAlnumAt(t, i)) {
    while (i < t.length && isAlnumAt(t, i)) i++;
    return i;
  }
  if (isChineseNumeralCode(t.charCodeAt(i))) return i + Math.max(1, chineseRunAt(t, i).length);
  return i + 1;
}

/** An ASCII letter or an ASCII or full-width digit at t[i], from the code unit: the scan asks at every character. */
function isAlnumAt(t: string, i: number): boolean {
  const code = t.charCodeAt(i);
  return isDigitCode(code) || isAsciiLetterCode(code);
}

function nameAt(t: string, i: number): Draft | undefined {
  const listed = wordAt(NAME_WORDS, t, i);
  if (listed) return name(i, i + listed.length);
  if (isOpeningMarkCode(t.charCodeAt(i))) {
    const quoted = quotedNameAt(t, i);
    if (quoted) return name(quoted.start, quoted.end);
  }
  return undefined;
}

// Tested on code units (no one-character string for each character of the text).
function figureAt(t: string, i: number, floor: number): Draft | undefined {
  const code = t.charCodeAt(i);
  if (code === ORDINAL_PREFIX) return ordinalAt(t, i);
  if (code === FRONT && !oneOf(FRONT_SPOILERS, t[i - 1])) return frontAt(t, i, floor);
  if (code === HALF) return halfAt(t, i, floor);
  if (isAsciiLetterCode(code) && !isAlnumAt(t, i - 1)) return latinNameAt(t, i);
  if (isRomanNumeralCode(code)) return romanNameAt(t, i);
  if (isDigitCode(code) && !isAlnumAt(t, i - 1) && t.charCodeAt(i - 1) !== FULL_STOP) return arabicAt(t, i, floor);
  if (isChineseNumeralCode(code) && !isChineseNumeralCode(t.charCodeAt(i - 1))) return chineseAt(t, i, floor);
  return undefined;
}

const ORDINAL_PREFIX = '第'.charCodeAt(0);

/** Ⅰ–ↈ (U+2160–U+2188): Roman numerals, which grade and class things (Ⅱ类水质, Ⅲ期临床) rather than count them. */
function isRomanNumeralCode(code: number): boolean {
  return code >= 0x2160 && code <= 0x2188;
}

/** Ⅱ类, Ⅲ期, Ⅳ级: a class or grade, a name; with the one word of classing after it, if any. */
function romanNameAt(t: string, i: number): Draft {
  let end = i;
  while (end < t.length && isRomanNumeralCode(t.charCodeAt(end))) end++;
  if (oneOf(ROMAN_CLASSED, t[end])) end++;
  return name(i, end);
}

const ROMAN_CLASSED = '类级期型号代段区档';
const FRONT = '前'.charCodeAt(0);
const HALF = '半'.charCodeAt(0);
const FULL_STOP = '.'.charCodeAt(0);

/** G20, V2G, C919: letters with digits. */
function latinNameAt(t: string, i: number): Draft | undefined {
  let end = i;
  let digits = false;
  // PM2.5 and COVID-19 are one name each, and so are catalogue numbers with a sign (J2107+2243, PSR J0437−4715).
  while (end < t.length && (isAlnumAt(t, end) || (oneOf('.-+−－＋', t[end]) && isDigit(t[end + 1])))) {
    if (isDigit(t[end])) digits = true;
    end++;
  }
  return digits ? name(i, end) : undefined;
}

function arabicAt(t: string, i: number, floor: number): Draft | undefined {
  const number = readNumber(t, i);
  if (!number) return undefined;
  if (isGeneration(t, number)) return name(i, number.end + 1);
  if (isAsciiLetter(t[number.end])) {
    // 346Mbps is a speed; 5G, 4K and 3D are names.
    let end = number.end;
    while (end < t.length && isAlnumAt(t, end)) end++;
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
  // A lone 零 or capital numeral is a word (零部件, 零售, 队伍, 入伍): capital numerals are written in runs (壹佰元).
  if (run.length === 1 && oneOf(WORD_NUMERALS, run)) return undefined;
  const number = readNumber(t, i);
  if (!number) return fiveYearPlanAt(i, run);
  const named = numberedNameStart(t, i, number.end, floor);
  if (named !== undefined) return name(named, number.end + 1);
  if (t.startsWith('中全会', number.end)) return ordinal(i, number.end + 3, number.value);
  return quantityAt(t, number, floor);
}

/**
 * 90后, 95后, 00后: people born in a half-decade, named by its year's last two digits and 后 (after). A
 * name, not a quantity; 10后来 and 30后续 are other words.
 */
function isGeneration(t: string, number: NumberToken): boolean {
  return !number.chinese && number.isInteger && number.width === 2 && number.value % 5 === 0 && t[number.end] === '后' && !oneOf('来续期方面者', t[number.end + 1]);
}

const WORD_NUMERALS = '零〇壹贰叁肆伍陆柒捌玖拾佰仟';

/** “十四五”: the 14th five-year plan. */
function fiveYearPlanAt(i: number, run: string): Draft | undefined {
  if (!run.endsWith('五') || !run.includes('十')) return undefined;
  const plan = parseChineseInteger(run.slice(0, -1));
  if (plan === undefined || plan < 6 || plan > 20) return undefined;
  return ordinal(i, i + run.length, plan);
}


/** 第十八次, 第二, 第一季, 第十四个五年规划, 第一季度 (a date). */
function ordinalAt(t: string, i: number): Draft | undefined {
  const number = readNumber(t, i + 1);
  if (!number || number.positional) return undefined;
  // 第7.6节, 第6.3条: a numbered section or clause, a name.
  if (!number.isInteger) return isDigit(t[i + 1]) && oneOf(ORDINAL_MEASURES, t[number.end]) ? name(i, number.end + 1) : undefined;
  for (const plan of ['个五年规划', '个五年计划']) {
    if (t.startsWith(plan, number.end)) return ordinal(i, number.end + plan.length, number.value);
  }
  if (t.startsWith('季度', number.end) && number.value >= 1 && number.value <= 4) {
    return { kind: 'date', value: null, norm: `Q${number.value}`, start: i, end: number.end + 2 };
  }
  const measured = oneOf(ORDINAL_MEASURES, t[number.end]) || countMeasureAt(t, number.end) !== undefined;
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
  // 位列前三位, 排名前10名: a rank standing alone (a count when a noun follows: 前10家企业, 前三名选手).
  if ((unit?.word === '位' || unit?.word === '名') && !isHan(t[number.end + 1])) return ordinal(i, number.end + 1, n);
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

