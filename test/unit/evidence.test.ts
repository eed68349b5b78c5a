// The break evidence read by code unit (breaks/evidence.ts) answers as the strings and patterns it replaced.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { repeatsLineEnd } from '../../server/src/core/breaks/evidence';

/** repeatsLineEnd's test of Han tails as it was written: each tail of two to four units cut, then tested. */
function repeatsHanTail(text: string, before: string): boolean {
  for (let k = 2; k <= 4 && k <= before.length; k++) {
    const tail = before.slice(-k);
    if (/^\p{sc=Han}+$/u.test(tail) && text.startsWith(tail)) return true;
  }
  return false;
}

describe('break evidence by code unit', () => {
  it('repeatsLineEnd: a line starting with the Han characters the line before ends with, as the tails cut and tested', () => {
    assert.equal(repeatsLineEnd('关键词是什么', '本文的关键词'), true);
    assert.equal(repeatsLineEnd('键词', '关键词'), true);
    assert.equal(repeatsLineEnd('词语', '关键词'), false, 'one character is no repetition');
    assert.equal(repeatsLineEnd('，关键词', '关键词，'), false);
    // Han only: 〆 and ⺀ are Han to the pattern, not to isHanCode; a pair's halves are not Han alone.
    const pieces = ['关', '键', '词', '〆', '⺀', '々', '，', 'a', '1', ' ', '𠀀', '\ud840', '\udc00'];
    const line = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(line, line, fc.nat(6), (before, rest, shared) => {
        // The next line often starts with the line before's tail, so that the repetition is tested at all.
        const text = before.slice(before.length - Math.min(shared, before.length)) + rest;
        // Latin words at the end are answered before the Han tails, alike in both.
        const latinEnd = /[A-Za-z][A-Za-z0-9_.-]+$/.test(before);
        if (!latinEnd) assert.equal(repeatsLineEnd(text, before), repeatsHanTail(text, before), `${JSON.stringify(before)} / ${JSON.stringify(text)}`);
      }),
      { numRuns: 3000 },
    );
  });
});
