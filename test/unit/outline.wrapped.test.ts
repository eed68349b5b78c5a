// Section titles set in their larger type and wrapped over two or three lines that the layout did not
// join, for each placement of their labels (before the title, after it, at the end of the page): the
// outline pairs each label with the whole title. And what is no wrapped end: a paragraph's first line as
// wide as the title, a line after a blank line. Columns of 16 characters (test/labelPlacements.ts).

import * as assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/model';
import { outlineOf } from '../../server/src/core/outline';
import { LABELS, PARAGRAPH, SPEAKER, TITLES } from '../labelPlacements';

function sections(lines: readonly string[]): string[] {
  return outlineOf(parseArticle(lines.join('\n') + '\n'))
    .filter((entry) => entry.kind === 'section')
    .map((entry) => `${entry.label}|${entry.title}`);
}

const HEADLINE = '全国能源工作会议释放三大信号';
const want = TITLES.map((title, i) => `${LABELS[i]}|${title}`);

/** Each title cut after `firstLine` characters (a heading filling its line), or into `parts` equal lines. */
function wrap(title: string, cut: (title: string) => number[]): string[] {
  const ends = [...cut(title), title.length];
  return ends.map((end, k) => title.slice(k === 0 ? 0 : ends[k - 1], end));
}
const fills = (title: string): number[] => [Math.ceil(title.length * 0.6)];
const halves = (title: string): number[] => [Math.ceil(title.length / 2)];
const thirds = (title: string): number[] => [Math.ceil(title.length * 0.4), 2 * Math.ceil(title.length * 0.4)];

/** The article with each title wrapped by `cut` and its label placed `placement`. */
function article(cut: (title: string) => number[], placement: 'before' | 'after' | 'end'): string[] {
  const lines = [HEADLINE, ...PARAGRAPH];
  TITLES.forEach((title, i) => {
    if (placement === 'before') lines.push(LABELS[i]);
    lines.push(...wrap(title, cut));
    if (placement === 'after') lines.push(LABELS[i]);
    lines.push(...PARAGRAPH, ...SPEAKER);
  });
  if (placement === 'end') lines.push(...LABELS);
  return lines;
}

describe('outline: wrapped section titles', () => {
  for (const placement of ['before', 'after', 'end'] as const) {
    it(`pairs labels ${placement === 'end' ? 'at the end of the page' : `${placement} their titles`} with titles wrapped over two lines`, () => {
      assert.deepEqual(sections(article(fills, placement)), want);
    });
  }

  it('pairs labels with titles wrapped over two lines of equal length', () => {
    assert.deepEqual(sections(article(halves, 'before')), want);
  });

  it('pairs labels with titles wrapped over three lines', () => {
    assert.deepEqual(sections(article(thirds, 'before')), want);
  });

  it('takes a wrapped end in quotation marks (`紧扣国家战略调整` / `“专业地图”`)', () => {
    const lines = [HEADLINE, ...PARAGRAPH, '焦点一', '紧扣国家战略调整', '“专业地图”', ...PARAGRAPH, '焦点二', '产教融合让课堂连着', '车间', ...PARAGRAPH];
    assert.deepEqual(sections(lines), ['焦点一|紧扣国家战略调整“专业地图”', '焦点二|产教融合让课堂连着车间']);
  });

  it('takes a wrapped end that opens with a quotation mark the typesetter moved off the line before, or is mostly quotation marks', () => {
    // A line may not end with an opening quote: over two balanced lines it goes on the second, one longer.
    const lines = [HEADLINE, ...PARAGRAPH, '观察一', '农业节水', '“挤”出水来', ...PARAGRAPH, '观察二', '水土流失治理由', '“点”到“面”', ...PARAGRAPH];
    assert.deepEqual(sections(lines), ['观察一|农业节水“挤”出水来', '观察二|水土流失治理由“点”到“面”']);
  });

  it('takes a word or two after a labelled heading as its end across a blank line (fix-all’s output), not a piece cut at a figure', () => {
    const lines = [HEADLINE, '', PARAGRAPH.join(''), '', '焦点一', '', '产教融合让课堂连着', '', '车间', '', PARAGRAPH.join(''), ''];
    lines.push('焦点二', '', '观测能力持续提升', '', '自', '', '2020', '', '年起，天眼的观测时间持续增加。');
    assert.deepEqual(sections(lines), ['焦点一|产教融合让课堂连着车间', '焦点二|观测能力持续提升']);
  });

  it('does not take a paragraph’s indented first line as wide as the title for its wrapped end', () => {
    const lines = [HEADLINE, ...PARAGRAPH, '亮点一', '特色产业“链”起农民增收新路', '赣南是全国著名的脐橙主产区目', '前，全市脐橙种植面积达到一百八', '十万亩，带动二十多万户增收。', '亮点二', '和美乡村“靓”起来', ...PARAGRAPH];
    assert.deepEqual(sections(lines), ['亮点一|特色产业“链”起农民增收新路', '亮点二|和美乡村“靓”起来']);
  });

  it('does not take a line after a blank line for a title’s wrapped end', () => {
    const lines = [HEADLINE, '', ...PARAGRAPH, '', '看点一', '', '种质资源家底更清', '', '第三次全国农作物', ...PARAGRAPH, '', '看点二', '', '育种创新持续提速', '', ...PARAGRAPH];
    assert.deepEqual(sections(lines), ['看点一|种质资源家底更清', '看点二|育种创新持续提速']);
  });
});

describe('outline: titles as wide as a paragraph’s first line, an article title over four lines', () => {
  it('pairs labels at the end of the page with titles set apart from their paragraphs by a blank line, though as wide as a first line', () => {
    const wide = ['能源供应保障能力稳步上台阶', '绿色低碳转型步伐进一步加快', '新型电力系统建设全面提速了'];
    const lines = [HEADLINE, ...PARAGRAPH];
    for (const title of wide) lines.push(title, '', ...PARAGRAPH, ...SPEAKER);
    lines.push('', ...LABELS);
    assert.deepEqual(sections(lines), wide.map((title, i) => `${LABELS[i]}|${title}`));
  });

  it('reads an article title set over four lines before its byline as the title, and pairs no label with its lines', () => {
    const lines = ['山乡“蝶变”绘就振', '兴新图景——江西', '赣州乡村振兴一线', '见闻', '本报记者聂晚晴', '', ...PARAGRAPH];
    for (const title of TITLES) lines.push(title, ...PARAGRAPH, ...SPEAKER);
    lines.push('', ...LABELS);
    const outline = outlineOf(parseArticle(lines.join('\n') + '\n'));
    assert.equal(outline[0].title, '山乡“蝶变”绘就振兴新图景——江西赣州乡村振兴一线见闻');
    assert.deepEqual(sections(lines), want);
    assert.deepEqual(outline.filter((entry) => entry.kind === 'heading'), []);
  });
});
