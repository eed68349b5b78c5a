// Random articles for property tests: Chinese prose and punctuation mixed with what breaks naive code —
// surrogate pairs, lone surrogates, combining marks, CR/LF/CRLF, BOMs, NUL and other controls, long lines.

import fc from 'fast-check';

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
