// Text as a reader sees it (server/src/core/outline/compact.ts): the source offset of one compacted
// character, read up to it, is the one the whole block's offsets give.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseArticle } from '../../server/src/core/model';
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
});
