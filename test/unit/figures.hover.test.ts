import * as assert from 'node:assert/strict';
import { readFixture, withCursor } from '../helpers';
import { figureAt, figuresOf, type Figure } from '../../server/src/core/figures';
import { describeFigure, figureSummary } from '../../server/src/core/figureText';
import { parseArticle, type ArticleModel } from '../../server/src/core/model';

/** The figure under a cursor written as `|` in a snippet that occurs once in the article. */
function hoverIn(model: ArticleModel, marked: string): Figure | undefined {
  const { text: snippet, offset } = withCursor(marked);
  const at = model.text.indexOf(snippet);
  assert.ok(at >= 0, `snippet not in the article: ${JSON.stringify(snippet)}`);
  assert.equal(model.text.indexOf(snippet, at + 1), -1, `snippet occurs twice: ${JSON.stringify(snippet)}`);
  return figureAt(model, at + offset);
}

describe('figure hovers on the sample article', () => {
  const model = parseArticle(readFixture('sample/sample.raw.article'));

  // Every figure of the sample (seeds/README.md), hovered on each side of the line it is split over.
  const cases: ReadonlyArray<readonly [string, string, Partial<Figure>, readonly string[]]> = [
    ['20日至21日', 'date', { norm: '---20/---21' }, ['会议 |20 日至', '至 21 |日在北京']],
    ['六大', 'count', { value: 6, unit: '大' }, ['释放|六大', '释放六|大重要']],
    ['一带一路', 'name', { value: null }, ['“一|带一\n', '\n|路”建设等']],
    ['四项', 'count', { value: 4, unit: '项' }, ['的“|四项原则', '的“四|项原则']],
    ['五点', 'count', { value: 5, unit: '点' }, ['”“|五点主张', '”“五|点主张']],
    ['十八大', 'ordinal', { value: 18 }, ['党的|十八大', '党的十八|大以来']],
    ['2017年', 'year', { value: 2017 }, ['|2017\n', '\n|年我国数字经济总量']],
    ['27.2万亿元', 'amount', { value: 27_200_000_000_000, unit: '元' }, ['27.|2\n', '\n万亿|元， 占']],
    ['32.9%', 'share', { value: 0.329, unit: '%' }, ['|32.9%\n', '32.9%|\n']],
    ['互联网+', 'name', { value: null }, ['“互|联网\n', '\n|+\n']],
    ['中国制造2025', 'name', { value: null }, ['“中国|制造\n', '\n20|25\n']],
    ['7.72亿', 'count', { value: 772_000_000 }, ['|7.72\n', '\n|亿， 网络已成为']],
  ];

  for (const [text, kind, fields, markers] of cases) {
    for (const marked of markers) {
      it(`${JSON.stringify(marked)} hovers ${text} (${kind})`, () => {
        const figure = hoverIn(model, marked);
        assert.ok(figure, 'no figure under the cursor');
        assert.equal(figure.text, text);
        assert.equal(figure.kind, kind);
        for (const [field, value] of Object.entries(fields)) assert.deepEqual(figure[field as keyof Figure], value, field);
        for (const locale of ['en', 'zh-cn'] as const) {
          const hover = describeFigure(figure, model, locale);
          assert.ok(hover.startsWith(`**${text}**`), hover);
        }
      });
    }
  }

  it('a figure split over lines is one figure with a source range per line', () => {
    const figure = hoverIn(model, '27.|2\n');
    assert.equal(figure?.ranges.length, 2);
    assert.equal(hoverIn(model, '\n万|亿元， 占'), figure);
  });

  it('finds no figure in labels, idioms, lost text or plain words', () => {
    for (const marked of ['信号|一', '“如|同全球', '建设\n |世纪', '路”建设等为契|机', '\n|。\n\n吴建平认为']) {
      assert.equal(hoverIn(model, marked), undefined, marked);
    }
  });

  it('lists the sample figures in reading order, once each', () => {
    const texts = figuresOf(model).map((figure) => figure.text);
    for (const [text] of cases) assert.equal(texts.filter((t) => t === text).length, 1, text);
    assert.ok(texts.indexOf('六大') < texts.indexOf('2017年') && texts.indexOf('2017年') < texts.indexOf('7.72亿'));
  });

  it('explains 27.2万亿元 in digits and words, with its sentence', () => {
    const figure = hoverIn(model, '27.|2\n')!;
    const en = describeFigure(figure, model, 'en');
    assert.match(en, /27,200,000,000,000 元 ≈ 27\.2 trillion yuan/);
    assert.match(en, /amount/);
    assert.match(en, /> .*2017年我国数字经济总量达到\*\*27\.2万亿元\*\*/);
    assert.match(en, /Split over 2 lines/);
    const zh = describeFigure(figure, model, 'zh-cn');
    assert.match(zh, /27,200,000,000,000 元（27\.2万亿元）/);
    assert.match(zh, /数额/);
  });

  it('quotes the sentence as it reads once fixed: no spaces at full-width marks, no stray closing quote', () => {
    const sentenceLine = (marked: string) => describeFigure(hoverIn(model, marked)!, model, 'en').split('\n').find((line) => line.startsWith('> '));
    assert.match(sentenceLine('|7.72\n')!, /宋建武说，我国网民规模达到\*\*7\.72亿\*\*，网络已成为社会交往、信息交换的重要平台，形成/);
    // The sentence before ends with 。” and this one starts after the quote; lost text keeps its space.
    assert.match(sentenceLine('四|项')!, /^> 上海社会科学院/);
    assert.match(sentenceLine('“一|带一')!, /建设 世纪数字丝绸之路。$/);
  });

  it('explains the date range, the ordinal and the names', () => {
    assert.match(describeFigure(hoverIn(model, '会议 |20 日至')!, model, 'en'), /from the 20th to the 21st \(---20\/---21\)/);
    assert.match(describeFigure(hoverIn(model, '会议 |20 日至')!, model, 'zh-cn'), /20日至21日/);
    assert.match(describeFigure(hoverIn(model, '会议 |20 日至')!, model, 'en'), /Printed as 20 日至 21 日/);
    assert.match(describeFigure(hoverIn(model, '党的|十八大')!, model, 'en'), /the 18th/);
    assert.match(describeFigure(hoverIn(model, '“中国|制造\n')!, model, 'en'), /name, not a quantity/);
    assert.match(describeFigure(hoverIn(model, '“中国|制造\n')!, model, 'zh-cn'), /名称，不是数量/);
  });

  it('summarises each figure on one line for the CLI', () => {
    const figure = hoverIn(model, '|7.72\n')!;
    assert.equal(figureSummary(figure, 'en'), '7.72亿  count  = 772,000,000 ≈ 772 million');
    assert.equal(figureSummary(figure, 'zh-cn'), '7.72亿  数量  = 772,000,000（7.72亿）');
    for (const each of figuresOf(model)) assert.doesNotMatch(figureSummary(each, 'en'), /\n/);
  });
});

describe('hovers for the measure words, units and names read on news-train', () => {
  const model = parseArticle(
    '港口完成集装箱吞吐量2.5亿标准箱，全国能源生产总量51.2亿吨标准煤，平均流量密度只有约20微央斯基。' +
      '其中“95后”“00后”消费者占比接近六成，全市累计完成水权交易8400余单，坐大巴得将近两个小时。\n',
  );
  const hover = (text: string, locale: 'en' | 'zh-cn'): string => {
    const figure = figuresOf(model).find((each) => each.text === text);
    assert.ok(figure, `${text} not found`);
    return describeFigure(figure, model, locale);
  };

  const cases: ReadonlyArray<readonly [string, RegExp, RegExp]> = [
    ['2.5亿标准箱', /250,000,000 标准箱 ≈ 250 million TEU \(twenty-foot containers\)/, /250,000,000 标准箱（2.5亿标准箱）/],
    ['51.2亿吨标准煤', /5\.12 billion tonnes of standard coal equivalent/, /数额/],
    ['约20微央斯基', /= 20 微央斯基[\s\S]*Approximate: 约 \(about\)/, /约数：约（大约）/],
    ['8400余单', /8,400 单[\s\S]*Approximate: 余 \(more than\)/, /数量[\s\S]*约数：余（多于）/],
    ['接近六成', /0\.6 = 60%[\s\S]*Approximate: 接近 \(nearly\)/, /约数：接近（接近）/],
    ['将近两个小时', /= 2 个小时[\s\S]*Approximate: 将近 \(nearly\)/, /约数：将近（接近）/],
    ['95后', /the generation born in 1995–1999/, /指1995—1999年出生的一代人/],
    ['00后', /the generation born in 2000–2004/, /指2000—2004年出生的一代人/],
  ];
  for (const [text, en, zh] of cases) {
    it(`${text} reads well in English and Chinese`, () => {
      assert.match(hover(text, 'en'), en);
      assert.match(hover(text, 'zh-cn'), zh);
      for (const locale of ['en', 'zh-cn'] as const) assert.ok(hover(text, locale).startsWith(`**${text}**`));
    });
  }

  it('names the unit in English in the one-line summary', () => {
    const figure = figuresOf(model).find((each) => each.text === '约20微央斯基')!;
    assert.equal(figureSummary(figure, 'en'), '约20微央斯基  amount  = 20 微央斯基 ≈ 20 µJy (jansky) (about)');
    const teu = figuresOf(model).find((each) => each.text === '2.5亿标准箱')!;
    assert.match(figureSummary(teu, 'en'), /TEU/);
  });

  it('reads a rank from the top and a floor as such', () => {
    const ranks = parseArticle('停车难位列群众诉求前三位，住在6楼的退休教师说。\n');
    const [rank, floor] = figuresOf(ranks);
    assert.equal(figureSummary(rank, 'en'), '前三位  ordinal  = the top 3');
    assert.equal(figureSummary(rank, 'zh-cn'), '前三位  序数  = 前 3 位');
    assert.equal(figureSummary(floor, 'en'), '6楼  ordinal  = the 6th floor');
    assert.equal(figureSummary(floor, 'zh-cn'), '6楼  序数  = 第 6 层');
  });
});

describe('derived figures', () => {
  it('a share and its total imply the whole: 27.2万亿元 at 32.9% of GDP → GDP ≈ 82.7万亿元', () => {
    const model = parseArticle('2017年我国数字经济总量达到27.2万亿元，占GDP比重达到32.9%。\n');
    const [, amount, share] = figuresOf(model);
    for (const figure of [amount, share]) {
      assert.match(describeFigure(figure, model, 'en'), /GDP ≈ 82\.7万亿元 ≈ 82\.7 trillion yuan \(27\.2万亿元 ÷ 32\.9%\)/);
      assert.match(describeFigure(figure, model, 'zh-cn'), /推算：GDP ≈ 82\.7万亿元/);
    }
  });

  it('in the fixed sample too', () => {
    const model = parseArticle(readFixture('sample/sample.fixed.article'));
    const { text, offset } = withCursor('27.|2万亿元');
    const figure = figureAt(model, model.text.indexOf(text) + offset)!;
    assert.match(describeFigure(figure, model, 'en'), /GDP ≈ 82\.7万亿元/);
  });

  it('a value and its growth imply the value before: 523万辆，同比增长52.3% → 上年同期 ≈ 343万辆', () => {
    const model = parseArticle('2024年县乡市场新能源汽车销量523万辆，同比增长52.3%，增速较快。\n');
    const count = figuresOf(model).find((figure) => figure.text === '523万辆')!;
    assert.match(describeFigure(count, model, 'zh-cn'), /推算：上年同期 ≈ 343万辆（523万辆 ÷ \(1 \+ 52\.3%\)）/);
  });

  it('does not relate figures across sentences or without 占 / 增长', () => {
    const model = parseArticle('销量523万辆。占比52.3%。另有120余款车型，渗透率40%。\n');
    for (const figure of figuresOf(model)) assert.doesNotMatch(describeFigure(figure, model, 'en'), /Derived/);
  });
});

describe('figures split over column lines (test/fixtures/figures/split.article)', () => {
  const model = parseArticle(readFixture('figures/split.article'));
  const expected: Array<Partial<Figure> & { text: string }> = JSON.parse(readFixture('figures/split.expect.json')).figures;
  const figures = figuresOf(model);

  it('finds exactly the annotated figures, in order, and none of the traps', () => {
    assert.deepEqual(figures.map((figure) => figure.text), expected.map((figure) => figure.text));
  });

  for (const annotated of expected) {
    it(`${annotated.text}: ${annotated.kind}, found from the first and last character of each part`, () => {
      const figure = figures.find((each) => each.text === annotated.text);
      assert.ok(figure);
      for (const [field, value] of Object.entries(annotated)) assert.deepEqual(figure[field as keyof Figure] ?? null, value ?? null, field);
      for (const [start, end] of figure.ranges) {
        assert.equal(figureAt(model, start), figure);
        assert.equal(figureAt(model, end - 1), figure);
      }
    });
  }

  it('splits that cut a number (202|4年, ±80|0千伏) still give one figure', () => {
    for (const text of ['2024年1月至5月', '±800千伏', '三分之二', '6.7元']) {
      const figure = figures.find((each) => each.text === text);
      assert.equal(figure?.ranges.length, 2, text);
    }
  });
});
