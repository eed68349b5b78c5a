// Random articles for property tests: Chinese prose and punctuation mixed with what breaks naive code —
// surrogate pairs, lone surrogates, combining marks, CR/LF/CRLF, BOMs, NUL and other controls, long lines.

import fc from 'fast-check';
import { parseSeriesLabel } from '../../server/src/core/labels';

/** How many cases each property runs: small in `npm test`, larger with ARTICLE_LINT_PROPERTY_RUNS=N. */
export const RUNS = Number(process.env.ARTICLE_LINT_PROPERTY_RUNS ?? 60);

const PIECES = [
  // Prose, figures and punctuation as extractions print them.
  '网络', '强国', '习近平总书记指出', '数字经济', '27.2', '万亿元', '32.9%', '2017年', '十八大', '第一', '约3000',
  'GDP', 'ＧＤＰ２０１７', '信号一', '一、', '（一）', '本报记者 王明', '据新华社电', '“', '”', '（', '）', '《', '》',
  '，', '。', '、', '；', '：', '！', '？', '…', '—', ',', '.', ';', ':', '!', '?', '(', ')', '"', "'",
  'http://example.com/a?b=1', 'www.example.cn', 'a@b.cn', '<!-- article-lint-disable -->', '<!-- article-lint-enable -->',
  '<!-- article-lint-disable-next-line space-between-han -->', '<!--', '-->',
  // Whitespace and line structure.
  ' ', '  ', '\t', '\u3000', '\u00a0', '\n', '\n\n', '\r\n', '\r', '\f', '\v',
  // What breaks code that assumes one code unit per character, or printable text.
  '\u{20000}', '\u{1F600}', '\ud800', '\udc00', 'e\u0301', '\u0301', '\u200b', '\ufeff', '\u0000', '\u0007', '\u2028', '\u2029',
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
);

/** A text of up to `maxPieces` pieces, sometimes behind a BOM. */
export function articleText(maxPieces = 120): fc.Arbitrary<string> {
  return fc
    .tuple(fc.boolean(), fc.array(piece, { maxLength: maxPieces }))
    .map(([bom, pieces]) => (bom ? '\ufeff' : '') + pieces.join(''));
}

/** Mostly articles; now and then one with a line of a few thousand characters (100 000 in long-lines tests). */
export function articleOrLongLine(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 10, arbitrary: articleText() },
    {
      weight: 1,
      arbitrary: fc
        .tuple(articleText(10), fc.constantFrom(...LONG_LINE_UNITS), fc.integer({ min: 1000, max: 5000 }), articleText(10))
        .map(([before, unit, count, after]) => `${before}${unit.repeat(count)}${after}`),
    },
  );
}

/** What a very long line is made of in the tests: text, spaces, marks, letters, digits, a lone surrogate, a quote. */
export const LONG_LINE_UNITS = ['网', ' ', '，', 'a', '1', '\ud800', '“', '信号一', ' 网'] as const;

/** Han characters, letters and digits in order: what no fix may drop, add or reorder. */
export function essentials(text: string): string {
  // Full-width letters and digits are written half-width by a rule, so compare them in that form.
  return Array.from(text.normalize('NFKC'))
    .filter((ch) => /[\p{Script=Han}\p{L}\p{N}]/u.test(ch))
    .join('');
}

/**
 * Whether `after` keeps every Han character, letter and digit of `before` (essentials) in order, except
 * that whole label lines (信号一 on a line of its own) may have moved: the one reordering a fix may make
 * (displaced-label moves a label above its title). Precisely: leaving out some label lines of `before`
 * and label lines of `after` with the same texts, what is left of both is the same, in the same order.
 */
export function keepsEssentials(before: string, after: string): boolean {
  if (essentials(before) === essentials(after)) return true;
  return alignsMovingLabelLines(labelledEssentials(before), labelledEssentials(after));
}

interface LabelledEssentials {
  readonly text: string;
  /** The essentials of each label line, by where they start in `text`. */
  readonly labels: ReadonlyMap<number, string>;
}

function labelledEssentials(text: string): LabelledEssentials {
  let all = '';
  const labels = new Map<number, string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const own = essentials(line);
    if (own.length > 0 && parseSeriesLabel(line) !== undefined) labels.set(all.length, own);
    all += own;
  }
  return { text: all, labels };
}

/** Walks both texts in step; at a label line of either it may also leave the line out (a depth-first search). */
function alignsMovingLabelLines(before: LabelledEssentials, after: LabelledEssentials): boolean {
  // Label texts left out of `before` and not yet of `after` (positive), or the other way round.
  const pending = new Map<string, number>();
  const move = (label: string, by: number) => {
    const count = (pending.get(label) ?? 0) + by;
    if (count === 0) pending.delete(label);
    else pending.set(label, count);
  };
  const failed = new Set<string>();
  const visit = (i: number, j: number): boolean => {
    while (!before.labels.has(i) && !after.labels.has(j)) {
      if (i === before.text.length && j === after.text.length) return pending.size === 0;
      if (i === before.text.length || j === after.text.length || before.text[i] !== after.text[j]) return false;
      i++;
      j++;
    }
    const key = `${i} ${j} ${[...pending].sort().join()}`;
    if (failed.has(key)) return false;
    if (i < before.text.length && j < after.text.length && before.text[i] === after.text[j] && visit(i + 1, j + 1)) return true;
    const left = before.labels.get(i);
    if (left !== undefined) {
      move(left, 1);
      if (visit(i + left.length, j)) return true;
      move(left, -1);
    }
    const placed = after.labels.get(j);
    if (placed !== undefined) {
      move(placed, -1);
      if (visit(i, j + placed.length)) return true;
      move(placed, 1);
    }
    failed.add(key);
    return false;
  };
  return visit(0, 0);
}
