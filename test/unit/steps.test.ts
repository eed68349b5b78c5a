// Work a large document's analysis does a step at a time (parts.ts steppedPart): the same answers as done
// at once, with pauses where a server answers other requests.

import * as assert from 'node:assert/strict';
import { analyze, analyzeInSteps, defaultSettings, mergeSettings } from '../../server/src/core';
import type { ArticleModel } from '../../server/src/core/article';
import { steppedPart, type Steps } from '../../server/src/core/parts';
import { article } from '../labelPlacements';

describe('parts computed a step at a time', () => {
  const model = {} as ArticleModel;

  function counted(): { part: ReturnType<typeof steppedPart<number[]>>; runs: () => number } {
    let runs = 0;
    const part = steppedPart(function* (): Steps<number[]> {
      runs++;
      const values: number[] = [];
      for (let i = 0; i < 3; i++) {
        values.push(i);
        yield;
      }
      return values;
    });
    return { part, runs: () => runs };
  }

  it('gives in steps what it gives at once, pausing between the steps', () => {
    const { part } = counted();
    const steps = part.inSteps(model);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    assert.equal(pauses, 3);
    assert.deepEqual(step.value, [0, 1, 2]);
    assert.deepEqual(counted().part({} as ArticleModel), [0, 1, 2]);
  });

  it('keeps what the steps computed: asked directly afterwards, it does not compute again', () => {
    const { part, runs } = counted();
    const steps = part.inSteps(model);
    let step = steps.next();
    while (!step.done) step = steps.next();
    assert.equal(part(model), step.value);
    assert.equal(runs(), 1);
    // And steps asked again end at once with the kept value.
    assert.deepEqual(part.inSteps(model).next(), { done: true, value: step.value });
  });

  it('when asked directly while its steps are paused, keeps one value for both', () => {
    const { part } = counted();
    const steps = part.inSteps(model);
    steps.next();
    const direct = part(model);
    let step = steps.next();
    while (!step.done) step = steps.next();
    assert.equal(step.value, direct);
    assert.equal(part(model), direct);
  });
});

describe('a long document of labelled articles, analysed in steps', () => {
  // Articles pasted one after another, each with its labels printed at the end of the page.
  const text = Array.from({ length: 120 }, () => article('end')).join('\n');
  const labelsOff = mergeSettings({ rules: { 'displaced-label': 'off' } });

  async function pausesOf(settings: typeof defaultSettings): Promise<{ pauses: number; displaced: string[] }> {
    let pauses = 0;
    const analysis = await analyzeInSteps(text, settings, undefined, async () => {
      pauses++;
    }, { regionLength: 2_000 });
    return { pauses, displaced: analysis.problems.filter((problem) => problem.ruleId === 'displaced-label').map((problem) => `${problem.start}:${problem.message}`) };
  }

  it('pairs the labels with their titles in steps of their own, and finds what one analysis at once finds', async () => {
    const on = await pausesOf(defaultSettings);
    const off = await pausesOf(labelsOff);
    const atOnce = analyze(text, defaultSettings, undefined, { regionLength: 2_000 }).problems.filter((problem) => problem.ruleId === 'displaced-label');
    assert.ok(on.displaced.length >= 120, `${on.displaced.length} displaced-label problems`);
    assert.deepEqual(on.displaced, atOnce.map((problem) => `${problem.start}:${problem.message}`));
    assert.deepEqual(off.displaced, []);
    // The pairing of 360 labels pauses while it reads and aligns them, beyond the regions' own pauses.
    assert.ok(on.pauses > off.pauses, `${on.pauses} pauses with the rule on, ${off.pauses} with it off`);
  });
});
