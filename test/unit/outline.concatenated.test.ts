// Articles pasted one after another into one file: each keeps its labelled sections. Every article has
// its own 信号一… (a series starts again), and a label pairs with a title of its own article.

import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, readFixture } from '../helpers';
import { parseArticle } from '../../server/src/core/model';
import { outlineOf } from '../../server/src/core/outline';

const NEWS = path.join(FIXTURES, 'news');

function boxSections(text: string): string[] {
  return outlineOf(parseArticle(text))
    .filter((entry) => entry.kind === 'section' && entry.form === 'box')
    .map((entry) => `${entry.label} ${entry.title}`);
}

describe('the outline of articles pasted one after another', () => {
  // The truth texts: in an extraction pasted after others, a later article's own title is not read as
  // a title and competes for its first label (docs/accuracy.md, known misses).
  it('lists the box-labelled sections of each article as the article alone does', () => {
    const texts = readdirSync(NEWS)
      .sort()
      .filter((file) => file.endsWith('.truth.txt'))
      .map((file) => readFixture(`news/${file}`));
    const alone = texts.flatMap((text) => boxSections(text));
    const restarts = alone.filter((row) => /^信号一 /.test(row)).length;
    assert.ok(restarts >= 2, `${restarts} articles with 信号一: the check needs a series that starts again`);
    assert.deepEqual(boxSections(texts.map((text) => text.trim()).join('\n\n') + '\n'), alone);
  });
});

describe('the sections of articles pasted one after another, in reading order', () => {
  const labels = (text: string): string[] =>
    outlineOf(parseArticle(text))
      .filter((entry) => entry.kind === 'section')
      .map((entry) => entry.label ?? '');

  it('lists every article’s labels (box and inline, 一、二、三 put in number order) as the article alone does', () => {
    const texts = readdirSync(NEWS)
      .sort()
      .filter((file) => file.endsWith('.extracted.txt'))
      .map((file) => readFixture(`news/${file}`));
    const alone = texts.flatMap((text) => labels(text));
    assert.deepEqual(labels(texts.map((text) => text.trim()).join('\n\n') + '\n'), alone);
  });
});
