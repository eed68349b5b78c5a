// Figures in the logical (joined) text of each block, mapped back to the source.

import { derive, toSourceRanges, type ArticleModel } from './model';

export type FigureKind = 'amount' | 'count' | 'share' | 'year' | 'date' | 'range' | 'ordinal' | 'number' | 'name';

export interface Figure {
  /** The figure as it reads once wraps are joined. */
  readonly text: string;
  readonly kind: FigureKind;
  readonly value: number | null;
  readonly unit?: string;
  /** Source ranges the figure covers (several when it is split over lines). */
  readonly ranges: ReadonlyArray<readonly [number, number]>;
  readonly block: number;
  /** Offset in the block's logical text. */
  readonly offset: number;
}

const SIMPLE_NUMBER = /\d+(?:\.\d+)?(?:%|万亿|亿|万)?[元年人]?/g;

export function figuresOf(model: ArticleModel): readonly Figure[] {
  return derive(model, 'figures', findFigures);
}

function findFigures(model: ArticleModel): Figure[] {
  const figures: Figure[] = [];
  for (const block of model.blocks) {
    for (const match of block.text.matchAll(SIMPLE_NUMBER)) {
      const offset = match.index;
      figures.push({
        text: match[0],
        kind: 'number',
        value: Number.parseFloat(match[0]),
        ranges: toSourceRanges(block, offset, offset + match[0].length),
        block: block.index,
        offset,
      });
    }
  }
  return figures;
}

/** The figure whose source ranges contain an offset. */
export function figureAt(model: ArticleModel, offset: number): Figure | undefined {
  return figuresOf(model).find((figure) => figure.ranges.some(([start, end]) => offset >= start && offset <= end));
}
