// What the whole document says about its extractor's habits: whether blank lines mark anything,
// whether paragraphs are indented, and how wide its columns are.

import type { Fragment } from '../article';
import { COLUMN_WINDOW, columnWidths, emWidth } from './width';
import { isDirectiveText } from '../directives';

export interface DocumentStyle {
  /** Blank lines are rare, so one marks a boundary (column, box or paragraph). */
  readonly blanksAreRare: boolean;
  /** Blank lines are the rule, so a break without one is a wrap. */
  readonly blanksAreCommon: boolean;
  /** Enough lines start with spaces that leading whitespace is indentation (not lost text). */
  readonly indents: boolean;
  /** Printed width of each fragment in ems. */
  readonly widths: Float64Array;
  /** Width of the column each fragment was set in, in ems. */
  readonly columns: Float64Array;
  /** The measure each fragment is judged against (measureOf), in ems; NaN when unknown. */
  readonly measures: Float64Array;
  /**
   * Some line fills a column. Without one the text is not column lines at all but formatted blocks (an
   * article already repaired, or typed by hand), and a blank line in it was put there to part blocks.
   */
  readonly hasColumns: boolean;
  /**
   * The document reports what people said (`宋建武说，`, `司长韦振华指出，`) often enough to be news
   * prose, whose paragraphs are short (a few sentences, rarely past 90 characters).
   */
  readonly reportsSpeech: boolean;
}

/**
 * A speech verb closing an attribution (`教授宋建武说，`, `有关部门表示：`), not a fixed phrase built on 说
 * (`一般来说，` `比如说，` `也就是说，` `换句话说，` `听说，`).
 */
const ATTRIBUTION = /(?<![来如是话听])(?:说|表示|指出|认为|强调)[，：,:]/g;
/** What every match of ATTRIBUTION ends with (a cheap test before the full pattern). */
const ATTRIBUTION_END = /[说示出为调][，：,:]/;
const HAS_SPACE = /\s/;
/** Attributions a news document shows at least, and per how many sentences. */
const MIN_ATTRIBUTIONS = 2;
const SENTENCES_PER_ATTRIBUTION = 10;

/** Below this share of indented lines, leading whitespace is an accident (lost text), not a convention. */
const INDENT_SHARE = 0.04;

/**
 * What the document's facts are read from, counted fragment by fragment: counts add up, so the counts of
 * a document's regions (each read with the lines before it in view) are those of the whole document.
 */
export interface StyleCounts {
  readonly fragments: number;
  /** Fragments with a blank line before them. */
  readonly blanks: number;
  /** Fragments (not the document's first) whose line starts with whitespace. */
  readonly indented: number;
  readonly attributions: number;
  readonly sentences: number;
  /** Fragments set in a column a window of lines shows (see columnWidths). */
  readonly inColumns: number;
  /** Fragments that are not directives: the first block of the document holding one is its title. */
  readonly content: number;
}

export const NO_COUNTS: StyleCounts = { fragments: 0, blanks: 0, indented: 0, attributions: 0, sentences: 0, inColumns: 0, content: 0 };

export function addCounts(a: StyleCounts, b: StyleCounts): StyleCounts {
  return {
    fragments: a.fragments + b.fragments,
    blanks: a.blanks + b.blanks,
    indented: a.indented + b.indented,
    attributions: a.attributions + b.attributions,
    sentences: a.sentences + b.sentences,
    inColumns: a.inColumns + b.inColumns,
    content: a.content + b.content,
  };
}

/** The facts of the whole document every decision reads: settled once per document version. */
export interface DocumentFacts {
  readonly blanksAreRare: boolean;
  readonly blanksAreCommon: boolean;
  readonly indents: boolean;
  readonly hasColumns: boolean;
  readonly reportsSpeech: boolean;
}

export function documentFacts(counts: StyleCounts): DocumentFacts {
  const breaks = Math.max(1, counts.fragments - 1);
  const blankShare = counts.blanks / breaks;
  return {
    blanksAreRare: blankShare < 0.35,
    blanksAreCommon: blankShare > 0.55,
    indents: counts.indented >= 3 && counts.indented / breaks >= INDENT_SHARE,
    hasColumns: counts.inColumns > 0,
    reportsSpeech: counts.attributions >= MIN_ATTRIBUTIONS && counts.attributions * SENTENCES_PER_ATTRIBUTION >= counts.sentences,
  };
}

export function sameFacts(a: DocumentFacts, b: DocumentFacts): boolean {
  return (
    a.blanksAreRare === b.blanksAreRare &&
    a.blanksAreCommon === b.blanksAreCommon &&
    a.indents === b.indents &&
    a.hasColumns === b.hasColumns &&
    a.reportsSpeech === b.reportsSpeech
  );
}

/** Widths and columns of every fragment (per line), the document's facts given or read from these fragments. */
export function readStyle(text: string, fragments: readonly Fragment[], facts?: DocumentFacts): DocumentStyle {
  // In typed arrays: a width or column read from an array that may hold undefined was a new heap number.
  const widths = new Float64Array(fragments.length);
  for (let i = 0; i < fragments.length; i++) widths[i] = emWidth(fragments[i].text);
  const columns = columnWidths(widths);
  const measures = new Float64Array(widths.length);
  for (let i = 0; i < widths.length; i++) measures[i] = measureOf(widths, columns, i);
  return { ...(facts ?? documentFacts(countStyle(text, fragments, columns))), widths, columns, measures };
}

/** A line this much wider than its column spans columns (a lead, a title). */
const WIDE = 1.15;

/**
 * The width of the column fragment i was set in, or NaN when unknown. Where the window shows no column
 * the nearest estimate stands in; a line far wider than the column (a lead or title spanning columns)
 * is judged against its wide neighbours, and a lone wide line has no known measure.
 */
function measureOf(widths: Float64Array, columns: Float64Array, i: number): number {
  const n = columns.length;
  let column = columns[i];
  for (let d = 1; Number.isNaN(column) && d <= COLUMN_WINDOW; d++) {
    column = i - d >= 0 ? columns[i - d] : Number.NaN;
    if (Number.isNaN(column)) column = i + d < n ? columns[i + d] : Number.NaN;
  }
  const width = widths[i];
  if (Number.isNaN(column) || width <= column * WIDE) return column;
  // The wide neighbours either side, without an array for them.
  const wideBefore = i > 0 && widths[i - 1] > column * WIDE;
  const wideAfter = i + 1 < n && widths[i + 1] > column * WIDE;
  if (!wideBefore && !wideAfter) return Number.NaN;
  return Math.max(width, wideBefore ? widths[i - 1] : width, wideAfter ? widths[i + 1] : width);
}

/**
 * The counts of fragments[from..to), the fragments before `from` read as the lines before them (the
 * document's first fragment has no break before it). `columns` are those of all the fragments.
 */
export function countStyle(
  text: string,
  fragments: readonly Fragment[],
  columns: ArrayLike<number>,
  from = 0,
  to = fragments.length,
): StyleCounts {
  let blanks = 0;
  let indented = 0;
  let inColumns = 0;
  let content = 0;
  for (let i = from; i < to; i++) {
    if (i > 0 && fragments[i].line - fragments[i - 1].line > 1) blanks++;
    if (i > 0 && fragments[i].start > fragments[i].lineStart && !/^\f+$/.test(text.slice(fragments[i].lineStart, fragments[i].start))) indented++;
    if (!Number.isNaN(columns[i])) inColumns++;
    if (!isDirectiveText(fragments[i].text)) content++;
  }
  const speech = countSpeech(fragments, from, to);
  return { fragments: to - from, blanks, indented, attributions: speech.attributions, sentences: speech.sentences, inColumns, content };
}

/** Attributions and sentence ends of fragments[from..to), read after the fragments before them. */
function countSpeech(fragments: readonly Fragment[], from: number, to: number): { attributions: number; sentences: number } {
  let attributions = 0;
  let sentences = 0;
  // An attribution may be cut by a wrap (`宋建武` / `说，`): each fragment is read after the last few
  // characters of the ones before (without spaces), and a match counts where it ends. A match ending in
  // the fragment ends with a verb's last character and a comma or colon both in it (ATTRIBUTION_END), or
  // with the comma or colon that starts it: only then are the characters before it gathered and joined
  // to it (no string built for most fragments).
  for (let i = from; i < to; i++) {
    const fragment = fragments[i];
    const own = compact(fragment.text);
    if (ATTRIBUTION_END.test(own) || isAttributionMark(own.charCodeAt(0))) {
      const tail = tailBefore(fragments, i);
      const text = tail + own;
      // Every attribution ends in a verb's last character and a comma or colon: most fragments have none.
      if (ATTRIBUTION_END.test(text)) {
        for (const match of text.matchAll(ATTRIBUTION)) if (match.index + match[0].length > tail.length) attributions++;
      }
    }
    sentences += sentenceEnds(fragment.text);
  }
  return { attributions, sentences };
}

/** The fragment's text without whitespace. */
function compact(text: string): string {
  return HAS_SPACE.test(text) ? text.replace(/\s+/g, '') : text;
}

/** The last three characters of fragments[0..i) joined without whitespace: what fragment i is read after. */
function tailBefore(fragments: readonly Fragment[], i: number): string {
  let before = '';
  for (let j = i - 1; j >= 0 && before.length < 3; j--) before = compact(fragments[j].text) + before;
  return before.slice(-3);
}

/** A comma or colon (what every attribution ends with). */
function isAttributionMark(code: number): boolean {
  return code === 0xff0c /* ， */ || code === 0xff1a /* ： */ || code === 0x2c /* , */ || code === 0x3a /* : */;
}

/** Sentence-ending marks (。！？) in a text, by code unit (no string per character). */
function sentenceEnds(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3002 /* 。 */ || code === 0xff01 /* ！ */ || code === 0xff1f /* ？ */) count++;
  }
  return count;
}
