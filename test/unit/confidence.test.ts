// How sure the layout model is of each break, and what the wrap rules make of it: a sure join is a
// warning that says how sure; an unsure one is shown one severity gentler and its message says to check.

import * as assert from 'node:assert/strict';
import { analyze, mergeSettings } from '../../server/src/core/index';
import { parseArticle } from '../../server/src/core/model';
import { weighBreaks } from '../../server/src/core/breaks/layout';
import { BREAK_FEATURES, SURE, SURE_PPM } from '../../server/src/core/breaks/decide';
import { BREAK_WEIGHTS } from '../../server/src/core/breaks/weights.generated';
import { gentler } from '../../server/src/core/lint';
import { wrapCertainty } from '../../server/src/core/rules/wrapRule';
import type { LineBreak } from '../../server/src/core/model';
import { readFixture } from '../helpers';

const WRAP_RULES = ['broken-line', 'broken-word', 'split-figure', 'stranded-punctuation'];
const raw = readFixture('sample/sample.raw.article');

describe('break confidence', () => {
  it('gives every break a probability between 0.5 and 1 for the decision taken, in whole millionths', () => {
    const model = parseArticle(raw);
    assert.ok(model.breaks.length > 100);
    for (const { index, confidencePpm } of model.breaks) {
      assert.ok(Number.isInteger(confidencePpm) && confidencePpm >= 500_000 && confidencePpm <= 1_000_000, `${index}: ${confidencePpm}`);
    }
    assert.ok(model.breaks.some((lineBreak) => lineBreak.confidencePpm < SURE_PPM), 'the sample has unsure breaks');
  });

  it('skips the segmenter only where it could not change the decision or bring it below SURE', () => {
    const model = parseArticle(raw);
    const input = { text: raw, fragments: model.fragments, lines: model.lines, directives: model.directives, options: model.options };
    const bounded = weighBreaks(input).decisions;
    const exact = weighBreaks(input, { onFeatures: () => undefined }).decisions;
    assert.deepEqual(
      bounded.map((d) => [d.join, d.confidence < SURE]),
      exact.map((d) => [d.join, d.confidence < SURE]),
    );
    // Where it was skipped the confidence is a lower bound of the exact one.
    bounded.forEach((d, i) => assert.ok(d.confidence <= exact[i].confidence + 1e-12, `break ${i}`));
  });

  it('gives as reason the feature that pushed hardest toward the decision taken, the first of equal pushes', () => {
    const vector = Float64Array.from(BREAK_FEATURES, (name) => BREAK_WEIGHTS.weights[name] ?? 0);
    let weighedBreaks = 0;
    for (const text of [raw, readFixture('sample/sample.fixed.article')]) {
      const model = parseArticle(text);
      const input = { text, fragments: model.fragments, lines: model.lines, directives: model.directives, options: model.options };
      const features = new Map<number, Float64Array>();
      const decisions = weighBreaks(input, { onFeatures: (index, weighed) => features.set(index, Float64Array.from(weighed)) }).decisions;
      weighedBreaks += features.size;
      for (const [index, weighed] of features) {
        const { join, reason } = decisions[index];
        let expected = 'no-evidence';
        let strongest = 0;
        weighed.forEach((value, k) => {
          const push = vector[k] * value * (join ? 1 : -1);
          if (push > strongest) [strongest, expected] = [push, BREAK_FEATURES[k]];
        });
        assert.equal(reason, expected, `break ${index}`);
      }
    }
    assert.ok(weighedBreaks > 100, `${weighedBreaks} breaks weighed`);
  });

  it('reports a sure wrap as a warning that says how sure, an unsure one as information that says to check', () => {
    const problems = analyze(raw, mergeSettings({})).problems.filter((problem) => WRAP_RULES.includes(problem.ruleId));
    const unsure = problems.filter((problem) => /Only \d+% sure: check before joining$/.test(problem.message));
    const sure = problems.filter((problem) => / \(\d+% sure\)$/.test(problem.message));
    assert.equal(sure.length + unsure.length, problems.length);
    assert.ok(unsure.length > 0 && sure.length > 100);
    assert.ok(unsure.every((problem) => problem.severity === 'information'));
    assert.ok(sure.every((problem) => problem.severity === 'warning'));
  });

  it('says so in Chinese too', () => {
    const problems = analyze(raw, mergeSettings({ locale: 'zh-cn' })).problems.filter((problem) => WRAP_RULES.includes(problem.ruleId));
    assert.ok(problems.some((problem) => /把握仅 \d+%，请核对后再连行$/.test(problem.message) && problem.severity === 'information'));
    assert.ok(problems.some((problem) => /（把握 \d+%）$/.test(problem.message) && problem.severity === 'warning'));
  });

  it('steps an unsure problem down from the severity the user set', () => {
    const settings = mergeSettings({ rules: { 'broken-line': 'error' } });
    const lines = analyze(raw, settings).problems.filter((problem) => problem.ruleId === 'broken-line');
    assert.ok(lines.some((problem) => problem.severity === 'error'));
    for (const problem of lines) assert.equal(problem.severity, problem.message.includes('Only') ? 'warning' : 'error');
    assert.deepEqual(['error', 'warning', 'information', 'hint'].map((s) => gentler(s as 'error')), ['warning', 'information', 'hint', 'hint']);
  });

  it('names the least sure join of a report in whole percent, rounded down and never 100%', () => {
    const joins = (...ppms: number[]): LineBreak[] => ppms.map((confidencePpm) => ({ confidencePpm }) as LineBreak);
    const cases: Array<[number[], string, boolean]> = [
      [[500_000], '50%', true],
      [[SURE_PPM - 1], `${Math.floor((SURE_PPM - 1) / 10_000)}%`, true],
      [[SURE_PPM], `${SURE_PPM / 10_000}%`, false],
      [[989_999], '98%', false],
      [[990_000], '99%', false],
      [[1_000_000], '99%', false],
      [[1_000_000, 873_456], '87%', false],
      [[], '99%', false],
    ];
    for (const [ppms, confidence, uncertain] of cases) {
      assert.deepEqual(wrapCertainty(joins(...ppms)), { messageId: uncertain ? 'splitUnsure' : 'split', uncertain, confidence }, ppms.join());
    }
  });

  it('fixes unsure wraps too: fix all is unchanged by how sure a join is', () => {
    assert.equal(analyze(raw, mergeSettings({})).problems.filter((problem) => problem.severity === 'information' && WRAP_RULES.includes(problem.ruleId)).every((problem) => (problem.fix?.length ?? 0) > 0), true);
  });
});
