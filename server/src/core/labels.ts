// Section labels: the small boxes (信号一, 要点二, 看点三, 关键词四, 第五) and inline prefixes
// (一、, （一）, 1.) that number a news article's sections.

import { CHINESE_NUMERAL_SOURCE, INLINE_SPACE_SOURCE, isCjkPunctCode, isHanCode } from './charClasses';
import { parseChineseInteger } from './numerals';

export type LabelForm = 'box' | 'inline';

export interface Label {
  /** The label as printed, without spaces: 信号一, 一、, （二）. */
  readonly text: string;
  /** The word before the number (信号, 要点, 第), empty for bare numerals. */
  readonly series: string;
  /** How the number is written, so 一、 and （一） count as different series. */
  readonly style: string;
  readonly number: number;
  readonly form: LabelForm;
}

/** Words that print as a box label on their own: common enough to trust without a second label. */
export const BOX_SERIES = [
  '信号', '要点', '看点', '关键词', '亮点', '特点', '焦点', '观察', '观点', '变化', '关注', '热点', '链接',
  '话题', '镜头', '数据', '趋势', '举措', '第',
] as const;

/** Series whose single member could be ordinary text (the last line of 第一 / 季); the outline wants two. */
export const WEAK_SERIES: ReadonlySet<string> = new Set(['第']);

const NUMERAL = `[${CHINESE_NUMERAL_SOURCE}]{1,4}`;
const SPACES = new RegExp(`[${INLINE_SPACE_SOURCE}]+`, 'g');
const BOX_LABEL = new RegExp(`^(${BOX_SERIES.join('|')})(${NUMERAL})$`);
/** Any short Han word before a numeral: a label only if the document numbers a series with it. */
const SERIES_LABEL = new RegExp(`^(\\p{Script=Han}{1,3}?)(${NUMERAL})$`, 'u');
const INLINE_LABEL = new RegExp(
  `^(?:(${NUMERAL})、|[（(](${NUMERAL})[）)]|[（(](\\d{1,2})[）)]|(\\d{1,2})[.、．](?!\\d)|第(${NUMERAL})([章节部分篇])(?:[、：:]|\\s+))`,
);

function compact(text: string): string {
  return text.replace(SPACES, '');
}

/**
 * The most characters a box or series label has once compacted (a series of up to three Han characters
 * and up to four numerals; astral Han, two units each, are not counted below, so they cannot break this).
 */
const LONGEST_LABEL = 10;

/**
 * Whether the text holds more characters than any label: Han, CJK marks and visible ASCII, which
 * neither trimming nor compacting removes. The outline and the figures ask about every fragment and
 * block, nearly all of them far longer than a label; this answers without a copy and two patterns.
 */
function tooLongForLabel(text: string): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((isHanCode(code) || isCjkPunctCode(code) || (code > 0x20 && code < 0x7f)) && ++count > LONGEST_LABEL) return true;
  }
  return false;
}

/** A whole fragment that is a box label of a known series (信号一). */
export function parseBoxLabel(text: string): Label | undefined {
  if (tooLongForLabel(text)) return undefined;
  const match = BOX_LABEL.exec(compact(text.trim()));
  return match ? boxLabel(match[0], match[1], match[2]) : undefined;
}

/**
 * A whole fragment shaped like a box label of any series (观察一, 追踪二). The outline accepts an
 * unknown series only when the document numbers at least two of its labels.
 */
export function parseSeriesLabel(text: string): Label | undefined {
  if (tooLongForLabel(text)) return undefined;
  const known = parseBoxLabel(text);
  if (known) return known;
  const match = SERIES_LABEL.exec(compact(text.trim()));
  if (!match || match[1].length === 0 || /[〇零一二两三四五六七八九十百千]/.test(match[1])) return undefined;
  return boxLabel(match[0], match[1], match[2]);
}

function boxLabel(text: string, series: string, numeral: string): Label | undefined {
  const same = keptLabels.get(text);
  if (same !== undefined) return same;
  const number = parseChineseInteger(numeral);
  if (number === undefined || number < 1 || number > 99) return undefined;
  if (keptLabels.size >= KEPT_LABELS_LIMIT) keptLabels.clear();
  const label: Label = { text, series, style: `${series}N`, number, form: 'box' };
  keptLabels.set(text, label);
  return label;
}

/**
 * One object for each box label text (信号一), however often it is read: the outline keeps every label of a
 * long document (thousands in a labelled megabyte), and each would otherwise be an object with strings of
 * its own. A box label is a function of its compacted text: parseBoxLabel's pattern is tried first on every
 * path, so a text splits into series and numeral one way. Cleared when it grows past a bound, so text full
 * of odd series cannot make it grow without end.
 */
const keptLabels = new Map<string, Label>();
const KEPT_LABELS_LIMIT = 10_000;

/** A label printed before a heading on the same line (一、加快…, （二）…, 3. …, 第二章 …). */
export function parseInlineLabel(text: string): Label | undefined {
  const match = INLINE_LABEL.exec(text);
  if (!match) return undefined;
  const [printed, bare, bracketed, bracketedDigits, digits, chapter, unit] = match;
  const numeral = bare ?? bracketed ?? chapter;
  const number = numeral !== undefined ? parseChineseInteger(numeral) : Number(bracketedDigits ?? digits);
  if (number === undefined || number < 1 || number > 99) return undefined;
  const style = bare ? 'N、' : bracketed ? '（N）' : bracketedDigits ? '(n)' : digits ? 'n.' : `第N${unit}`;
  return { text: printed.trim(), series: chapter ? '第' : '', style, number, form: 'inline' };
}

/** Whether a whole fragment is a box label; the layout gives such fragments the role 'label'. */
export function isLabel(text: string): boolean {
  return parseBoxLabel(text) !== undefined;
}
