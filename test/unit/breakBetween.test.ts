// A line break as the model keeps it (server/src/core/model.ts BreakBetween): its two fragments, its kind and reason,
// and one integer for the rest, answering every field of a LineBreak as the nine-field object it replaced did.

import * as assert from 'node:assert/strict';
import { analyze, defaultSettings } from '../../server/src/core';
import type { BreakKind, Fragment, LineBreak } from '../../server/src/core/article';
import { BreakBetween } from '../../server/src/core/model';
import { REGION_LENGTH } from '../../server/src/core/regions';
import { largeArticle, readFixture } from '../helpers';

/** A fragment on `line`, its text from `start` (its line from `lineStart`) to `end`. */
function fragmentAt(index: number, line: number, lineStart: number, start: number, end: number): Fragment {
  return { index, line, lineStart, start, end, text: 'x'.repeat(end - start) };
}

/** What a break answers, field by field. */
function fields(b: LineBreak): LineBreak {
  const { index, kind, reason, confidencePpm, blankLines, joiner, keepsLeadingSpace, start, end } = b;
  return { index, kind, reason, confidencePpm, blankLines, joiner, keepsLeadingSpace, start, end };
}

describe('a line break between two fragments', () => {
  it('answers each kind, joiner, leading space and confidence it was made with, its range and blank lines from its fragments', () => {
    const before = fragmentAt(7, 10, 400, 402, 420);
    const after = fragmentAt(8, 13, 430, 433, 450);
    const kinds: BreakKind[] = ['wrap', 'paragraph', 'block'];
    // The confidence's whole range (0.5 to 1 in millionths), its edges and the sure/unsure edge among it.
    for (const confidencePpm of [500_000, 799_999, 800_000, 999_999, 1_000_000])
      for (const kind of kinds)
        for (const joiner of ['', ' '])
          for (const keepsLeadingSpace of [false, true]) {
            const b = new BreakBetween(before, after, kind, 'some-reason', confidencePpm, joiner, keepsLeadingSpace);
            assert.deepEqual(fields(b), {
              index: 7,
              kind,
              reason: 'some-reason',
              confidencePpm,
              blankLines: 2,
              joiner,
              keepsLeadingSpace,
              start: 420,
              end: keepsLeadingSpace ? 430 : 433,
            });
          }
  });

  it('in a model, stands between fragments index and index + 1, whose range it is, in every region and at every seam', () => {
    for (const text of [readFixture('sample/sample.raw.article'), largeArticle(6 * REGION_LENGTH)]) {
      const { fragments, breaks } = analyze(text, defaultSettings).model;
      assert.equal(breaks.length, fragments.length - 1);
      breaks.forEach((b, i) => {
        assert.ok(b instanceof BreakBetween);
        assert.equal(b.before, fragments[i]);
        assert.equal(b.after, fragments[i + 1]);
        assert.equal(b.index, i);
        assert.ok(b.start === fragments[i].end && b.end >= fragments[i + 1].lineStart && b.end <= fragments[i + 1].start);
      });
    }
  });
});
