// Folding ranges: each section (from its label or title to its last line) and each paragraph spread
// over several lines.

import type { FoldingRange } from 'vscode-languageserver';
import type { Analysis } from '../core';
import { foldingRangesOf } from '../core/outline';

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const { model } = analysis;
  const ranges: FoldingRange[] = foldingRangesOf(model).map((range) => ({ ...range, kind: 'region' }));
  for (const block of model.blocks) {
    const startLine = model.lineIndex.lineAt(block.start);
    const endLine = model.lineIndex.lineAt(block.end);
    if (endLine > startLine) ranges.push({ startLine, endLine });
  }
  return ranges;
}
