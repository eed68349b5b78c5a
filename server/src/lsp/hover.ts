// Hover: what a figure under the cursor means.

import { MarkupKind, type Hover } from 'vscode-languageserver';
import { describeFigure, type Analysis } from '../core';
import { toRange } from './convert';

export function hoverAt(analysis: Analysis, offset: number): Hover | null {
  const figure = analysis.figureAt(offset);
  if (!figure) return null;
  const [first] = figure.ranges;
  const last = figure.ranges[figure.ranges.length - 1];
  // Of a figure split over lines, highlight the part under the cursor.
  const part = figure.ranges.find(([start, end]) => offset >= start && offset <= end) ?? first;
  return {
    contents: { kind: MarkupKind.Markdown, value: describeFigure(figure, analysis.model, analysis.settings.locale) },
    range: toRange(analysis.model.lineIndex, part?.[0] ?? 0, part?.[1] ?? last?.[1] ?? 0),
  };
}
