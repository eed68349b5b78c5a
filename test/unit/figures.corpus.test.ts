// Every figure annotated in test/fixtures/news/*.expect.json (copied from the news-dev corpus) must be
// recognised as annotated: on the truth text exactly (text, kind, value, unit, approx, norm, low/high,
// where it stands), and on each extraction at least by its joined text and kind.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURES } from '../helpers';
import { figuresOf, type Figure } from '../../server/src/core/figures';
import { parseArticle } from '../../server/src/core/model';

interface Annotated {
  readonly text: string;
  readonly kind: string;
  readonly value: number | null;
  readonly unit?: string;
  readonly approx?: string;
  readonly norm?: string;
  readonly low?: number;
  readonly high?: number;
  readonly block: number;
  readonly pos: number;
}

const NEWS = path.join(FIXTURES, 'news');
const files = readdirSync(NEWS);

function sameNumber(expected: number | null | undefined, actual: number | null | undefined): boolean {
  if (expected === undefined || expected === null) return actual === undefined || actual === null;
  return typeof actual === 'number' && Math.abs(expected - actual) <= 1e-6 * Math.max(1, Math.abs(expected));
}

/** What differs between an annotation and the figure found where it stands ('' when they agree). */
function difference(expected: Annotated, figure: Figure | undefined): string {
  if (!figure) return 'not found';
  const wrong: string[] = [];
  for (const field of ['text', 'kind', 'unit', 'approx', 'norm'] as const) {
    if ((expected[field] ?? undefined) !== (figure[field] ?? undefined)) wrong.push(`${field} ${figure[field]}`);
  }
  for (const field of ['value', 'low', 'high'] as const) {
    if (!sameNumber(expected[field], figure[field])) wrong.push(`${field} ${figure[field]}`);
  }
  return wrong.join(', ');
}

/** Source offsets of the truth's non-blank lines: the annotation's `block` indexes them. */
function lineStarts(text: string): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) starts.push(offset);
    offset += line.length + 1;
  }
  return starts;
}

describe('figures as annotated in the news corpus', () => {
  for (const expectFile of files.filter((file) => file.endsWith('.expect.json')).sort()) {
    const article = expectFile.replace('.expect.json', '');
    const annotated: Annotated[] | undefined = JSON.parse(readFileSync(path.join(NEWS, expectFile), 'utf8')).figures;
    const truthFile = files.find((file) => file.startsWith(`${article}-`) && file.endsWith('.truth.txt'));
    if (!annotated || !truthFile) continue;

    describe(article, () => {
      const truth = readFileSync(path.join(NEWS, truthFile), 'utf8');
      const figures = figuresOf(parseArticle(truth));
      const starts = lineStarts(truth);
      const misses: string[] = [];
      const matched = new Set<Figure>();
      for (const expected of annotated) {
        const start = starts[expected.block] + expected.pos;
        const figure = figures.find((each) => each.ranges[0][0] === start);
        const covers = figure !== undefined && figure.ranges[figure.ranges.length - 1][1] === start + expected.text.length;
        const wrong = difference(expected, figure) || (covers ? '' : 'range');
        if (figure) matched.add(figure);
        if (wrong) misses.push(`${expected.text} (${expected.kind}): ${wrong}`);
      }
      const extra = figures.filter((figure) => !matched.has(figure)).map((figure) => `${figure.text} (${figure.kind})`);
      const passed = annotated.length - misses.length;

      it(`truth: ${passed}/${annotated.length} figures as annotated`, () => {
        assert.ok(passed >= annotated.length * 0.95, misses.join('\n'));
      });

      it(`truth: ${extra.length} figures reported that are not annotated (traps, idioms, labels)`, () => {
        assert.ok(extra.length <= Math.max(1, annotated.length * 0.05), extra.join('\n'));
      });

      for (const extraction of files.filter((file) => file.startsWith(`${article}-`) && file.endsWith('.extracted.txt')).sort()) {
        const found = figuresOf(parseArticle(readFileSync(path.join(NEWS, extraction), 'utf8')));
        const pool = new Map<string, number>();
        for (const figure of found) pool.set(`${figure.text} ${figure.kind}`, (pool.get(`${figure.text} ${figure.kind}`) ?? 0) + 1);
        const missing: string[] = [];
        for (const expected of annotated) {
          const key = `${expected.text} ${expected.kind}`;
          const left = pool.get(key) ?? 0;
          if (left > 0) pool.set(key, left - 1);
          else missing.push(key);
        }
        const seen = annotated.length - missing.length;
        it(`${extraction}: ${seen}/${annotated.length} figures by joined text and kind`, () => {
          assert.ok(seen >= annotated.length * 0.95, missing.join('\n'));
        });
      }
    });
  }
});
