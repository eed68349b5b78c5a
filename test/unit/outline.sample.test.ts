// The sample article's outline: six signals whose titles the extractor scrambled (each title
// stands before its label, 信号一's near the top), paired into the outline a reader expects.

import * as assert from 'node:assert/strict';
import { readFixture } from '../helpers';
import { parseArticle } from '../../server/src/core/model';
import { foldingRangesOf, outlineOf, speakerEntries } from '../../server/src/core/outline';
import { speakersOf } from '../../server/src/core/speakers';

const EXPECTED = [
  '全国网络安全和信息化工作会议释放六大重要信号',
  '  信号一  网络强国战略思想形成',
  '  信号二  树立正确的网络安全观',
  '  信号三  核心技术是国之重器',
  '  信号四  加快推动数字产业化',
  '  信号五  加强党中央对网信工作的集中统一领导',
  '  信号六  推进全球互联网治理体系变革',
];

function sections(text: string): string[] {
  return outlineOf(parseArticle(text))
    .filter((entry) => entry.kind === 'title' || entry.kind === 'section')
    .map((entry) => `${'  '.repeat(entry.level)}${entry.name}`);
}

describe('the sample article outline', () => {
  const raw = readFixture('sample/sample.raw.article');
  const fixed = readFixture('sample/sample.fixed.article');

  it('pairs the scrambled labels and titles as the reader expects (names, order, levels)', () => {
    assert.deepEqual(sections(raw), EXPECTED);
  });

  it('gives the same outline for the fixed article', () => {
    assert.deepEqual(sections(fixed), EXPECTED);
  });

  it('lists 据新华社 as a byline and no other entries', () => {
    const others = outlineOf(parseArticle(raw)).filter((entry) => entry.kind !== 'title' && entry.kind !== 'section');
    assert.deepEqual(others.map((entry) => [entry.kind, entry.name, entry.level]), [['byline', '据新华社', 1]]);
  });

  it('points each section at its label and spans at least the label', () => {
    for (const entry of outlineOf(parseArticle(raw)).filter((e) => e.kind === 'section')) {
      assert.equal(raw.slice(entry.selectionStart, entry.selectionEnd), entry.label);
      assert.ok(entry.start <= entry.selectionStart && entry.selectionEnd <= entry.end, entry.name);
    }
  });

  it('spans the whole article with the title entry', () => {
    const title = outlineOf(parseArticle(raw))[0];
    assert.equal(raw.slice(title.selectionStart, title.selectionEnd), '全国网络安全和信息化工作会议释放六大重要信号');
    assert.equal(title.end, raw.trimEnd().length);
  });

  it('folds the sections that span more than one line', () => {
    const model = parseArticle(raw);
    const folds = foldingRangesOf(model);
    const signal4 = outlineOf(model).find((e) => e.label === '信号四')!;
    const line = model.lineIndex.positionAt(signal4.start).line;
    assert.ok(folds.some((fold) => fold.startLine === line && fold.endLine > line));
    for (const fold of folds) assert.ok(fold.endLine > fold.startLine);
  });

  it('lists the people quoted with their titles', () => {
    const speakers = speakersOf(parseArticle(raw)).map((s) => `${s.name}|${s.role}`);
    assert.deepEqual(speakers, [
      '习近平|总书记',
      '惠志斌|上海社会科学院互联网研究中心执行主任',
      '吴建平|中国工程院院士、清华大学教授',
      '左晓栋|中国信息安全研究院副院长',
      '李艳|中国现代国际关系研究院信息所副所长',
      '宋建武|中国人民大学新闻学院教授',
    ]);
  });
});

describe('speakers as outline entries', () => {
  it('groups the people quoted under one entry, each pointing at the first mention', () => {
    const raw = readFixture('sample/sample.raw.article');
    const entries = speakerEntries(parseArticle(raw), '受访者');
    assert.deepEqual(entries.slice(0, 3).map((e) => [e.kind, e.level, e.name, e.detail ?? '']), [
      ['speakers', 1, '受访者', ''],
      ['speaker', 2, '习近平', '总书记'],
      ['speaker', 2, '惠志斌', '上海社会科学院互联网研究中心执行主任'],
    ]);
    for (const entry of entries.slice(1)) {
      assert.equal(raw.slice(entry.selectionStart, entry.selectionEnd).replace(/\s/g, ''), entry.name);
      assert.ok(entries[0].start <= entry.start && entry.end <= entries[0].end);
    }
  });

  it('gives no group when nobody is quoted', () => {
    assert.deepEqual(speakerEntries(parseArticle('标题\n\n今年夏粮丰收。\n'), 'Speakers'), []);
  });
});
