// One pipeline for every document: the answers never depend on how the document is cut into regions,
// on what was analysed before (the regions an edit reuses), or on the document's length.

import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze, defaultSettings, fixAll, quickFixes, type Analysis, type ArticleModel } from '../../server/src/core';
import { blockAt } from '../../server/src/core/model';
import { outlineOf, speakerEntries } from '../../server/src/core/outline';
import { foldsOf } from '../../server/src/core/folds';
import { highlightsOf } from '../../server/src/core/highlights';
import { describeFigure } from '../../server/src/core/figureText';
import { disableForLineEdit } from '../../server/src/core/directives';
import { joinParagraphEdits } from '../../server/src/core/breaks/join';
import { linesOf, wholeLineReader, type LineReader } from '../../server/src/core/lines';
import type { Figure } from '../../server/src/core/figures';
import { EditedDocument } from '../../server/src/lsp/editedDocument';
import { FIXTURES, readFixture } from '../helpers';
import { article } from '../labelPlacements';

/** A region length that cuts every document with blank lines into many regions. */
const TINY = 2_000;
/** One region, whatever the document's length: the document analysed whole. */
const WHOLE = 1e9;

/** Every corpus text copied for these tests (dev and news-dev, extractions and truths), by name. */
function corpus(): Array<[string, string]> {
  const texts: Array<[string, string]> = [];
  for (const share of ['dev', 'news-dev']) {
    const dir = path.join(FIXTURES, 'corpus-check', share);
    for (const name of readdirSync(dir).sort()) texts.push([`${share}/${name}`, readFixture(`corpus-check/${share}/${name}`)]);
  }
  return texts;
}

/** Texts joined as one file, one blank line between, as a user pastes articles one after another. */
function concatenated(texts: readonly string[]): string {
  return texts.map((text) => text.trim()).join('\n\n') + '\n';
}

/** Everything an analysis answers, as plain data. */
function answers(analysis: Analysis): unknown {
  const { model } = analysis;
  return {
    // Read first, while the regions read their own lines (a fresh analysis has placed them as it laid them out).
    byLine: readByLine(model, analysis.figures, linesOf(model)),
    breaks: model.breaks,
    blocks: model.blocks,
    roles: model.roles,
    directives: model.directives,
    problems: analysis.problems,
    outline: analysis.outlineWithSpeakers('Speakers'),
    figures: analysis.figures,
    speakers: analysis.speakers,
    folds: analysis.folds,
    highlights: analysis.highlights,
  };
}

/**
 * What the features that read lines one at a time read, at lines and figures spread over the document: the
 * fragment on a line, its role and the break before it, a figure's block and hover, the quick fixes turning a
 * rule off for a line and joining a paragraph. `lines` is how `model`'s lines are read.
 */
/** A copy of a model's values (its getters read, so a document's regions are placed), read by nothing that reads regions. */
function copyOfModel(model: ArticleModel): ArticleModel {
  const { text, eol, bom, lineIndex, lines, fragments, roles, breaks, blocks, blockOfFragment, directives, options, blockAfter, wordsAcross } = model;
  return { text, eol, bom, lineIndex, lines, fragments, roles, breaks, blocks, blockOfFragment, directives, options, blockAfter, wordsAcross };
}

function readByLine(model: ArticleModel, figures: readonly Figure[], lines: LineReader): Record<string, unknown> {
  const { lineCount } = model.lineIndex;
  const sampled = Array.from({ length: 48 }, (_, i) => Math.floor((lineCount * i) / 48));
  const someFigures = figures.filter((_, i) => i % Math.max(1, Math.floor(figures.length / 24)) === 0);
  return {
    lines: sampled.map((line) => {
      const fragment = lines.fragmentOnLine(line);
      if (!fragment) return null;
      const breakBefore = fragment.index > 0 ? lines.lineBreak(fragment.index - 1) : null;
      return { fragment, role: lines.role(fragment.index), breakBefore, same: lines.fragment(fragment.index) };
    }),
    disables: sampled.map((line) => disableForLineEdit(model, lines, 'space-around-punctuation', model.lineIndex.startOf(line)) ?? null),
    // A paragraph's joins, at a line's start and a few characters into it (a paragraph of several lines has a join per wrap).
    joins: sampled.map((line) => [lines.blockAt(model.lineIndex.startOf(line)) ?? null, joinParagraphEdits(lines, model.lineIndex.startOf(line) + 3)]),
    blocks: someFigures.map((figure) => [lines.block(figure.block - 1) ?? null, lines.block(figure.block), lines.block(figure.block + 1) ?? null]),
    hovers: someFigures.map((figure) => describeFigure(figure, model, 'en')),
  };
}

function assertSameAtEveryRegionLength(name: string, text: string): number {
  const tiny = analyze(text, defaultSettings, undefined, { regionLength: TINY });
  const whole = analyze(text, defaultSettings, undefined, { regionLength: WHOLE });
  assert.equal(whole.regions?.size, 1);
  assert.deepEqual(answers(tiny), answers(whole), name);
  return tiny.regions?.size ?? 0;
}

describe('one pipeline', () => {
  const texts = corpus();

  it('gives every corpus text and the sample the same analysis in regions of 2,000 characters as whole', function () {
    this.timeout(120_000);
    let cut = 0;
    for (const [name, text] of [...texts, ['sample', readFixture('sample/sample.raw.article')] as [string, string]]) {
      if (assertSameAtEveryRegionLength(name, text) > 1) cut++;
    }
    // Regions end only at a blank line after a sentence: most extractions have none, some are cut.
    assert.ok(cut >= 3, `${cut} texts cut into regions`);
  });

  it('gives long concatenations of the corpus the same analysis and fixed text in regions as whole', function () {
    this.timeout(300_000);
    for (const kind of ['.extracted.txt', '.truth.txt']) {
      const text = concatenated(texts.filter(([name]) => name.endsWith(kind)).map(([, text]) => text));
      assert.ok(assertSameAtEveryRegionLength(`every ${kind}`, text) > 5);
      assert.equal(fixAll(text, defaultSettings, undefined, { regionLength: TINY }), fixAll(text, defaultSettings, undefined, { regionLength: WHOLE }), `fixed ${kind}`);
    }
  });

  it('gives labels moved away from their titles (displaced-label) the same problems and fixes in regions as whole, far into long concatenations', function () {
    this.timeout(300_000);
    const news = texts.filter(([name]) => name.endsWith('.extracted.txt')).map(([, text]) => text);
    // Articles whose extractor moved their labels, between and after the corpus's: up to 50,000 characters in.
    const moved = [readFixture('displaced/nt013-mu.extracted.txt'), article('end'), article('byline'), article('speaker')];
    const text = concatenated([...news.slice(0, 20), moved[0], ...news.slice(20, 40), moved[1], moved[2], ...news.slice(40), moved[3]]);
    assert.ok(text.length > 48_000, `${text.length} characters`);
    assertSameAtEveryRegionLength('corpus and moved labels', text);
    const problems = analyze(text, defaultSettings, undefined, { regionLength: TINY }).problems.filter((problem) => problem.ruleId === 'displaced-label');
    assert.ok(problems.length >= 6 && problems.some((problem) => problem.start > 32_000), `${problems.length} displaced labels`);
    assert.equal(fixAll(text, defaultSettings, undefined, { regionLength: TINY }), fixAll(text, defaultSettings, undefined, { regionLength: WHOLE }));
  });

  it('gives the same analysis after any sequence of edits, each analysed from the one before in small regions, as afresh and whole', function () {
    this.timeout(300_000);
    const news = texts.filter(([name]) => name.startsWith('news-dev/') && name.endsWith('.extracted.txt')).map(([, text]) => text);
    // With labels the extractor moved, whose pairing an edit may take over from the version before.
    const base = concatenated([...news.slice(0, 3), readFixture('displaced/nt013-mu.extracted.txt')]);
    const insertions = ['\n', '\n\n', '。', '，', '的', ' ', '“', '”', '（完）\n', '<!-- article-lint-disable -->\n', '    ', '2024年'];
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), removed: fc.integer({ min: 0, max: 40 }), insert: fc.constantFrom(...insertions) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = base;
        let previous = analyze(text, defaultSettings, undefined, { regionLength: TINY });
        for (const { at, removed, insert } of edits) {
          const offset = Math.floor(at * text.length);
          text = text.slice(0, offset) + insert + text.slice(offset + removed);
          previous = analyze(text, defaultSettings, previous);
        }
        assert.deepEqual(answers(previous), answers(analyze(text, defaultSettings, undefined, { regionLength: WHOLE })));
      }),
      { numRuns: 12, seed: 13 },
    );
  });

  it('gives the same analysis when the text comes as the editor keeps it, in chunks (PieceText), after any sequence of edits', function () {
    this.timeout(300_000);
    const news = texts.filter(([name]) => name.startsWith('news-dev/') && name.endsWith('.extracted.txt')).map(([, text]) => text);
    const base = concatenated(news);
    const insertions = ['\n', '\n\n', '。', '的', ' ', '（完）\n', '<!-- article-lint-disable -->\n', '\r\n'];
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), removed: fc.integer({ min: 0, max: 300 }), insert: fc.constantFrom(...insertions) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (chunkLength, edits) => {
        const document = new EditedDocument('file:///a.article', 'article', 1, base, chunkLength);
        let previous = analyze(document.text(), defaultSettings, undefined, { regionLength: TINY });
        for (const { at, removed, insert } of edits) {
          const start = document.positionAt(Math.floor(at * document.length));
          const end = document.positionAt(Math.floor(at * document.length) + removed);
          document.update([{ range: { start, end }, text: insert }], 2);
          previous = analyze(document.text(), defaultSettings, previous);
        }
        const text = document.getText();
        assert.equal(previous.model.text, text);
        assert.deepEqual(answers(previous), answers(analyze(text, defaultSettings, undefined, { regionLength: WHOLE })));
      }),
      { numRuns: 12, seed: 17 },
    );
  });

  it('reads the line endings an edit brings to a text that had only \\n (a lone \\r, then \\r\\n taking over) as afresh', function () {
    this.timeout(120_000);
    const news = texts.filter(([name]) => name.startsWith('news-dev/') && name.endsWith('.extracted.txt')).map(([, text]) => text);
    const base = concatenated(news.slice(0, 6));
    const document = new EditedDocument('file:///a.article', 'article', 1, base);
    let previous = analyze(document.text(), defaultSettings, undefined, { regionLength: TINY });
    const replace = (from: number, to: number, text: string) => {
      document.update([{ range: { start: document.positionAt(from), end: document.positionAt(to) }, text }], 2);
      previous = analyze(document.text(), defaultSettings, previous);
      const fresh = analyze(document.getText(), defaultSettings, undefined, { regionLength: WHOLE });
      assert.equal(previous.model.eol, fresh.model.eol);
      assert.deepEqual(answers(previous), answers(fresh));
    };
    // A lone \r in the middle: still \n, but no longer a text without \r.
    replace(Math.floor(base.length / 2), Math.floor(base.length / 2), '\r');
    assert.equal(previous.model.eol, '\n');
    // Most of the text with \r\n line ends, in one edit far from the \r.
    const from = Math.floor(base.length / 8);
    replace(from, document.length, document.getText().slice(from).replace(/\r?\n/g, '\r\n'));
    assert.equal(previous.model.eol, '\r\n');
  });

  it('pairs labels with titles after edits that add or remove lines as afresh, though the pairing of the version before is taken over where it holds', function () {
    this.timeout(300_000);
    const sample = readFixture('sample/sample.raw.article');
    const news = texts.filter(([name]) => name.startsWith('news-dev/') && name.endsWith('.extracted.txt')).map(([, text]) => text);
    // Labels near most edits, and far from some (where a line added or removed leaves the pairing as it was).
    const plain = Array.from({ length: 40 }, (_, i) => `${2000 + i}年以来，数字经济持续发展，带动了产业结构的深刻调整，也改变了人们的生活方式。`.repeat(3)).join('\n\n');
    const base = concatenated([sample, article('end'), plain, ...news.slice(0, 4), sample.replace(/信号/g, '要点'), plain, article('byline'), ...news.slice(4, 8)]);
    const insertions = ['\n', '\n\n', '的', '信号二\n', '能源供应保障能力再上台阶\n', ''];
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), removed: fc.integer({ min: 0, max: 30 }), insert: fc.constantFrom(...insertions) });
    const labels = (analysis: Analysis) => ({
      displaced: analysis.problems.filter((problem) => problem.ruleId === 'displaced-label'),
      sections: analysis.outline.filter((entry) => entry.kind === 'section'),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        let text = base;
        let previous = analyze(text, defaultSettings, undefined, { regionLength: TINY });
        void previous.problems;
        for (const { at, removed, insert } of edits) {
          const offset = Math.floor(at * text.length);
          text = text.slice(0, offset) + insert + text.slice(offset + removed);
          previous = analyze(text, defaultSettings, previous);
          assert.deepEqual(labels(previous), labels(analyze(text, defaultSettings, undefined, { regionLength: WHOLE })));
        }
      }),
      { numRuns: 10, seed: 7 },
    );
  });

  it('builds the outline of each version from what its regions kept, as afresh and whole, after any sequence of edits', function () {
    this.timeout(300_000);
    const news = texts.filter(([name]) => name.startsWith('news-dev/') && name.endsWith('.extracted.txt')).map(([, text]) => text);
    // Box labels, inline labels (一、, （一）) and bylines, with regions cut small, so that titles, sections
    // and labelled headings stand at region ends and edits move them across.
    const base = concatenated([
      readFixture('sample/sample.raw.article'),
      readFixture('outline/inline-dun-pm.article'),
      ...news.slice(0, 3),
      readFixture('outline/nested-paren-pt.article'),
      readFixture('news/nw011-pm.extracted.txt'),
      article('byline'),
      readFixture('news/zh056-pt.extracted.txt'),
    ]);
    const insertions = ['\n', '\n\n', '的', '。\n\n', '一、新的发展方向\n', '（二）小标题\n', '三、', '本报记者 王小明\n', '信号二\n', '研究员王小明认为，', ''];
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      removed: fc.integer({ min: 0, max: 60 }),
      insert: fc.constantFrom(...insertions),
      // What is asked of the version before the next edit: its outline (kept in its regions), its folds and highlights (kept
      // there too), its problems, its placed lines, nothing.
      asked: fc.constantFrom('outline', 'read', 'problems', 'lines', 'nothing'),
    });
    const outline = (analysis: Analysis) => analysis.outlineWithSpeakers('Speakers');
    // The outline read from the model's placed lines, as a model of one piece is read (not region by region).
    const placedOutline = (analysis: Analysis) => {
      const whole = copyOfModel(analysis.model);
      return [...outlineOf(whole), ...speakerEntries(whole, 'Speakers')];
    };
    // The lines' other readers (folds, highlights, a quick fix's line, a hover's block), region by region…
    const read = (analysis: Analysis) => ({ folds: analysis.folds, highlights: analysis.highlights, ...readByLine(analysis.model, analysis.figures, linesOf(analysis.model)) });
    // …and from the placed model, read whole.
    const placedRead = (analysis: Analysis) => {
      const whole = copyOfModel(analysis.model);
      return { folds: foldsOf(whole), highlights: highlightsOf(whole, analysis.figures), ...readByLine(whole, analysis.figures, wholeLineReader(whole)) };
    };
    fc.assert(
      fc.property(fc.constantFrom(400, 1_000, 2_000), fc.array(edit, { minLength: 1, maxLength: 6 }), (regionLength, edits) => {
        let text = base;
        let previous = analyze(text, defaultSettings, undefined, { regionLength });
        void outline(previous);
        for (const { at, removed, insert, asked } of edits) {
          const offset = Math.floor(at * text.length);
          text = text.slice(0, offset) + insert + text.slice(offset + removed);
          previous = analyze(text, defaultSettings, previous);
          if (asked === 'outline') assert.deepEqual(outline(previous), placedOutline(analyze(text, defaultSettings, undefined, { regionLength: WHOLE })));
          else if (asked === 'read') assert.deepEqual(read(previous), placedRead(analyze(text, defaultSettings, undefined, { regionLength: WHOLE })));
          else if (asked === 'problems') void previous.problems;
          else if (asked === 'lines') void previous.model.fragments;
        }
        const fresh = analyze(text, defaultSettings, undefined, { regionLength: WHOLE });
        assert.deepEqual(outline(previous), outline(fresh));
        assert.deepEqual(outline(previous), placedOutline(fresh));
        assert.deepEqual(read(previous), read(fresh));
        assert.deepEqual(read(previous), placedRead(fresh));
      }),
      { numRuns: 16, seed: 21 },
    );
  });

  it('folds sections and paragraphs that end on a region\'s last line as whole, fresh and after an edit before them', function () {
    this.timeout(120_000);
    const text = concatenated([readFixture('sample/sample.raw.article'), ...texts.filter(([name]) => name.startsWith('news-dev/') && name.endsWith('.extracted.txt')).map(([, text]) => text)]);
    const whole = analyze(text, defaultSettings, undefined, { regionLength: WHOLE });
    // Read from the placed model as a model of one piece is read.
    const placed = copyOfModel(whole.model);
    assert.deepEqual(whole.folds, foldsOf(placed));
    assert.deepEqual(whole.highlights, highlightsOf(placed, whole.figures));
    const endingAtCuts = new Set<string>();
    for (const regionLength of [400, 1_000, TINY]) {
      const cut = analyze(text, defaultSettings, undefined, { regionLength });
      // The last line with text of every region but the last (a region's text ends with its line's end).
      const lastLines = new Set(cut.regions.list.slice(0, -1).map((region) => cut.model.lineIndex.lineAt(region.at.offset + region.text.trimEnd().length)));
      for (const fold of cut.folds) if (lastLines.has(fold.endLine)) endingAtCuts.add(fold.kind ?? 'paragraph');
      assert.deepEqual(cut.folds, whole.folds, `regions of ${regionLength}`);
      assert.deepEqual(cut.highlights, whole.highlights, `regions of ${regionLength}`);
      const edited = analyze('的' + text, defaultSettings, cut);
      const editedWhole = analyze('的' + text, defaultSettings, undefined, { regionLength: WHOLE });
      assert.deepEqual(edited.folds, editedWhole.folds, `after an edit, regions of ${regionLength}`);
      assert.deepEqual(edited.highlights, editedWhole.highlights, `after an edit, regions of ${regionLength}`);
    }
    assert.deepEqual([...endingAtCuts].sort(), ['paragraph', 'region']);
  });

  it('spans sections and headings to a region\'s last line and places labels on a region\'s first line as whole, fresh and after edits', function () {
    this.timeout(120_000);
    // Box and inline labels, labelled headings and bylines, cut small so that some stand right after a cut
    // and some sections' spans end right before one (the end of the text before the next entry).
    const text = concatenated([
      readFixture('sample/sample.raw.article'),
      readFixture('outline/inline-dun-pm.article'),
      readFixture('outline/nested-paren-pt.article'),
      article('byline'),
      ...texts.filter(([name]) => name.startsWith('news-dev/') && name.endsWith('.extracted.txt')).map(([, text]) => text),
    ]);
    const whole = analyze(text, defaultSettings, undefined, { regionLength: WHOLE });
    // Read from the placed model as a model of one piece is read.
    assert.deepEqual(whole.outline, outlineOf(copyOfModel(whole.model)));
    const atCuts = new Set<string>();
    for (const regionLength of [300, 400, 500, 700, 1_000, TINY]) {
      const cut = analyze(text, defaultSettings, undefined, { regionLength });
      const regions = cut.regions.list;
      // Where each region but the first starts, and where the text of each region but the last ends.
      const firstOffsets = new Set(regions.slice(1).map((region) => region.at.offset + (region.text.length - region.text.trimStart().length)));
      const lastEnds = new Set(regions.slice(0, -1).map((region) => region.at.offset + region.text.trimEnd().length));
      for (const entry of cut.outline) {
        if (firstOffsets.has(entry.selectionStart)) atCuts.add(`${entry.kind} after a cut`);
        // (A byline follows its title or label in the same block run: none stands right after a cut.)
        if (entry.kind === 'byline' && regions.length > 1 && entry.selectionStart > regions[1].at.offset) atCuts.add('byline placed from a later region');
        if (entry.kind !== 'byline' && entry.kind !== 'title' && lastEnds.has(entry.end)) atCuts.add(`${entry.kind} spans to a cut`);
      }
      assert.deepEqual(cut.outline, whole.outline, `regions of ${regionLength}`);
      // Edits before, at and after the cuts: a character, a line, a line taken away.
      let edited = cut;
      let current = text;
      for (const [at, removed, insert] of [[0, 0, '的'], [0.3, 0, '\n'], [0.55, 1, ''], [0.8, 0, '一、新的发展方向\n']] as const) {
        const offset = Math.floor(at * current.length);
        current = current.slice(0, offset) + insert + current.slice(offset + removed);
        edited = analyze(current, defaultSettings, edited);
        assert.deepEqual(edited.outline, analyze(current, defaultSettings, undefined, { regionLength: WHOLE }).outline, `after an edit at ${at}, regions of ${regionLength}`);
      }
    }
    for (const expected of ['section after a cut', 'heading after a cut', 'section spans to a cut', 'byline placed from a later region']) assert.ok(atCuts.has(expected), `${expected}: ${[...atCuts].join(', ')}`);
  });

  it('answers what an editor asks after an edit (problems, outline, folds, highlights, hovers, quick fixes) without placing the regions side by side', function () {
    this.timeout(120_000);
    const text = concatenated([readFixture('sample/sample.raw.article'), ...texts.filter(([name]) => name.endsWith('.extracted.txt')).map(([, text]) => text)]);
    const before = analyze(text, defaultSettings, undefined, { regionLength: TINY });
    void [before.problems, before.outlineWithSpeakers('Speakers'), before.folds, before.highlights];
    const edited = text.slice(0, 300) + '的' + text.slice(300);
    const after = analyze(edited, defaultSettings, before);
    // Placing the regions into the document's parts makes every region read its lines from there, where it stands.
    const placedRegions = (analysis: Analysis) => analysis.regions.list.filter((region) => region.from === region.at).length;
    assert.ok(after.regions.size > 20);
    void [after.problemCount, after.problemsNear(300, 1_000), after.outlineWithSpeakers('Speakers'), after.folds, after.highlights];
    void after.figures.slice(0, 50).map((figure) => describeFigure(figure, after.model, 'en'));
    // The quick fixes of the problems near the edit, and the lines and blocks at every cut.
    const refs = after.problemsNear(300, 200).map(({ ruleId, start, end }) => ({ ruleId, start, end }));
    const fixes = quickFixes(after, refs);
    assert.ok(fixes.disables.length > 0 && fixes.joins.length > 0);
    const lines = linesOf(after.model);
    const seams = after.regions.list.filter((region) => region.at.fragment > 0 && region.fragmentCount > 0).map((region) => region.at.fragment - 1);
    const seamBreaks = seams.map((i) => lines.lineBreak(i));
    const cutOffsets = after.regions.list.flatMap((region) => [region.at.offset - 1, region.at.offset, region.at.offset + 1]);
    const blocksAtCuts = cutOffsets.map((offset) => lines.blockAt(offset));
    assert.equal(placedRegions(after), 0);
    // And what they answered is what the placed model, read whole, answers.
    const whole = copyOfModel(after.model);
    assert.equal(placedRegions(after), after.regions.size);
    assert.deepEqual(after.folds, foldsOf(whole));
    assert.deepEqual(after.highlights, highlightsOf(whole, after.figures));
    assert.deepEqual(fixes, quickFixes({ ...after, model: whole }, refs));
    assert.deepEqual(seamBreaks, seams.map((i) => whole.breaks[i]));
    assert.deepEqual(blocksAtCuts, cutOffsets.map((offset) => blockAt(whole, offset)));
  });

  describe('fix-all of a text plus a last line （完） begins with the fix-all of the text, at every length', () => {
    const news = texts.filter(([name]) => name.endsWith('.extracted.txt')).map(([, text]) => text);
    const all = concatenated([...news.filter((_, i) => i % 2 === 1), ...news.filter((_, i) => i % 2 === 0)]);
    for (const length of [20_000, 31_997, 32_003, 64_000, 130_000]) {
      it(`${length.toLocaleString('en')} characters`, function () {
        this.timeout(300_000);
        let text = all;
        while (text.length < length) text += '\n' + all;
        // Cut at the length (mid-line, as a user stops typing); 31,997 plus the last line crosses 32,000.
        text = text.slice(0, length - 1) + '\n';
        const fixed = fixAll(text, defaultSettings);
        const finished = fixAll(text + '（完）\n', defaultSettings);
        assert.ok(finished.startsWith(fixed.trimEnd()), `the fixed text before （完） changed at ${firstDifference(fixed, finished)}`);
      });
    }
  });
});

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `${i}: ${JSON.stringify(a.slice(Math.max(0, i - 30), i + 30))} vs ${JSON.stringify(b.slice(Math.max(0, i - 30), i + 30))}`;
}

describe('the analysis of a version', () => {
  const text = concatenated(corpus().filter(([name]) => name.startsWith('news-dev/') && name.endsWith('.extracted.txt')).map(([, text]) => text));
  const parts = ['problems', 'outline', 'figures', 'speakers', 'folds', 'highlights', 'figureAt', 'model'] as const;
  const ask = (analysis: Analysis, part: (typeof parts)[number]): unknown => {
    if (part === 'figureAt') return Array.from({ length: 30 }, (_, i) => analysis.figureAt(Math.floor((text.length * i) / 30)) ?? null);
    if (part === 'model') return { breaks: analysis.model.breaks, blocks: analysis.model.blocks, roles: analysis.model.roles };
    return analysis[part];
  };

  it('answers the same whichever feature asks first, in any order, fresh or after an edit', function () {
    this.timeout(120_000);
    const reference = analyze(text, defaultSettings);
    const expected = Object.fromEntries(parts.map((part) => [part, ask(reference, part)]));
    fc.assert(
      fc.property(fc.shuffledSubarray([...parts], { minLength: parts.length }), fc.boolean(), (order, afterEdit) => {
        const analysis = afterEdit
          ? analyze(text, defaultSettings, analyze(text.slice(0, 500) + '的' + text.slice(500), defaultSettings, undefined, { regionLength: TINY }))
          : analyze(text, defaultSettings, undefined, { regionLength: TINY });
        for (const part of order) assert.deepEqual(ask(analysis, part), expected[part], part);
      }),
      { numRuns: 12, seed: 2 },
    );
  });

  it('reads a document whose sentences mostly end where its lines end as one of short paragraphs, a few sentences not', () => {
    const steps = Array.from({ length: 12 }, (_, k) => `第${k + 1}步完成以后，系统会把结果写进日志。`).join('\n');
    assert.equal(analyze(steps, defaultSettings).facts.paragraphsAreShort, true);
    const prose = '我们在这一段里写下了很多字。而且每一行都排满了\n整个栏宽。读者看到的是连续不断的文字。编辑需\n要把这些行重新连起来。这样才能得到完整的一段。\n'.repeat(4);
    assert.equal(analyze(prose, defaultSettings).facts.paragraphsAreShort, false);
    // Three sentences, each ending its line, say too little: read near a half.
    assert.equal(analyze('第一句话。\n第二句话。\n第三句话。\n', defaultSettings).facts.paragraphsAreShort, false);
  });

  it('lays out again every region when an edit makes the paragraphs short, as afresh', function () {
    this.timeout(120_000);
    const prose = concatenated(corpus().filter(([name]) => name.startsWith('dev/') && name.endsWith('.extracted.txt')).slice(0, 12).map(([, text]) => text));
    const before = analyze(prose, defaultSettings, undefined, { regionLength: TINY });
    assert.ok(before.regions.size > 3, 'the prose is laid out in several regions');
    assert.equal(before.facts.paragraphsAreShort, false);
    // One-sentence lines, enough of them that most of the document's sentences end where a line ends.
    const sentences = (prose.match(/[。！？]/g) ?? []).length;
    const edited = '这一步做完了。\n'.repeat(4 * sentences) + prose;
    const after = analyze(edited, defaultSettings, before);
    assert.equal(after.facts.paragraphsAreShort, true);
    assert.deepEqual(answers(after), answers(analyze(edited, defaultSettings, undefined, { regionLength: WHOLE })));
  });

  it('lays out again every region when an edit changes a fact of the whole document, as afresh', function () {
    this.timeout(120_000);
    const prose = concatenated(corpus().filter(([name]) => name.startsWith('dev/') && name.endsWith('.extracted.txt')).slice(0, 12).map(([, text]) => text));
    const before = analyze(prose, defaultSettings, undefined, { regionLength: TINY });
    assert.ok(before.regions.size > 3 && !before.facts.blanksAreCommon);
    // Lines parted by blank lines, enough to make blank lines the rule: every region reads that fact.
    const lines = prose.split('\n').length;
    const edited = '第一行\n\n'.repeat(2 * lines) + prose;
    const after = analyze(edited, defaultSettings, before);
    assert.ok(after.facts.blanksAreCommon);
    assert.deepEqual(answers(after), answers(analyze(edited, defaultSettings, undefined, { regionLength: WHOLE })));
  });
});
