// "Join the whole paragraph": the edits that join every wrap of the block holding an offset.

import { blockAt, type ArticleModel, type LineBreak } from '../model';
import type { Edit } from '../rules/rule';

/** The edit joining one wrap: the line break and any blank lines become the joiner ('' or ' '). */
export function joinEdit(lineBreak: LineBreak): Edit {
  return { start: lineBreak.start, end: lineBreak.end, newText: lineBreak.joiner };
}

export function joinEditOf(model: ArticleModel, breakIndex: number): Edit {
  return joinEdit(model.breaks[breakIndex]);
}

/** Join edits for all wraps of the block containing `offset` (empty when it has none). */
export function joinParagraphEdits(model: ArticleModel, offset: number): Edit[] {
  const block = blockAt(model, offset);
  if (!block) return [];
  const edits: Edit[] = [];
  for (let i = block.firstFragment; i < block.lastFragment; i++) edits.push(joinEditOf(model, i));
  return edits;
}
