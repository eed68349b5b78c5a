// Folding ranges per section, as source lines (the server maps them to LSP FoldingRanges).

import type { ArticleModel } from '../model';
import type { OutlineEntry } from './types';

export interface LineRange {
  /** Zero-based source lines, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
}

export function foldingRanges(model: ArticleModel, outline: readonly OutlineEntry[]): LineRange[] {
  const ranges: LineRange[] = [];
  for (const entry of outline) {
    if (entry.kind !== 'section' && entry.kind !== 'heading') continue;
    const startLine = model.lineIndex.positionAt(entry.start).line;
    const endLine = model.lineIndex.positionAt(entry.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  }
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
