// Folding ranges: each section (label to the next section) and each paragraph spread over several lines.

import type { FoldingRange } from 'vscode-languageserver';
import type { Analysis } from '../core';

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const { model, outline } = analysis;
  const lineAt = (offset: number) => model.lineIndex.lineAt(offset);
  const ranges: FoldingRange[] = [];
  for (const entry of outline) {
    if (entry.level === 0) continue;
    const startLine = lineAt(entry.selectionStart);
    const endLine = lineAt(Math.max(entry.end - 1, entry.selectionEnd));
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: 'region' });
  }
  for (const block of model.blocks) {
    const startLine = lineAt(block.start);
    const endLine = lineAt(block.end);
    if (endLine > startLine) ranges.push({ startLine, endLine });
  }
  return ranges;
}
