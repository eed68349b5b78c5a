// Box labels the extractor moved away from their titles: the outline still pairs each label with its
// own title, in series order, and never with a speaker's line or a paragraph's first line.
// (Columns of 16 characters; a body-line title within two characters of the column width is still
// taken for a paragraph's first line: a known limit.)

import * as assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/model';
import { outlineOf } from '../../server/src/core/outline';
import { PARAGRAPH, SPEAKER, TITLE_LIKE_OPENING, TITLES } from '../labelPlacements';

function sections(lines: readonly string[]): string[] {
  return outlineOf(parseArticle(lines.join('\n')))
    .filter((entry) => entry.kind === 'section')
    .map((entry) => `${entry.label}|${entry.title}`);
}

const want = TITLES.map((title, i) => `信号${'一二三'[i]}|${title}`);

describe('outline: labels the extractor moved', () => {
  it('pairs a run of labels at the end of the page with the headings in order', () => {
    const lines = ['全国能源工作会议释放三大信号', ...PARAGRAPH];
    for (const title of TITLES) lines.push(title, ...PARAGRAPH, ...SPEAKER);
    lines.push('信号一', '信号二', '信号三');
    assert.deepEqual(sections(lines), want);
  });

  it('pairs labels standing before their titles and after them', () => {
    const before = ['全国能源工作会议释放三大信号', ...PARAGRAPH];
    const after = [...before];
    TITLES.forEach((title, i) => {
      before.push(`信号${'一二三'[i]}`, title, ...PARAGRAPH, ...SPEAKER);
      after.push(title, `信号${'一二三'[i]}`, ...PARAGRAPH, ...SPEAKER);
    });
    assert.deepEqual(sections(before), want);
    assert.deepEqual(sections(after), want);
  });

  it('pairs a label dropped into a sentence with its heading, not the line before it (a speaker’s employer, a sentence’s start)', () => {
    const employer = ['全国能源工作会议释放三大信号', ...PARAGRAPH];
    const sentence = [...employer];
    TITLES.forEach((title, i) => {
      // The label lands on a short line the sentence starts on: no heading, whatever the layout sets apart.
      if (i === 1) employer.push(title, ...PARAGRAPH, '', '中国宏观经济研究院能源研究所', '信号二', '研究员甘绍华认为，新能源正由“补', '充能源”成长为“主体能源”。');
      else employer.push(`信号${'一二三'[i]}`, title, ...PARAGRAPH, ...SPEAKER);
      if (i === 1) sentence.push(title, ...PARAGRAPH, '', '在贵州省丹寨县的非遗工坊', '信号二', '里，苗族蜡染传承人杨秀英正手', '把手地教学员画蜡。');
      else sentence.push(`信号${'一二三'[i]}`, title, ...PARAGRAPH, ...SPEAKER);
    });
    assert.deepEqual(sections(employer), want);
    assert.deepEqual(sections(sentence), want);
  });

  it('pairs a label dropped between a paragraph’s first line and its second with its heading, not the first line', () => {
    // The first line reads as a title and is as wide as one; the full line after the label says it was a
    // paragraph's first line: a section's paragraph opens with an indented line of its own.
    const [opening, ...rest] = TITLE_LIKE_OPENING;
    const above = ['全国能源工作会议释放三大信号', ...PARAGRAPH];
    const below = [...above];
    TITLES.forEach((title, i) => {
      const label = `信号${'一二三'[i]}`;
      if (i === 1) above.push(opening, label, ...rest, title, ...PARAGRAPH, ...SPEAKER);
      else above.push(label, title, ...PARAGRAPH, ...SPEAKER);
      if (i === 1) below.push(title, ...PARAGRAPH, opening, label, ...rest);
      else below.push(label, title, ...PARAGRAPH, ...SPEAKER);
    });
    assert.deepEqual(sections(above), want);
    assert.deepEqual(sections(below), want);
  });

  it('pairs a label printed on its title’s line, before the title or after it past a gap', () => {
    const before = ['全国能源工作会议释放三大信号', ...PARAGRAPH];
    const after = [...before];
    TITLES.forEach((title, i) => {
      before.push(`信号${'一二三'[i]}  ${title}`, ...PARAGRAPH, ...SPEAKER);
      after.push(`${title}      信号${'一二三'[i]}`, ...PARAGRAPH, ...SPEAKER);
    });
    assert.deepEqual(sections(before), want);
    assert.deepEqual(sections(after), want);
    // One space is a word's, not a gap between two boxes: 信号一 there is no label.
    assert.deepEqual(sections(after.map((line) => line.replace(/ {6}/, ' '))), []);
  });

  it('pairs labels after their titles though a paragraph opens with 记者 (记者从…获悉)', () => {
    const lines = ['全国能源工作会议释放三大信号', ...PARAGRAPH];
    TITLES.forEach((title, i) => lines.push(title, `信号${'一二三'[i]}`, '记者从国家能源局获悉，全国能源', ...PARAGRAPH, ...SPEAKER));
    assert.deepEqual(sections(lines), want);
  });

  it('pairs a label printed beside a speaker’s line with the heading, not the speaker', () => {
    const lines = ['全国能源工作会议释放三大信号', ...PARAGRAPH];
    TITLES.forEach((title, i) => {
      if (i === 1) lines.push(title, ...PARAGRAPH, '信号二', ...SPEAKER);
      else lines.push(`信号${'一二三'[i]}`, title, ...PARAGRAPH, ...SPEAKER);
    });
    assert.deepEqual(sections(lines), want);
  });
});
