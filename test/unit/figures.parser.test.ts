import * as assert from 'node:assert/strict';
import { recognizeFigures, type FoundFigure } from '../../server/src/core/figures';
import { assertTimeLinearLike } from '../helpers';

type Expected = Partial<Omit<FoundFigure, 'start' | 'end' | 'text'>>;

/** The one figure a phrase is, covering all of it. */
function readFigure(text: string): FoundFigure | undefined {
  const found = recognizeFigures(text);
  return found.length === 1 && found[0].start === 0 && found[0].end === text.length ? found[0] : undefined;
}

describe('figure parser', () => {
  const cases: ReadonlyArray<readonly [string, Expected]> = [
    // Arabic numbers, magnitudes and units.
    ['27.2万亿元', { kind: 'amount', value: 27_200_000_000_000, unit: '元' }],
    ['7.72亿', { kind: 'count', value: 772_000_000 }],
    ['1,234人', { kind: 'count', value: 1234, unit: '人' }],
    ['３５０万吨', { kind: 'amount', value: 3_500_000, unit: '吨' }],
    ['14.65亿千瓦', { kind: 'amount', value: 1_465_000_000, unit: '千瓦' }],
    ['8000万千瓦', { kind: 'amount', value: 80_000_000, unit: '千瓦' }],
    ['1.3万亿斤以上', { kind: 'amount', value: 1_300_000_000_000, unit: '斤', approx: '以上' }],
    ['100亿元人民币', { kind: 'amount', value: 10_000_000_000, unit: '元' }],
    // Measure words and units beyond the common ones: lessons, orders, nests, containers, coal equivalent, SI prefixes.
    ['3节', { kind: 'count', value: 3, unit: '节' }],
    ['超过1.5万门', { kind: 'count', value: 15_000, unit: '门', approx: '超过' }],
    ['2650巢', { kind: 'count', value: 2650, unit: '巢' }],
    ['8400余单', { kind: 'count', value: 8400, unit: '单', approx: '余' }],
    ['3个人', { kind: 'count', value: 3, unit: '个人' }],
    ['两市', { kind: 'count', value: 2, unit: '市' }],
    ['2.5亿标准箱', { kind: 'count', value: 250_000_000, unit: '标准箱' }],
    ['58.6自然箱', { kind: 'count', value: 58.6, unit: '自然箱' }],
    ['1.9亿亩次', { kind: 'amount', value: 190_000_000, unit: '亩次' }],
    ['52.5亿吨标准煤左右', { kind: 'amount', value: 5_250_000_000, unit: '吨标准煤', approx: '左右' }],
    ['约20微央斯基', { kind: 'amount', value: 20, unit: '微央斯基', approx: '约' }],
    ['3千帕', { kind: 'amount', value: 3, unit: '千帕' }],
    ['约1毛钱', { kind: 'amount', value: 0.1, unit: '元', approx: '约' }],
    ['346Mbps', { kind: 'amount', value: 346, unit: 'Mbps' }],
    ['±800千伏', { kind: 'amount', value: 800, unit: '千伏', approx: '±' }],
    ['2.3小时', { kind: 'amount', value: 2.3, unit: '小时' }],
    ['6年', { kind: 'amount', value: 6, unit: '年' }],
    ['百万千瓦级', { kind: 'amount', value: 1_000_000, unit: '千瓦' }],
    // Chinese numerals.
    ['三千五百万元', { kind: 'amount', value: 35_000_000, unit: '元' }],
    ['六大', { kind: 'count', value: 6, unit: '大' }],
    ['四项', { kind: 'count', value: 4, unit: '项' }],
    ['三十多万人', { kind: 'count', value: 300_000, unit: '人', approx: '多' }],
    ['近万名', { kind: 'count', value: 10_000, unit: '名', approx: '近' }],
    ['上千亩', { kind: 'amount', value: 1000, unit: '亩', approx: '上' }],
    ['上百万人', { kind: 'count', value: 1_000_000, unit: '人', approx: '上' }],
    ['破亿', { kind: 'count', value: 100_000_000, approx: '破' }],
    // Approximators.
    ['700余家', { kind: 'count', value: 700, unit: '家', approx: '余' }],
    ['超过1.6万个', { kind: 'count', value: 16_000, unit: '个', approx: '超过' }],
    ['2000元左右', { kind: 'amount', value: 2000, unit: '元', approx: '左右' }],
    // 多 between 个 and a duration: the unit is the word after it (news corpus convention).
    ['1个多月', { kind: 'amount', value: 1, unit: '月', approx: '多' }],
    ['一个多月', { kind: 'amount', value: 1, unit: '月', approx: '多' }],
    ['两个多小时', { kind: 'amount', value: 2, unit: '小时', approx: '多' }],
    ['将近两个小时', { kind: 'amount', value: 2, unit: '个小时', approx: '将近' }],
    ['接近六成', { kind: 'share', value: 0.6, unit: '成', approx: '接近' }],
    ['接近20%', { kind: 'share', value: 0.2, unit: '%', approx: '接近' }],
    ['上百圈', { kind: 'count', value: 100, unit: '圈', approx: '上' }],
    ['上万遍', { kind: 'count', value: 10_000, unit: '遍', approx: '上' }],
    ['十多分', { kind: 'number', value: 10, unit: '分', approx: '多' }],
    ['3年多', { kind: 'amount', value: 3, unit: '年', approx: '多' }],
    ['不低于3000吨', { kind: 'amount', value: 3000, unit: '吨', approx: '不低于' }],
    // Shares.
    ['32.9%', { kind: 'share', value: 0.329, unit: '%' }],
    ['97%以上', { kind: 'share', value: 0.97, unit: '%', approx: '以上' }],
    ['3‰', { kind: 'share', value: 0.003, unit: '‰' }],
    ['百分之五', { kind: 'share', value: 0.05, unit: '%' }],
    ['千分之三', { kind: 'share', value: 0.003, unit: '‰' }],
    ['三分之二', { kind: 'share', value: 0.666667, unit: 'fraction' }],
    ['五分之一左右', { kind: 'share', value: 0.2, unit: 'fraction', approx: '左右' }],
    ['七成', { kind: 'share', value: 0.7, unit: '成' }],
    ['过七成', { kind: 'share', value: 0.7, unit: '成', approx: '过' }],
    ['七五折', { kind: 'share', value: 0.75, unit: '折' }],
    ['八折', { kind: 'share', value: 0.8, unit: '折' }],
    ['过半', { kind: 'share', value: 0.5, unit: '半', approx: '过' }],
    ['2.3个百分点', { kind: 'share', value: 0.023, unit: '个百分点' }],
    // Multiples and scores.
    ['2.1倍', { kind: 'number', value: 2.1, unit: '倍' }],
    ['8.6分', { kind: 'number', value: 8.6, unit: '分' }],
    // Years and dates.
    ['2017年', { kind: 'year', value: 2017 }],
    ['二〇一七年', { kind: 'year', value: 2017 }],
    ['4月20日', { kind: 'date', value: null, norm: '--04-20' }],
    ['20日', { kind: 'date', value: null, norm: '---20' }],
    ['2021年7月16日', { kind: 'date', value: null, norm: '2021-07-16' }],
    ['2024年底', { kind: 'date', value: null, norm: '2024-12' }],
    ['2月末', { kind: 'date', value: null, norm: '--02' }],
    ['一季度', { kind: 'date', value: null, norm: 'Q1' }],
    ['前5个月', { kind: 'date', value: null, norm: '--01/--05' }],
    ['26日12时15分', { kind: 'date', value: null, norm: '---26T12:15' }],
    ['26日中午12时15分', { kind: 'date', value: null, norm: '---26T12:15' }],
    ['2024年1月至5月', { kind: 'date', value: null, norm: '2024-01/--05' }],
    ['12月16日至17日', { kind: 'date', value: null, norm: '--12-16/--12-17' }],
    // Ranges.
    ['20日至21日', { kind: 'date', value: null, norm: '---20/---21' }],
    ['1月至6月', { kind: 'date', value: null, norm: '--01/--06' }],
    ['1—5月', { kind: 'date', value: null, norm: '--01/--05' }],
    ['1克至2克', { kind: 'range', value: null, low: 1, high: 2, unit: '克' }],
    ['4至5代', { kind: 'range', value: null, low: 4, high: 5, unit: '代' }],
    ['8年至10年', { kind: 'range', value: null, low: 8, high: 10, unit: '年' }],
    ['3万至5万元', { kind: 'range', value: null, low: 30_000, high: 50_000, unit: '元' }],
    ['2021年至2025年', { kind: 'range', value: null, low: 2021, high: 2025, unit: '年' }],
    ['2017—2020年', { kind: 'range', value: null, low: 2017, high: 2020, unit: '年' }],
    ['2小时10分05秒', { kind: 'amount', value: 7805, unit: '秒' }],
    ['5%～8%', { kind: 'range', value: null, low: 0.05, high: 0.08, unit: '%' }],
    // Ordinals.
    ['第十八次', { kind: 'ordinal', value: 18 }],
    ['第二', { kind: 'ordinal', value: 2 }],
    ['十八大', { kind: 'ordinal', value: 18 }],
    ['十四五', { kind: 'ordinal', value: 14 }],
    ['第十四个五年规划', { kind: 'ordinal', value: 14 }],
    ['前十', { kind: 'ordinal', value: 10 }],
    ['前10家', { kind: 'count', value: 10, unit: '家' }],
    ['前三位', { kind: 'ordinal', value: 3 }],
    ['第一大', { kind: 'ordinal', value: 1 }],
    ['第一板', { kind: 'ordinal', value: 1 }],
    ['6楼', { kind: 'ordinal', value: 6 }],
    // Names with digits.
    ['5G', { kind: 'name', value: null }],
    ['G20', { kind: 'name', value: null }],
    ['V2G', { kind: 'name', value: null }],
    ['C919', { kind: 'name', value: null }],
    ['12306', { kind: 'name', value: null }],
    ['一带一路', { kind: 'name', value: null }],
    ['三夏', { kind: 'name', value: null }],
    ['嫦娥六号', { kind: 'name', value: null }],
    ['神舟十八号', { kind: 'name', value: null }],
    ['第二产业', { kind: 'name', value: null }],
    ['PM2.5', { kind: 'name', value: null }],
    ['95后', { kind: 'name', value: null }],
    ['00后', { kind: 'name', value: null }],
    ['J2107+2243', { kind: 'name', value: null }],
    ['Ⅱ类', { kind: 'name', value: null }],
    ['第7.6节', { kind: 'name', value: null }],
    ['一喷三防', { kind: 'name', value: null }],
    ['新三板', { kind: 'name', value: null }],
  ];

  for (const [text, expected] of cases) {
    it(`${text} is one ${expected.kind}`, () => {
      const figure = readFigure(text);
      assert.ok(figure, `${text} should read as one figure, got ${JSON.stringify(recognizeFigures(text))}`);
      for (const [field, value] of Object.entries(expected)) {
        assert.deepEqual(figure[field as keyof FoundFigure], value, `${text}: ${field}`);
      }
    });
  }

  it('reads names in quotes or titles whole: 《中国制造2025》, “互联网+”', () => {
    const found = recognizeFigures('自《中国制造2025》发布以来，推动“互联网+”向纵深发展，“5G+工业互联网”项目');
    assert.deepEqual(
      found.map((figure) => [figure.text, figure.kind]),
      [['中国制造2025', 'name'], ['互联网+', 'name'], ['5G', 'name']],
    );
  });

  it('reads figures across spaces next to Chinese (justified and autospaced lines)', () => {
    assert.deepEqual(
      recognizeFigures('合 计 装 机 16.7 亿 千 瓦 ， 会议 20 日至 21 日').map((figure) => figure.text),
      ['16.7亿千瓦', '20日至21日'],
    );
  });

  const notFigures = [
    '信号一', '千行百业', '一家企业', '一位老人', '一票难求', '一日一图', '低人一等', '严一鸣说', '章一凡认为',
    '管一航', '骆一帆', '每万人拥有', '每千名', '千粒重', '每千瓦', '三五成群', '十分重要', '千瓦', '一辆车',
    '统一', '唯一', '新一代', '几个小时', '千里之外', '80年代', '数十万人', '几百个', '两三年', '千万不要',
    '三门峡', '两口子', '两回事', '零部件', '队伍年轻', '接近尾声', '九州', '市场',
  ];
  for (const text of notFigures) {
    it(`${text} holds no figure`, () => assert.deepEqual(recognizeFigures(text), []));
  }

  it('takes only the number of a number-and-word name (12306App)', () => {
    assert.deepEqual(recognizeFigures('铁路12306App').map((figure) => [figure.text, figure.kind]), [['12306', 'name']]);
  });

  it('keeps approximators that are part of another word out of the figure', () => {
    assert.deepEqual(recognizeFigures('签约3个项目，通过5项标准').map((figure) => figure.text), ['3个', '5项']);
    assert.deepEqual(recognizeFigures('不足10%').map((figure) => figure.text), ['10%']);
    assert.deepEqual(recognizeFigures('误差不超过2.5厘米').map((figure) => figure.text), ['2.5厘米']);
  });

  it('reads 近 before a span of years as "the last", not "nearly", where it opens a clause or 来 follows', () => {
    const read = (text: string) => recognizeFigures(text).map((figure) => [figure.text, figure.approx]);
    assert.deepEqual(read('近3年，全市累计投入'), [['3年', undefined]]);
    assert.deepEqual(read('近3年来累计培训'), [['3年', undefined]]);
    assert.deepEqual(read('历时近3年完成'), [['近3年', '近']]);
  });

  it('stops a measure word before the word it begins (3单位, 2市场, 5地铁站, 第一扇区)', () => {
    const read = (text: string) => recognizeFigures(text).map((figure) => figure.text);
    assert.deepEqual(read('3单位'), ['3']);
    assert.deepEqual(read('5地铁站'), ['5']);
    assert.deepEqual(read('第一扇区'), ['第一']);
    assert.deepEqual(read('10个人工智能项目'), ['10个']);
    assert.deepEqual(read('3个人口大省'), ['3个']);
  });

  const BENIGN_SENTENCE = '这是一个没有数字的普通句子，';

  it('reads 1 MB of figure-dense news text in linear time', function () {
    this.timeout(60_000);
    const sentence = '2017年我国数字经济总量达到27.2万亿元，占GDP比重达到32.9%，超过三分之二的乡镇在4月20日至21日参与，近万名、上千亩、“十四五”。';
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    let found: FoundFigure[] = [];
    const benign = BENIGN_SENTENCE.repeat(Math.ceil(text.length / BENIGN_SENTENCE.length)).slice(0, text.length);
    // The reference: the same reader over 1 MB with no figure in it.
    assertTimeLinearLike('1 MB of figures', () => void (found = recognizeFigures(text)), () => void recognizeFigures(benign), 20);
    assert.equal(found.length, 8 * Math.ceil(1_000_000 / sentence.length));
  });

  it('reads adversarial text (125 kB per pattern, 1.5 MB in all) without blowing up', () => {
    const patterns = ['1', '一', '1至', '1.', '1,000,', '“', '约', '万', '第', 'a1', '1 ', '三千五百万'];
    for (const pattern of patterns) {
      const text = pattern.repeat(Math.ceil(1_000_000 / pattern.length / 8));
      const benign = BENIGN_SENTENCE.repeat(Math.ceil(text.length / BENIGN_SENTENCE.length)).slice(0, text.length);
      // The reference: the same reader over text of the same length with no figure in it.
      assertTimeLinearLike(`${pattern}…`, () => void recognizeFigures(text), () => void recognizeFigures(benign), 50);
    }
  });
});
