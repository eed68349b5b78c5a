// Fix-all never loses text: every Han character, letter and digit survives in order (but for whole label
// lines moved above their titles, the one reordering a fix may make), and a second fix-all changes nothing. Random strings and corpus-like inputs (column lines, stranded marks, figures,
// blank lines, form feeds). ARTICLE_LINT_PROPERTY_RUNS raises the number of runs.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { fixAll, mergeSettings } from '../../server/src/core';
import { FIXTURES } from '../helpers';
import { keepsEssentials } from '../robustness/arbitraries';

const RUNS = Number(process.env.ARTICLE_LINT_PROPERTY_RUNS ?? 150);
const settingsList = [mergeSettings({}), mergeSettings({ cjkLatinSpacing: 'forbid' }), mergeSettings({ cjkLatinSpacing: 'require' })];

function assertPreserves(text: string): void {
  for (const settings of settingsList) {
    const fixed = fixAll(text, settings);
    assert.ok(keepsEssentials(text, fixed), 'letters, digits or Han characters changed');
    assert.equal(fixAll(fixed, settings), fixed, 'fix-all is not idempotent');
  }
}

const hanWord = fc.constantFrom('网络', '空间', '治理', '数字', '经济', '信号', '习近平', '总书记', '发展', '国际', '安全', '技术', '年', '万亿元', '比重');
const piece = fc.oneof(
  { weight: 6, arbitrary: hanWord },
  { weight: 2, arbitrary: fc.constantFrom('，', '。', '、', '“', '”', '：', '；', '？', '（', '）', ',', '+', '.') },
  { weight: 1, arbitrary: fc.constantFrom('2017', '27.2', '32.9%', 'GDP', 'Red Hat', 'Debian', '5') },
  { weight: 1, arbitrary: fc.constantFrom(' ', '  ', '\n', '\n\n', '\n \n', '\f', '\t') },
  { weight: 1, arbitrary: fc.constantFrom('信号一', '一、', '据新华社', '（二）') },
);
const corpusLike = fc.array(piece, { maxLength: 80 }).map((pieces) => pieces.join(''));
const columnLines = fc
  .array(fc.array(hanWord, { minLength: 1, maxLength: 7 }).map((words) => words.join('')), { minLength: 1, maxLength: 30 })
  .chain((lines) => fc.constantFrom('\n', '\n\n').map((separator) => lines.join(separator)));

describe('fix-all preserves text', () => {
  it('on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), assertPreserves), { numRuns: RUNS });
  });

  it('on corpus-like pieces', () => {
    fc.assert(fc.property(corpusLike, assertPreserves), { numRuns: RUNS });
  });

  it('on columns of Chinese lines', () => {
    fc.assert(fc.property(columnLines, assertPreserves), { numRuns: RUNS });
  });

  it('on real extractions and the sample', () => {
    const dir = path.join(FIXTURES, 'corpus');
    const files = readdirSync(dir).map((name) => path.join(dir, name));
    files.push(path.join(FIXTURES, 'sample', 'sample.raw.article'));
    for (const file of files) assertPreserves(readFileSync(file, 'utf8'));
  });
});
