// Weighing the evidence at each line break: positive weight says the paragraph goes on (join),
// negative says a block ends here. The weights are log-odds in spirit, set by hand from what each
// piece of evidence means on the page, not fitted to any file.

import type { Fragment, Role } from '../article';
import { isHan } from '../charClasses';
import {
  endsClause,
  endsMidSentence,
  endsSentence,
  endsWithBoundWord,
  endsWithOpener,
  hasInnerGap,
  hasLatin,
  isDisplacedRun,
  isInterleaved,
  isLatinRun,
  isLetterSpaced,
  isLoneCharacter,
  isPunctuationOnly,
  isQuotedTail,
  leadingUnitWidth,
  opensPending,
  splitsFigure,
  startsWithBoundParticle,
  startsWithContinuation,
  startsWithWordTail,
  wordsAcrossLines,
  type WordsAcrossLines,
} from './evidence';
import type { DocumentStyle } from './style';
import { COLUMN_WINDOW } from './width';
import { parseInlineLabel } from '../labels';

export interface Decision {
  readonly join: boolean;
  /** The evidence that weighed most, as a stable tag (`line-full`, `sentence-end`, …). */
  readonly reason: string;
}

/** Ems a line may fall short of its column, beyond the next line's first unit, and still count as full. */
const FULL_ROOM = 2.5;
/** The same for a line ending a sentence: only a line with no room at all may go on after it. */
const SENTENCE_FULL_ROOM = 0.5;
/** In a wide measure a line may fall short by this share of it (justification varies more). */
const FULL_SHARE = 0.1;
/** A line this much wider than its column spans columns (a lead, a title). */
const WIDE = 1.15;
const PUNCTUATION_INSIDE = /[，。；！？,;]/;
const CLAUSE_INSIDE = /[，。；！？、,;]/;
/** How far short of its column an indented first line falls, in ems. */
const INDENT_MIN = 1.5;
const INDENT_MAX = 3;
/** A word split by the break (国际网 / 络空间). */
const WORD_WEIGHT = 2.5;
/**
 * Ems after which a news paragraph ends at its next sentence end: in news-dev every sentence end past
 * 80 characters of its paragraph ends it (16 of 16; Debian prose in dev: 103 of 214).
 */
const NEWS_PARAGRAPH = 80;
/** Two interleaved columns outweigh a full line and a missing blank line, not a stranded mark or comma. */
const INTERLEAVED_WEIGHT = 5;
/** A blank line in formatted text outweighs a comma at the end (list items), not a stranded mark. */
const FORMATTED_BLANK_WEIGHT = 6;
/** Chinese paragraphs indent their first line by two ems; extractors drop the indent. */
const PARAGRAPH_INDENT = 2;

export function decideBreaks(
  fragments: readonly Fragment[],
  fixed: ReadonlyArray<Role | undefined>,
  style: DocumentStyle,
  across: WordsAcrossLines = wordsAcrossLines(fragments),
  range: BreakRange = { from: 0, to: fragments.length - 1 },
): Decision[] {
  // Breaks before `from` are not weighed: the one just before ends a block (a region's seam), which leaves
  // nothing pending, carried or measured, as at the start of a document.
  const decisions: Decision[] = [];
  if (range.from > 0) decisions[range.from - 1] = { join: false, reason: 'before-region' };
  let pending = 0;
  // Width of the printed line so far: pieces of one line that the extractor cut apart (at a font change
  // or around a stranded mark) add up; a line that filled its column starts the count again.
  let carried = 0;
  // Width of the paragraph so far, this line included.
  let paragraph = 0;
  for (let i = range.from; i < range.to; i++) {
    paragraph += style.widths[i];
    const fixedBefore = fixed[i];
    const fixedAfter = fixed[i + 1];
    let decision: Decision & { piece?: boolean; full?: boolean };
    if (fixedBefore) decision = { join: false, reason: `after-${fixedBefore}` };
    else if (fixedAfter) decision = { join: false, reason: `before-${fixedAfter}` };
    else {
      pending = opensPending(fragments[i].text, pending);
      const lostText = i > 0 && decisions[i - 1].join && startsWithLostText(fragments[i], style);
      const startsBlock = i > 0 && !decisions[i - 1].join;
      const context = { pending, lostTextBefore: lostText, carried, startsBlock, paragraph, measure: paragraphMeasure(decisions, i, style) };
      decision = weigh(fragments, i, style, context, across);
    }
    carried = decision.piece ? carried + style.widths[i] : 0;
    if (!decision.join) {
      pending = 0;
      paragraph = 0;
    }
    decisions[i] = decision;
  }
  return decisions;
}

/** The breaks decided: from the one after fragment `from` to the one before fragment `to`. */
export interface BreakRange {
  readonly from: number;
  readonly to: number;
}

/** What the breaks before this one leave it. */
interface BreakContext {
  /** Quotes and brackets opened in the paragraph and not closed. */
  readonly pending: number;
  readonly lostTextBefore: boolean;
  /** Width of the pieces of this printed line before this fragment. */
  readonly carried: number;
  /** The break before was not a join. */
  readonly startsBlock: boolean;
  /** Width of the paragraph so far in ems, this line included. */
  readonly paragraph: number;
  /** The paragraph's own measure, when its lines show one. */
  readonly measure: number | undefined;
}

/** Evidence for one break, strongest first within each group. */
function weigh(
  fragments: readonly Fragment[],
  i: number,
  style: DocumentStyle,
  context: BreakContext,
  across: WordsAcrossLines,
): Decision & { piece: boolean; full: boolean } {
  const { pending, lostTextBefore, carried, startsBlock, paragraph, measure } = context;
  const before = fragments[i].text;
  const after = fragments[i + 1].text;
  // Evidence is tallied as it is found (no list per break: a megabyte has a hundred thousand breaks).
  const tally = new Tally();
  const add = (weight: number, reason: string) => tally.add(weight, reason);

  if (startsWithContinuation(after)) add(5, 'next-starts-with-punctuation');
  if (startsWithBoundParticle(after)) add(3, 'next-starts-with-particle');
  // A stranded mark belongs with the text before it; one that does not end a sentence also with the text after.
  if (isPunctuationOnly(after) || (isPunctuationOnly(before) && !endsSentence(before))) add(4, 'punctuation-only-line');
  if (endsWithBoundWord(before)) add(4, 'ends-with-bound-word');
  if (isLoneCharacter(after, before) || isQuotedTail(after, before)) add(4, 'tail-of-line-before');
  if (endsWithOpener(before)) add(4, 'open-quote-at-end');
  else if (pending > 0) add(1, 'quote-pending');
  if (isLetterSpaced(before)) add(4, 'justified-line');
  if (splitsFigure(before, after)) add(1.5, 'figure-split');
  if (isLatinRun(before) || isLatinRun(after)) add(2.5, 'latin-run-line');
  if (isDisplacedRun(fragments, i, across) || isDisplacedRun(fragments, i + 1, across)) add(-8, 'displaced-run');
  else if (isIntruder(fragments, i, style, across) || isIntruder(fragments, i + 1, style, across)) add(-8, 'intruding-line');
  const cutPiece = !isLatinRun(before) && !isLatinRun(after) && betweenLatinRuns(fragments, i);
  if (cutPiece) add(3, 'piece-between-latin-runs');

  const sentenceEnd = endsSentence(before);
  if (sentenceEnd) add(-2.5, 'sentence-end');
  // News paragraphs are short: a sentence that closes one already this long ends it, unless a quote is
  // still open (a quoted speaker may go on for several sentences).
  if (sentenceEnd && style.reportsSpeech && pending === 0 && paragraph >= NEWS_PARAGRAPH) add(-2, 'long-news-paragraph');
  else if (endsClause(before)) add(-1, 'clause-end');
  else if (endsMidSentence(before)) add(4, 'comma-at-end');
  // A line with punctuation inside that stops mid-clause, with the next line right below it, goes on
  // (a heading with commas, 授权，加密, stands apart: a blank line or a short measure says so).
  else if (isHan(before[before.length - 1]) && CLAUSE_INSIDE.test(before) && fragments[i + 1].line - fragments[i].line === 1) {
    add(1, 'open-clause');
  }
  if (startsIndentedParagraph(fragments, i + 1, style, startsBlock)) add(-4, 'next-line-indented');
  else if ((sentenceEnd || endsClause(before)) && headingAhead(fragments, i + 1, style)) add(-4, 'next-line-heading');
  else if (sentenceEnd && standsApart(fragments, i + 1, style)) add(-3, 'next-line-apart');
  if (parseInlineLabel(after)) add(-4, 'next-starts-with-label');

  // Room left once the next line's first unbreakable unit is placed: a line ended because that unit did
  // not fit is a wrap. A sentence end is trusted unless the line is truly full; elsewhere a line one or
  // two ems short still wrapped (line-start rules push characters down, Latin widths are estimates).
  // The first line of a paragraph may have lost a two-em indent.
  const column = measure ?? columnOf(i, style);
  // Only a line with punctuation inside is surely no heading; a heading gets no indent allowance.
  const indent = startsBlock && PUNCTUATION_INSIDE.test(before.slice(0, -1)) ? PARAGRAPH_INDENT : 0;
  const room = column - indent - carried - style.widths[i] - leadingUnitWidth(after) - latinShare(before) * 0.08 * style.widths[i];
  const fullBelow = sentenceEnd ? SENTENCE_FULL_ROOM : Math.max(FULL_ROOM, column * FULL_SHARE);
  let width: 'full' | 'short' | 'unknown' = 'unknown';
  if (i === 0) add(-1.5, 'after-first-line');
  else if (lostTextBefore) add(1, 'line-lost-text');
  // A line cut at a Latin run is a piece of a printed line: its width says nothing.
  else if (cutPiece || ((isLatinRun(after) || isLatinRun(before)) && !sentenceEnd)) add(0, 'piece-width');
  else if (Number.isNaN(room)) add(0, 'no-column');
  else if (room < fullBelow) {
    width = 'full';
    add(3, 'line-full');
  } else if (room < fullBelow + 1) add(-0.5, 'line-nearly-full');
  else {
    width = 'short';
    add(-3, 'line-short');
  }

  if (!style.hasColumns && fragments[i + 1].line - fragments[i].line > 1) add(-FORMATTED_BLANK_WEIGHT, 'formatted-blocks');
  if (style.blanksAreRare && fragments[i + 1].line - fragments[i].line > 1) add(-1.2, 'blank-line');
  if (style.blanksAreCommon && fragments[i + 1].line - fragments[i].line === 1) add(1.5, 'no-blank-line');
  if (style.indents && fragments[i + 1].start > fragments[i + 1].lineStart) add(-3, 'indented');

  // The dictionary segmenter is the costliest evidence: consult it only when it can change the outcome.
  if (tally.total <= 0 && tally.total > -WORD_WEIGHT && across(i, i + 1)) add(WORD_WEIGHT, 'word-across');

  if (tally.total > 0 && tally.total < INTERLEAVED_WEIGHT && isInterleaved(fragments, i, across)) add(-INTERLEAVED_WEIGHT, 'interleaved-columns');

  const join = tally.total > 0;
  const reason = (join ? tally.forReason : tally.againstReason) ?? 'no-evidence';
  return { join, reason, piece: join && width !== 'full' && !lostTextBefore && i > 0, full: width === 'full' };
}

/** The sum of the evidence at one break, and the strongest piece on each side (the reason shown). */
class Tally {
  total = 0;
  private forWeight = 0;
  private againstWeight = 0;
  forReason: string | undefined;
  againstReason: string | undefined;

  add(weight: number, reason: string): void {
    this.total += weight;
    if (weight > this.forWeight) {
      this.forWeight = weight;
      this.forReason = reason;
    } else if (weight < this.againstWeight) {
      this.againstWeight = weight;
      this.againstReason = reason;
    }
  }
}

/** Two lines apart in width by less than this share one measure. */
const SAME_MEASURE = 0.75;

/**
 * The measure of the paragraph fragment i continues: the width of its two previous lines when both
 * were full wraps of the same width. Nearer than any window estimate, it follows a column that narrows
 * around a picture or widens past it.
 */
function paragraphMeasure(decisions: ReadonlyArray<Decision & { full?: boolean }>, i: number, style: DocumentStyle): number | undefined {
  if (i < 2) return undefined;
  const last = decisions[i - 1];
  const previous = decisions[i - 2];
  if (!last.join || !previous.join || !last.full || !previous.full) return undefined;
  const a = style.widths[i - 1];
  const b = style.widths[i - 2];
  return Math.abs(a - b) <= SAME_MEASURE ? Math.max(a, b) : undefined;
}

/**
 * The width of the column fragment i was set in, or NaN when unknown. Where the window shows no column
 * the nearest estimate stands in; a line far wider than the column (a lead or title spanning columns)
 * is judged against its wide neighbours, and a lone wide line has no known measure.
 */
function columnOf(i: number, style: DocumentStyle): number {
  const { widths, columns } = style;
  let column = columns[i];
  for (let d = 1; Number.isNaN(column) && d <= COLUMN_WINDOW; d++) {
    column = columns[i - d] ?? Number.NaN;
    if (Number.isNaN(column)) column = columns[i + d] ?? Number.NaN;
  }
  const width = widths[i];
  if (Number.isNaN(column) || width <= column * WIDE) return column;
  const wideNeighbours = [widths[i - 1], widths[i + 1]].filter((w) => w !== undefined && w > column * WIDE);
  return wideNeighbours.length === 0 ? Number.NaN : Math.max(width, ...wideNeighbours);
}

/**
 * Fragment j has the shape of a paragraph's first line with its two-em indent: about two ems short of
 * its column although the next line's first unit would have fitted, followed by a line that fills the
 * column, and not itself ending a sentence (a short last line) or holding Latin (widths only estimated).
 * A heading set in a larger font fills the column with fewer characters and is followed by such a line too.
 */
function startsIndentedParagraph(fragments: readonly Fragment[], j: number, style: DocumentStyle, startsBlock: boolean): boolean {
  const line = fragments[j]?.text;
  const next = fragments[j + 1]?.text;
  if (line === undefined || next === undefined) return false;
  const column = columnOf(j, style);
  const width = style.widths[j];
  const nextWidth = style.widths[j + 1];
  const short = column - width;
  if (!(short >= INDENT_MIN && short <= INDENT_MAX) || short - leadingUnitWidth(next) < 1) return false;
  // A letter-spaced next line was justified, so full, whatever its estimated width (Latin in it).
  if (!isLetterSpaced(next) && (nextWidth < column - 1 || nextWidth - width < INDENT_MIN)) return false;
  if (endsSentence(line) || endsClause(line) || endsMidSentence(line) || isPunctuationOnly(line)) return false;
  if (hasLatin(line) || hasInnerGap(line) || isLetterSpaced(line)) return false;
  // The line before must be able to end a block: a sentence or clause end, or a one-line heading.
  const before = fragments[j - 1].text;
  if (!endsSentence(before) && !endsClause(before) && !startsBlock) return false;
  return !isLatinRun(next) && !startsWithContinuation(next) && !isPunctuationOnly(next);
}

/**
 * pdfminer cuts a printed line at every Latin run: a Chinese piece ending mid-clause between two such
 * runs (`GDP` / `比重` / `达到` / `32.9%`) is one more cut of the same line, however short.
 */
function betweenLatinRuns(fragments: readonly Fragment[], i: number): boolean {
  const before = fragments[i].text;
  if (i === 0 || i + 2 >= fragments.length || !isHan(before[before.length - 1])) return false;
  return isLatinRun(fragments[i - 1].text) && isLatinRun(fragments[i + 2].text);
}

/**
 * Fragment j stands alone as a heading: no punctuation in it, no wider than its column, and the line
 * after it (or after a second such line) has the shape of an indented first line, so j cannot be the
 * first line of that paragraph.
 */
function headingAhead(fragments: readonly Fragment[], j: number, style: DocumentStyle, depth = 0): boolean {
  const line = fragments[j]?.text;
  if (line === undefined || j + 1 >= fragments.length || isLatinRun(line) || HEADING_PUNCTUATION.test(line)) return false;
  if (style.widths[j] > columnOf(j, style) + 0.5) return false;
  // A box label (基础知识, 关键词) may stand above the heading.
  return startsIndentedParagraph(fragments, j + 1, style, true) || (depth === 0 && headingAhead(fragments, j + 1, style, 1));
}

const HEADING_PUNCTUATION = /[，。、；：！？,.;:!?]/;

/**
 * Fragment j is a heading or label the extractor set down inside a paragraph: it has no punctuation,
 * the line before it stops mid-clause, and that line reads on as one word into the line after j
 * (`等等）。一` / `网页应用程序的内在风险` / `个坚决的攻击者`: 一个), while it does not read on into j, and the
 * line after j starts with a word's tail, not a word of its own. The heading stays where the extractor
 * put it (fixes never move text), but the paragraph is not joined through it.
 */
function isIntruder(fragments: readonly Fragment[], j: number, style: DocumentStyle, across: WordsAcrossLines): boolean {
  if (j < 1 || j + 1 >= fragments.length) return false;
  const line = fragments[j].text;
  const before = fragments[j - 1].text;
  if (INTRUDER_PUNCTUATION.test(line) || isLatinRun(line) || isLetterSpaced(line)) return false;
  if (endsSentence(before) || endsClause(before)) return false;
  // Where blank lines are rare they mark boxes and columns: a heading set down mid-paragraph has one.
  if (style.blanksAreRare && fragments[j].line - fragments[j - 1].line === 1 && fragments[j + 1].line - fragments[j].line === 1) return false;
  if (!across(j - 1, j + 1) || across(j - 1, j) || !startsWithWordTail(fragments[j + 1].text)) return false;
  return style.widths[j] <= columnOf(j, style);
}

const INTRUDER_PUNCTUATION = /[\p{P}\p{S}]/u;

/** Ems short of its column a line must be to be no wrap of its own. */
const APART_SHORT = 3;

/**
 * Fragment j, after a sentence end, cannot be that paragraph's next line: it is short, so it would be
 * the paragraph's last, yet it carries no punctuation at all (a paragraph's last line ends with a mark).
 * It is a heading or a box label (关键词, 板卡设备). Latin and figures are left aside: pdfminer cuts a
 * line at them, so a short piece says nothing.
 */
function standsApart(fragments: readonly Fragment[], j: number, style: DocumentStyle): boolean {
  const line = fragments[j]?.text;
  const next = fragments[j + 1]?.text;
  if (line === undefined || next === undefined || /[\p{P}\p{S}]/u.test(line) || hasLatin(line) || hasInnerGap(line)) return false;
  if (isLatinRun(next) || startsWithContinuation(next) || isPunctuationOnly(next)) return false;
  const column = columnOf(j, style);
  return column - style.widths[j] - leadingUnitWidth(next) >= APART_SHORT;
}

/** Leading whitespace where the document does not indent: text the extractor dropped (` 世纪` for `21世纪`). */
export function startsWithLostText(fragment: Fragment, style: DocumentStyle): boolean {
  return !style.indents && fragment.start > fragment.lineStart && isHan(fragment.text[0]);
}

function latinShare(text: string): number {
  let latin = 0;
  // ASCII letters and digits counted by code unit (a pattern per character was a hot spot).
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++;
  }
  return text.length === 0 ? 0 : latin / text.length;
}
