// What the editor should colour by meaning rather than by pattern: the title, headings, section labels,
// bylines and ignore comments (roles the layout decided, which no grammar can see), and every figure.

import type { Figure } from './figures';
import type { ArticleModel, Role } from './model';

export type HighlightKind = 'title' | 'heading' | 'label' | 'byline' | 'directive' | 'figure';

export interface Highlight {
  readonly start: number;
  readonly end: number;
  readonly kind: HighlightKind;
}

const ROLE_HIGHLIGHTS: Partial<Record<Role, HighlightKind>> = {
  title: 'title',
  heading: 'heading',
  label: 'label',
  byline: 'byline',
  directive: 'directive',
};

/**
 * Highlights in document order, none overlapping another, each within one line (a split figure gives
 * one per piece). A figure inside a title or heading takes the colour of the line it stands in.
 */
export function highlightsOf(model: ArticleModel, figures: readonly Figure[]): Highlight[] {
  const highlights: Highlight[] = [];
  let nextFigure = 0;
  let nextRange = 0;
  for (const fragment of model.fragments) {
    const kind = ROLE_HIGHLIGHTS[model.roles[fragment.index]];
    // Figure pieces before this fragment's end: emitted unless the fragment has a colour of its own.
    while (nextFigure < figures.length) {
      const ranges = figures[nextFigure].ranges;
      const [start, end] = ranges[nextRange];
      if (start >= fragment.end) break;
      const last = highlights[highlights.length - 1];
      const free = last === undefined || last.end <= start;
      if (kind === undefined && free && start >= fragment.start && end <= fragment.end) highlights.push({ start, end, kind: 'figure' });
      if (++nextRange === ranges.length) {
        nextFigure++;
        nextRange = 0;
      }
    }
    if (kind !== undefined) highlights.push({ start: fragment.start, end: fragment.end, kind });
  }
  return highlights;
}
