// Figures that imply another: a part and its share of a whole (27.2万亿元，占GDP比重达到32.9% →
// GDP ≈ 82.7万亿元), and a value with its growth (523万辆，同比增长52.3% → a year earlier ≈ 343万辆).

import { SENTENCE_OR_CLAUSE_END } from '../charClasses';
import { linesOf } from '../lines';
import type { ArticleModel } from '../model';
import { figuresInBlock } from './index';
import type { Figure } from './types';

export interface DerivedFigure {
  readonly relation: 'whole' | 'before';
  /** What the derived figure is of, as the sentence names it: GDP, 总装机, 上年同期. */
  readonly label: string;
  readonly value: number;
  readonly unit?: string;
  /** For 'before': whether the sentence says the value rose (增长) or fell (下降). */
  readonly rose?: boolean;
  /** The part (or current value) and the share (or growth) it is derived from. */
  readonly part: Figure;
  readonly share: Figure;
}

const SHARE_OF = /^[，,]?约?占(.{1,24}?)的?(?:比重|比例|份额|比)?(?:已|将|均)?(?:达到|达|为|约为|升至|提高到|提升至)?$/u;
const GROWTH = /^[，,]?(同比|比上年同期|较上年同期|比上年|较上年|比去年同期|较去年同期|比去年|较去年|较上年底|比上年底|较上年末|比上年末)?(增长|增加|提高|上升|下降|减少|降低)了?$/u;
const DECLINES = new Set(['下降', '减少', '降低']);

/** The figures derived from `figure` and a neighbour in its sentence. */
export function derivedFigures(figure: Figure, model: ArticleModel): DerivedFigure[] {
  const text = linesOf(model).block(figure.block)?.text ?? '';
  const neighbours = figuresInBlock(model, figure.block).filter((other) => other !== figure);
  const derived: DerivedFigure[] = [];
  for (const other of neighbours) {
    const [part, share] = figure.offset < other.offset ? [figure, other] : [other, figure];
    const found = derive(part, share, text);
    if (found) derived.push(found);
  }
  return derived;
}

function derive(part: Figure, share: Figure, text: string): DerivedFigure | undefined {
  if ((part.kind !== 'amount' && part.kind !== 'count') || share.kind !== 'share' || part.value === null || !share.value) return undefined;
  if (share.unit === '个百分点' || share.unit === '百分点') return undefined;
  const between = text.slice(part.end, share.offset).replace(/\s/gu, '');
  if (SENTENCE_OR_CLAUSE_END.test(between)) return undefined;
  const whole = SHARE_OF.exec(between);
  if (whole && share.value <= 1) {
    return { relation: 'whole', label: whole[1].replace(/的$/u, ''), value: part.value / share.value, unit: part.unit, part, share };
  }
  const growth = GROWTH.exec(between);
  if (growth) {
    const rose = !DECLINES.has(growth[2]);
    const factor = rose ? 1 + share.value : 1 - share.value;
    if (factor <= 0) return undefined;
    const label = (growth[1] ?? '').replace(/^(同比|比|较)/u, '') || (growth[1] === '同比' ? '上年同期' : '');
    return { relation: 'before', label, value: part.value / factor, unit: part.unit, rose, part, share };
  }
  return undefined;
}
