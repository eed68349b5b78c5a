// A title and the box label printed to its right (`网络强国战略思想形成    信号一`) are split by a scan from the
// line's end, not by one regular expression: that expression backtracked cubically over a long run of spaces
// (a random line of 4,000 spaces kept Format Document busy for minutes). The expression stays here as the
// specification: the scan must split every line exactly as it did, or refuse exactly where it did.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { titleAndBoxLabel } from '../../server/src/core/outline/sections';
import { analyze, defaultSettings, formatArticle } from '../../server/src/core';

const SPECIFICATION = /^(\S.*?)(?: {2,}|\t|\u3000)[\s\u3000]*(\S{2,5})$/u;

function specified(text: string): { title: string; label: string } | undefined {
  const match = SPECIFICATION.exec(text);
  return match ? { title: match[1], label: match[2] } : undefined;
}

/** Short lines over the characters that decide a split: spaces of each kind, line separators, surrogates. */
const UNITS = [' ', ' ', ' ', '\t', '\u3000', '\u00a0', '\u2028', '\r', '网', '信', '号', '一', 'a', '1', '。', '😀', '\ud800', '\udc00'];
const line = fc.array(fc.constantFrom(...UNITS), { maxLength: 16 }).map((units) => units.join(''));

describe('a title and the box label to its right', () => {
  it('splits every line as the regular expression it replaces did', () => {
    fc.assert(
      fc.property(line, (text) => assert.deepEqual(titleAndBoxLabel(text), specified(text), JSON.stringify(text))),
      { numRuns: 20_000 },
    );
    for (const text of ['网络强国战略思想形成    信号一', '标题 \t信号二', '标题\u3000信号三', '标题 信号四', '标题    信号六十二号', '  标题    信号一']) {
      assert.deepEqual(titleAndBoxLabel(text), specified(text), text);
    }
    assert.deepEqual(titleAndBoxLabel('网络强国战略思想形成    信号一'), { title: '网络强国战略思想形成', label: '信号一' });
  });

  it('reads a line of thousands of spaces between a title and a long run of text once', () => {
    // The shape a random test found: every feature, Format Document included, goes through it.
    const text = `万亿元\n\n国。${' '.repeat(4_000)}数字经济习近平总书记指出…据新华社电：：2017年\n`;
    assert.equal(titleAndBoxLabel(text.split('\n')[2]), undefined);
    const analysis = analyze(text, defaultSettings);
    void [analysis.problems, analysis.outline];
    const formatted = formatArticle(text, defaultSettings);
    assert.equal(formatArticle(formatted, defaultSettings), formatted);
  });
});
