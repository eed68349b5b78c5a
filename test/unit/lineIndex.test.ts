// The line index (server/src/core/text.ts): a text's own, and one put together from pieces of it where
// they stand (a document read in regions), which must answer exactly as the text's own.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/core/text';

/** Every answer of `index` about a text of `length` characters, as plain data. */
function answers(index: LineIndex, length: number): unknown {
  const lines = Array.from({ length: index.lineCount }, (_, line) => [index.lineOf(line), index.startOf(line), index.endOf(line)]);
  const positions = Array.from({ length: length + 3 }, (_, offset) => [index.lineAt(Math.min(offset, length)), index.positionAt(offset - 1)]);
  const offsets = Array.from({ length: index.lineCount + 2 }, (_, line) => [index.offsetAt({ line: line - 1, character: 0 }), index.offsetAt({ line, character: 3 })]);
  return { count: index.lineCount, lines, positions, offsets, materialized: index.lines };
}

const line = fc.stringMatching(/^[a-z网络]{0,6}$/);

describe('line index', () => {
  it('put together from pieces separated by a blank line answers as the whole text’s own, LF or CRLF', () => {
    fc.assert(
      fc.property(fc.array(fc.array(line, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), fc.boolean(), fc.boolean(), (pieceLines, crlf, endsWithEol) => {
        const eol = crlf ? '\r\n' : '\n';
        // Each piece but the last ends with a line ending; a blank line stands between two pieces.
        const pieces = pieceLines.map((lines, k) => lines.join(eol) + (k + 1 < pieceLines.length || endsWithEol ? eol : ''));
        const placed: Array<{ lines: LineIndex; offset: number }> = [];
        let text = '';
        pieces.forEach((piece, k) => {
          if (k > 0) text += eol;
          placed.push({ lines: LineIndex.of(piece), offset: text.length });
          text += piece;
        });
        assert.deepEqual(answers(LineIndex.joined(placed, text.length), text.length), answers(LineIndex.of(text), text.length));
      }),
      { numRuns: 300 },
    );
  });
});
