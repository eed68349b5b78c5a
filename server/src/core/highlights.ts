// What the editor should colour by meaning rather than by pattern: the title, headings, section labels,
// bylines and ignore comments (roles the layout decided, which no grammar can see), and every figure.

import type { Figure } from './figures';
import type { ArticleModel, Fragment, Role } from './model';
import { ModelSlot } from './parts';

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
export function highlightsOf(model: Pick<ArticleModel, 'fragments' | 'roles'>, figures: readonly Figure[]): Highlight[] {
  return highlightsOfLines(model.fragments, model.roles, 0, model.fragments.length, figures, 0);
}

/**
 * highlightsOf for fragments [from, to) alone, with the figures found in them; a figure's ranges plus
 * `figureShift` are in the fragments' offsets, and so are the highlights. (Nothing before a fragment
 * decides its highlights but the figures before it, so a document's are its regions' one after another.)
 */
export function highlightsOfLines(fragments: readonly Fragment[], roles: readonly Role[], from: number, to: number, figures: readonly Figure[], figureShift: number): Highlight[] {
  const highlights: Highlight[] = [];
  let nextFigure = 0;
  let nextRange = 0;
  for (let i = from; i < to; i++) {
    const fragment = fragments[i];
    const kind = ROLE_HIGHLIGHTS[roles[i]];
    // Figure pieces before this fragment's end: emitted unless the fragment has a colour of its own.
    while (nextFigure < figures.length) {
      const ranges = figures[nextFigure].ranges;
      const start = ranges[nextRange][0] + figureShift;
      const end = ranges[nextRange][1] + figureShift;
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

/** Models whose highlights are found another way (a document's, region by region): set as the model is made. */
const foundElsewhere = new ModelSlot<() => readonly Highlight[]>();

/** Declares, as `model` is made and before anything asks, how its highlights are found. */
export function findHighlightsWith(model: ArticleModel, find: () => readonly Highlight[]): void {
  foundElsewhere.set(model, find);
}

/** The document's highlights: as declared for it, else highlightsOf its own parts with `figures()`. */
export function documentHighlights(model: ArticleModel, figures: () => readonly Figure[]): readonly Highlight[] {
  return foundElsewhere.get(model)?.() ?? highlightsOf(model, figures());
}
