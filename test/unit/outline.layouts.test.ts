// Headings as extractors leave them in news columns: a labelled heading wrapped in its larger type, a
// heading with a piece of the next paragraph joined to it, a title wrapped across a blank line, a heading
// after a figure pdfminer printed apart. Small hand-made articles, one layout case each.

import * as assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/model';
import { outlineOf } from '../../server/src/core/outline';

function rows(lines: readonly string[]): string[] {
  return outlineOf(parseArticle(lines.join('\n') + '\n'))
    .filter((entry) => entry.kind === 'section' || entry.kind === 'heading')
    .map((entry) => `${entry.label ?? ''}|${entry.title}`);
}

/** A paragraph in a column of 20 characters. */
const PARAGRAPH = [
  '毫秒脉冲星还有另外的重要用途——组成',
  '脉冲星计时阵，探测纳赫兹引力波。这种引力',
  '波被认为主要来自星系中心的超大质量黑洞双',
  '星系统，是探索宇宙结构形成和演化的重要“信',
  '使”。',
];

describe('outline: headings as news extractors leave them', () => {
  it('joins a labelled heading wrapped in its larger type, though its line is shorter than a body line', () => {
    const lines = ['“中国天眼”新发现12个毫秒脉冲星双星系统', ''];
    lines.push('（一）巡天观测再添“新成员”', ...PARAGRAPH, '');
    lines.push('（二）为纳赫兹引力波探测提供新', '样本', '', ...PARAGRAPH);
    assert.deepEqual(rows(lines), ['（一）|巡天观测再添“新成员”', '（二）|为纳赫兹引力波探测提供新样本']);
  });

  it('leaves out of a heading the first character of the next paragraph, cut off at a figure', () => {
    const lines = ['“中国天眼”新发现12个毫秒脉冲星双星系统', ''];
    lines.push('（一）巡天观测再添“新成员”', ...PARAGRAPH, '');
    lines.push('（二）观测能力持续提升', '', '自', '', '2020', '', ...PARAGRAPH);
    assert.deepEqual(rows(lines), ['（一）|巡天观测再添“新成员”', '（二）|观测能力持续提升']);
  });

  it('keeps a lone character after a heading when no figure follows it', () => {
    const lines = ['“中国天眼”新发现12个毫秒脉冲星双星系统', ''];
    lines.push('（一）巡天观测再添“新成员”', ...PARAGRAPH, '');
    lines.push('（二）观测能力持续提', '', '升', '', ...PARAGRAPH);
    assert.deepEqual(rows(lines), ['（一）|巡天观测再添“新成员”', '（二）|观测能力持续提升']);
  });

  it('pairs a label with a title wrapped across a blank line (mutool)', () => {
    const lines = ['热线“接诉即办”，小诉求撬动城市治理大提升', '', '本报记者罗雨晴', ''];
    const sections = [
      ['快速响应——群众诉求“件件有回', '', '音”'],
      ['主动治理——高频难题集中破解'],
    ];
    for (const title of sections) lines.push(...title, '', ...PARAGRAPH, '');
    lines.push('焦点一', '', '焦点二');
    assert.deepEqual(rows(lines), ['焦点一|快速响应——群众诉求“件件有回音”', '焦点二|主动治理——高频难题集中破解']);
  });

  it('reads a heading after a figure pdfminer printed apart from its sentence, not a unit that reads on from it', () => {
    const body = ['麦收时节，时间就是产量。今年，河南投入联', '合收割机，其中配备北斗导航的收割机占比', '达到三成以上，作业效率明显提高。'];
    const lines = ['良田良种良机齐发力，河南麦区再迎丰收年', '', ...body, ''];
    lines.push('8%', '', '智能农机跑出抢收速度', '', ...body, '');
    lines.push('2017', '', '年我国数字经济总量', '', ...body);
    assert.deepEqual(rows(lines), ['|智能农机跑出抢收速度']);
  });
});
