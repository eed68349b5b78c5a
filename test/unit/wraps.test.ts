// What each wrap splits, as the wrap rules name it, and the join-the-paragraph edits.

import * as assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/model';
import { wrapsOf } from '../../server/src/core/breaks/wraps';
import { joinParagraphEdits } from '../../server/src/core/breaks/join';
import { applyEdits } from '../../server/src/core/fix';
import { readFixture } from '../helpers';

const FULL = ['我们在这一段里写下了很多字', '而且每一行都排满了整个栏宽', '读者看到的是连续不断的文字', '编辑需要把这些行重新连起来', '这样才能得到完整的一段文章。'];

function wrapsIn(...body: string[]) {
  const model = parseArticle(['标题在这里', ...FULL, ...body, ...FULL].join('\n'));
  return { model, wraps: wrapsOf(model) };
}

describe('wraps', () => {
  it('names a word broken across lines', () => {
    const { wraps } = wrapsIn('习近平总书记指出，国际网', '络空间治理应该坚持多边参与');
    const word = wraps.find((w) => w.kind === 'broken-word' && w.subject === '网络');
    assert.ok(word, JSON.stringify(wraps.map((w) => [w.kind, w.subject])));
  });

  it('names a figure split from its unit', () => {
    const { wraps } = wrapsIn('我国数字经济总量达到了', '27.2', '万亿元，占比达到了三成多。');
    assert.deepEqual(wraps.filter((w) => w.kind === 'split-figure').map((w) => w.subject), ['了27.2', '27.2万']);
  });

  it('names stranded punctuation', () => {
    const { wraps } = wrapsIn('习近平总书记指出', ',', '各级领导干部要主动适应这些');
    assert.deepEqual(wraps.filter((w) => w.kind === 'stranded-punctuation').map((w) => w.subject), [',', ',']);
  });

  it('calls other wraps broken lines', () => {
    const { wraps } = wrapsIn('他们说了很多话，我们都听了', '，大家都觉得很有道理。');
    assert.ok(wraps.some((w) => w.kind === 'broken-line' && w.subject === '了，'));
  });

  it('gives the edits joining every wrap of the paragraph at an offset', () => {
    const text = ['标题在这里', ...FULL].join('\n') + '\n';
    const model = parseArticle(text);
    const edits = joinParagraphEdits(model, text.indexOf('读者'));
    assert.equal(edits.length, FULL.length - 1);
    assert.equal(applyEdits(text, edits), '标题在这里\n' + FULL.join('') + '\n');
    assert.deepEqual(joinParagraphEdits(model, 0), []);
  });

  it('counts the sample wraps by kind (hand-checked against the expected article)', () => {
    // The expected article joins 168 of the sample's breaks: 7 around stranded marks (。 + + and four ,),
    // 9 beside figures (，2017 2017年 到27.2 27.2万 到32.9% 造2025 2025” 到7.72 7.72亿), 66 inside what
    // Intl.Segmenter('zh') calls words, and 86 other breaks inside sentences. Not among them:
    // …保障能力。/各级党政机关…, a full sentence-final line that ends a long news paragraph.
    const model = parseArticle(readFixture('sample/sample.raw.article'));
    const counts: Record<string, number> = {};
    for (const wrap of wrapsOf(model)) counts[wrap.kind] = (counts[wrap.kind] ?? 0) + 1;
    assert.deepEqual(counts, { 'broken-line': 86, 'broken-word': 66, 'split-figure': 9, 'stranded-punctuation': 7 });
  });
});
