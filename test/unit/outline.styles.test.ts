// Articles in each label style (test/fixtures/outline): box labels 要点N / 关键词N / 第N, inline
// 一、 and （一） (nested under 一、), numbered headings, titles printed before their labels, and
// plain headings. expected.json holds each article's outline (indented by level) and speakers.

import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { readFixture } from '../helpers';
import { parseArticle } from '../../server/src/core/model';
import { outlineOf } from '../../server/src/core/outline';
import { speakersOf } from '../../server/src/core/speakers';
import { inlineLabelLines } from '../../server/src/core/outline/sections';

const expected = JSON.parse(readFixture('outline/expected.json')) as Record<string, { outline: string[]; speakers: string[] }>;

describe('outline of articles in each label style', () => {
  for (const [file, want] of Object.entries(expected)) {
    const model = parseArticle(readFixture(`outline/${file}`));

    it(`${file}: outline (names, order, levels)`, () => {
      assert.deepEqual(outlineOf(model).map((entry) => `${'  '.repeat(entry.level)}${entry.name}`), want.outline);
    });

    it(`${file}: people quoted`, () => {
      assert.deepEqual(speakersOf(model).map((s) => `${s.name}|${s.role}`), want.speakers);
    });
  }

  it('selects the whole heading line of an inline section and the label of a box section', () => {
    const inline = readFixture('outline/inline-dun-pm.article');
    const second = outlineOf(parseArticle(inline)).find((entry) => entry.label === '二、')!;
    assert.equal(inline.slice(second.selectionStart, second.selectionEnd), '二、冰雪装备加快发展');
    assert.equal(second.form, 'inline');

    const box = readFixture('outline/guanjianci-mu.article');
    const keyword = outlineOf(parseArticle(box)).find((entry) => entry.label === '关键词二')!;
    assert.equal(box.slice(keyword.selectionStart, keyword.selectionEnd), '关键词二');
    assert.equal(keyword.form, 'box');
  });

  it('spans a section from its label to the line before the next section', () => {
    const text = readFixture('outline/yaodian-pt.article');
    const entries = outlineOf(parseArticle(text));
    const first = entries.find((entry) => entry.label === '要点一')!;
    const second = entries.find((entry) => entry.label === '要点二')!;
    assert.equal(text.slice(first.start, first.end).split('\n')[0], '要点一');
    assert.ok(text.slice(first.start, first.end).endsWith('梯、完善无障碍设施等工作。”'));
    assert.ok(first.end < second.start);
  });

  it('lists a series in number order when the extractor moved one section', () => {
    const original = readFixture('outline/inline-dun-pm.article');
    const text = original.replace(
      /(二、冰雪装备加快发展[\s\S]*?新的增长点。”\n)(三、冰雪运动走进校园\n\n全省已有800所学校开设冰雪运动课程。\n)/,
      '$2$1',
    );
    assert.ok(text.indexOf('三、') < text.indexOf('二、'), 'the fixture moved 三、 before 二、');
    const labels = outlineOf(parseArticle(text)).filter((e) => e.kind === 'section').map((e) => e.label);
    assert.deepEqual(labels, ['一、', '二、', '三、']);
  });
});

describe('inline label lines read a part at a time', () => {
  it('are the lines of the whole read at once, for every place a part may start, given where the last title before it ends', () => {
    // Labelled lines one after another: a label line right after one's title needs no unit ended before it.
    const list = ['一、加强基础研究', '二、推进成果转化', '三、完善人才机制', '四、扩大开放合作'].join('\n');
    const texts = [
      readFixture('outline/inline-dun-pm.article'),
      readFixture('outline/nested-paren-pt.article'),
      readFixture('news/nw011-pm.extracted.txt'),
      `会议强调，今后一个时期要重点抓好以下工作，各地区各部门要认真贯彻落实。\n${list}\n各项工作要扎实推进，确保取得实效。\n`,
      // A title wrapped onto a short line that ends no sentence: the label line after it is read for the title before.
      '会议强调，今后一个时期要重点抓好以下工作，各地区各部门要认\n一、加强基础研究和应用研究，推动科技\n自立自强\n二、推进成果转化\n各项工作要扎实推进，确保取得实效。\n',
    ];
    let carried = 0;
    for (const text of texts) {
      const model = parseArticle(text);
      const count = model.fragments.length;
      for (const width of [12, 16, 20, 24, 30]) {
        const whole = inlineLabelLines(model, width);
        for (let from = 0; from <= count; from++) {
          const before = inlineLabelLines(model, width, 0, from);
          const titleEnd = before[before.length - 1]?.inlineTitle?.last;
          const after = inlineLabelLines(model, width, from, count, titleEnd);
          assert.deepEqual([...before, ...after], whole, `${text.slice(0, 20)} width ${width} from ${from}`);
          if (!isDeepStrictEqual(after, inlineLabelLines(model, width, from, count))) carried++;
        }
      }
    }
    // The title ending before a part decides some of its lines.
    assert.ok(carried > 0);
  });
});
