import * as assert from 'node:assert/strict';
import { parseChineseInteger, readArabicNumber, scaled } from '../../server/src/core/numerals';

describe('numerals', () => {
  describe('parseChineseInteger', () => {
    const cases: ReadonlyArray<readonly [string, number | undefined]> = [
      ['一', 1],
      ['六', 6],
      ['十', 10],
      ['十八', 18],
      ['二十', 20],
      ['二十一', 21],
      ['一百零五', 105],
      ['一千零五十', 1050],
      ['三千五百万', 35_000_000],
      ['两千', 2000],
      ['万', 10_000],
      ['百万', 1_000_000],
      ['三万亿', 3e12],
      ['一亿二千万', 120_000_000],
      ['二〇一七', 2017],
      ['二〇二五', 2025],
      ['七五', 75],
      ['壹佰', 100],
      // Not numerals.
      ['', undefined],
      ['十四五', undefined],
      ['四五十', undefined],
      ['信号', undefined],
    ];
    for (const [numeral, expected] of cases) {
      it(`${numeral || '(empty)'} → ${expected}`, () => assert.equal(parseChineseInteger(numeral), expected));
    }
  });

  describe('readArabicNumber', () => {
    const cases: ReadonlyArray<readonly [string, string | undefined, number]> = [
      ['27.2万亿元', '27.2', 4],
      ['1,234,567人', '1234567', 9],
      ['１２３４５', '12345', 5],
      ['３．５%', '3.5', 3],
      ['1,23人', '1', 1],
      ['5.', '5', 1],
      ['12306', '12306', 5],
      ['万亿', undefined, 0],
    ];
    for (const [text, digits, end] of cases) {
      it(`${text} → ${digits ?? 'nothing'}`, () => {
        const number = readArabicNumber(text, 0);
        assert.equal(number?.digits, digits);
        if (digits !== undefined) assert.equal(number?.end, end);
      });
    }
  });

  it('scales decimals exactly (32.9% is 0.329, not 0.32899999999999996)', () => {
    assert.equal(scaled('32.9', -2), 0.329);
    assert.equal(scaled('27.2', 12), 27_200_000_000_000);
    assert.equal(scaled('14.65', 8), 1_465_000_000);
  });
});
