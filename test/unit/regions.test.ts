import * as assert from 'node:assert/strict';
import { analyze, defaultSettings, mergeSettings, type Analysis } from '../../server/src/core';
import { toLogicalOffset, toSourceOffset, toSourceRanges } from '../../server/src/core/model';
import { REGION_LENGTH, WHOLE_DOCUMENT_LIMIT } from '../../server/src/core/regions';
import { readFixture } from '../helpers';

/** The raw and the fixed sample, alternating, each copy with its digits shifted (no two copies alike). */
function largeArticle(length: number): string {
  const raw = readFixture('sample/sample.raw.article');
  const fixed = readFixture('sample/sample.fixed.article');
  const parts: string[] = [];
  let total = 0;
  for (let copy = 0; total < length; copy++) {
    const part = (copy % 2 === 0 ? raw : fixed).replace(/[0-9]/g, (digit) => String((Number(digit) + copy) % 10)) + '\n';
    parts.push(part);
    total += part.length;
  }
  return parts.join('');
}

/** Everything an analysis answers, as plain data. */
function outputs(analysis: Analysis): Record<string, unknown> {
  const { model } = analysis;
  return {
    fragments: model.fragments,
    breaks: model.breaks,
    blocks: model.blocks,
    roles: model.roles,
    blockOfFragment: model.blockOfFragment,
    directives: model.directives,
    lineCount: model.lineIndex.lineCount,
    problems: analysis.problems,
    outline: analysis.outlineWithSpeakers('Speakers'),
    figures: analysis.figures,
    figureAt: Array.from({ length: 40 }, (_, i) => analysis.figureAt(Math.floor((model.text.length * i) / 40)) ?? null),
  };
}

describe('regions', () => {
  const text = largeArticle(5 * WHOLE_DOCUMENT_LIMIT);

  it('analyses a document over the limit in regions, as one model', () => {
    const analysis = analyze(text, defaultSettings);
    assert.ok(analysis.regions && analysis.regions.size > text.length / (4 * REGION_LENGTH));
    const { fragments, breaks, blocks } = analysis.model;
    assert.equal(breaks.length, fragments.length - 1);
    fragments.forEach((fragment, i) => assert.equal(fragment.index, i));
    breaks.forEach((lineBreak, i) => assert.equal(lineBreak.index, i));
    blocks.forEach((block, i) => assert.equal(block.index, i));
    for (const fragment of fragments) assert.equal(text.slice(fragment.start, fragment.end), fragment.text);
  });

  it('equals a fresh analysis after each edit of a chain, each analysed from the one before', () => {
    let current = text;
    let previous = analyze(current, defaultSettings);
    const edits: Array<[number, string, number]> = [
      [120, '的', 0],
      [Math.floor(current.length / 2), '\n\n', 0],
      [Math.floor(current.length / 3), '', 40],
      [current.length - 30, '。', 2],
      [REGION_LENGTH, '网络', 0],
      [0, '\uFEFF', 0],
    ];
    for (const [at, insert, removed] of edits) {
      current = current.slice(0, at) + insert + current.slice(at + removed);
      const reused = analyze(current, defaultSettings, previous);
      assert.deepEqual(outputs(reused), outputs(analyze(current, defaultSettings)), `after inserting ${JSON.stringify(insert)} at ${at}`);
      previous = reused;
    }
  });

  it('lints taken-over regions again under other settings', () => {
    const previous = analyze(text, defaultSettings);
    const chinese = mergeSettings({ locale: 'zh-cn' });
    assert.deepEqual(analyze(text, chinese, previous).problems, analyze(text, chinese).problems);
  });

  it('maps offsets of a block of one fragment, which has no pieces, through its range', () => {
    const { blocks } = analyze(text, defaultSettings).model;
    const single = blocks.find((block) => block.firstFragment === block.lastFragment && block.text.length > 4)!;
    assert.equal(single.pieces.length, 0);
    assert.equal(toSourceOffset(single, 2), single.start + 2);
    assert.equal(toSourceOffset(single, single.text.length + 5), single.end);
    assert.equal(toLogicalOffset(single, single.start + 3), 3);
    assert.equal(toLogicalOffset(single, single.end + 1), undefined);
    assert.deepEqual(toSourceRanges(single, 1, 3), [[single.start + 1, single.start + 3]]);
    assert.deepEqual(toSourceRanges(single, 2, 2), []);
  });
});
