// Section labels: the small boxes (信号一, 要点二, 看点三, 关键词四, 第五) and inline prefixes
// (一、, （一）, 1.) that number a news article's sections.

import { CHINESE_NUMERAL_SOURCE } from './charClasses';
import { parseChineseInteger } from './numerals';

export type LabelForm = 'box' | 'inline';

export interface Label {
  /** The label as printed: 信号一, 一、, （二）. */
  readonly text: string;
  /** The word before the number (信号, 要点, 第), empty for bare numerals. */
  readonly series: string;
  readonly number: number;
  readonly form: LabelForm;
}

const BOX_SERIES = ['信号', '要点', '看点', '关键词', '亮点', '特点', '焦点', '变化', '关注', '热点', '第'];
const NUMERAL = `[${CHINESE_NUMERAL_SOURCE}]{1,4}`;
const BOX_LABEL = new RegExp(`^(${BOX_SERIES.join('|')})(${NUMERAL})$`);
const INLINE_LABEL = new RegExp(`^(?:(${NUMERAL})、|[（(](${NUMERAL})[）)]|(\\d{1,2})[.、．](?!\\d))`);

/** A whole fragment that is a box label (信号一). */
export function parseBoxLabel(text: string): Label | undefined {
  const match = BOX_LABEL.exec(text.trim());
  if (!match) return undefined;
  const number = parseChineseInteger(match[2]);
  if (number === undefined || number < 1 || number > 99) return undefined;
  return { text: match[0], series: match[1], number, form: 'box' };
}

/** A label printed before a heading on the same line (一、加快…, （二）…). */
export function parseInlineLabel(text: string): Label | undefined {
  const match = INLINE_LABEL.exec(text);
  if (!match) return undefined;
  const numeral = match[1] ?? match[2];
  const number = numeral !== undefined ? parseChineseInteger(numeral) : Number(match[3]);
  if (number === undefined || number < 1 || number > 99) return undefined;
  return { text: match[0], series: '', number, form: 'inline' };
}

export function isLabel(text: string): boolean {
  return parseBoxLabel(text) !== undefined;
}
