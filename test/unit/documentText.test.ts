// The text in pieces (core/documentText.ts) answers as the string it stands for.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { PieceText } from '../../server/src/core';
import { changedSpan } from '../../server/src/core/documentText';
import { dominantEol } from '../../server/src/core/text';

/** Pieces rich in what reads trip over: line ends of every kind, a blank line, surrogate pairs, empty pieces. */
const piece = fc.array(fc.constantFrom('', 'a', '网络', '\n', '\r\n', '\r', '\n\n', '😀', '。', ' ', '\0'), { maxLength: 6 }).map((parts) => parts.join(''));
const index = fc.oneof(fc.integer({ min: -5, max: 60 }), fc.constantFrom(0.5, -0.5, NaN, Infinity, -Infinity));
const needle = fc.constantFrom('\n', '\n\n', '\r\n', '。\n', '网络', 'a网', '😀', '\n。 ', '', 'zz');

/** The reference: the first common prefix, then the longest common suffix that does not overlap it. */
function naiveSpan(a: string, b: string): { prefix: number; suffix: number } {
  const most = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < most && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < most - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}

describe('PieceText (a text read in pieces)', () => {
  it('answers charCodeAt, charAt, slice, indexOf, startsWith and toString as the joined string, with and without it joined', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.boolean(), index, index, needle, (pieces, joinedKnown, i, j, search) => {
        const text = pieces.join('');
        const ours = new PieceText(pieces, joinedKnown ? text : undefined);
        assert.equal(ours.length, text.length);
        assert.deepEqual(ours.charCodeAt(i), text.charCodeAt(i));
        assert.equal(ours.charAt(i), text.charAt(i));
        assert.equal(ours.slice(i, j), text.slice(i, j));
        assert.equal(ours.slice(i), text.slice(i));
        assert.equal(ours.indexOf(search, i), text.indexOf(search, i), `indexOf(${JSON.stringify(search)}, ${i}) in ${JSON.stringify(pieces)}`);
        assert.equal(ours.indexOf(search), text.indexOf(search));
        assert.equal(ours.startsWith(search, i), text.startsWith(search, i));
        assert.equal(ours.toString(), text);
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  it('has the line ending of its joined string, whichever piece a \\r\\n is cut in', () => {
    const lineEnds = fc.array(fc.constantFrom('\n', '\r\n', '\r', 'a', '\r\r', '\n\r', ''), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(lineEnds, { maxLength: 10 }), (pieces) => {
        assert.equal(dominantEol(new PieceText(pieces)), dominantEol(pieces.join('')), JSON.stringify(pieces));
      }),
      { numRuns: 3000, seed: 9 },
    );
  });

  it('finds where two versions differ as comparing their strings would, sharing pieces or not', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.nat(12), fc.nat(3), fc.array(piece, { maxLength: 3 }), (pieces, at, removed, inserted) => {
        const edited = [...pieces];
        edited.splice(Math.min(at, pieces.length), removed, ...inserted);
        const [a, b] = [pieces.join(''), edited.join('')];
        const expected = naiveSpan(a, b);
        assert.deepEqual(changedSpan(new PieceText(pieces), new PieceText(edited)), expected);
        assert.deepEqual(changedSpan(a, b), expected);
        // One earlier version compared with two later ones, one after the other, and again (a pair's span is
        // kept for the next comparison of the same pair, never given for another).
        const earlier = new PieceText(pieces);
        const later = new PieceText(edited);
        const unchanged = new PieceText([...pieces]);
        assert.deepEqual(changedSpan(earlier, later), expected);
        assert.deepEqual(changedSpan(earlier, unchanged), { prefix: a.length, suffix: 0 });
        assert.deepEqual(changedSpan(earlier, later), expected);
        assert.deepEqual(changedSpan(earlier, later), expected);
        assert.deepEqual(changedSpan(new PieceText(pieces, a), b), expected);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
