// A document's regions analysed in shares (core/regionShares.ts: as the CLI's worker and main thread do) and
// taken over into one analysis give the answers of one analysis.

import * as assert from 'node:assert/strict';
import {
  analyze,
  analyzeShare,
  analyzeShared,
  defaultSettings,
  LineIndex,
  problemColumns,
  sharedBuffers,
  shareLineIndex,
  shareProblemColumns,
  sharedProblemColumns,
  shareToSend,
  type Analysis,
  type AnalysisOptions,
  type CutCounts,
  type Problem,
  type ProblemColumns,
} from '../../server/src/core';
import { largeArticle, readFixture } from '../helpers';

const READ_ONCE: AnalysisOptions = { placing: 'on-first-use', layouts: 'read-once', problemColumns };

/** A problem as the CLI reads it, placed at `offset`. */
function problemRow(p: Problem, offset: number): unknown[] {
  return [p.ruleId, p.severity, p.start + offset, p.end + offset, p.message, p.fix?.map((e) => [e.start + offset, e.end + offset, e.newText]), p.related];
}

function problemRows(analysis: Analysis): unknown[] {
  const rows: unknown[] = [];
  analysis.forEachProblem((p, offset) => rows.push(problemRow(p, offset)));
  return rows;
}

/** The problems as the CLI reads them, the line count, then the outline and figures (which lay out again what was dropped). */
function answers(analysis: Analysis): Record<string, unknown> {
  return {
    problems: problemRows(analysis),
    lineCount: analysis.model.lineIndex.lineCount,
    outline: analysis.outlineWithSpeakers('Speakers'),
    figures: analysis.figures,
  };
}

/**
 * `text` analysed in shares cut at `cuts` (fractions of its length): the first by this thread, each other
 * one as another thread would, carried by a structured clone.
 */
function analysedInShares(text: string, cuts: readonly number[], options: AnalysisOptions = READ_ONCE): { analysis: Analysis; received: number } {
  const bounds = [0, ...cuts.map((cut) => Math.floor(text.length * cut)), Infinity];
  const own = analyzeShare(text, defaultSettings, { from: bounds[0], to: bounds[1] }, options);
  const others = bounds.slice(1, -1).map((from, i) => structuredClone(shareToSend(analyzeShare(text, defaultSettings, { from, to: bounds[i + 2] }, options))));
  return { analysis: analyzeShared(text, defaultSettings, own, others, options), received: others.reduce((sum, share) => sum + share.regions.length, 0) };
}

function assertSameAsOneAnalysis(text: string, cuts: readonly number[], options: AnalysisOptions = READ_ONCE): void {
  const expected = answers(analyze(text, defaultSettings, undefined, options));
  const { analysis, received } = analysedInShares(text, cuts, options);
  assert.ok(received > 0, 'regions came from the other shares');
  assert.deepEqual(answers(analysis), expected);
}

describe('regions analysed in shares (the CLI’s large documents on two threads)', function () {
  this.timeout(120_000);
  const text = largeArticle(60_000);

  it('gives one analysis’s problems, line index, outline and figures, wherever the shares are cut', () => {
    for (const cut of [0.1, 0.4, 0.75]) assertSameAsOneAnalysis(text, [cut]);
  });

  it('takes over more than one other share', () => {
    assertSameAsOneAnalysis(text, [0.3, 0.6]);
  });

  it('reads labels again where a share could not see the regions before it or read them with another width, and with short regions', () => {
    // Label-free text first (the share after it reads labels from its start), then labelled articles.
    const plain = readFixture('sample/sample.fixed.article').replace(/信号[一二三四五六]/g, '第一条');
    assertSameAsOneAnalysis(`${plain}\n${plain}\n${text.slice(0, 30_000)}`, [0.2]);
    assertSameAsOneAnalysis(text.slice(0, 20_000), [0.5], { ...READ_ONCE, regionLength: 300 });
  });

  it('silences problems by directives in another share', () => {
    const half = Math.floor(text.length / 2);
    const lineStart = text.indexOf('\n', 2_000) + 1;
    const directed = `${text.slice(0, lineStart)}<!-- article-lint-disable -->\n${text.slice(lineStart, half)}\n<!-- article-lint-enable -->\n${text.slice(half)}`;
    assertSameAsOneAnalysis(directed, [0.3]);
  });

  /**
   * The problems of `text` shared at 40 %, read with every region offered whole taken where it is one the
   * shares kept or received, at the offset it had there (as the CLI's report takes the lines formatted for it).
   */
  function readWhole(text: string): { problems: unknown[]; offered: number; taken: number; regions: number } {
    const cut = Math.floor(text.length * 0.4);
    const own = analyzeShare(text, defaultSettings, { from: 0, to: cut }, READ_ONCE);
    const other = structuredClone(shareToSend(analyzeShare(text, defaultSettings, { from: cut, to: Infinity }, READ_ONCE)));
    const kept = new Map<ProblemColumns, number>();
    for (const { offset, columns } of [...shareProblemColumns(own), ...sharedProblemColumns(other)]) kept.set(columns, offset);
    const analysis = analyzeShared(text, defaultSettings, own, [other], READ_ONCE);
    const problems: unknown[] = [];
    const push = (p: Problem, offset: number) => problems.push(problemRow(p, offset));
    let offered = 0;
    let taken = 0;
    analysis.forEachProblem(push, (columns, offset) => {
      offered++;
      if (kept.get(columns) !== offset) return false;
      taken++;
      for (const problem of problemColumns.expand(columns)) push(problem, offset);
      return true;
    });
    return { problems, offered, taken, regions: kept.size };
  }

  it('offers a region’s problems whole as the columns its share kept or received, where they stand as found', () => {
    const expected = problemRows(analyze(text, defaultSettings, undefined, READ_ONCE));
    const { problems, taken, regions } = readWhole(text);
    // All but the few regions the join found again (the block after the first share, labels in view).
    assert.ok(taken >= regions - 4 && taken > 8, `${taken} of ${regions} regions taken whole`);
    assert.deepEqual(problems, expected);
  });

  it('offers no region’s problems whole when a directive may silence some', () => {
    const lineStart = text.indexOf('\n', 2_000) + 1;
    const directed = `${text.slice(0, lineStart)}<!-- article-lint-disable space-between-han -->\n${text.slice(lineStart)}`;
    const expected = problemRows(analyze(directed, defaultSettings, undefined, READ_ONCE));
    const { problems, offered } = readWhole(directed);
    assert.equal(offered, 0);
    assert.deepEqual(problems, expected);
  });

  it('counts only its own cuts when the shares exchange their counts, and counts what does not come itself', () => {
    const from = Math.floor(text.length * 0.4);
    const options = { ...READ_ONCE, regionLength: 1_000 };
    const oneAnalysis = analyze(text, defaultSettings, undefined, options);
    const countsAt = new Map(oneAnalysis.regions.cuts.map((cut) => [cut.start, cut.counts]));
    const expected = answers(oneAnalysis);
    // The worker's share first, given nothing back: it counts the main thread's cuts itself.
    let workers: readonly CutCounts[] = [];
    const worker = analyzeShare(text, defaultSettings, { from, to: Infinity, exchangeCounts: (own) => ((workers = own), undefined) }, options);
    let mains: readonly CutCounts[] = [];
    const main = analyzeShare(text, defaultSettings, { from: 0, to: from, exchangeCounts: (own) => ((mains = own), workers) }, options);
    // Each handed over the counts of the cuts starting in its share, as one analysis counts them, and together every cut's.
    assert.ok(mains.length > 8 && workers.length > 8);
    assert.ok(mains.every(({ start }) => start < from) && workers.every(({ start }) => start >= from));
    for (const { start, counts } of [...mains, ...workers]) assert.deepEqual(counts, countsAt.get(start));
    assert.equal(mains.length + workers.length, countsAt.size);
    assert.deepEqual(answers(analyzeShared(text, defaultSettings, main, [structuredClone(shareToSend(worker))], options)), expected);
    // Half of the worker's counts received: the rest counted here.
    const half = analyzeShare(text, defaultSettings, { from: 0, to: from, exchangeCounts: () => workers.filter((_, i) => i % 2 === 0) }, options);
    assert.deepEqual(half.cache.cuts, main.cache.cuts);
    assert.deepEqual(answers(analyzeShared(text, defaultSettings, half, [structuredClone(shareToSend(worker))], options)), expected);
  });

  it('hands a share’s problems’ numbers over moved, not copied, with the same answers', () => {
    const from = Math.floor(text.length * 0.4);
    const sent = shareToSend(analyzeShare(text, defaultSettings, { from, to: Infinity }, READ_ONCE));
    const buffers = sharedBuffers(sent);
    const bytes = buffers.reduce((sum, buffer) => sum + buffer.byteLength, 0);
    assert.ok(buffers.length > 2 && bytes > 10_000, `${buffers.length} buffers, ${bytes} bytes`);
    const received = structuredClone(sent, { transfer: buffers });
    assert.ok(buffers.every((buffer) => buffer.byteLength === 0), 'the sender’s buffers moved');
    const own = analyzeShare(text, defaultSettings, { from: 0, to: from }, READ_ONCE);
    assert.deepEqual(answers(analyzeShared(text, defaultSettings, own, [received], READ_ONCE)), answers(analyze(text, defaultSettings, undefined, READ_ONCE)));
  });

  it('places a share’s problems, read in the share’s own line index, where the whole text’s index places them', () => {
    // Line ends of each kind: the lines before a share's first region are counted as the whole text's index counts them.
    const crlf = text.slice(0, 30_000).replace(/\n/g, '\r\n');
    const loneCr = `${text.slice(0, 12_000).replace(/\n/g, '\r')}\n\n${text.slice(12_000, 30_000)}`;
    for (const whole of [text, crlf, loneCr]) {
      const wholeLines = LineIndex.of(whole);
      for (const [from, to] of [[0, 0.4], [0.4, Infinity], [0.2, 0.7]]) {
        const share = analyzeShare(whole, defaultSettings, { from: Math.floor(whole.length * from), to: Math.floor(whole.length * to) }, { ...READ_ONCE, regionLength: 1_000 });
        const lines = shareLineIndex(share);
        let checked = 0;
        for (const { offset, columns } of shareProblemColumns(share)) {
          for (const problem of problemColumns.expand(columns)) {
            for (const at of [problem.start + offset, problem.end + offset]) assert.deepEqual(lines.positionAt(at), wholeLines.positionAt(at), `offset ${at}`);
            checked++;
          }
        }
        assert.ok(checked > 100, `${checked} problems placed`);
      }
    }
  });

  it('gives the same answers with an empty share and a share past the text’s end', () => {
    assertSameAsOneAnalysis(text, [0]);
    const { analysis } = analysedInShares(text, [1]);
    assert.deepEqual(answers(analysis), answers(analyze(text, defaultSettings, undefined, READ_ONCE)));
  });
});
