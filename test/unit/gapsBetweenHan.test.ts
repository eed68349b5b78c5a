import * as assert from 'node:assert/strict';
import { HAN_SOURCE, INLINE_SPACE_SOURCE } from '../../server/src/core/charClasses';
import { gapsBetweenHan } from '../../server/src/core/rules/spaceBetweenHan';
import { readFixture, seededRandom } from '../helpers';

/** The pattern space-between-han read its gaps with before the scan: every match, as start and end offsets. */
function byPattern(text: string): number[] {
  const pattern = new RegExp(`(?<=[${HAN_SOURCE}])[${INLINE_SPACE_SOURCE}]+(?=[${HAN_SOURCE}])`, 'g');
  return [...text.matchAll(pattern)].flatMap((match) => [match.index, match.index + match[0].length]);
}

describe('space-between-han: gapsBetweenHan', () => {
  it('finds the runs of spaces between Han characters the pattern matched', () => {
    const texts = [
      '',
      ' ',
      '列 出 的 这 样',
      '来减 少系 统启 动时 间。',
      ' 开头 有空格 ',
      '限制 BIOS 可',
      '中\t\u3000\u00a0 文',
      '中  ，文 a 字〇 〇',
      '\ud840\udc00 中 \ud840\udc00',
      '豈 﫿 㐀 䶿 鿿',
      '中\n文 字',
    ];
    for (const text of texts) assert.deepEqual(gapsBetweenHan(text), byPattern(text), JSON.stringify(text));
  });

  it('agrees with the pattern on every line of the sample and on random lines', () => {
    for (const line of readFixture('sample/sample.raw.article').split('\n')) assert.deepEqual(gapsBetweenHan(line), byPattern(line), line);
    const alphabet = ['中', '文', '〇', '㐀', ' ', ' ', '\t', '\u3000', '\u00a0', 'a', '1', '，', '。', '\ud840\udc00', '\ud840', '\n'];
    const random = seededRandom(26);
    for (let n = 0; n < 2_000; n++) {
      let line = '';
      const length = Math.floor(random() * 16);
      for (let i = 0; i < length; i++) line += alphabet[Math.floor(random() * alphabet.length)];
      assert.deepEqual(gapsBetweenHan(line), byPattern(line), JSON.stringify(line));
    }
  });
});
