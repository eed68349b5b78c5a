// Figures in the logical (joined) text of each block, mapped back to the source, so a figure split
// over lines is one figure and hovering either part finds it.

import { parseBoxLabel, parseInlineLabel } from '../labels';
import { toSourceRanges, type ArticleModel, type Block } from '../model';
import { ModelSlot, part } from '../parts';
import { recognizeFigures } from './recognize';
import { firstIndex } from '../search';
import type { Figure } from './types';

export type { Figure, FigureKind, FoundFigure } from './types';
export { recognizeFigures } from './recognize';

/** Every figure of the article, in source order; computed once per model. */
export const figuresOf: (model: ArticleModel) => readonly Figure[] = part((model) => foundElsewhere.get(model)?.() ?? findFigures(model));

/** Models whose figures are found another way (a document's, region by region): set as the model is made. */
const foundElsewhere = new ModelSlot<() => readonly Figure[]>();

/** Declares, as `model` is made and before anything asks, how its figures are found. */
export function findFiguresWith(model: ArticleModel, find: () => readonly Figure[]): void {
  foundElsewhere.set(model, find);
}

function findFigures(model: ArticleModel): Figure[] {
  const figures: Figure[] = [];
  for (const block of model.blocks) {
    if (block.role === 'label' || block.role === 'directive' || parseBoxLabel(block.text)) continue;
    const from = labelPrefixLength(block);
    for (const found of recognizeFigures(block.text.slice(from))) {
      const { start, end, ...figure } = found;
      const offset = from + start;
      const ranges = toSourceRanges(block, offset, from + end);
      if (ranges.length === 0) continue;
      figures.push({ ...figure, ranges, block: block.index, offset, end: from + end });
    }
  }
  return figures.sort((a, b) => a.ranges[0][0] - b.ranges[0][0]);
}

/** 一、 and （二） number a heading; they are not figures. */
function labelPrefixLength(block: Block): number {
  return parseInlineLabel(block.text)?.text.length ?? 0;
}

/** The figures of one block, in order. */
export function figuresInBlock(model: ArticleModel, block: number): readonly Figure[] {
  return figuresByBlock(model).get(block) ?? [];
}

/**
 * The figure whose source ranges hold `offset` (either end included), by binary search over the
 * figures sorted by where they start.
 */
export function figureAt(model: ArticleModel, offset: number): Figure | undefined {
  const figures = figuresOf(model);
  // The last figure starting at or before the offset.
  const last = firstIndex(figures.length, (i) => figures[i].ranges[0][0] > offset) - 1;
  // A figure that starts at the offset wins over the one ending there.
  for (const index of [last, last - 1]) {
    const figure = figures[index];
    if (figure && figure.ranges.some(([start, end]) => offset >= start && offset <= end)) return figure;
  }
  return undefined;
}

/** The figures of each block, by block index. */
const figuresByBlock = part((model): ReadonlyMap<number, readonly Figure[]> => {
  const map = new Map<number, Figure[]>();
  for (const figure of figuresOf(model)) {
    const list = map.get(figure.block) ?? [];
    list.push(figure);
    map.set(figure.block, list);
  }
  return map;
});
