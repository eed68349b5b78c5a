// The typed parts of an analysis (wraps, outline, speakers, figures, folds…), each computed from a model
// on first use and kept beside it, not in it: the model stays read-only data, a part dies with its model,
// and whichever feature asks first, every part is what its own computation gives.

import type { ArticleModel } from './article';

/** Where a model's slots are kept: a property of its own, not enumerable (a copy of the model, `{ ...model }`, starts empty). */
const KEPT = Symbol();
type Slotted = ArticleModel & { [KEPT]?: Map<ModelSlot<unknown>, unknown> };

/**
 * One value kept beside each model, which dies with it (what a WeakMap keyed by the model would do). Not a
 * module's WeakMap: V8's scavenger reads an old WeakMap's values as strong references, so what a model's
 * entries reach (a part's value, a closure over the document's regions: the whole analysis) lived through every
 * scavenge and was promoted, dead, until the next full collection — a batch's analyses piled up in the old
 * generation (docs/performance-log.md, batch26). Kept in the model itself, they die with it in a scavenge.
 */
export class ModelSlot<T> {
  get(model: ArticleModel): T | undefined {
    return (model as Slotted)[KEPT]?.get(this) as T | undefined;
  }

  set(model: ArticleModel, value: T): void {
    let kept = (model as Slotted)[KEPT];
    if (!kept) Object.defineProperty(model, KEPT, { value: (kept = new Map()) });
    kept.set(this, value);
  }

  delete(model: ArticleModel): void {
    (model as Slotted)[KEPT]?.delete(this);
  }
}

/** The part `compute` gives for a model, computed once per model. */
export function part<T>(compute: (model: ArticleModel) => T): (model: ArticleModel) => T {
  const computed = new ModelSlot<{ readonly value: T }>();
  return (model) => {
    let entry = computed.get(model);
    if (!entry) {
      entry = { value: compute(model) };
      computed.set(model, entry);
    }
    return entry.value;
  };
}

/** A computation that may pause between its steps: each `yield` is a place where other work may run. */
export type Steps<T> = Generator<void, T, void>;

/** What a generator of steps gives at its end, run at once. */
function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A part (as `part`) whose computation may also run a step at a time. */
export interface SteppedPart<T> {
  /** The part, computed at once if no one has yet. */
  (model: ArticleModel): T;
  /** The part computed a step at a time (at once if it is known), then kept as if asked directly. */
  inSteps(model: ArticleModel): Steps<T>;
}

/**
 * The part `steps` gives for a model, computed once per model: at once when asked directly, or a step at a
 * time for a caller that must stay responsive (a large document's analysis, regions.ts). Both give the
 * same value: the steps are the same computation with pauses.
 */
export function steppedPart<T>(steps: (model: ArticleModel) => Steps<T>): SteppedPart<T> {
  const computed = new ModelSlot<{ readonly value: T }>();
  const atOnce = (model: ArticleModel): T => {
    let entry = computed.get(model);
    if (!entry) {
      entry = { value: runToEnd(steps(model)) };
      computed.set(model, entry);
    }
    return entry.value;
  };
  function* inSteps(model: ArticleModel): Steps<T> {
    const known = computed.get(model);
    if (known) return known.value;
    const value = yield* steps(model);
    // Asked directly while paused: that value stands (the same, computed without pauses).
    const entry = computed.get(model) ?? { value };
    computed.set(model, entry);
    return entry.value;
  }
  return Object.assign(atOnce, { inSteps });
}
