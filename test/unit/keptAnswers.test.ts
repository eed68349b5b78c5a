// Answers kept per version for a client that asks again (server/src/lsp/repeatedAnswers.ts KeptAnswers):
// a short one for as long as its version lives, a long one only until the garbage collector reclaims it.

import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { KeptAnswers } from '../../server/src/lsp/repeatedAnswers';

/** A full garbage collection, without starting mocha with --expose-gc. */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/** Lets the current job end: a WeakRef's target is held until then whatever the collector does. */
const jobEnd = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('kept answers (documentSymbol of a version)', () => {
  it('gives back an answer kept for a version, and nothing for another version', () => {
    const kept = new KeptAnswers<object, number[]>(3);
    const version = {};
    const answer = [1, 2];
    assert.equal(kept.keep(version, answer, answer.length), answer);
    assert.equal(kept.get(version), answer);
    assert.equal(kept.get({}), undefined);
  });

  it('keeps a short answer through a garbage collection, and lets a long one go', async () => {
    const kept = new KeptAnswers<object, number[]>(3);
    const shortVersion = {};
    const longVersion = {};
    kept.keep(shortVersion, [1, 2, 3], 3);
    kept.keep(longVersion, [1, 2, 3, 4], 4);
    // Until collected, the long answer is there for a client asking again at once.
    assert.deepEqual(kept.get(longVersion), [1, 2, 3, 4]);
    await jobEnd();
    collectGarbage();
    assert.deepEqual(kept.get(shortVersion), [1, 2, 3]);
    assert.equal(kept.get(longVersion), undefined);
  });
});
