import * as assert from 'node:assert/strict';
import { readFixture } from '../helpers';
import { analyze, defaultSettings, fixAll } from '../../server/src/core';

describe('the sample article', () => {
  const raw = readFixture('sample/sample.raw.article');

  it('reports all 143 stray spaces next to full-width punctuation', () => {
    const problems = analyze(raw, defaultSettings).problems.filter((p) => p.ruleId === 'space-around-punctuation');
    assert.equal(problems.length, 143);
  });

  it('reports each stranded punctuation line once, naming the mark', () => {
    const problems = analyze(raw, defaultSettings).problems.filter((p) => p.ruleId === 'stranded-punctuation');
    assert.deepEqual(problems.map((p) => p.message.match(/“(.+)”/)?.[1]), ['。', '+', ',', ',']);
  });

  it('flags the lost text before 世纪 and keeps its space', () => {
    const problems = analyze(raw, defaultSettings).problems.filter((p) => p.ruleId === 'lost-text');
    assert.equal(problems.length, 1);
    assert.match(fixAll(raw, defaultSettings), /建设 世纪数字丝绸之路/);
  });

  it('fixes all into the expected article, byte for byte', () => {
    assert.equal(fixAll(raw, defaultSettings), readFixture('sample/sample.fixed.article'));
  });
});
