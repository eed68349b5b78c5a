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
  /**
   * The next line starts with the inline label numbered after the one that opened the current block
   * (`一、…` / `二、…`, `1.` / `2.`): the list goes on with its next item.
   */
  'next-label-continues-series',
  'after-first-line',
  'line-lost-text',
  'line-full',
  'line-nearly-full',
  'line-short',
  'sentence-end-line-full',
  /**
   * A sentence end whose closing marks hang past the column: the line without them fills it (the
   * typesetter hung the mark in the margin, so the line was set full).
   */
  'hanging-sentence-end',
  /** The next line is indented (indented) after a line that fills its column without ending a sentence. */
  'indented-after-full-line',
  /**
   * A line without any punctuation followed by a blank line where its column is unknown, so its width
   * says nothing: the shape of a heading or label in formatted text.
   */
  'unpunctuated-line-apart-no-column',
  'formatted-blocks',
  'blank-line',
  'blank-line-rare',
  'no-blank-line-common',
  'indented',
  'news-document',
  'news-sentence-end',
  /**
   * A clause end (`；` `：`) in a news document: news paragraphs end at a sentence end, a clause end goes on
   * (9 of 9 such breaks join on news-train and news-dev; in documentation prose, lists of items set one a
   * line, 30 of 122).
   */
  'news-clause-end',
  /** Ems of the paragraph so far over 100 (at most 2), after a sentence end. */
  'paragraph-length-sentence-end',
  'han-either-side',
  /** Latin-run and stranded-mark lines where a blank line follows every line (the sample's extractor). */
  'latin-run-blanks-common',
  'piece-between-latin-runs-blanks-common',
  'punctuation-only-blanks-common',
  'line-without-punctuation',
  'next-without-punctuation',
  /** The next line, after a blank line and right above the line after it, has a title's shape: a heading above its paragraph. */
  'next-title-after-blank',
  /**
   * A sentence end before a line that fills its column: a paragraph's first line is set two ems in, so a
   * full line after a sentence end goes on with the paragraph more often than any other line after one.
   */
  'sentence-end-next-line-full',
  /**
   * A full line ending a sentence before a shorter line that ends one too: the paragraph's last line
   * (13 of 18 such breaks join on the corpus), not the first line of the next.
   */
  'sentence-end-next-line-last',
  /**
   * The line before stands alone after a box word of documentation prose (基础知识, 安全, 实务: roles.ts
   * `isBoxWord`): it is the box's title, apart from the text that follows.
   */
  'title-after-box-word',
  /**
   * The line after the document's first line is a title's wrapped end: a few characters with no
   * punctuation but a title's marks (`节水优先，让有限的水资源` / `发挥更大效益`), not a box word.
   */
  'first-line-title-tail',
  /**
   * A sentence end before a line of Han characters and marks only (its width exact) that falls a
   * paragraph's indent short of the lines of that kind around it: the next paragraph's first line, even
   * where the column estimate, dragged down by wraps holding Latin runs (their widths only estimated),
   * reads it as full (sentence-end-next-line-full).
   */
  'sentence-end-next-line-indent-short',
  /**
   * A long news paragraph (long-news-paragraph) ends its sentence on a full line: it ends there as a
   * short line would (a full line is no sign of the paragraph going on in news).
   */
  'long-news-paragraph-line-full',
  /**
   * The document's first line falls a paragraph's indent short of its column and the line after it fills
   * the same column: the first two lines of a paragraph (the document starts mid-article), not a title
   * above a paragraph's indented first line.
   */
  'first-line-indented-before-full',
  /**
   * A sentence end before a line read as full that starts with a Latin letter (`cpio(1)是被设计为与…`): the
   * Latin run's width is only estimated, so the line may well hold a paragraph's indent (50 of 61 such
   * breaks in docs are block edges).
   */
  'sentence-end-next-line-full-latin',
  /**
   * A clause end (`；` `：`) before a line set apart by blank lines either side: list items set one a
   * block (`修改模板文件来满足你的需要；` / blank / `所有关于你的Debian版本与原始版` / blank). 23 of 23 such
   * breaks on the corpus are block edges; where the next line runs on into the lines below it, a
   * paragraph's first line stood apart (mutool), and the break joins 5 of 20.
   */
  'clause-end-before-lone-line',
  /** The next line opens with the word this line ends with (evidence.ts repeatsLineEnd): a heading naming a term, its paragraph opening with it. */
  'next-repeats-line-end',
  /**
   * A line with no punctuation ends with a term the next line or the one after names again, not at the next
   * line's start (evidence.ts endNamedBelow): a heading over the paragraph that takes up its term.
   */
  'line-end-named-below',
  /**
   * A sentence end in a document whose paragraphs are short (style.ts paragraphsAreShort: most of its
   * sentence ends fall at a line's end): this one more likely ends its paragraph too.
   */
  'sentence-end-short-paragraphs',
  /**
   * A line with no clause inside ends without a mark (or with a closing bracket or quote) and the next
   * opens with a word that opens a sentence (evidence.ts opensWithConnective: `如果`, `为了`, `首先`): the
   * text before ended with its line (a heading, a label, a list item).
   */
  'next-opens-with-connective',
  /**
   * The line ends with a closing bracket and no sentence end inside it (`（参见第 7.6 节“沙盒”）`, `…的用户（u）`), not
   * a manual page's section (`chroot(8)`): an aside or gloss closes a term, a heading or a list item. After a
   * full line 37 of 45 such breaks join on train and dev, against 8,564 of 8,665 full lines ending no sentence.
   */
  'ends-with-closing-bracket',
  /**
   * Both lines stand above the document's byline near its start, with no sentence end (`山乡“蝶变”绘就振` /
   * `兴新图景——江西` / `赣州乡村振兴一线` / `见闻` / `本报记者聂晚晴`): a news title wrapped over several lines.
   */
  'title-above-byline',
  /** The line ends with a verb pointing elsewhere whose object the extractor dropped (evidence.ts endsPointingElsewhere). */
  'ends-pointing-elsewhere',
  // The costly evidence (the word segmenter), last: see COSTLY.
  'word-across',
  'word-across-line-short',
  'word-across-sentence-end',
  /** A word runs across the break after the document's first line: a title or paragraph wrapped (38 of 38 join on the corpus). */
  'word-across-after-first-line',
] as const;

export type BreakFeature = (typeof BREAK_FEATURES)[number];

/** A fitted model: one weight per feature (by name) and an intercept. */
export interface BreakWeights {
  readonly bias: number;
  readonly weights: Readonly<Record<string, number>>;
}
