// The typed parts of an analysis (wraps, outline, speakers, figures, folds…), each computed from a model
// on first use and kept beside it, not in it: the model stays read-only data, a part dies with its model,
// and whichever feature asks first, every part is what its own computation gives.

import type { ArticleModel } from './article';

/** The part `compute` gives for a model, computed once per model. */
export function part<T>(compute: (model: ArticleModel) => T): (model: ArticleModel) => T {
  const computed = new WeakMap<ArticleModel, { readonly value: T }>();
  return (model) => {
    let entry = computed.get(model);
    if (!entry) {
      entry = { value: compute(model) };
      computed.set(model, entry);
    }
    return entry.value;
  };
}
