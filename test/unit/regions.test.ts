import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { analyze, analyzeInSteps, defaultSettings, mergeSettings, problemColumns, type Analysis, type Problem } from '../../server/src/core';
import { toLogicalOffset, toSourceOffset, toSourceRanges } from '../../server/src/core/model';
import { FEW_REGIONS, REGION_LENGTH, ViewWidths } from '../../server/src/core/regions';
import { LineIndex } from '../../server/src/core/text';
import { largeArticle, readFixture, segmenterInputs } from '../helpers';

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
  const text = largeArticle(160_000);

  it('analyses a large document in regions, as one model', () => {
    const analysis = analyze(text, defaultSettings);
    assert.ok(analysis.regions && analysis.regions.size > text.length / (4 * REGION_LENGTH));
    const { fragments, breaks, blocks } = analysis.model;
    assert.equal(breaks.length, fragments.length - 1);
    fragments.forEach((fragment, i) => assert.equal(fragment.index, i));
    breaks.forEach((lineBreak, i) => assert.equal(lineBreak.index, i));
    blocks.forEach((block, i) => assert.equal(block.index, i));
    for (const fragment of fragments) assert.equal(text.slice(fragment.start, fragment.end), fragment.text);
  });

  it('places a region met twice in one version (the same text repeated) at both places', () => {
    const copies = Array.from({ length: 12 }, () => readFixture('sample/sample.fixed.article')).join('\n');
    const { fragments, lineIndex } = analyze(copies, defaultSettings).model;
    fragments.forEach((fragment, i) => assert.equal(fragment.index, i));
    for (const fragment of fragments) assert.equal(copies.slice(fragment.start, fragment.end), fragment.text);
    const contentLines = lineIndex.lines.filter((line) => copies.slice(line.start, line.end).trim() !== '').length;
    assert.equal(fragments.length, contentLines);
  });

  it('gives the same answers with its parts placed when first read as placed while it was laid out, after its problems were read first too', () => {
    const placedAsLaidOut = outputs(analyze(text, defaultSettings));
    assert.deepEqual(outputs(analyze(text, defaultSettings, undefined, { placing: 'on-first-use' })), placedAsLaidOut);
    // What the CLI reads (the problems, the line index) before anything else, then the parts.
    const cli = analyze(text, defaultSettings, undefined, { placing: 'on-first-use' });
    let problems = 0;
    cli.forEachProblem(() => problems++);
    assert.equal(problems, (placedAsLaidOut.problems as unknown[]).length);
    assert.equal(cli.model.lineIndex.lineCount, placedAsLaidOut.lineCount);
    assert.deepEqual(outputs(cli), placedAsLaidOut);
  });

  describe('read once (layouts dropped once read)', () => {
    // As the CLI asks: a long document's problems wait as columns (problemColumns).
    const readOnce = { placing: 'on-first-use', layouts: 'read-once', problemColumns } as const;

    /** The problems as the CLI reads them (forEachProblem), placed, and the line count; then every answer. */
    function readAsTheCli(analysis: Analysis): { problems: unknown[][]; lineCount: number; all: Record<string, unknown> } {
      const problems: unknown[][] = [];
      analysis.forEachProblem((p, offset) => problems.push([p.ruleId, p.start + offset, p.end + offset, p.message, p.fix?.map((e) => [e.start + offset, e.newText])]));
      const lineCount = analysis.model.lineIndex.lineCount;
      return { problems, lineCount, all: outputs(analysis) };
    }

    function assertSameAsKept(document: string, regionLength?: number): void {
      const kept = analyze(document, defaultSettings, undefined, { regionLength });
      const read = readAsTheCli(analyze(document, defaultSettings, undefined, { ...readOnce, regionLength }));
      const expected = outputs(kept);
      assert.deepEqual(
        read.problems,
        kept.problems.map((p) => [p.ruleId, p.start, p.end, p.message, p.fix?.map((e) => [e.start, e.newText])]),
      );
      assert.equal(read.lineCount, expected.lineCount);
      // Then everything else, which lays out again what was dropped.
      assert.deepEqual(read.all, expected);
    }

    it('keeps the problems of a document of a few regions as objects, and those of a longer one as columns', () => {
      // A short document's problems are read right after its analysis: as columns they were made twice for nothing.
      const few = analyze(text.slice(0, FEW_REGIONS * REGION_LENGTH), defaultSettings, undefined, readOnce);
      assert.ok(few.regions.list.length > 1 && few.regions.list.length <= FEW_REGIONS);
      assert.ok(few.regions.list.some((region) => region.problems.list.length > 0));
      assert.ok(few.regions.list.every((region) => region.problems.compact === undefined));
      const many = analyze(text.slice(0, 3 * FEW_REGIONS * REGION_LENGTH), defaultSettings, undefined, readOnce);
      assert.ok(many.regions.list.length > FEW_REGIONS);
      assert.ok(many.regions.list.some((region) => region.problems.compact !== undefined));
      assert.ok(many.regions.list.every((region) => region.problems.list.length === 0 || region.problems.compact !== undefined));
      // Without the codec (the server never reads once, and its bundle carries none), they stay objects.
      const withoutCodec = analyze(text.slice(0, 3 * FEW_REGIONS * REGION_LENGTH), defaultSettings, undefined, { ...readOnce, problemColumns: undefined });
      assert.ok(withoutCodec.regions.list.every((region) => region.problems.compact === undefined));
      const shown = (analysis: Analysis) => analysis.problems.map((problem) => [problem.ruleId, problem.start, problem.end, problem.message]);
      assert.deepEqual(shown(withoutCodec), shown(many));
      assertSameAsKept(text.slice(0, FEW_REGIONS * REGION_LENGTH));
    });

    it('gives the same problems and line index as an analysis that keeps its layouts, and then every other answer', () => {
      assertSameAsKept(text);
    });

    it('reads labels and titles again where the width read ahead was not the document’s, or the regions in view were dropped', () => {
      // Label-free text first (no label read ahead), then labelled articles; and regions so short that the lines in view span several.
      const plain = readFixture('sample/sample.fixed.article').replace(/信号[一二三四五六]/g, '第一条');
      const late = `${plain}\n${plain}\n${text.slice(0, 40_000)}`;
      assertSameAsKept(late);
      assertSameAsKept(text.slice(0, 30_000), 300);
    });

    it('gives the same answers for a text repeated (a region taken over from its twin) and, taken over by an edit, as a fresh analysis', () => {
      const copies = Array.from({ length: 8 }, () => readFixture('sample/sample.raw.article')).join('\n');
      assertSameAsKept(copies);
      const first = analyze(copies, defaultSettings, undefined, readOnce);
      first.forEachProblem(() => undefined);
      const edited = copies.slice(0, 5_000) + '网' + copies.slice(5_000);
      assert.deepEqual(outputs(analyze(edited, defaultSettings, first)), outputs(analyze(edited, defaultSettings)));
    });
  });

  it('equals a fresh analysis after each edit of a chain, each analysed from the one before', function () {
    this.timeout(120_000);
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

  it('equals a fresh analysis after a chain of edits whose versions were only asked what an editor asks (count, nearby problems)', () => {
    let current = text;
    let previous = analyze(current, defaultSettings);
    for (const [i, at] of [150, Math.floor(current.length / 2), current.length - 10, 3 * REGION_LENGTH].entries()) {
      current = current.slice(0, at) + (i % 2 ? '，\n' : '网') + current.slice(at);
      const reused = analyze(current, defaultSettings, previous);
      const fresh = analyze(current, defaultSettings);
      assert.equal(reused.problemCount, fresh.problems.length);
      assert.deepEqual(reused.problemsNear(at, 50), fresh.problemsNear(at, 50));
      previous = reused;
    }
    assert.deepEqual(outputs(previous), outputs(analyze(current, defaultSettings)));
  });

  it('puts the document’s line index together from its regions’ exactly, CRLF and a final line ending included', () => {
    for (const variant of [text, text.replace(/\n/g, '\r\n'), text.trimEnd()]) {
      const joined = analyze(variant, defaultSettings).model.lineIndex;
      const scanned = LineIndex.of(variant);
      assert.equal(joined.lineCount, scanned.lineCount);
      for (let offset = 0; offset <= variant.length; offset += 997) assert.deepEqual(joined.positionAt(offset), scanned.positionAt(offset));
      assert.deepEqual(joined.positionAt(variant.length), scanned.positionAt(variant.length));
      for (let line = 0; line < scanned.lineCount; line += 101) assert.deepEqual(joined.lineOf(line), scanned.lineOf(line));
    }
  });

  it('re-parses only the regions an edit touched or whose lines in view it changed, also after two edits far apart that move the text differently', () => {
    const before = analyze(text, defaultSettings);
    const reparsed = (after: Analysis) => {
      const old = new Set([...before.regions!.byOffset.values()].map((region) => region.problems));
      return [...after.regions!.byOffset.values()].filter((region) => !old.has(region.problems)).length;
    };
    const middle = Math.floor(text.length / 2);
    // The region and, when the edit lies within HALO lines of a neighbour, that neighbour.
    assert.ok(reparsed(analyze(text.slice(0, middle) + '网络' + text.slice(middle), defaultSettings, before)) <= 2);
    const third = Math.floor(text.length / 3);
    const twice = text.slice(0, third) + '的' + text.slice(third, 2 * third) + text.slice(2 * third + 3);
    assert.ok(reparsed(analyze(twice, defaultSettings, before)) <= 4);
  });

  it('re-parses a few regions after an edit that makes the first one much longer or shorter, not every region after it', () => {
    const before = analyze(text, defaultSettings);
    const regions = before.regions!.size;
    const old = new Set([...before.regions!.byOffset.values()].map((region) => region.problems));
    const reparsed = (after: Analysis) => [...after.regions!.byOffset.values()].filter((region) => !old.has(region.problems)).length;
    // A burst of typing, a paste, a deletion: region ends set by length alone all moved (every region again).
    const counts = [1, 7, 40, 91, 300, 777].map((size, i) => {
      const at = text.indexOf('\n', 300 + 211 * i) + 1;
      return reparsed(analyze(text.slice(0, at) + '的'.repeat(size) + text.slice(at), defaultSettings, before));
    });
    counts.push(reparsed(analyze(text.slice(0, 900) + text.slice(1_500), defaultSettings, before)));
    assert.ok(regions > 20, `${regions} regions`);
    assert.ok(Math.max(...counts) <= 10 && counts.reduce((a, b) => a + b) / counts.length <= 4, `${counts} of ${regions} regions`);
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

  describe('problems near an offset (what an editor that shows only so many shows)', () => {
    const analysis = analyze(text, defaultSettings);
    const all = analysis.problems;
    const startsAt = (focus: number) => all.findIndex((problem) => problem.start >= focus);
    /** A problem's fields, its offsets moved by `offset`. */
    const fieldsOf = (problem: Problem, offset: number) => ({
      ruleId: problem.ruleId,
      severity: problem.severity,
      start: problem.start + offset,
      end: problem.end + offset,
      message: problem.message,
      fix: problem.fix?.map((edit) => ({ start: edit.start + offset, end: edit.end + offset, newText: edit.newText })),
      related: problem.related?.map((related) => ({ start: related.start + offset, end: related.end + offset, message: related.message })),
    });

    it('counts them all, and gives them all when there are no more than the limit', () => {
      assert.equal(analysis.problemCount, all.length);
      assert.ok(all.length > 1000);
      assert.deepEqual(analysis.problemsNear(text.length / 2, all.length), all);
    });

    it('gives the limit’s worth in document order, half before the offset and half from it on', () => {
      for (const focus of [Math.floor(text.length / 3), Math.floor(text.length / 2) + 7]) {
        const first = startsAt(focus);
        assert.deepEqual(analysis.problemsNear(focus, 100), all.slice(first - 50, first + 50), `at ${focus}`);
      }
    });

    it('gives the rest to the other side at either end of the document', () => {
      assert.deepEqual(analysis.problemsNear(0, 100), all.slice(0, 100));
      assert.deepEqual(analysis.problemsNear(text.length, 100), all.slice(-100));
      assert.deepEqual(analysis.problemsNear(all[30].start, 100), all.slice(0, 100));
    });

    it('leaves out what directives silence, in the count as in the list, and counts fixable problems by rule', () => {
      const cut = text.indexOf('\n\n', 2 * REGION_LENGTH) + 2;
      const silenced = `<!-- article-lint-disable broken-line -->\n\n${text.slice(0, cut)}<!-- article-lint-enable -->\n\n${text.slice(cut)}`;
      const list = analyze(silenced, defaultSettings).problems;
      assert.equal(analyze(silenced, defaultSettings).problemCount, list.length);
      const fresh = analyze(silenced, defaultSettings);
      const focus = Math.floor(silenced.length / 4);
      const first = list.findIndex((problem) => problem.start >= focus);
      assert.deepEqual(fresh.problemsNear(focus, 200), list.slice(first - 100, first + 100));
      const fixable = new Map<string, number>();
      for (const problem of list) if (problem.fix) fixable.set(problem.ruleId, (fixable.get(problem.ruleId) ?? 0) + 1);
      assert.deepEqual(analyze(silenced, defaultSettings).fixableByRule(), fixable);
      assert.ok(!list.some((problem) => problem.ruleId === 'broken-line' && problem.start < cut));
      assert.ok(list.some((problem) => problem.ruleId === 'broken-line' && problem.start > cut + 100));
    });

    it('hands every problem of the list over once, in order, each with the offset that places it, silenced ones left out', () => {
      const cut = text.indexOf('\n\n', 2 * REGION_LENGTH) + 2;
      const silenced = `<!-- article-lint-disable broken-line -->\n\n${text.slice(0, cut)}<!-- article-lint-enable -->\n\n${text.slice(cut)}`;
      for (const variant of [text, silenced]) {
        const handed: unknown[] = [];
        const offsets = new Set<number>();
        analyze(variant, defaultSettings).forEachProblem((problem, offset) => {
          offsets.add(offset);
          handed.push(fieldsOf(problem, offset));
        });
        assert.ok(offsets.size > 2, 'problems of several regions');
        assert.deepEqual(handed, analyze(variant, defaultSettings).problems.map((problem) => fieldsOf(problem, 0)));
      }
    });
  });
  it('after an edit asks the word segmenter only about what the edit changed, the rules\' pairs of lines included', () => {
    // A region an edit changes is laid out and linted again; every pair of its lines the edit did not touch
    // is answered from what its earlier version was told (regions.ts Reading.wordHints, evidence.ts
    // keepAnswers). Counted as calls of Intl.Segmenter's segment: each asks about up to 16 pairs.
    const text = largeArticle(3 * REGION_LENGTH);
    let edited!: Analysis;
    const freshCalls = segmenterInputs(() => {
      edited = analyze(text, defaultSettings);
      void edited.problems;
    }).length;
    // A character inside a line of the middle region, then one more a few lines on.
    let current = text;
    for (const fraction of [0.5, 0.52]) {
      const at = current.indexOf('，', Math.floor(current.length * fraction));
      current = `${current.slice(0, at)}的${current.slice(at)}`;
      const calls = segmenterInputs(() => {
        edited = analyze(current, defaultSettings, edited);
        void edited.problems;
      }).length;
      assert.ok(calls <= 4, `${calls} calls after a one-character edit (a fresh analysis of the text: ${freshCalls})`);
    }
    // The edits' bound means something: a fresh analysis asks many times more (38 calls since the
    // look-ahead asks only about pairs the layout may read, lab16).
    assert.ok(freshCalls >= 30, `a fresh analysis asks about every region's lines (${freshCalls} calls)`);
    assert.deepEqual(outputs(edited), outputs(analyze(current, defaultSettings)));
  });

  describe('what an analysis keeps', () => {
    /** A full garbage collection, without starting mocha with --expose-gc. */
    function collectGarbage(): void {
      v8.setFlagsFromString('--expose-gc');
      (vm.runInNewContext('gc') as () => void)();
    }

    /** Lets the current job end: a WeakRef's target is held until then whatever the collector does. */
    const jobEnd = () => new Promise<void>((resolve) => setImmediate(resolve));

    /** Every ViewWidths the analyses made while `analyse` ran, held weakly (its `keep` is where one is first used). */
    async function viewWidthsMadeBy<T>(analyse: () => Promise<T>): Promise<{ result: T; made: WeakRef<ViewWidths>[] }> {
      const made: WeakRef<ViewWidths>[] = [];
      const seen = new WeakSet<ViewWidths>();
      const keep = ViewWidths.prototype.keep;
      ViewWidths.prototype.keep = function (this: ViewWidths, ...args: Parameters<ViewWidths['keep']>) {
        if (!seen.has(this)) {
          seen.add(this);
          made.push(new WeakRef(this));
        }
        return keep.apply(this, args);
      };
      try {
        return { result: await analyse(), made };
      } finally {
        ViewWidths.prototype.keep = keep;
      }
    }

    it('keeps no widths of the lines in view once its regions are laid out (the server’s first analysis, in steps)', async () => {
      // The widths measured while counting are read once, when their region is laid out (regions.ts ViewWidths):
      // 16 bytes a line in view, 4 MB for a clean 10 MB article, 12.5 MB for a raw one. Kept by a closure of the
      // analysis, they lived as long as the analysis.
      const text = largeArticle(8 * REGION_LENGTH);
      const pause = () => Promise.resolve();
      const { result: analyses, made } = await viewWidthsMadeBy(async () => [
        await analyzeInSteps(text, defaultSettings, undefined, pause, { speakers: 'in-steps' }),
        analyze(text, defaultSettings),
      ]);
      assert.equal(made.length, 2, 'each analysis measured the widths of its lines in view');
      await jobEnd();
      collectGarbage();
      assert.deepEqual(
        made.map((ref) => ref.deref() === undefined),
        [true, true],
        'the widths are gone while the analyses live',
      );
      // The analyses are alive and whole: their problems are still found from what they kept.
      for (const analysis of analyses) assert.ok(analysis.problemCount > 0);
    });
  });
});
