// What each wrap splits, as the wrap rules name it, and the join-the-paragraph edits.

import * as assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/model';
import { wrapsOf } from '../../server/src/core/breaks/wraps';
import { wordsAcrossLines } from '../../server/src/core/breaks/evidence';
import { joinParagraphEdits } from '../../server/src/core/breaks/join';
import { linesOf } from '../../server/src/core/lines';
import { applyEdits } from '../../server/src/core/fix';
import { readFixture, segmenterInputs } from '../helpers';

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
    const edits = joinParagraphEdits(linesOf(model), text.indexOf('读者'));
    assert.equal(edits.length, FULL.length - 1);
    assert.equal(applyEdits(text, edits), '标题在这里\n' + FULL.join('') + '\n');
    assert.deepEqual(joinParagraphEdits(linesOf(model), 0), []);
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
  it('asks the segmenter about the wraps the layout left unanswered, ASKED_TOGETHER to a call, and no pair besides', () => {
    // Each window of a call is one pair of lines (joined by line feeds, evidence.ts WINDOW_SEPARATOR).
    const model = parseArticle(readFixture('sample/sample.raw.article'));
    const answered = model.wordsAcross!.answeredCodes().slice();
    const hanCode = (code: number) => /\p{sc=Han}/u.test(String.fromCharCode(code));
    const unanswered = model.breaks.filter(({ kind, index }) => {
      const [before, after] = [model.fragments[index].text, model.fragments[index + 1].text];
      return kind === 'wrap' && answered[2 * index] === 0 && hanCode(before.charCodeAt(before.length - 1)) && hanCode(after.charCodeAt(0));
    }).length;
    assert.ok(unanswered > 16, `${unanswered} wraps between Han characters the layout did not ask about`);
    const windows = segmenterInputs(() => wrapsOf(model)).map((input) => input.split('\n').length);
    assert.equal(windows.reduce((sum, count) => sum + count, 0), unanswered);
    assert.equal(windows.length, Math.ceil(unanswered / 16));
  });

  // Found by scripts/fuzz/core.mjs: a lone high surrogate starting the next line was read with the unit
  // after it as one character, and the range ended inside the pair that followed.
  it('names the characters either side of a wrap whole, next to lone surrogates too', () => {
    for (const text of ['融\r务\r\ud840😀', '融\n务\n\ud840😀的', '融\n😀\udc00\n务', '融\n\udc00\n务']) {
      for (const wrap of wrapsOf(parseArticle(text))) {
        for (const offset of [wrap.start, wrap.end]) {
          const [before, after] = [text.charCodeAt(offset - 1), text.charCodeAt(offset)];
          assert.ok(!(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff), `${JSON.stringify(text)}: ${wrap.kind} ${wrap.start}-${wrap.end}`);
        }
      }
    }
  });
});

describe('the segmenter’s answers about pairs of lines, reused by a later parse', () => {
  const lines = (...texts: string[]) => texts.map((text) => ({ text }));
  const before = lines('习近平总书记指出，国际网', '络空间治理应该坚持多边参与', '多方参与，发挥政', '府、国际组织');

  it('answers a pair as the segmenter does, and keeps the answer', () => {
    const across = wordsAcrossLines(before);
    assert.deepEqual(across(0, 1), { word: '网络', left: 1, right: 1 });
    assert.deepEqual(across(0, 1), { word: '网络', left: 1, right: 1 });
    assert.equal(across(1, 2), undefined);
    const answers = across.answers();
    const texts = Array.from({ length: answers.spans.length / 2 }, (_, i) => answers.source.slice(answers.spans[2 * i], answers.spans[2 * i + 1]));
    assert.deepEqual(texts, before.map((line) => line.text));
    assert.ok(answers.codes[0] > 1, 'a word recorded for lines 0 and 1');
  });

  it('answers a reading of some of the same lines (forLines) as they were answered, without the segmenter', () => {
    const across = wordsAcrossLines(before);
    across(0, 1);
    across(2, 3);
    const own = before.slice(2).map((line) => ({ text: line.text }));
    const asked = segmenterInputs(() => {
      const reading = across.forLines(2, 4, own);
      assert.deepEqual(reading(0, 1), { word: '政府', left: 1, right: 1 });
      assert.equal(reading(0, 2), undefined, 'no line past the reading');
    });
    assert.deepEqual(asked, [], 'answered as the lines were');
  });

  it('takes the earlier answer for lines unchanged at the start or at the end, and asks again where the text changed', () => {
    const earlier = wordsAcrossLines(before);
    earlier(0, 1);
    earlier(2, 3);
    // Recorded answers stand in for the segmenter: make them recognisably not its own.
    const answers = earlier.answers();
    const doctored = { ...answers, codes: Uint8Array.from(answers.codes, (code) => (code === 0 ? 0 : 1)) };
    // A line inserted after the second: the first pair is at the start, the last pair at the end of both.
    const after = lines(before[0].text, before[1].text, '新插入的一行', before[2].text, before[3].text);
    const across = wordsAcrossLines(after, doctored);
    assert.equal(across(0, 1), undefined, 'lines 0 and 1 unchanged: the earlier (doctored) answer');
    assert.equal(across(3, 4), undefined, 'the last two lines unchanged, moved down one: the earlier answer');
    const fresh = wordsAcrossLines(after);
    assert.deepEqual(fresh(0, 1), { word: '网络', left: 1, right: 1 }, 'the segmenter itself says otherwise');
    assert.deepEqual(fresh(3, 4), { word: '政府', left: 1, right: 1 }, 'the segmenter itself says otherwise');
    // A changed pair is asked afresh.
    const changed = lines(...before.map((line) => line.text));
    changed[0] = { text: '国际网' };
    assert.deepEqual(wordsAcrossLines(changed, doctored)(0, 1), { word: '网络', left: 1, right: 1 });
  });
});
