// The model's arrays keep one elements kind whether or not V8 has optimized the code that builds them.
//
// An array made by `Array.prototype.map` is packed when the builtin makes it and holey when V8's optimizing
// compiler has inlined the call (it makes the array at full length, holes first). The breaks of one file and
// the next then had two maps, and every rule looping over them was deoptimized and compiled again: on the
// CLI's batch of 1,071 files that was some 6 % of the process's instructions (docs/performance-log.md, jit23).
// So the arrays the layout and the rules read are pushed; here parseRegion is optimized on purpose and its
// arrays are checked to stay packed.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { parseArticle, parseRegion } from '../../server/src/core/model';

v8.setFlagsFromString('--allow-natives-syntax');
// Made after the flag is set, so that V8 parses the natives (%…) in them.
const isHoley = new Function('array', 'return %HasHoleyElements(array)') as (array: unknown) => boolean;
const prepareForOptimization = new Function('f', '%PrepareFunctionForOptimization(f)') as (f: unknown) => void;
const optimizeOnNextCall = new Function('f', '%OptimizeFunctionOnNextCall(f)') as (f: unknown) => void;

const SAMPLE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'sample', 'sample.raw.article'), 'utf8');

describe('elements kinds of the model', () => {
  it('keeps the breaks and a region\'s fragments packed once parseRegion is optimized', () => {
    const half = SAMPLE.indexOf('\n\n', SAMPLE.length >> 1) + 2;
    const parseHalf = () => parseRegion(SAMPLE, { start: 0, end: half });
    prepareForOptimization(parseRegion);
    for (let i = 0; i < 3; i++) {
      parseArticle(SAMPLE);
      parseHalf();
    }
    optimizeOnNextCall(parseRegion);
    const whole = parseArticle(SAMPLE);
    optimizeOnNextCall(parseRegion);
    const region = parseHalf().model;
    assert.ok(whole.breaks.length > 10 && region.fragments.length > 10);
    assert.equal(isHoley(whole.breaks), false, 'the breaks of the whole text');
    assert.equal(isHoley(region.breaks), false, 'the breaks of a region');
    assert.equal(isHoley(region.fragments), false, 'the fragments of a region');
  });
});
