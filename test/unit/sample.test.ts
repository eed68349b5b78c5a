import * as assert from 'node:assert/strict';
import { readFixture } from '../helpers';
import { analyze, defaultSettings } from '../../server/src/core';

describe('the sample article', () => {
  const raw = readFixture('sample/sample.raw.article');

  it('reports all 143 stray spaces next to full-width punctuation', () => {
    const problems = analyze(raw, defaultSettings).problems.filter((p) => p.ruleId === 'space-around-punctuation');
    assert.equal(problems.length, 143);
  });
});
