// The segmenter asked about several pairs of lines in one call (wordsAcrossLines) answers as it does about
// each pair alone (wordAcross): the windows are joined by line feeds, across which no word runs.

import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { wordAcross, wordsAcrossLines, type LookAhead } from '../../server/src/core/breaks/evidence';
import { FIXTURES, readFixture } from '../helpers';

/**
 * Every pair of lines at distance 1 and 2, in the order given, asked of a fresh wordsAcrossLines and of
 * wordAcross; with `firsts`, the pairs of those lines and the next answered first (answerPairs).
 */
function assertSameAnswers(texts: readonly string[], order: (pairs: Array<[number, number]>) => Array<[number, number]>, lookAhead?: LookAhead, firsts?: readonly number[]): void {
  const lines = texts.map((text) => ({ text }));
  const pairs: Array<[number, number]> = [];
  for (let a = 0; a < lines.length; a++) for (const b of [a + 1, a + 2]) if (b < lines.length) pairs.push([a, b]);
  const across = wordsAcrossLines(lines, undefined, undefined, lookAhead);
  if (firsts) across.answerPairs(firsts);
  for (const [a, b] of order(pairs)) {
    assert.deepEqual(across(a, b), wordAcross(texts[a], texts[b]), `${JSON.stringify(texts[a])} / ${JSON.stringify(texts[b])}`);
  }
}

const inOrder = (pairs: Array<[number, number]>) => pairs;
const backwards = (pairs: Array<[number, number]>) => [...pairs].reverse();

describe('wordsAcrossLines: pairs asked together', () => {
  it('answers every pair of lines of the corpus as wordAcross does, asked in order or backwards', () => {
    for (const share of ['dev', 'news-dev']) {
      const dir = path.join(FIXTURES, 'corpus-check', share);
      for (const name of readdirSync(dir).sort()) {
        const lines = readFixture(`corpus-check/${share}/${name}`).split('\n');
        assertSameAnswers(lines, inOrder);
        assertSameAnswers(lines, backwards);
      }
    }
  });

  it('answers lines of any characters as wordAcross does (spaces, marks, Latin, surrogates, CR)', () => {
    const pieces = ['中', '国', '经', '济', '发', '展', '贡', '献', '的', '和', '人', '民', '，', '。', '“', '”', ' ', '\u3000', '\t', '\u00a0', 'a', 'Z', '1', '%', '\r', '\u2028', '𠀀', '😀', '\ud840', '\udc00', '\u200d', 'ー', 'カ'];
    const line = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 9 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 2, maxLength: 40 }), fc.boolean(), (lines, reversed) => {
        assertSameAnswers(lines, reversed ? backwards : inOrder);
      }),
      { numRuns: 300 },
    );
  });

  it('answers each pair as if alone where windows run together would not (a line of the train corpus)', () => {
    // The lines of tr125-pt from its 13th, each cut to its first and last four characters: alone, 别 / 加
    // reads on as 别加; with the windows after it run on without a separator, it did not.
    const lines = ['别', '加', '载', '于 "/s" 之', '上，将内中的数据', '结构暴露给用户空', '间。或者，这些条', '目是虚拟，他们打', '开了深入解操作系', '统运行的便之门。', '目 录  为 每', '个正在运的进程提', '供了一个目录，目', '录的名字是进程标', '识符（ 。需要读', '取进程信的系统工', '', '具 ，  以 从', '这个目录构获得信'];
    assert.deepEqual(wordAcross(lines[0], lines[1]), { word: '别加', left: 1, right: 1 });
    assertSameAnswers(lines, inOrder);
  });

  it('answers every pair as wordAcross does whatever the look-ahead guesses (pairs past `until`, lines `around` passes over)', () => {
    // The layout's guess (breaks/decide.ts mayAskAround) only chooses which pairs are answered ahead of being asked.
    const lines = readFixture('corpus-check/dev/' + readdirSync(path.join(FIXTURES, 'corpus-check', 'dev')).sort()[0]).split('\n');
    assertSameAnswers(lines, inOrder, { until: lines.length >> 1, around: (line) => line % 3 === 0 });
    const line = fc.array(fc.constantFrom('中', '国', '经', '济', '发', '展', '的', '，', ' ', 'a', '1'), { minLength: 1, maxLength: 9 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 2, maxLength: 40 }), fc.nat(40), fc.func(fc.boolean()), fc.boolean(), (texts, until, around, reversed) => {
        assertSameAnswers(texts, reversed ? backwards : inOrder, { until, around: (j) => around(j) });
      }),
      { numRuns: 200 },
    );
  });

  it('answers every pair as wordAcross does after the pairs of some lines were answered together (answerPairs)', () => {
    const lines = readFixture('corpus-check/news-dev/' + readdirSync(path.join(FIXTURES, 'corpus-check', 'news-dev')).sort()[0]).split('\n');
    assertSameAnswers(lines, inOrder, undefined, Array.from(lines.keys()).filter((line) => line % 3 !== 1));
    const line = fc.array(fc.constantFrom('中', '国', '经', '济', '发', '展', '的', '，', ' ', 'a', '1'), { minLength: 1, maxLength: 9 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 2, maxLength: 40 }), fc.uniqueArray(fc.integer({ min: -1, max: 41 })), fc.boolean(), (texts, firsts, reversed) => {
        assertSameAnswers(texts, reversed ? backwards : inOrder, undefined, [...firsts].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it('answers the same after a jump: pairs asked out of order, some twice', () => {
    const lines = '经济发\n展的质\n量不断\n提升，\n人民生\n活水平\n稳步提\n高'.split('\n');
    assertSameAnswers(lines, (pairs) => [pairs[5], pairs[0], pairs[5], pairs[2], ...pairs]);
  });
});
