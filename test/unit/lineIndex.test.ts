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

/** Line starts and ends found by hand: a line ends before `\r\n`, `\n` or `\r`, or at the text's end. */
function linesByHand(text: string): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  let start = 0;
  for (const match of text.matchAll(/\r\n|\n|\r/g)) {
    lines.push([start, match.index]);
    start = match.index + match[0].length;
  }
  lines.push([start, text.length]);
  return lines;
}

describe('line index', () => {
  it('of a text answers as its lines found by hand, whatever its line endings, shorter or longer than 65,535 characters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r')), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(0, 70_000),
        fc.nat(),
        (lines, padding, at) => {
          // The padding, a line of its own somewhere among the others, makes the text too long for 2-byte starts.
          const pieces = lines.map(([text, eol]) => text + eol);
          pieces.splice(at % (pieces.length + 1), 0, 'x'.repeat(padding) + '\n');
          const text = pieces.join('');
          const index = LineIndex.of(text);
          const expected = linesByHand(text);
          assert.equal(index.lineCount, expected.length);
          expected.forEach(([start, end], k) => {
            assert.equal(index.startOf(k), start, `start of line ${k}`);
            assert.equal(index.endOf(k), end, `end of line ${k}`);
            assert.equal(index.lineAt(start), k);
            assert.equal(index.lineAt(end), k);
          });
        },
      ),
      { numRuns: 200 },
    );
  });


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
