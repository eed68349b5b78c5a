// What training asks of the core (scripts/train): every break of a text weighed by the layout's own code
// (breaks/layout.ts weighBreaks) with given weights, its features and its decision, and the decision once
// the layout's heading rules after the model have been applied (as fix-all applies them).

import { parseArticle, defaultModelOptions } from '../model';
import { applyHeadingRules, weighBreaks } from './layout';
import type { BreakWeights } from './features';

export interface BreakRow {
  /** Offset of the text after the break (where the gold label is read). */
  readonly afterStart: number;
  /** The model's decision (what training fits and judges). */
  readonly join: boolean;
  /** The decision after the heading rules that follow the model (breaks/layout.ts applyHeadingRules). */
  readonly joinAfterRules: boolean;
  /** The decision's probability of joining. */
  readonly pJoin: number;
  /** The break's features, or undefined where a fixed role decided it (not weighed). */
  readonly features: Float64Array | undefined;
}

export function breakRows(text: string, model: BreakWeights): BreakRow[] {
  const parsed = parseArticle(text, { ...defaultModelOptions, cjkLatinSpacing: 'forbid' });
  const seen = new Map<number, Float64Array>();
  const input = { text, fragments: parsed.fragments, directives: parsed.directives, options: parsed.options };
  const weighed = weighBreaks(input, { model, onFeatures: (index, features) => seen.set(index, Float64Array.from(features)) });
  const decisions = [...weighed.decisions];
  applyHeadingRules(input, weighed);
  return decisions.map((decision, i) => ({
    afterStart: parsed.fragments[i + 1].start,
    join: decision.join,
    joinAfterRules: weighed.decisions[i].join,
    pJoin: decision.join ? decision.confidence : 1 - decision.confidence,
    features: seen.get(i),
  }));
}
