// Every feature of the core over random Unicode: nothing throws or hangs, fixes keep the text's
// substance, and fix-all and Format Document are idempotent.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, defaultSettings, fixAll, formatArticle, mergeSettings } from '../../server/src/core';
import { applyEdits, compatibleEdits } from '../../server/src/core/fix';
import { highlightsOf } from '../../server/src/core/highlights';
import { articleOrLongLine, essentials, keepsEssentials, LONG_LINE_UNITS, RUNS } from './arbitraries';

const SETTINGS = [
  defaultSettings,
  mergeSettings({ cjkLatinSpacing: 'require', locale: 'zh-cn' }),
  mergeSettings({ cjkLatinSpacing: 'forbid' }),
];
const settingsIndex = fc.integer({ min: 0, max: SETTINGS.length - 1 });

describe('robustness: random Unicode through every feature', function () {
  this.timeout(120_000);

  it('analyses without throwing: problems, outline, figures, speakers, highlights, figureAt at every kind of offset', () => {
    fc.assert(
      fc.property(articleOrLongLine(), settingsIndex, fc.array(fc.integer({ min: -5, max: 200_010 }), { maxLength: 5 }), (text, s, offsets) => {
        const analysis = analyze(text, SETTINGS[s]);
        for (const problem of analysis.problems) {
          assert.ok(problem.start >= 0 && problem.start <= problem.end && problem.end <= text.length, `${problem.ruleId} range`);
          for (const edit of problem.fix ?? []) assert.ok(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length);
        }
        assert.ok(Array.isArray(analysis.outline));
        assert.ok(Array.isArray(analysis.figures));
        assert.ok(Array.isArray(analysis.speakers));
        analysis.outlineWithSpeakers('People');
        let previousEnd = 0;
        for (const highlight of highlightsOf(analysis.model, analysis.figures)) {
          assert.ok(highlight.start >= previousEnd && highlight.start < highlight.end && highlight.end <= text.length, 'highlights in order, apart');
          previousEnd = highlight.end;
        }
        for (const offset of [...offsets, 0, text.length, text.length + 1]) analysis.figureAt(offset);
      }),
      { numRuns: RUNS },
    );
  });

  // In order, but for whole label lines moved above their titles (displaced-label): keepsEssentials.
  it('every single fix, and each pass of fix-all, keeps every Han character, letter and digit in order', () => {
    fc.assert(
      fc.property(articleOrLongLine(), settingsIndex, (text, s) => {
        const problems = analyze(text, SETTINGS[s]).problems;
        for (const problem of problems.filter((p) => p.fix).slice(0, 50)) {
          assert.ok(keepsEssentials(text, applyEdits(text, problem.fix!)), `fix of ${problem.ruleId} at ${problem.start}`);
        }
        assert.ok(keepsEssentials(text, applyEdits(text, compatibleEdits(problems))), 'one pass of fix-all');
      }),
      { numRuns: RUNS },
    );
  });

  it('fix-all keeps the substance and is idempotent', () => {
    fc.assert(
      fc.property(articleOrLongLine(), settingsIndex, (text, s) => {
        const fixed = fixAll(text, SETTINGS[s]);
        assert.ok(keepsEssentials(text, fixed));
        assert.equal(fixAll(fixed, SETTINGS[s]), fixed);
      }),
      { numRuns: RUNS },
    );
  });

  it('Format Document is idempotent', () => {
    fc.assert(
      fc.property(articleOrLongLine(), settingsIndex, (text, s) => {
        const formatted = formatArticle(text, SETTINGS[s]);
        assert.equal(formatArticle(formatted, SETTINGS[s]), formatted);
      }),
      { numRuns: RUNS },
    );
  });

  for (const unit of LONG_LINE_UNITS) {
    it(`a line of 100 000 characters of ${JSON.stringify(unit)} goes through every feature`, () => {
      // The run stands between a character and a run of text longer than a label, as a title and a box label
      // might (a regular expression that split those backtracked cubically over such a run of spaces).
      const text = `网络 强国\n网${unit.repeat(Math.ceil(100_000 / unit.length))}网络强国战略思想\n数字经济。`;
      const analysis = analyze(text, defaultSettings);
      void [analysis.problems, analysis.outline, analysis.figures, analysis.speakers, analysis.figureAt(50_000), highlightsOf(analysis.model, analysis.figures)];
      const fixed = fixAll(text, defaultSettings);
      assert.equal(essentials(fixed), essentials(text));
      assert.equal(formatArticle(fixed, defaultSettings), fixed);
    });
  }

  it('a large document analysed from its previous version equals one analysed afresh', () => {
    const base = Array.from({ length: 40 }, (_, i) => `第${i}段的文字，说明网络强国的建设。\n\n数据显示，增长了${i}.5%。`).join('\n\n');
    const large = base.repeat(Math.ceil(60_000 / base.length));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: large.length }), fc.constantFrom('的', '\n\n', '。', ' ', '', '\ud800'), fc.nat(30), (at, insert, removed) => {
        const previous = analyze(large, defaultSettings);
        void previous.problems;
        const edited = large.slice(0, at) + insert + large.slice(Math.min(large.length, at + removed));
        const reused = analyze(edited, defaultSettings, previous);
        const fresh = analyze(edited, defaultSettings);
        assert.deepEqual(reused.problems, fresh.problems);
        assert.deepEqual(reused.model.breaks, fresh.model.breaks);
        assert.deepEqual(reused.model.blocks, fresh.model.blocks);
        assert.deepEqual(reused.figures, fresh.figures);
      }),
      { numRuns: Math.max(4, Math.round(RUNS / 10)) },
    );
  });
});
