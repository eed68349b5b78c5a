// The names of a line break's features and the shape of a weights file: what decide.ts weighs and what
// training (scripts/train) fits, below both so the generated weights need not import the code that reads them.

/**
 * The features of a break, in the order of the weights file. Each is 0 or 1 unless its comment says
 * otherwise; the name is the reason shown when it weighs most.
 */
export const BREAK_FEATURES = [
  'next-starts-with-punctuation',
  'next-starts-with-particle',
  'punctuation-only-line',
  'ends-with-bound-word',
  'tail-of-line-before',
  'open-quote-at-end',
  'quote-pending',
  'justified-line',
  'figure-split',
  'latin-run-line',
  'displaced-run',
  'intruding-line',
  'piece-between-latin-runs',
  'sentence-end',
  'long-news-paragraph',
  'clause-end',
  'comma-at-end',
  /** Ends with the enumeration comma 、 (also comma-at-end): a list of terms goes on. */
  'enumeration-comma-at-end',
  'open-clause',
  'next-line-indented',
  'next-line-heading',
  'next-line-apart',
  'next-starts-with-label',
  'after-first-line',
  'line-lost-text',
  'line-full',
  'line-nearly-full',
  'line-short',
  /** Room left on the line in ems over 4, clamped to −1…2, where the width is known. */
  'room',
  /** The same after a sentence end. */
  'room-after-sentence-end',
  'sentence-end-line-full',
  'formatted-blocks',
  'blank-line',
  'blank-line-rare',
  'no-blank-line-common',
  'indented',
  'news-document',
  'news-sentence-end',
  /** Ems of the paragraph so far over 100 (at most 2), after a sentence end. */
  'paragraph-length-sentence-end',
  'han-either-side',
  /** Latin-run and stranded-mark lines where a blank line follows every line (the sample's extractor). */
  'latin-run-blanks-common',
  'piece-between-latin-runs-blanks-common',
  'punctuation-only-blanks-common',
  'line-without-punctuation',
  'next-without-punctuation',
  // The costly evidence (the word segmenter), last: see COSTLY.
  'word-across',
  'word-across-line-short',
  'word-across-sentence-end',
  'interleaved-columns',
] as const;

export type BreakFeature = (typeof BREAK_FEATURES)[number];

/** A fitted model: one weight per feature (by name) and an intercept. */
export interface BreakWeights {
  readonly bias: number;
  readonly weights: Readonly<Record<string, number>>;
}
