// What an editor can fold: each section (from its label or title to its last line) and each paragraph
// spread over several lines.

import type { ArticleModel } from './model';
import { foldingRangesOf } from './outline';

export interface Fold {
  /** Zero-based source lines, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** Sections fold as regions; a paragraph is plain text and has no kind. */
  readonly kind?: 'region';
}

export function foldsOf(model: ArticleModel): Fold[] {
  const folds: Fold[] = foldingRangesOf(model).map((range) => ({ startLine: range.startLine, endLine: range.endLine, kind: 'region' }));
  for (const block of model.blocks) {
    const startLine = model.lineIndex.lineAt(block.start);
    const endLine = model.lineIndex.lineAt(block.end);
    if (endLine > startLine) folds.push({ startLine, endLine });
  }
  return folds;
}
