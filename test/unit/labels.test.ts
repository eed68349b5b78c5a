import * as assert from 'node:assert/strict';
import { isLabel, parseBoxLabel, parseInlineLabel, parseSeriesLabel } from '../../server/src/core/labels';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

describe('section labels', () => {
  it('reads box labels of every known series with numerals up to 二十', () => {
    for (const series of ['信号', '要点', '看点', '关键词', '第']) {
      NUMERALS.forEach((numeral, i) => {
        const label = parseBoxLabel(`${series}${numeral}`);
        assert.deepEqual([label?.series, label?.number, label?.form], [series, i + 1, 'box'], `${series}${numeral}`);
      });
    }
  });

  it('ignores spacing inside a box label and rejects text around it', () => {
    assert.equal(parseBoxLabel(' 信 号 三 ')?.number, 3);
    assert.equal(parseBoxLabel('信号三个'), undefined);
    assert.equal(parseBoxLabel('释放六大重要信号'), undefined);
    assert.equal(isLabel('信号六'), true);
    assert.equal(isLabel('网络强国战略思想形成'), false);
  });

  it('reads a label of an unknown series only through parseSeriesLabel (the outline wants two of them)', () => {
    assert.equal(parseBoxLabel('观察一')?.number, 1);
    assert.equal(parseBoxLabel('追踪二'), undefined);
    assert.deepEqual([parseSeriesLabel('追踪二')?.series, parseSeriesLabel('追踪二')?.number], ['追踪', 2]);
    assert.equal(parseSeriesLabel('十八大'), undefined);
    assert.equal(parseSeriesLabel('三分之一'), undefined);
  });

  it('reads inline labels: 一、 （一） (1) 1. 第一章', () => {
    const cases: Array<[string, string, string, number]> = [
      ['一、网络底座不断夯实', '一、', 'N、', 1],
      ['十二、稳就业', '十二、', 'N、', 12],
      ['（二）电网互济能力增强', '（二）', '（N）', 2],
      ['(3)需求侧响应', '(3)', '(n)', 3],
      ['4. 离家时关闭电源', '4.', 'n.', 4],
      ['5、不要私拉乱接', '5、', 'n.', 5],
      ['第二十章 总结', '第二十章', '第N章', 20],
    ];
    for (const [text, printed, style, number] of cases) {
      const label = parseInlineLabel(text);
      assert.deepEqual([label?.text, label?.style, label?.number, label?.form], [printed, style, number, 'inline'], text);
    }
  });

  it('does not read figures as inline labels', () => {
    for (const text of ['1.3万亿斤以上', '20 日至 21 日', '2017', '一带一路', '十八大以来']) {
      assert.equal(parseInlineLabel(text), undefined, text);
    }
  });
});
