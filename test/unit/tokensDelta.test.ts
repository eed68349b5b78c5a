// The edits a semantic tokens delta is answered with (server/src/lsp/semanticTokens.ts tokensDelta): applied
// to the previous integers they give the new ones, and they cover no more than lies between the two
// arrays' common prefix and common suffix.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { SemanticTokensEdit } from 'vscode-languageserver';
import { tokensDelta } from '../../server/src/lsp/semanticTokens';

function applied(previous: readonly number[], edits: readonly SemanticTokensEdit[]): number[] {
  let result = [...previous];
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = [...result.slice(0, edit.start), ...(edit.data ?? []), ...result.slice(edit.start + edit.deleteCount)];
  }
  return result;
}

/** The integers `delta` sends: what it inserts plus what it deletes. */
const size = (edits: readonly SemanticTokensEdit[]) => edits.reduce((sum, edit) => sum + edit.deleteCount + (edit.data?.length ?? 0), 0);

describe('tokensDelta', () => {
  const cases: ReadonlyArray<readonly [string, number[], number[], SemanticTokensEdit[]]> = [
    ['equal arrays: no edit', [0, 1, 2, 3, 0], [0, 1, 2, 3, 0], []],
    ['a token added at the end', [0, 1, 2, 3, 0], [0, 1, 2, 3, 0, 1, 4, 2, 5, 0], [{ start: 5, deleteCount: 0, data: [1, 4, 2, 5, 0] }]],
    ['the last token removed', [0, 1, 2, 3, 0, 1, 4, 2, 5, 0], [0, 1, 2, 3, 0], [{ start: 5, deleteCount: 5 }]],
    ['a token added at the start', [0, 1, 2, 3, 0], [0, 0, 1, 5, 0, 0, 1, 2, 3, 0], [{ start: 1, deleteCount: 0, data: [0, 1, 5, 0, 0] }]],
    ['a line added before a token', [0, 1, 2, 3, 0, 2, 0, 4, 5, 0], [0, 1, 2, 3, 0, 3, 0, 4, 5, 0], [{ start: 5, deleteCount: 1, data: [3] }]],
    // A repeated value at the seam: the suffix may not count what the prefix already has.
    ['a repeated run grown', [7, 7, 7], [7, 7, 7, 7], [{ start: 3, deleteCount: 0, data: [7] }]],
    ['a repeated run shrunk', [7, 7, 7, 7], [7, 7], [{ start: 2, deleteCount: 2 }]],
    ['from nothing', [], [0, 1, 2, 3, 0], [{ start: 0, deleteCount: 0, data: [0, 1, 2, 3, 0] }]],
    ['to nothing', [0, 1, 2, 3, 0], [], [{ start: 0, deleteCount: 5 }]],
  ];
  for (const [name, previous, next, expected] of cases) {
    it(name, () => {
      const edits = tokensDelta(Uint32Array.from(previous), Uint32Array.from(next));
      assert.deepEqual(edits, expected);
      assert.deepEqual(applied(previous, edits), next);
    });
  }

  it('gives the new integers from the old for any two arrays, with at most one edit no larger than the middle they differ in', () => {
    const small = fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 30 });
    fc.assert(
      fc.property(small, small, small, small, (prefix, oldMiddle, newMiddle, suffix) => {
        const previous = [...prefix, ...oldMiddle, ...suffix];
        const next = [...prefix, ...newMiddle, ...suffix];
        const edits = tokensDelta(Uint32Array.from(previous), Uint32Array.from(next));
        assert.deepEqual(applied(previous, edits), next);
        assert.ok(edits.length <= 1);
        assert.ok(size(edits) <= oldMiddle.length + newMiddle.length);
        for (const edit of edits) assert.ok(edit.deleteCount > 0 || (edit.data?.length ?? 0) > 0, 'no empty edit');
      }),
      { numRuns: 2000 },
    );
  });
});
