// Every figure annotated in test/fixtures/news/*.expect.json (copied from the news-dev corpus) must be
// recognised as annotated: on the truth text exactly (text, kind, value, unit, approx, norm, low/high,
// where it stands), and on each extraction at least by its joined text and kind.
//
// The news-train articles (their extractions and truths in training/corpus.json.gz, their figures in
// training/news-figures.json, both packed from the shared corpus) are the set the recognizer is now developed
// on: there the whole set must stay at the level reached (a drop fails), since some pdfminer extractions move
// the digits away from their units and no recogniser finds those figures.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { FIXTURES, ROOT } from '../helpers';
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

/** The annotated figures found exactly where they stand in the truth, and the figures found that are not annotated. */
function scoreTruth(truth: string, annotated: readonly Annotated[]): { misses: string[]; extra: string[] } {
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
  return { misses, extra };
}

/** The annotated figures not found in an extraction by their joined text and kind (each found figure used once). */
function missingInExtraction(extracted: string, annotated: readonly Annotated[]): string[] {
  const pool = new Map<string, number>();
  for (const figure of figuresOf(parseArticle(extracted))) pool.set(`${figure.text} ${figure.kind}`, (pool.get(`${figure.text} ${figure.kind}`) ?? 0) + 1);
  const missing: string[] = [];
  for (const expected of annotated) {
    const key = `${expected.text} ${expected.kind}`;
    const left = pool.get(key) ?? 0;
    if (left > 0) pool.set(key, left - 1);
    else missing.push(key);
  }
  return missing;
}

describe('figures as annotated in the news corpus', () => {
  for (const expectFile of files.filter((file) => file.endsWith('.expect.json')).sort()) {
    const article = expectFile.replace('.expect.json', '');
    const annotated: Annotated[] | undefined = JSON.parse(readFileSync(path.join(NEWS, expectFile), 'utf8')).figures;
    const truthFile = files.find((file) => file.startsWith(`${article}-`) && file.endsWith('.truth.txt'));
    if (!annotated || !truthFile) continue;

    describe(article, () => {
      const truth = readFileSync(path.join(NEWS, truthFile), 'utf8');
      const { misses, extra } = scoreTruth(truth, annotated);
      const passed = annotated.length - misses.length;

      it(`truth: ${passed}/${annotated.length} figures as annotated`, () => {
        assert.ok(passed >= annotated.length * 0.95, misses.join('\n'));
      });

      it(`truth: ${extra.length} figures reported that are not annotated (traps, idioms, labels)`, () => {
        assert.ok(extra.length <= Math.max(1, annotated.length * 0.05), extra.join('\n'));
      });

      for (const extraction of files.filter((file) => file.startsWith(`${article}-`) && file.endsWith('.extracted.txt')).sort()) {
        const missing = missingInExtraction(readFileSync(path.join(NEWS, extraction), 'utf8'), annotated);
        const seen = annotated.length - missing.length;
        it(`${extraction}: ${seen}/${annotated.length} figures by joined text and kind`, () => {
          assert.ok(seen >= annotated.length * 0.95, missing.join('\n'));
        });
      }
    });
  }
});

describe('figures as annotated in news-train (training/corpus.json.gz, training/news-figures.json)', () => {
  interface Pair {
    readonly id: string;
    readonly extracted: string;
    readonly truth: string;
  }
  const corpus: { sets: Record<string, Pair[]> } = JSON.parse(gunzipSync(readFileSync(path.join(ROOT, 'training', 'corpus.json.gz'))).toString('utf8'));
  const annotations: Record<string, { set: string; figures: Annotated[] }> = JSON.parse(
    readFileSync(path.join(ROOT, 'training', 'news-figures.json'), 'utf8'),
  ).articles;
  const pairs = corpus.sets['news-train'];
  const articles = Object.keys(annotations).filter((id) => annotations[id].set === 'news-train').sort();

  const truthMisses: string[] = [];
  const extras: string[] = [];
  const extractionMisses: string[] = [];
  let figures = 0;
  let extractionFigures = 0;
  for (const article of articles) {
    const annotated = annotations[article].figures;
    const own = pairs.filter((pair) => pair.id.startsWith(`${article}-`));
    if (own.length === 0) continue;
    // The truth of the article's first pair, as the annotation's block and pos index it.
    const { misses, extra } = scoreTruth(own[0].truth, annotated);
    figures += annotated.length;
    truthMisses.push(...misses.map((miss) => `${article} ${miss}`));
    extras.push(...extra.map((each) => `${article} ${each}`));
    for (const pair of own) {
      extractionFigures += annotated.length;
      extractionMisses.push(...missingInExtraction(pair.extracted, annotated).map((miss) => `${pair.id} ${miss}`));
    }
  }

  it('has the 22 articles and their 45 extractions', () => {
    assert.equal(articles.length, 22);
    assert.equal(pairs.length, 45);
    assert.equal(figures, 696);
  });

  // Reached on branch fig22 (docs/accuracy.md): 691/696 exact, 4 not annotated, 1,294/1,372 in the extractions.
  it(`truth: ${figures - truthMisses.length}/${figures} figures exactly as annotated (at least 690)`, () => {
    assert.ok(figures - truthMisses.length >= 690, truthMisses.join('\n'));
  });

  it(`truth: ${extras.length} figures reported that are not annotated (at most 6)`, () => {
    assert.ok(extras.length <= 6, extras.join('\n'));
  });

  it(`extractions: ${extractionFigures - extractionMisses.length}/${extractionFigures} figures by joined text and kind (at least 1,290)`, () => {
    assert.ok(extractionFigures - extractionMisses.length >= 1290, extractionMisses.join('\n'));
  });
});
