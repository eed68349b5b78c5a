// What the whole document says about its extractor's habits: whether blank lines mark anything,
// whether paragraphs are indented, and how wide its columns are.

import { CLOSING_CHARS, CodeSet } from '../charClasses';
import type { Fragment } from '../article';
import { COLUMN_WINDOW, columnWidths, emWidth } from './width';
import { isDirectiveText } from '../directives';
import { Scratch } from '../scratch';

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
  /**
   * The measure each fragment is judged against (measureOf), in ems, NaN when unknown: found when first
   * asked (measured[i] = 1) and kept, as breaks ask for it several times.
   */
  readonly measures: Float64Array;
  readonly measured: Uint8Array;
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
  /** Most of the document's sentences end where a line ends: its paragraphs are a sentence or two (DocumentFacts). */
  readonly paragraphsAreShort: boolean;
}

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
  /** Fragments ending a sentence (。！？ before any closing marks): the sentence ends where a line ends. */
  readonly lineEndSentences: number;
  /** Fragments set in a column a window of lines shows (see columnWidths). */
  readonly inColumns: number;
  /** Fragments wider than any printed column (WIDE_LINE_EMS): paragraphs set on one line. */
  readonly wide: number;
  /** Fragments that are not directives: the first block of the document holding one is its title. */
  readonly content: number;
}

export const NO_COUNTS: StyleCounts = { fragments: 0, blanks: 0, indented: 0, attributions: 0, sentences: 0, lineEndSentences: 0, inColumns: 0, wide: 0, content: 0 };

export function addCounts(a: StyleCounts, b: StyleCounts): StyleCounts {
  return {
    fragments: a.fragments + b.fragments,
    blanks: a.blanks + b.blanks,
    indented: a.indented + b.indented,
    attributions: a.attributions + b.attributions,
    sentences: a.sentences + b.sentences,
    lineEndSentences: a.lineEndSentences + b.lineEndSentences,
    inColumns: a.inColumns + b.inColumns,
    wide: a.wide + b.wide,
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
  /**
   * Most of the document's sentence ends fall at a line's end (SHORT_PARAGRAPHS of them or more): its
   * paragraphs hold a sentence or two (lists, definitions, steps). A sentence ends where a line ends by
   * chance about one time in ten, and always where it ends a paragraph, so the share of sentence ends at
   * a line's end tells how many sentences the paragraphs hold. On the docs training sets (15 extractions
   * qualify, no news one: news paragraphs hold two or three sentences), of the sentence ends on a full line
   * (the breaks the width cannot decide) 38 of 38 end a paragraph where the paragraphs are short, 267 of 412
   * elsewhere.
   */
  readonly paragraphsAreShort: boolean;
}

/** The share of sentence ends at a line's end from which a document's paragraphs are short. */
const SHORT_PARAGRAPHS = 0.75;
/**
 * Sentence ends of no side the share starts from (half of them at a line's end): a document of a few
 * sentences is read near a half, and its own count moves it from there.
 */
const SHARE_PRIOR = 4;

/**
 * A fragment wider than this many ems was set on no printed column (the column estimates of the corpus's
 * extractions run 8 to 25 ems): it is a paragraph on one line, as fix-all writes them.
 */
const WIDE_LINE_EMS = 40;

export function documentFacts(counts: StyleCounts): DocumentFacts {
  const breaks = Math.max(1, counts.fragments - 1);
  const blankShare = counts.blanks / breaks;
  return {
    blanksAreRare: blankShare < 0.35,
    blanksAreCommon: blankShare > 0.55,
    indents: counts.indented >= 3 && counts.indented / breaks >= INDENT_SHARE,
    // Fix-all's later passes read its own output, one block a line: there a few short blocks of one width
    // (figures and pieces pdfminer cut out, `元，5` / `9`) may make a window read as a column, and the
    // clean text was then weighed as an extraction (nt016-pm's paragraphs joined end to end). A document
    // with as many paragraphs on one line as lines in a column is formatted text.
    hasColumns: counts.inColumns > counts.wide,
    reportsSpeech: counts.attributions >= MIN_ATTRIBUTIONS && counts.attributions * SENTENCES_PER_ATTRIBUTION >= counts.sentences,
    paragraphsAreShort: Math.min(counts.lineEndSentences, counts.sentences) + SHARE_PRIOR / 2 >= SHORT_PARAGRAPHS * (counts.sentences + SHARE_PRIOR),
  };
}

/** Widths and columns of every fragment (per line), the document's facts given or read from these fragments. */
/**
 * The widths of a text's fragments and of the columns they were set in (DocumentStyle), in ems, as counting
 * the lines in view around a region found them (model.ts countRegion): laying the region out reads the same
 * lines, and reads them from here rather than measuring them again.
 */
export interface LineWidths {
  readonly widths: Float64Array;
  readonly columns: Float64Array;
}

/** `counted`: the fragments' widths and columns as counting them measured them (LineWidths), if it did. */
export function readStyle(text: string, fragments: readonly Fragment[], facts?: DocumentFacts, counted?: LineWidths): DocumentStyle {
  // In typed arrays: a width or column read from an array that may hold undefined was a new heap number.
  // Lent (scratch.ts): a style is read and dropped within one layout (breaks/layout.ts analyzeLayout, and
  // training's breakRows), which reads no other style meanwhile, and nothing keeps it.
  const count = fragments.length;
  let widths: Float64Array;
  let columns: Float64Array;
  if (counted !== undefined && counted.widths.length === count) {
    widths = counted.widths;
    columns = counted.columns;
  } else {
    widths = STYLE_WIDTHS.lend(count);
    for (let i = 0; i < count; i++) widths[i] = emWidth(fragments[i].text);
    columns = columnWidths(widths, STYLE_COLUMNS.lend(count));
  }
  const measures = STYLE_MEASURES.lend(count);
  const measured = STYLE_MEASURED.lend(count);
  const read = facts ?? documentFacts(countStyle(text, spansOf(fragments), widths, columns));
  // Every field named, in one order, not spread from the facts: a style is read at every break (decide.ts
  // isIntruder, joinWrappedHeadings), and the spread's copies did not all share one map, which deoptimized them.
  return {
    blanksAreRare: read.blanksAreRare,
    blanksAreCommon: read.blanksAreCommon,
    indents: read.indents,
    hasColumns: read.hasColumns,
    reportsSpeech: read.reportsSpeech,
    paragraphsAreShort: read.paragraphsAreShort,
    widths,
    columns,
    measures,
    measured,
  };
}

/** A line this much wider than its column spans columns (a lead, a title). */
const WIDE = 1.15;

/**
 * The width of the column fragment i was set in, or NaN when unknown. Where the window shows no column
 * the nearest estimate stands in; a line far wider than the column (a lead or title spanning columns)
 * is judged against its wide neighbours, and a lone wide line has no known measure.
 */
export function measureOf(widths: Float64Array, columns: Float64Array, i: number): number {
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
 * Where each fragment stands in the text it was read from, in columns of numbers: what the document's
 * counts read (countStyle), so that counting the lines in view around a region makes no object per line.
 */
export interface FragmentSpans {
  readonly count: number;
  readonly lines: Int32Array;
  readonly lineStarts: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

const STYLE_WIDTHS = new Scratch((n) => new Float64Array(n));
const STYLE_COLUMNS = new Scratch((n) => new Float64Array(n));
const STYLE_MEASURES = new Scratch((n) => new Float64Array(n));
const STYLE_MEASURED = new Scratch((n) => new Uint8Array(n));

/** spansOf's columns, lent (scratch.ts): its one caller counts them and keeps the counts. */
const SPANS = new Scratch((n) => new Int32Array(n));

/** The spans of fragments read from their text (each fragment's text is text.slice(start, end)), lent. */
function spansOf(fragments: readonly Fragment[]): FragmentSpans {
  const count = fragments.length;
  const columns = SPANS.lend(4 * count);
  const spans = { count, lines: columns.subarray(0, count), lineStarts: columns.subarray(count, 2 * count), starts: columns.subarray(2 * count, 3 * count), ends: columns.subarray(3 * count) };
  for (let i = 0; i < count; i++) {
    const fragment = fragments[i];
    spans.lines[i] = fragment.line;
    spans.lineStarts[i] = fragment.lineStart;
    spans.starts[i] = fragment.start;
    spans.ends[i] = fragment.end;
  }
  return spans;
}

/**
 * The counts of fragments[from..to) of `text`, the fragments before `from` read as the lines before them
 * (the document's first fragment has no break before it). `widths` and `columns` are those of all the fragments.
 */
export function countStyle(
  text: string,
  spans: FragmentSpans,
  widths: ArrayLike<number>,
  columns: ArrayLike<number>,
  from = 0,
  to = spans.count,
): StyleCounts {
  const { lines, lineStarts, starts, ends } = spans;
  let blanks = 0;
  let indented = 0;
  let inColumns = 0;
  let wide = 0;
  let content = 0;
  for (let i = from; i < to; i++) {
    if (i > 0 && lines[i] - lines[i - 1] > 1) blanks++;
    if (i > 0 && starts[i] > lineStarts[i] && !onlyFormFeeds(text, lineStarts[i], starts[i])) indented++;
    if (!Number.isNaN(columns[i])) inColumns++;
    if (widths[i] > WIDE_LINE_EMS) wide++;
    // A directive starts with `<!--`: only such a fragment's text is read as a string.
    if (!(ends[i] - starts[i] >= 4 && text.startsWith('<!--', starts[i]) && isDirectiveText(text.slice(starts[i], ends[i])))) content++;
  }
  const speech = countSpeech(text, spans, from, to);
  return { fragments: to - from, blanks, indented, attributions: speech.attributions, sentences: speech.sentences, lineEndSentences: speech.lineEndSentences, inColumns, wide, content };
}

/** text[start, end) (not empty) is nothing but form feeds. */
function onlyFormFeeds(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 0x0c) return false;
  return true;
}

/** Attributions and sentence ends of fragments[from..to), read after the fragments before them. */
function countSpeech(text: string, spans: FragmentSpans, from: number, to: number): { attributions: number; sentences: number; lineEndSentences: number } {
  const { starts, ends } = spans;
  let attributions = 0;
  let sentences = 0;
  let lineEndSentences = 0;
  // An attribution may be cut by a wrap (`宋建武` / `说，`): each fragment is read, without whitespace,
  // after the last three such characters of the ones before, and an attribution counts where it ends:
  // at a comma or colon of the fragment. Read by code unit, one pass over the fragment (a string per
  // line was garbage): at each comma or colon, the three characters before it (whitespace left out).
  for (let i = from; i < to; i++) {
    const start = starts[i];
    const end = ends[i];
    for (let k = start; k < end; k++) {
      const code = text.charCodeAt(k);
      if (code === 0x3002 /* 。 */ || code === 0xff01 /* ！ */ || code === 0xff1f /* ？ */) sentences++;
      else if (isAttributionMark(code) && endsAttribution(text, spans, i, k)) attributions++;
    }
    if (endsWithSentenceMark(text, start, end)) lineEndSentences++;
  }
  return { attributions, sentences, lineEndSentences };
}

/** text[start, end) ends with a mark countSpeech counts as a sentence end, before any closing marks. */
function endsWithSentenceMark(text: string, start: number, end: number): boolean {
  let k = end - 1;
  while (k >= start && CLOSING_CODES.has(text.charCodeAt(k))) k--;
  if (k < start) return false;
  const code = text.charCodeAt(k);
  return code === 0x3002 /* 。 */ || code === 0xff01 /* ！ */ || code === 0xff1f /* ？ */;
}

const CLOSING_CODES = new CodeSet(CLOSING_CHARS);

/**
 * Whether an attribution ends at the comma or colon text[mark] of fragment i: a speech verb closing it
 * (`教授宋建武说，`, `有关部门表示：`): `说` right before the mark, or `表示` `指出` `认为` `强调`, not after
 * 来 如 是 话 听 (a fixed phrase built on 说: `一般来说，` `比如说，` `也就是说，` `换句话说，` `听说，`).
 * The pattern /(?<![来如是话听])(?:说|表示|指出|认为|强调)[，：,:]/ read by code unit over the fragments
 * in view joined without whitespace; its matches never overlap (a verb holds no mark), so each mark ends
 * at most one.
 */
function endsAttribution(text: string, spans: FragmentSpans, i: number, mark: number): boolean {
  const found = charactersBefore(text, spans, i, mark);
  if (found === 0) return false;
  if (before[0] === SHUO) return found === 1 || !NOT_BEFORE_VERB.has(before[1]);
  if (found === 1) return false;
  for (const [a, b] of TWO_CHARACTER_VERBS) {
    if (before[1] === a && before[0] === b) return found === 2 || !NOT_BEFORE_VERB.has(before[2]);
  }
  return false;
}

/** The codes of the characters before a mark, nearest first (charactersBefore). */
const before = [0, 0, 0];

/**
 * Puts the codes of up to three characters before text[mark] (whitespace left out) into `before`, nearest
 * first, reading back into the fragments before fragment i as far as the first in view; how many.
 */
function charactersBefore(text: string, spans: FragmentSpans, i: number, mark: number): number {
  let found = 0;
  for (let j = i, k = mark - 1; j >= 0 && found < 3; j--, k = j >= 0 ? spans.ends[j] - 1 : -1) {
    for (; k >= spans.starts[j] && found < 3; k--) {
      const code = text.charCodeAt(k);
      if (!isWhitespace(code)) before[found++] = code;
    }
  }
  return found;
}

const SHUO = '说'.charCodeAt(0);
const TWO_CHARACTER_VERBS: ReadonlyArray<readonly [number, number]> = ['表示', '指出', '认为', '强调'].map((verb) => [verb.charCodeAt(0), verb.charCodeAt(1)] as const);
const NOT_BEFORE_VERB = new CodeSet('来如是话听');

/** What \s matches, by code unit. */
function isWhitespace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** A comma or colon (what every attribution ends with). */
function isAttributionMark(code: number): boolean {
  return code === 0xff0c /* ， */ || code === 0xff1a /* ： */ || code === 0x2c /* , */ || code === 0x3a /* : */;
}
