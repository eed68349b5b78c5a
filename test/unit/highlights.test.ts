// Highlights (semantic colouring) of the sample: the roles the layout found and every figure.

import * as assert from 'node:assert/strict';
import { analyze, defaultSettings } from '../../server/src/core';
import { highlightsOf } from '../../server/src/core/highlights';
import { readFixture } from '../helpers';

const raw = readFixture('sample/sample.raw.article');
const analysis = analyze(raw, defaultSettings);
const highlights = highlightsOf(analysis.model, analysis.figures);
const textOf = (highlight: { start: number; end: number }) => raw.slice(highlight.start, highlight.end);

describe('highlights', () => {
  it('colours the title, the six signal labels and the byline by the role the layout gave them', () => {
    assert.deepEqual(
      highlights.filter((h) => h.kind === 'title').map(textOf),
      ['全国网络安全和信息化工作会议释放六大重要信号'],
    );
    assert.deepEqual(
      highlights.filter((h) => h.kind === 'label').map(textOf),
      ['信号一', '信号二', '信号三', '信号四', '信号五', '信号六'],
    );
    assert.ok(highlights.some((h) => h.kind === 'byline' && textOf(h) === '据新华社'));
  });

  it('colours each piece of a figure split over lines, and figures in body text only', () => {
    const figures = highlights.filter((h) => h.kind === 'figure').map(textOf);
    assert.ok(figures.includes('27.2') && figures.includes('万亿元'), figures.join(' '));
    assert.ok(figures.includes('32.9%'), figures.join(' '));
    // 六大 stands in the title: the title's colour covers it.
    assert.ok(!figures.includes('六大'));
  });

  it('gives highlights in order, never overlapping, each within one line', () => {
    for (let i = 0; i < highlights.length; i++) {
      const highlight = highlights[i];
      assert.ok(highlight.end > highlight.start);
      assert.ok(!textOf(highlight).includes('\n'), JSON.stringify(textOf(highlight)));
      if (i > 0) assert.ok(highlights[i - 1].end <= highlight.start, `${textOf(highlights[i - 1])} / ${textOf(highlight)}`);
    }
  });
});
