// What an analysis keeps must die with it in the first scavenge after it (parts.ts ModelSlot, index.ts
// DocumentAnalysis): V8 keeps alive, until its next full collection, whatever an object literal's getter closes
// over (the getter is an accessor pair in the old generation) and whatever a module's WeakMap holds for a key
// (its values are strong to the scavenger). A batch's analyses piled up in the old generation that way.

import * as assert from 'node:assert/strict';
import { analyze, defaultSettings, type ArticleModel } from '../../server/src/core';
import { ModelSlot } from '../../server/src/core/parts';
import { readFixture } from '../helpers';

/** Where in the objects reachable from `root` an own getter or setter is defined (none is expected). */
function ownAccessors(root: object): string[] {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const queue: Array<[unknown, string]> = [[root, 'analysis']];
  while (queue.length > 0) {
    const [value, where] = queue.pop()!;
    if (value === null || typeof value !== 'object' || seen.has(value) || ArrayBuffer.isView(value)) continue;
    seen.add(value);
    if (value instanceof Map || value instanceof Set) {
      let i = 0;
      for (const entry of value) queue.push([entry, `${where}[${i++}]`]);
      continue;
    }
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      const name = `${where}.${String(key)}`;
      if (descriptor.get || descriptor.set) found.push(name);
      else queue.push([descriptor.value, name]);
    }
  }
  return found;
}

describe('what an analysis keeps, kept so that it dies with the analysis', () => {
  const text = readFixture('sample/sample.raw.article');

  for (const layouts of ['kept', 'read-once'] as const) {
    it(`no object of an analysis has a getter of its own (layouts ${layouts}, every part read)`, () => {
      const analysis = analyze(text, defaultSettings, undefined, { regionLength: 1_000, layouts, placing: 'on-first-use' });
      // Everything computed and kept: problems, outline with speakers, figures, folds, highlights, placed parts.
      assert.ok(analysis.problems.length > 0);
      assert.ok(analysis.outlineWithSpeakers('Speakers').length > 0);
      void [analysis.figures, analysis.folds, analysis.highlights, analysis.model.fragments, analysis.model.lines];
      assert.ok(analysis.regions.list.length > 1);
      assert.deepEqual(ownAccessors(analysis), []);
    });
  }

  it('a slot keeps one value per model, which a copy of the model does not share, and forgets it when asked', () => {
    const slot = new ModelSlot<string>();
    const other = new ModelSlot<string>();
    const model = analyze('第一行\n第二行\n', defaultSettings).model;
    const second = analyze('第三行\n', defaultSettings).model;
    assert.equal(slot.get(model), undefined);
    slot.set(model, 'one');
    other.set(model, 'other');
    slot.set(second, 'two');
    assert.equal(slot.get(model), 'one');
    assert.equal(other.get(model), 'other');
    assert.equal(slot.get(second), 'two');
    const copy: ArticleModel = { ...model };
    assert.equal(slot.get(copy), undefined);
    slot.delete(model);
    assert.equal(slot.get(model), undefined);
    assert.equal(other.get(model), 'other');
  });
});
