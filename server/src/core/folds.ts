// What an editor can fold: each section (from its label or title to its last line) and each paragraph
// spread over several lines.

import { linesOf } from './lines';
import type { ArticleModel } from './model';
import { foldingRangesOf } from './outline';

export interface Fold {
  /** Zero-based source lines, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** Sections fold as regions; a paragraph is plain text and has no kind. */
  readonly kind?: 'region';
}

/** The sections' folds, then the paragraphs', in document order (read one region at a time for a document of regions: lines.ts). */
export function foldsOf(model: ArticleModel): Fold[] {
  const folds: Fold[] = foldingRangesOf(model).map((range) => ({ startLine: range.startLine, endLine: range.endLine, kind: 'region' }));
  for (const span of linesOf(model).multiLineBlocks()) folds.push(span);
  return folds;
}
