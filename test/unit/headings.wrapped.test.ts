// Section titles set in their larger type and wrapped over two or three lines: fix-all's output (Format
// Document, source.fixAll.article, the CLI's --fix) holds each title whole on one heading line, its label on
// the line before, wherever the extractor put the label (issues 14 and 15). The layout joins the title's
// lines (breaks/decide.ts joinWrappedTitles) as the outline reads them (titleText.ts readsAsTitleRest).
// Columns of 16 characters (test/labelPlacements.ts).

import * as assert from 'node:assert/strict';
import { analyze, defaultSettings, fixAll } from '../../server/src/core';
import { parseArticle } from '../../server/src/core/model';
import { LABELS, PARAGRAPH, SPEAKER, TITLES } from '../labelPlacements';

const HEADLINE = '全国能源工作会议释放三大信号';

const halves = (title: string): string[] => {
  const cut = Math.ceil(title.length / 2);
  return [title.slice(0, cut), title.slice(cut)];
};
const thirds = (title: string): string[] => {
  const cut = Math.ceil(title.length * 0.4);
  return [title.slice(0, cut), title.slice(cut, 2 * cut), title.slice(2 * cut)];
};

/** The article with each title wrapped by `wrap`, its label before it or all labels at the end of the page. */
function article(wrap: (title: string) => string[], placement: 'before' | 'end'): string {
  const lines = [HEADLINE, ...PARAGRAPH];
  TITLES.forEach((title, i) => {
    if (placement === 'before') lines.push(LABELS[i]);
    lines.push(...wrap(title), ...PARAGRAPH, ...SPEAKER);
  });
  if (placement === 'end') lines.push(...LABELS);
  return lines.join('\n') + '\n';
}

/** The fixed text's non-blank lines. */
function fixedLines(text: string): string[] {
  return fixAll(text, defaultSettings)
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** Each label followed by its whole title, as lines of the fixed text. */
function assertTitlesWhole(lines: readonly string[]): void {
  TITLES.forEach((title, i) => {
    const at = lines.indexOf(title);
    assert.ok(at > 0, `no line ${title} in\n${lines.join('\n')}`);
    assert.equal(lines[at - 1], LABELS[i]);
  });
}

describe('fix-all: a heading wrapped over lines is one heading line', () => {
  for (const [name, wrap] of [['two lines of equal length', halves], ['three lines', thirds]] as const) {
    it(`joins a title wrapped over ${name} after its label`, () => {
      assertTitlesWhole(fixedLines(article(wrap, 'before')));
    });

    it(`joins a title wrapped over ${name} whose label is at the end of the page, the label moved above it`, () => {
      const lines = fixedLines(article(wrap, 'end'));
      assertTitlesWhole(lines);
      for (const label of LABELS) assert.equal(lines.filter((line) => line === label).length, 1);
    });
  }

  it('joins a title over two lines the layout joined on to its paragraph, and sets it apart from the paragraph', () => {
    const lines = [HEADLINE, ...PARAGRAPH, '要点三', '大众消费应', '用加速普及', '北斗正在从“行业用”走向“大众', '用”。数据显示，今年上半年国内销', '售的智能手机中，支持北斗定位的', '机型占比达百分之九十八。'];
    const fixed = fixedLines(lines.join('\n') + '\n');
    assert.equal(fixed[fixed.indexOf('要点三') + 1], '大众消费应用加速普及');
  });

  it('joins a title whose second line opens with a quotation mark moved off the first (`农业节水` / `“挤”出水来`)', () => {
    const text = [HEADLINE, ...PARAGRAPH, '观察一', '农业节水', '“挤”出水来', ...PARAGRAPH, '观察二', '水土流失治理由', '“点”到“面”', ...PARAGRAPH].join('\n') + '\n';
    const lines = fixedLines(text);
    assert.equal(lines[lines.indexOf('观察一') + 1], '农业节水“挤”出水来');
    assert.equal(lines[lines.indexOf('观察二') + 1], '水土流失治理由“点”到“面”');
  });

  it('joins a title over three lines ending with one character after its label (`筛查建档` / `实现全覆` / `盖`)', () => {
    const lines = [HEADLINE, ...PARAGRAPH, '焦点一', '筛查建档', '实现全覆', '盖', ...PARAGRAPH, '焦点二', '科学矫治', '避免走弯', '路', ...PARAGRAPH];
    const fixed = fixedLines(lines.join('\n') + '\n');
    assert.equal(fixed[fixed.indexOf('焦点一') + 1], '筛查建档实现全覆盖');
    assert.equal(fixed[fixed.indexOf('焦点二') + 1], '科学矫治避免走弯路');
  });

  it('makes a title joined over three lines one heading block', () => {
    const model = parseArticle(article(thirds, 'before'));
    const first = model.fragments.find((f) => f.text === thirds(TITLES[0])[0]);
    assert.ok(first);
    const block = model.blocks[model.blockOfFragment[first.index]];
    assert.deepEqual([block.role, block.lastFragment - block.firstFragment], ['heading', 2]);
    assert.deepEqual(
      analyze(article(thirds, 'before'), defaultSettings)
        .outline.filter((e) => e.kind === 'section')
        .map((e) => `${e.label}|${e.title}`),
      TITLES.map((title, i) => `${LABELS[i]}|${title}`),
    );
  });

  it('gives the same fixed text at every region length, each title whole', () => {
    const text = [article(thirds, 'end'), article(halves, 'before'), article(thirds, 'before')].join('\n');
    const fixed = fixAll(text, defaultSettings, undefined, { regionLength: 300 });
    assert.equal(fixed, fixAll(text, defaultSettings, undefined, { regionLength: 1e9 }));
    for (const title of TITLES) assert.equal(fixed.split('\n').filter((line) => line === title).length, 3, title);
  });
});

describe('fix-all: what is no wrapped heading', () => {
  it('keeps a word on the line after an unlabelled heading apart (`安装套件的引导` / `光盘`), joins a longer rest (`软件包的下载` / `与安装方法`)', () => {
    const body = ['该映像是常用的映像，可以用来安装系统。使用该', '安装方法让计算机从映像启动，再由安装程序从网', '络上下载安装其它的软件包。'];
    const lines = ['有些安装方法需要其它种类的映像而非那些光介', '质。下面小节会就每种可能的安装方法，具体讲', '授如何获得所需的映像文件。', '', '安装套件的引导', '光盘', '', ...body, '', '软件包的下载', '与安装方法', '', ...body];
    const fixed = fixedLines(lines.join('\n') + '\n');
    assert.ok(fixed.includes('安装套件的引导') && fixed.includes('光盘'), fixed.join('\n'));
    assert.ok(fixed.includes('软件包的下载与安装方法'), fixed.join('\n'));
  });

  it('does not join a paragraph’s first line as wide as the title after a label, joins a title’s wrapped rest', () => {
    const paragraph = ['赣南是全国著名的脐橙主产区目', '前，全市脐橙种植面积达到一百八', '十万亩，带动二十多万户增收。'];
    const lines = [HEADLINE, ...PARAGRAPH, '亮点一', '特色产业“链”起农民增收新路', ...paragraph, '亮点二', '乡村面貌', '焕然一新', ...paragraph];
    const fixed = fixedLines(lines.join('\n') + '\n');
    assert.equal(fixed[fixed.indexOf('亮点一') + 1], '特色产业“链”起农民增收新路');
    assert.equal(fixed[fixed.indexOf('亮点二') + 1], '乡村面貌焕然一新');
  });

  it('does not join a quoted person’s line after a label to the title', () => {
    const lines = [HEADLINE, ...PARAGRAPH, '信号一', '能源供应保障能力', '再上台阶', ...SPEAKER, ...PARAGRAPH];
    const fixed = fixedLines(lines.join('\n') + '\n');
    assert.equal(fixed[fixed.indexOf('信号一') + 1], '能源供应保障能力再上台阶');
    assert.ok(fixed.some((line) => line.startsWith('国家能源局发展规划司副司长尹若川表示')));
  });
});
