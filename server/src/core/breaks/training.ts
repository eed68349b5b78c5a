// What training asks of the core (scripts/train): every break of a text weighed by the layout's own code
// (breaks/layout.ts weighBreaks) with given weights, its features and its decision.

import { parseArticle, defaultModelOptions } from '../model';
import { weighBreaks } from './layout';
import type { BreakWeights } from './features';

export interface BreakRow {
  /** Offset of the text after the break (where the gold label is read). */
  readonly afterStart: number;
  readonly join: boolean;
  /** The decision's probability of joining. */
  readonly pJoin: number;
  /** The break's features, or undefined where a fixed role decided it (not weighed). */
  readonly features: Float64Array | undefined;
}

export function breakRows(text: string, model: BreakWeights): BreakRow[] {
  const parsed = parseArticle(text, { ...defaultModelOptions, cjkLatinSpacing: 'forbid' });
  const seen = new Map<number, Float64Array>();
  const { decisions } = weighBreaks(
    { text, fragments: parsed.fragments, lines: parsed.lines, directives: parsed.directives, options: parsed.options },
    { model, onFeatures: (index, features) => seen.set(index, Float64Array.from(features)) },
  );
  return decisions.map((decision, i) => ({
    afterStart: parsed.fragments[i + 1].start,
    join: decision.join,
    pJoin: decision.join ? decision.confidence : 1 - decision.confidence,
    features: seen.get(i),
  }));
}
