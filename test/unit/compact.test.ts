// Text as a reader sees it (server/src/core/compactText.ts): the source offset of one compacted
// character, read up to it, is the one the whole block's offsets give.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseArticle } from '../../server/src/core/model';
import { compactFigureText, compactLength, compactOffsetAt, compactString, compactText } from '../../server/src/core/compactText';
import { compactBlock, compactSourceAt } from '../../server/src/core/outline/compact';

/** Lines of Han characters, Latin words, figures and the spaces extractors leave between them. */
const line = fc.array(fc.constantFrom('农', '作', '物', ' ', '  ', '\u3000', 'Red', 'Hat', '27.2', '，', '。'), { minLength: 1, maxLength: 10 }).map((parts) => parts.join(''));

describe('compact text', () => {
  it('maps one character of a block to the source offset the whole block’s offsets give, spaces removed or kept, past the end NaN', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        const model = parseArticle(lines.join('\n'));
        for (const block of model.blocks) {
          const { text, sources } = compactBlock(block);
          for (let index = 0; index < text.length; index++) assert.equal(compactSourceAt(block, index), sources[index], `character ${index} of ${JSON.stringify(block.text)}`);
          assert.ok(Number.isNaN(compactSourceAt(block, text.length)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads a line one way whether it is asked for its text, its length, its offsets or one offset', () => {
    fc.assert(
      fc.property(line, fc.nat(40), (text, atMost) => {
        const compact = compactText(text);
        assert.equal(compactString(text), compact.text);
        assert.equal(compactLength(text), compact.text.length);
        // Counting stops past `atMost`: the answer is the length when it is at most that, else above it.
        const bounded = compactLength(text, atMost);
        assert.ok(compact.text.length <= atMost ? bounded === compact.text.length : bounded > atMost);
        assert.equal(compact.sources.length, compact.text.length);
        for (let index = 0; index < compact.text.length; index++) {
          assert.equal(text[compact.sources[index]], compact.text[index]);
          assert.equal(compactOffsetAt(text, index), compact.sources[index]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps one space between words that are not Chinese, and in figures only between Latin letters or digits', () => {
    assert.equal(compactString('农 作 物  Red  Hat 的 Linux, Apache'), '农作物Red Hat的Linux, Apache');
    assert.equal(compactString('\u3000 信号一 '), '信号一');
    assert.equal(compactFigureText('共 1, 000.1 亿 元 ， 增 长 27.2 %').text, '共1,000.1亿元，增长27.2%');
    assert.equal(compactFigureText('8 000 台 Red Hat').text, '8 000台Red Hat');
    assert.deepEqual(compactFigureText('1, 0').sources, [0, 1, 3]);
  });
});
