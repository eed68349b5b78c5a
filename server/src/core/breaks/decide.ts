// Weighing the evidence at each line break. Every piece of evidence is a feature of the break (the
// questions of evidence.ts, the line's width against its column, the document's style); a logistic model
// fitted on the corpus (scripts/train/train.mjs, weights in weights.generated.ts) weighs them all at once:
// positive log-odds say the paragraph goes on (join), negative that a block ends here.

import { ROLES, type Fragment, type Role } from '../article';
import { CLOSING_CHARS, CodeSet, hasPunctOrSymbol, isAsciiLetterCode, isLatinOrDigitCode, isClosingMark, isHan, isHanCode, isSentenceEnd } from '../charClasses';
import { compactLength, compactString } from '../compactText';
import {
  endsClause,
  endsMidSentence,
  endsSentence,
  endsWithBareBoundWord,
  endsWithBoundWord,
  endsWithOpener,
  hasInnerGap,
  hasLatin,
  isBracketedGloss,
  isClosingTail,
  isDisplacedRun,
  isLatinRun,
  isLetterSpaced,
  isLoneCharacter,
  isPunctuationOnly,
  isQuotedTail,
  leadingUnitWidth,
  opensPending,
  repeatsLineEnd,
  endNamedBelow,
  opensWithConnective,
  endsPointingElsewhere,
  splitsFigure,
  startsWithBoundParticle,
  startsWithContinuation,
  startsWithWordTail,
  wordsAcrossLines,
  type WordsAcrossLines,
} from './evidence';
import { measureOf, type DocumentStyle } from './style';
import { HEADING_FULL_SHARE, HEADING_TAIL } from './width';
import { isLabel, parseInlineLabel, type Label } from '../labels';
import { isBoxWord } from './roles';
import { SPEAKER_CUE } from '../speakerCues';
import { isTitleEnd, isTitleText, MAX_TITLE, mayWrapOnto, readsAsTitleRest } from '../titleText';
import { BREAK_FEATURES, type BreakFeature, type BreakWeights } from './features';
import { BREAK_WEIGHTS } from './weights.generated';
import { Scratch } from '../scratch';

export { BREAK_FEATURES, type BreakFeature, type BreakWeights };

export interface Decision {
  readonly join: boolean;
  /** The evidence that weighed most for the decision taken, as a stable tag (`line-full`, `sentence-end`, …). */
  readonly reason: string;
  /**
   * How sure the model is of the decision taken: its probability, 0.5 to 1 (1 for a break a fixed role
   * decides). Where the costly evidence was not consulted (it could not have changed the decision nor
   * brought it below SURE), a lower bound.
   */
  readonly confidence: number;
}

/** A decision at least this probable is sure; below it the wrap rules report it gently and say so. */
export const SURE = 0.8;
/** SURE in millionths (LineBreak.confidencePpm). */
export const SURE_PPM = 800_000;

/** A probability in millionths, rounded down (LineBreak.confidencePpm): a whole percentage rounded down reads the same. */
export function inMillionths(probability: number): number {
  return Math.floor(probability * 1_000_000);
}
const SURE_LOGIT = Math.log(SURE / (1 - SURE));

/**
 * Each feature's index, read with the name written out where it is set (`features[F['line-full']] = 1`): one
 * load of one property there. A helper taking the name read it as a key of 60-odd values, a megamorphic
 * lookup at every feature set (1 % of the batch's CPU).
 */
const F = Object.fromEntries(BREAK_FEATURES.map((name, k) => [name, k])) as Record<BreakFeature, number>;
/** Features from here on come from the word segmenter. */
const COSTLY = F['word-across'];

/** The shipped weights in feature order (a feature the file does not name weighs nothing). */
function weightVector(model: BreakWeights): Float64Array {
  return Float64Array.from(BREAK_FEATURES, (name) => model.weights[name] ?? 0);
}

const SHIPPED = { bias: BREAK_WEIGHTS.bias, vector: weightVector(BREAK_WEIGHTS) };

/** What decideBreaks may be asked besides the decisions (training collects the features). */
export interface DecideOptions {
  /** Weights other than the shipped ones (training, cross-validation). */
  readonly model?: BreakWeights;
  /** Called with each weighed break's features (all of them computed, none skipped), in an array the next break reuses. */
  readonly onFeatures?: (index: number, features: Float64Array) => void;
}

/** Ems a line may fall short of its column, beyond the next line's first unit, and still count as full. */
const FULL_ROOM = 2.5;
/** The same for a line ending a sentence: only a line with no room at all may go on after it. */
const SENTENCE_FULL_ROOM = 0.5;
/** In a wide measure a line may fall short by this share of it (justification varies more). */
const FULL_SHARE = 0.1;
/** How far short of its column an indented first line falls, in ems. */
const INDENT_MIN = 1.5;
const INDENT_MAX = 3;
/**
 * Ems after which a news paragraph ends at its next sentence end: in news-dev every sentence end past
 * 80 characters of its paragraph ends it (16 of 16; Debian prose in dev: 103 of 214).
 */
const NEWS_PARAGRAPH = 80;
/**
 * The reasons of breaks a fixed role decides, one string each: a clean 10 MB article has tens of thousands
 * of such breaks, and a reason built per break (`after-${role}`) was a string of its own in each (1.4 MB).
 */
// Maps, not objects read by a role's name: a name no break had read when V8 optimized decideBreaks deoptimized it.
const AFTER_FIXED: ReadonlyMap<Role, string> = new Map(ROLES.map((role) => [role, `after-${role}`]));
const BEFORE_FIXED: ReadonlyMap<Role, string> = new Map(ROLES.map((role) => [role, `before-${role}`]));

/** The features of the break being weighed (onFeatures hands it over: a caller keeping them copies). */
const FEATURES = new Float64Array(BREAK_FEATURES.length);

/** Chinese paragraphs indent their first line by two ems; extractors drop the indent. */
const PARAGRAPH_INDENT = 2;

export function decideBreaks(
  fragments: readonly Fragment[],
  fixed: ReadonlyArray<Role | undefined>,
  style: DocumentStyle,
  across: WordsAcrossLines = wordsAcrossLines(fragments),
  range: BreakRange = { from: 0, to: fragments.length - 1 },
  options: DecideOptions = {},
): Decision[] {
  const model = options.model ? { bias: options.model.bias, vector: weightVector(options.model) } : SHIPPED;
  // One array for every call (gatherEvidence clears it for each break; decideBreaks never runs inside
  // itself): a new one per call was a buffer outside V8's heap per region, 0.8 MB made and dropped in the
  // first analysis of a clean 10 MB article, and such buffers leave the malloc heap larger for good.
  const features = FEATURES;
  // Breaks before `from` are not weighed: the one just before ends a block (a region's seam), which leaves
  // nothing pending, carried or measured, as at the start of a document. The array is sized up front (a
  // write far past the end of an empty array would make it a slow dictionary).
  const decisions: WeighedDecision[] = new Array(Math.max(0, range.to));
  if (range.from > 0) decisions[range.from - 1] = weighed(false, 'before-region', 1, false, false);
  const context: BreakContext = { pending: 0, lostTextBefore: false, carried: 0, startsBlock: false, paragraph: 0, measure: undefined, blockLabel: undefined, hanOnly: HAN_ONLY_READ.lend(fragments.length), intruders: INTRUDERS_READ.lend(fragments.length) };
  // The inline label the current block opens with (read when the block starts).
  let blockLabel = parseInlineLabel(fragments[range.from]?.text ?? '');
  const scored: Score = { join: false, reason: '', confidence: 0 };
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
    let decision: WeighedDecision;
    if (fixedBefore) decision = weighed(false, AFTER_FIXED.get(fixedBefore)!, 1, false, false);
    else if (fixedAfter) decision = weighed(false, BEFORE_FIXED.get(fixedAfter)!, 1, false, false);
    else {
      pending = opensPending(fragments[i].text, pending);
      const lostText = i > 0 && decisions[i - 1].join && startsWithLostText(fragments[i], style);
      const startsBlock = i > 0 && !decisions[i - 1].join;
      // One context and one score for all the breaks, filled afresh at each (no objects per break).
      context.pending = pending;
      context.lostTextBefore = lostText;
      context.carried = carried;
      context.startsBlock = startsBlock;
      context.blockLabel = blockLabel;
      context.paragraph = paragraph;
      context.measure = paragraphMeasure(decisions, i, style);
      const full = gatherEvidence(fragments, i, style, context, across, features);
      // The title under a box word (基础知识 / `Crypt，单向的函数`), set in the box's type: often as wide as the
      // column. Not a title that goes on past a word bound to what follows (`用于Spamassassin的` / `milter`).
      if (i > 0 && !decisions[i - 1].join && isBoxWord(fragments[i - 1].text) && !features[F['ends-with-bound-word']]) {
        features[F['title-after-box-word']] = 1;
      }
      if (range.from === 0 && i + 1 < BYLINE_TITLE_LINES && titleAboveByline(fragments, fixed, i)) features[F['title-above-byline']] = 1;
      const exact = options.onFeatures !== undefined;
      score(i, features, model, across, exact, scored);
      const piece = scored.join && !full && !lostText && i > 0;
      decision = weighed(scored.join, scored.reason, scored.confidence, piece, full);
      options.onFeatures?.(i, features);
    }
    carried = decision.piece ? carried + style.widths[i] : 0;
    if (!decision.join) {
      pending = 0;
      paragraph = 0;
      blockLabel = parseInlineLabel(fragments[i + 1].text);
    }
    decisions[i] = decision;
  }
  return decisions;
}

/** A decision with what the breaks after it read of it: every one built by `weighed`, so all share one shape. */
interface WeighedDecision extends Decision {
  /** Joined to the next line as a piece of one printed line (the width carries on). */
  readonly piece: boolean;
  /** The line filled its column. */
  readonly full: boolean;
}

function weighed(join: boolean, reason: string, confidence: number, piece: boolean, full: boolean): WeighedDecision {
  return { join, reason, confidence, piece, full };
}

/** The breaks decided: from the one after fragment `from` to the one before fragment `to`. */
export interface BreakRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The model's decision at one break: the cheap features' sum, then the segmenter's features unless a
 * bound shows they cannot change the decision or bring it below SURE (their contribution lies between
 * the least and the greatest of their few possible values).
 */
function score(
  i: number,
  features: Float64Array,
  model: { bias: number; vector: Float64Array },
  across: WordsAcrossLines,
  exact: boolean,
  out: Score,
): void {
  const w = model.vector;
  let cheap = model.bias;
  // The reason shown is the feature that pushed hardest toward the decision taken (the first of equal
  // pushes): the strongest push either way is found as the features are summed, before the decision.
  const strongest = STRONGEST;
  strongest.fill(0);
  strongest[JOIN_REASON] = strongest[SPLIT_REASON] = -1;
  for (let k = 0; k < COSTLY; k++) {
    cheap += w[k] * features[k];
    weighPush(strongest, k, w[k] * features[k]);
  }
  const lineShort = features[F['line-short']];
  const sentenceEnd = features[F['sentence-end']];
  const afterFirst = features[F['after-first-line']];
  // The segmenter's features add word × perWord (word 0 or 1): their least and greatest contribution
  // without asking it.
  const perWord =
    w[F['word-across']] + lineShort * w[F['word-across-line-short']] + sentenceEnd * w[F['word-across-sentence-end']] + afterFirst * w[F['word-across-after-first-line']];
  const low = Math.min(0, perWord);
  const high = Math.max(0, perWord);
  let total: number;
  let bounded = false;
  if (!exact && (cheap + low >= SURE_LOGIT || cheap + high <= -SURE_LOGIT)) {
    for (let k = COSTLY; k < features.length; k++) features[k] = 0;
    // The least sure the decision could have been.
    total = cheap > 0 ? cheap + low : cheap + high;
    bounded = true;
  } else {
    const word = across(i, i + 1) ? 1 : 0;
    features[F['word-across']] = word;
    features[F['word-across-line-short']] = word * lineShort;
    features[F['word-across-sentence-end']] = word * sentenceEnd;
    features[F['word-across-after-first-line']] = word * afterFirst;
    total = cheap + word * perWord;
  }
  const join = bounded ? cheap > 0 : total > 0;
  for (let k = COSTLY; k < features.length; k++) weighPush(strongest, k, w[k] * features[k]);
  const reason = strongest[join ? JOIN_REASON : SPLIT_REASON];
  const logit = Math.abs(total);
  out.join = join;
  out.reason = reason < 0 ? 'no-evidence' : BREAK_FEATURES[reason];
  out.confidence = 1 / (1 + Math.exp(-logit));
}

/** The strongest push toward a join and toward a split so far, and the features that gave them (-1: none yet). */
const STRONGEST = new Float64Array(4);
const TOWARD_JOIN = 0;
const JOIN_REASON = 1;
const TOWARD_SPLIT = 2;
const SPLIT_REASON = 3;

/** Feature k's push (its weight times its value, toward a join) taken into the strongest either way. */
function weighPush(strongest: Float64Array, k: number, push: number): void {
  if (push > strongest[TOWARD_JOIN]) {
    strongest[TOWARD_JOIN] = push;
    strongest[JOIN_REASON] = k;
  } else if (-push > strongest[TOWARD_SPLIT]) {
    strongest[TOWARD_SPLIT] = -push;
    strongest[SPLIT_REASON] = k;
  }
}

/** What score finds at one break, written into one object the caller keeps. */
interface Score {
  join: boolean;
  reason: string;
  confidence: number;
}

/** What the breaks before this one leave it (one object, filled afresh at each break). */
interface BreakContext {
  /** Quotes and brackets opened in the paragraph and not closed. */
  pending: number;
  lostTextBefore: boolean;
  /** Width of the pieces of this printed line before this fragment. */
  carried: number;
  /** The break before was not a join. */
  startsBlock: boolean;
  /** Width of the paragraph so far in ems, this line included. */
  paragraph: number;
  /** The paragraph's own measure, when its lines show one. */
  measure: number | undefined;
  /** The inline label the current block opens with, if any. */
  blockLabel: Label | undefined;
  /** isHanOnly of each fragment, read once (0: not read yet, READ_YES / READ_NO); lent. */
  hanOnly: Uint8Array;
  /** isIntruder of each fragment, read once (as hanOnly); lent. */
  intruders: Uint8Array;
}

/** Sets the cheap features of one break (the segmenter's are set by score) and tells whether the line is full. */
function gatherEvidence(
  fragments: readonly Fragment[],
  i: number,
  style: DocumentStyle,
  context: BreakContext,
  across: WordsAcrossLines,
  features: Float64Array,
): boolean {
  features.fill(0);
  const { pending, lostTextBefore, carried, startsBlock, paragraph, measure } = context;
  const before = fragments[i].text;
  const after = fragments[i + 1].text;
  const lines = fragments[i + 1].line - fragments[i].line;

  if (startsWithContinuation(after)) features[F['next-starts-with-punctuation']] = 1;
  if (startsWithBoundParticle(after)) features[F['next-starts-with-particle']] = 1;
  // A stranded mark belongs with the text before it; one that does not end a sentence also with the text after.
  if (isPunctuationOnly(after) || (isPunctuationOnly(before) && !endsSentence(before))) features[F['punctuation-only-line']] = 1;
  // A line that opens a block with a title's shape ends with a word of its own (`加速普及`: the segmenter
  // is asked of those few lines whether the bound word stands alone), not with one bound to the next line.
  if (endsWithBoundWord(before) && !(startsBlock && i > 0 && isTitleShaped(before))) features[F['ends-with-bound-word']] = 1;
  if (isLoneCharacter(after, before) || isQuotedTail(after, before) || (isBracketedGloss(after, before) && !parseInlineLabel(after)) || isClosingTail(after, before)) features[F['tail-of-line-before']] = 1;
  if (repeatsLineEnd(after, before)) features[F['next-repeats-line-end']] = 1;
  if (endsWithOpener(before)) features[F['open-quote-at-end']] = 1;
  else if (pending > 0) features[F['quote-pending']] = 1;
  if (isLetterSpaced(before)) features[F['justified-line']] = 1;
  if (splitsFigure(before, after)) features[F['figure-split']] = 1;
  const latinRun = isLatinRun(before) || isLatinRun(after);
  if (latinRun) features[F['latin-run-line']] = 1;
  // Asked of the segmenter only for the few lines these shapes fit (a Latin run, a line without punctuation).
  if (isDisplacedRun(fragments, i, across) || isDisplacedRun(fragments, i + 1, across)) features[F['displaced-run']] = 1;
  else if (intruderAt(fragments, i, style, across, context.intruders) || intruderAt(fragments, i + 1, style, across, context.intruders)) features[F['intruding-line']] = 1;
  const cutPiece = !latinRun && betweenLatinRuns(fragments, i);
  if (cutPiece) features[F['piece-between-latin-runs']] = 1;

  const sentenceEnd = endsSentence(before);
  if (sentenceEnd) features[F['sentence-end']] = 1;
  const punctuatedInside = hasPunctuationInside(before);
  // News paragraphs are short: a sentence that closes one already this long ends it, unless a quote is
  // still open (a quoted speaker may go on for several sentences).
  if (sentenceEnd && style.reportsSpeech && pending === 0 && paragraph >= NEWS_PARAGRAPH) features[F['long-news-paragraph']] = 1;
  else if (endsClause(before)) features[F['clause-end']] = 1;
  else if (endsMidSentence(before)) {
    features[F['comma-at-end']] = 1;
    if (before.charCodeAt(before.length - 1) === 0x3001 /* 、 */) features[F['enumeration-comma-at-end']] = 1;
  }
  // A line with punctuation inside that stops mid-clause, with the next line right below it, goes on
  // (a heading with commas, 授权，加密, stands apart: a blank line or a short measure says so). Here an
  // enumeration comma counts as punctuation inside too.
  else if (isHanCode(before.charCodeAt(before.length - 1)) && (punctuatedInside || before.includes('、')) && lines === 1) features[F['open-clause']] = 1;
  if (startsIndentedParagraph(fragments, i + 1, style, startsBlock)) features[F['next-line-indented']] = 1;
  else if ((sentenceEnd || endsClause(before)) && headingAhead(fragments, i + 1, style)) features[F['next-line-heading']] = 1;
  else if (sentenceEnd && standsApart(fragments, i + 1, style)) features[F['next-line-apart']] = 1;
  const nextLabel = parseInlineLabel(after);
  if (nextLabel) {
    features[F['next-starts-with-label']] = 1;
    if (continuesSeries(context.blockLabel, nextLabel)) features[F['next-label-continues-series']] = 1;
  }

  // Room left once the next line's first unbreakable unit is placed: a line ended because that unit did
  // not fit is a wrap. A sentence end is trusted unless the line is truly full; elsewhere a line one or
  // two ems short still wrapped (line-start rules push characters down, Latin widths are estimates).
  // The first line of a paragraph may have lost a two-em indent.
  const column = measure ?? columnOf(i, style);
  // Only a line with punctuation inside or ending a sentence is surely no heading (a heading ends with no
  // mark); a heading gets no indent allowance. A one-sentence first line (`县域旅游热度攀升。`, 9 ems in an
  // 11-em column) filled its column after the indent.
  const indent = startsBlock && (punctuatedInside || sentenceEnd) ? PARAGRAPH_INDENT : 0;
  const room = column - indent - carried - style.widths[i] - leadingUnitWidth(after) - latinShare(before) * 0.08 * style.widths[i];
  const fullBelow = sentenceEnd ? SENTENCE_FULL_ROOM : Math.max(FULL_ROOM, column * FULL_SHARE);
  let full = false;
  if (i === 0) {
    features[F['after-first-line']] = 1;
    if (wrapsTitleEnd(fragments, style)) features[F['first-line-title-tail']] = 1;
    if (firstLineIndented(style)) features[F['first-line-indented-before-full']] = 1;
  } else if (lostTextBefore) features[F['line-lost-text']] = 1;
  // A line cut at a Latin run is a piece of a printed line: its width says nothing.
  else if (cutPiece || (latinRun && !sentenceEnd)) {
    // piece-width: no evidence
  } else if (Number.isNaN(room)) {
    // no-column: no evidence of width
    if (lines > 1 && !hasPunctOrSymbol(before)) features[F['unpunctuated-line-apart-no-column']] = 1;
  } else {
    if (room < fullBelow) {
      full = true;
      features[F['line-full']] = 1;
      if (sentenceEnd) features[F['sentence-end-line-full']] = 1;
      if (features[F['long-news-paragraph']]) features[F['long-news-paragraph-line-full']] = 1;
      // A mark hangs past the column by the line's own width: the indent a one-sentence first line is
      // granted above is an assumption, not a measure of the line.
      const overrun = (punctuatedInside ? indent : 0) + carried + style.widths[i] - column;
      if (sentenceEnd && overrun > HANG_TOLERANCE && overrun - closingMarksWidth(before) <= HANG_TOLERANCE) features[F['hanging-sentence-end']] = 1;
    } else if (room < fullBelow + 1) features[F['line-nearly-full']] = 1;
    else features[F['line-short']] = 1;
  }

  if (lines > 1) {
    features[F['blank-line']] = 1;
    if (features[F['clause-end']] && i + 2 < fragments.length && fragments[i + 2].line - fragments[i + 1].line > 1) features[F['clause-end-before-lone-line']] = 1;
  }
  // The document's facts tested after the line's own numbers, and the features of rare documents stored
  // whatever their value (0 stores nothing new: the features start at 0): a comparison, a call or a load
  // no break had reached when V8 optimized this large function gives it no type feedback, and the first
  // document to reach it deoptimized it, to be compiled again (twice on the batch).
  if (lines > 1 && !style.hasColumns) features[F['formatted-blocks']] = 1;
  if (lines > 1 && style.blanksAreRare) features[F['blank-line-rare']] = 1;
  if (lines === 1 && style.blanksAreCommon) features[F['no-blank-line-common']] = 1;
  if (style.indents && fragments[i + 1].start > fragments[i + 1].lineStart) {
    features[F['indented']] = 1;
    if (full && !sentenceEnd) features[F['indented-after-full-line']] = 1;
  }
  if (style.reportsSpeech) {
    features[F['news-document']] = 1;
    if (sentenceEnd) features[F['news-sentence-end']] = 1;
    if (features[F['clause-end']]) features[F['news-clause-end']] = 1;
  }
  if (sentenceEnd) {
    features[F['paragraph-length-sentence-end']] = Math.min(2, paragraph / 100);
    if (style.paragraphsAreShort) features[F['sentence-end-short-paragraphs']] = 1;
  }
  if (isHanCode(before.charCodeAt(before.length - 1)) && isHanCode(after.charCodeAt(0))) features[F['han-either-side']] = 1;
  if (nextTitleAfterBlank(fragments, i, style)) features[F['next-title-after-blank']] = 1;
  if (sentenceEnd && nextLineFull(fragments, i, style)) {
    features[F['sentence-end-next-line-full']] = 1;
    if (isAsciiLetterCode(after.charCodeAt(0))) features[F['sentence-end-next-line-full-latin']] = 1;
  } else if (sentenceEnd && full && endsSentence(after) && !Number.isNaN(columnOf(i + 1, style))) features[F['sentence-end-next-line-last']] = 1;
  if (sentenceEnd && indentShortOfHanLines(fragments, i + 1, style, context.hanOnly)) features[F['sentence-end-next-line-indent-short']] = 1;
  const blanksCommon = style.blanksAreCommon;
  features[F['latin-run-blanks-common']] = blanksCommon && latinRun ? 1 : 0;
  features[F['piece-between-latin-runs-blanks-common']] = blanksCommon && cutPiece ? 1 : 0;
  features[F['punctuation-only-blanks-common']] = blanksCommon && features[F['punctuation-only-line']] !== 0 ? 1 : 0;
  if (!hasPunctOrSymbol(before)) {
    features[F['line-without-punctuation']] = 1;
    if (endNamedBelow(before, after, fragments[i + 2]?.text)) features[F['line-end-named-below']] = 1;
  }
  // Only after a line with no clause inside: one that has a clause before its last words may end
  // mid-sentence before the connective (`不少乘客表示，过去` / `因为路程远…`: 17 block edges, 2 joins in docs;
  // 2 and 2 in news). A closing bracket or quote ends a term (`粘滞位（t或T替代其他用户的x）` / `如果…`).
  const lastCode = before.charCodeAt(before.length - 1);
  if (!punctuatedInside && (isHanCode(lastCode) || isLatinOrDigitCode(lastCode) || CLOSING_CODES.has(lastCode)) && opensWithConnective(after)) features[F['next-opens-with-connective']] = 1;
  if (!sentenceEnd && (lastCode === CLOSE_PAREN_FULL || (lastCode === CLOSE_PAREN && !MAN_PAGE_SECTION.test(before)))) features[F['ends-with-closing-bracket']] = 1;
  if (endsPointingElsewhere(before)) features[F['ends-pointing-elsewhere']] = 1;
  if (!hasPunctOrSymbol(after)) features[F['next-without-punctuation']] = 1;
  return full;
}

/** The most lines a news title above its byline is read over (`titleAboveByline`). */
const BYLINE_TITLE_LINES = 4;
/** The furthest a break reads ahead for the byline: three lines (`HALO`, regions.ts). */
const BYLINE_AHEAD = 3;

/**
 * The document's lines up to i + 1 stand above a byline at most BYLINE_AHEAD lines further, and none ends a
 * sentence or holds a full stop: the title's lines.
 */
function titleAboveByline(fragments: readonly Fragment[], fixed: ReadonlyArray<Role | undefined>, i: number): boolean {
  for (let k = i + 2; k <= i + BYLINE_AHEAD && k < fragments.length; k++) {
    if (fixed[k] !== 'byline') continue;
    for (let j = 0; j < k; j++) if (fixed[j] !== undefined || endsSentence(fragments[j].text) || fragments[j].text.includes('。')) return false;
    return true;
  }
  return false;
}

/** Ems the wrapped end of a title holds at most. */
const TITLE_END_EMS = 6;

/**
 * The document's first line, a title, wraps onto a few characters (`节水优先，让有限的水资源` / `发挥更大效益`,
 * `Linux发行版本与Linux` / `内核`): the second line is at most TITLE_END_EMS wide, holds Han characters and
 * no punctuation but a title's marks, and is not a box word or a label. Not where the first line ends a
 * sentence or is complete in itself (`依赖：Depends字段`), nor where the line after the short one reads on
 * from it (`还有一些特殊` / `的设备文件。`: a paragraph's line) or is a Latin run or figure pdfminer cut
 * out of the same printed line (`第` / `11.1.3`).
 */
function wrapsTitleEnd(fragments: readonly Fragment[], style: DocumentStyle): boolean {
  const first = fragments[0].text;
  const end = fragments[1].text;
  const third = fragments[2]?.text ?? '';
  if (style.widths[1] > TITLE_END_EMS || !HAN.test(end) || isBoxWord(end) || parseInlineLabel(end)) return false;
  if (hasPunctOrSymbol(end.replace(TITLE_MARKS, '')) || endsSentence(first) || COLON.test(first)) return false;
  return !startsWithBoundParticle(third) && !startsWithContinuation(third) && !isLatinRun(third);
}

const HAN = /\p{Script=Han}/u;

/** Ems short of its column the document's first line falls when set with a paragraph's indent. */
const FIRST_INDENT_MIN = 0.5;
const FIRST_INDENT_MAX = 4;
/** Columns of the first two lines this close are one column. */
const SAME_COLUMN = 1.5;

/**
 * The document's first line falls about a paragraph's indent short of its column, and the second line
 * fills that same column (less than NEXT_FULL_ROOM short): a paragraph's first two lines, the document
 * starting mid-article (`现在服务器已经部署完毕，管理员` / `可以集中精力单独安装并配置典型工作`). A title above
 * a paragraph stands over the paragraph's own indented first line, or over a lead in a wider column.
 */
function firstLineIndented(style: DocumentStyle): boolean {
  const column = columnOf(0, style);
  const next = columnOf(1, style);
  const short = column - style.widths[0];
  if (!(short >= FIRST_INDENT_MIN && short <= FIRST_INDENT_MAX) || Math.abs(next - column) > SAME_COLUMN) return false;
  return next - style.widths[1] < NEXT_FULL_ROOM;
}
const COLON = /[：:]/;

/** `next` is the label numbered right after `opening`, in the same series and style (一、 then 二、). */
function continuesSeries(opening: Label | undefined, next: Label): boolean {
  return opening !== undefined && opening.style === next.style && opening.series === next.series && next.number === opening.number + 1;
}

/** Sets a feature of the break (a function of its own: a closure per break was garbage). */
/** PUNCTUATION_INSIDE in the line but its last character, by code unit (no slice of every line). */
function hasPunctuationInside(line: string): boolean {
  for (let i = 0; i + 1 < line.length; i++) if (PUNCTUATION_INSIDE_CODES.has(line.charCodeAt(i))) return true;
  return false;
}

const PUNCTUATION_INSIDE_CODES = new CodeSet('，。；！？,;');
const CLOSING_CODES = new CodeSet(CLOSING_CHARS);
const CLOSE_PAREN_FULL = 0xff09; // ）
const CLOSE_PAREN = 0x29; // )
/** A manual page's section after its name (`chroot(8)`, `cpio(1)`): part of the name, not an aside. */
const MAN_PAGE_SECTION = /\(\d[a-z]?\)$/;

/**
 * The next line stands apart as a heading above its paragraph: after a blank line (where blank lines do not
 * part every line), right above the line after it, with a title's shape. The evidence of the layout's
 * heading-after-blank rule (setHeadingsApart), weighed by the model too.
 */
function nextTitleAfterBlank(fragments: readonly Fragment[], i: number, style: DocumentStyle): boolean {
  const third = fragments[i + 2];
  if (style.blanksAreCommon || third === undefined || fragments[i + 1].line - fragments[i].line < 2 || third.line - fragments[i + 1].line !== 1) return false;
  return !hasLatin(fragments[i].text.slice(-1)) && isTitleShaped(fragments[i + 1].text);
}

/** Ems short of its column a line may fall and still leave no room for a paragraph's indent. */
const NEXT_FULL_ROOM = 1;

/** The line after fragment i fills its column: no room for a first line's indent. */
function nextLineFull(fragments: readonly Fragment[], i: number, style: DocumentStyle): boolean {
  // A letter-spaced line was justified to its column, whatever its estimated width (Latin in it).
  if (isLetterSpaced(fragments[i + 1].text)) return true;
  const column = columnOf(i + 1, style);
  return !Number.isNaN(column) && column - style.widths[i + 1] < NEXT_FULL_ROOM;
}

/** Ems short of the lines of Han characters around it that a paragraph's indented first line falls. */
const HAN_INDENT_MIN = 1.5;
const HAN_INDENT_MAX = 2.5;

/**
 * Fragment j holds Han characters and marks only, so its width is exact, and falls a paragraph's indent
 * short of the lines of that kind around it (the second widest of them within HAN_WINDOW lines either
 * side): a paragraph's first line. Where Latin runs are frequent their widths are only estimates, and the
 * wraps holding them drag the column estimate down to the first line's width (tr071-pt:
 * `如果你的补丁已经被上游接受，`, 14 ems, read as full where the wraps of Han characters only hold 16).
 * Only lines wide enough to count are looked at (a width first, the text only then).
 */
function indentShortOfHanLines(fragments: readonly Fragment[], j: number, style: DocumentStyle, hanOnly: Uint8Array): boolean {
  const width = style.widths[j];
  let first = -1;
  let second = -1;
  const from = Math.max(0, j - HAN_WINDOW);
  const to = Math.min(fragments.length - 1, j + HAN_WINDOW);
  for (let k = from; k <= to; k++) {
    const other = style.widths[k];
    if (k === j || other < width + HAN_INDENT_MIN || other <= second || !hanOnlyAt(fragments, k, hanOnly)) continue;
    if (other > first) {
      second = first;
      first = other;
    } else second = other;
  }
  return second - width >= HAN_INDENT_MIN && second - width <= HAN_INDENT_MAX && hanOnlyAt(fragments, j, hanOnly);
}

/** An answer about a fragment read once per decideBreaks call (0 in the lent array: not read yet). */
const READ_YES = 1;
const READ_NO = 2;
/** The answers of hanOnlyAt for a decideBreaks call (scratch.ts: decideBreaks runs to its end without yielding). */
const HAN_ONLY_READ = new Scratch((n) => new Uint8Array(n));

/** isHanOnly of fragment k, read once per decideBreaks call: each line is a neighbour of some 24 sentence ends. */
function hanOnlyAt(fragments: readonly Fragment[], k: number, read: Uint8Array): boolean {
  if (read[k] === 0) read[k] = isHanOnly(fragments[k].text) ? READ_YES : READ_NO;
  return read[k] === READ_YES;
}

/** The answers of intruderAt for a decideBreaks call (as HAN_ONLY_READ). */
const INTRUDERS_READ = new Scratch((n) => new Uint8Array(n));

/** isIntruder of fragment j, read once per decideBreaks call: the breaks before and after it both ask. */
function intruderAt(fragments: readonly Fragment[], j: number, style: DocumentStyle, across: WordsAcrossLines, read: Uint8Array): boolean {
  if (read[j] === 0) read[j] = isIntruder(fragments, j, style, across) ? READ_YES : READ_NO;
  return read[j] === READ_YES;
}

/** How many lines either side indentShortOfHanLines reads (as the column estimate: width.ts COLUMN_WINDOW). */
const HAN_WINDOW = 12;

/** Han characters and marks only: no Latin letter or figure, no gap (a line whose width is exact). */
function isHanOnly(line: string): boolean {
  return !hasLatin(line) && !/\S\s+\S/.test(line) && line.trim() !== '';
}

/** A title's shape: no punctuation but a title's marks (an inline label such as `三、` aside), no Latin or figure, not a piece of a sentence. */
function isTitleShaped(line: string): boolean {
  const label = parseInlineLabel(line);
  const title = (label ? line.slice(label.text.length) : line).replace(TITLE_MARKS, '');
  if (title.replace(/\s/g, '').length < MIN_TITLE || hasPunctOrSymbol(title) || hasLatin(line) || hasInnerGap(line) || isLetterSpaced(line)) return false;
  return !opensUnclosedQuote(line) && !endsWithBareBoundWord(line);
}

/** Ems a line may overrun its column (or a hung mark fall short of it) and count as set to it exactly. */
const HANG_TOLERANCE = 0.25;

/** Width in ems of the sentence-end and closing marks that end a line (full-width marks, one em each). */
function closingMarksWidth(text: string): number {
  let width = 0;
  for (let i = text.length - 1; i >= 0 && (isClosingMark(text[i]) || isSentenceEnd(text[i])); i--) width += text.charCodeAt(i) < 0x80 ? 0.55 : 1;
  return width;
}

/** Two lines apart in width by less than this share one measure. */
const SAME_MEASURE = 0.75;

/**
 * The measure of the paragraph fragment i continues: the width of its two previous lines when both
 * were full wraps of the same width. Nearer than any window estimate, it follows a column that narrows
 * around a picture or widens past it.
 */
function paragraphMeasure(decisions: readonly WeighedDecision[], i: number, style: DocumentStyle): number | undefined {
  if (i < 2) return undefined;
  const last = decisions[i - 1];
  const previous = decisions[i - 2];
  if (!last.join || !previous.join || !last.full || !previous.full) return undefined;
  const a = style.widths[i - 1];
  const b = style.widths[i - 2];
  return Math.abs(a - b) <= SAME_MEASURE ? Math.max(a, b) : undefined;
}

/**
 * The width of the column fragment i was set in, or NaN when unknown (see measureOf in style.ts): found
 * when first asked and kept in the style's typed arrays. Asked several times at every break, it was found
 * afresh each time, and each answer (a fraction) was a new heap number: over 100 MB for a 10 MB article.
 */
function columnOf(i: number, style: DocumentStyle): number {
  const { measures, measured } = style;
  if (i < 0 || i >= measures.length) return Number.NaN;
  if (measured[i] === 0) {
    measures[i] = measureOf(style.widths, style.columns, i);
    measured[i] = 1;
  }
  return measures[i];
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
  if (hasPunctOrSymbol(line) || isLatinRun(line) || isLetterSpaced(line)) return false;
  if (endsSentence(before) || endsClause(before)) return false;
  // Where blank lines are rare they mark boxes and columns: a heading set down mid-paragraph has one.
  if (style.blanksAreRare && fragments[j].line - fragments[j - 1].line === 1 && fragments[j + 1].line - fragments[j].line === 1) return false;
  if (!across(j - 1, j + 1) || across(j - 1, j) || !startsWithWordTail(fragments[j + 1].text)) return false;
  return style.widths[j] <= columnOf(j, style);
}

/**
 * Whether decideBreaks may ask the segmenter about the lines either side of fragment j (a pair at distance
 * two): only for an intruder (isIntruder: no punctuation) or a displaced run (isDisplacedRun: a Latin run),
 * and only at a break it weighs (no fixed role on fragment j). What the segmenter answers ahead of being
 * asked (breaks/evidence.ts LookAhead) follows this; a line it wrongly passes over is answered when asked.
 */
export function mayAskAround(fragments: readonly Fragment[], fixed: ReadonlyArray<Role | undefined>, j: number): boolean {
  if (fixed[j] !== undefined) return false;
  const line = fragments[j].text;
  return isLatinRun(line) || !hasPunctOrSymbol(line);
}

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
  if (line === undefined || next === undefined || hasPunctOrSymbol(line) || hasLatin(line) || hasInnerGap(line)) return false;
  if (isLatinRun(next) || startsWithContinuation(next) || isPunctuationOnly(next)) return false;
  const column = columnOf(j, style);
  return column - style.widths[j] - leadingUnitWidth(next) >= APART_SHORT;
}

/** A title's marks: quotes and title marks around a phrase, a dash; any other mark makes a sentence. */
const TITLE_MARKS = /[“”‘’《》—]/g;
/** Fewer characters than this make a word or a name, not a title. */
const MIN_TITLE = 4;

/**
 * A heading the layout joined to the paragraph after it: set in a larger type, its line looks full to the
 * width evidence. Fragment i opens a block (after a sentence end, a label or a heading), carries no
 * punctuation (an inline label such as `三、` aside) and no Latin or figure (pdfminer cuts a line there, so
 * its width says nothing), and is short of its column by more than a paragraph's indent once the next
 * line's first unit is placed: it cannot be the first line of the paragraph after it, and it is not that
 * paragraph's last line either, as a last line ends with a mark. No word runs across the break, and the
 * next line starts a sentence of its own (not `的…`, not a mark). A decision apart from the fitted model
 * (decideBreaks), so training reads the model's own decisions.
 */
export function setHeadingsApart(
  fragments: readonly Fragment[],
  fixed: ReadonlyArray<Role | undefined>,
  style: DocumentStyle,
  across: WordsAcrossLines,
  decisions: Decision[],
  range: BreakRange,
): void {
  for (let i = Math.max(range.from, 1); i < range.to; i++) {
    if (endsBlockUnpunctuated(fragments, style, decisions, i)) decisions[i - 1] = weighed(false, 'heading-after-blank', SURE, false, false);
    if (!decisions[i].join || decisions[i - 1].join) continue;
    const afterLabel = fixed[i - 1] === 'label';
    const last = afterLabel ? titleAfterLabelEnd(fragments, fixed, style, decisions, i, range) : i;
    if (last === undefined || !headingBeforeParagraph(fragments, i, last, style, across, afterLabel)) continue;
    decisions[last] = weighed(false, afterLabel ? 'title-after-label' : 'heading-before-paragraph', SURE, false, false);
  }
}

/**
 * The last line of the title opening on fragment i after its label, which the layout joined to the line
 * after it: a word or two closing its quote (`快速响应——群众诉求“件件有回` / `音”`), or the wrapped rest of
 * the title over one or two more lines (titleRestLength: `大众消费应` / `用加速普及`), joined on to the
 * paragraph. Undefined when the layout already set the title's last line apart from what follows.
 */
function titleAfterLabelEnd(
  fragments: readonly Fragment[],
  fixed: ReadonlyArray<Role | undefined>,
  style: DocumentStyle,
  decisions: readonly Decision[],
  i: number,
  range: BreakRange,
): number | undefined {
  if (i + 1 < range.to && decisions[i + 1].join && isTitleTail(fragments, i)) return i + 1;
  let last = i;
  let length = compactLength(fragments[i].text);
  while (last - i + 1 < TITLE_LINES && last + 1 < range.to) {
    const rest = titleRestLength(fragments, fixed, style, last, length, true);
    if (rest === undefined) break;
    last++;
    length += rest;
    if (!decisions[last].join) return undefined;
  }
  return last;
}

/**
 * A labelled heading wrapped onto a word or two the layout set apart (`（三）为纳赫兹引力波探测提供新` /
 * `样本`): set in a larger type, the heading's line filled its column with fewer characters than a body
 * line holds (down to about two thirds of the column), so the width evidence read it as short. The heading
 * opens its block, carries no punctuation or figure, and the tail is a few Han characters ending its own
 * block. Joined, apart from the fitted model (decideBreaks), as setHeadingsApart.
 */
export function joinWrappedHeadings(fragments: readonly Fragment[], style: DocumentStyle, decisions: Decision[], range: BreakRange): void {
  for (let i = Math.max(range.from, 1); i < range.to; i++) {
    if (decisions[i].join || decisions[i - 1].join || (i + 1 < range.to && decisions[i + 1].join)) continue;
    const line = fragments[i].text;
    const label = parseInlineLabel(line);
    if (!label) continue;
    const title = line.slice(label.text.length).replace(TITLE_MARKS, '');
    const tail = fragments[i + 1].text.trim();
    if (hasPunctOrSymbol(title) || hasLatin(line) || tail.length > HEADING_TAIL || !/^\p{Script=Han}+$/u.test(tail) || parseInlineLabel(tail)) continue;
    const column = columnOf(i, style);
    if (Number.isNaN(column) || style.widths[i] < HEADING_FULL_SHARE * column) continue;
    decisions[i] = weighed(true, HEADING_WRAPPED, SURE, false, true);
  }
}

/**
 * A title in its larger type wrapped over two or three lines the layout set apart (`交通运输领域` /
 * `率先规模应用`, `（一）专家下沉，乡镇卫生` / `院“强起来”`): each line after the first is its wrapped rest
 * (titleText.ts readsAsTitleRest, as the outline reads it: no longer than the line before, a title's text,
 * no speaker's cue), on the very next line (a blank line between ends the title), no Latin or figure
 * (pdfminer cuts a line there, so its width says nothing) and narrower than a paragraph's indented first
 * line. The title opens a block after a box label (信号一) or with an inline label (（一）); with neither,
 * after a sentence end, its first line shaped as a title (isTitleShaped), and a rest of a word or two then
 * only after two lines of one length. After a label a word or two of Han characters ends the title whatever
 * it reads as (titleText.ts isTitleEnd). Its last line ends its block, and the next line starts a sentence
 * of its own, no word running across. Joined, apart from the fitted model
 * (decideBreaks), as setHeadingsApart; within the breaks a region decides (a title's lines end no sentence,
 * so no region's cut falls among them).
 */
export function joinWrappedTitles(
  fragments: readonly Fragment[],
  fixed: ReadonlyArray<Role | undefined>,
  style: DocumentStyle,
  across: WordsAcrossLines,
  decisions: Decision[],
  range: BreakRange,
): void {
  for (let i = Math.max(range.from, 1); i < range.to; i++) {
    if (decisions[i - 1].join || fixed[i] !== undefined) continue;
    const opening = fragments[i].text;
    if (hasLatin(opening) || isLetterSpaced(opening)) continue;
    const label = parseInlineLabel(opening);
    const vouched = fixed[i - 1] === 'label' || label !== undefined;
    if (vouched ? !isTitleText(compactString(label ? opening.slice(label.text.length) : opening)) : !(endsSentence(fragments[i - 1].text) && isTitleShaped(opening))) continue;
    let last = i;
    let length = compactLength(opening);
    while (last - i + 1 < TITLE_LINES && last + 1 < range.to) {
      const rest = titleRestLength(fragments, fixed, style, last, length, vouched);
      // With no label, a word alone on the next line may be a heading of its own (`安装套件的引导` / `光盘`), unless
      // the title filled the lines before it (two lines of one width: `绿色低碳` / `转型步伐` / `加快`).
      if (rest === undefined || (!vouched && rest < UNVOUCHED_REST && !(last > i && sameLength(fragments, last - 1, last)))) break;
      last++;
      length += rest;
    }
    // The title's last line ends its block (else it opens the paragraph: `按病组（DRG）和按病种分值`).
    while (last > i && !endsTitle(fragments, decisions, across, last)) last--;
    for (let k = i; k < last; k++) {
      if (decisions[k].reason !== HEADING_WRAPPED) decisions[k] = weighed(true, TITLE_WRAPPED, decisions[k].join ? Math.max(SURE, decisions[k].confidence) : SURE, false, true);
    }
    if (last > i) i = last;
  }
}

/** The reasons of the breaks inside a wrapped heading the layout joined (joinWrappedHeadings, joinWrappedTitles). */
export const HEADING_WRAPPED = 'heading-wrapped';
export const TITLE_WRAPPED = 'title-wrapped';
/** The most lines joinWrappedTitles reads a title over (a heading in its larger type wraps onto two or three). */
const TITLE_LINES = 3;
/** The fewest characters a title's wrapped rest holds where no label vouches for the title. */
const UNVOUCHED_REST = 3;
/** Ems short of its column a title's wrapped rest falls at the least: narrower than an indented first line. */
const TITLE_REST_SHORT = 3;

/**
 * The length of the line after fragment k when it is the wrapped rest of the title's line k (the title so
 * far `length` characters), else undefined.
 */
function titleRestLength(
  fragments: readonly Fragment[],
  fixed: ReadonlyArray<Role | undefined>,
  style: DocumentStyle,
  k: number,
  length: number,
  vouched: boolean,
): number | undefined {
  const next = fragments[k + 1];
  if (fixed[k + 1] !== undefined || next.line !== fragments[k].line + 1) return undefined;
  const second = compactString(next.text);
  if (length + second.length > MAX_TITLE || hasLatin(next.text) || isLetterSpaced(next.text) || parseInlineLabel(next.text) || startsWithContinuation(next.text)) return undefined;
  const first = compactString(fragments[k].text);
  // After a label, a word or two of Han characters ends the title whatever it reads as (`实现全覆` / `盖`).
  const end = vouched && mayWrapOnto(first, second) && isTitleEnd(first, second) && /^\p{Script=Han}+$/u.test(second);
  if (!end && !readsAsTitleRest(first, second)) return undefined;
  const column = columnOf(k + 1, style);
  return !Number.isNaN(column) && column - style.widths[k + 1] >= TITLE_REST_SHORT ? second.length : undefined;
}

/**
 * Fragment `last` can end a title: the layout did not join it to the line after it, which starts a sentence
 * of its own (no mark, no bound particle, no Latin piece cut from it, no word running across).
 */
function endsTitle(fragments: readonly Fragment[], decisions: readonly Decision[], across: WordsAcrossLines, last: number): boolean {
  const next = fragments[last + 1];
  if (next === undefined || decisions[last].join) return false;
  if (startsWithContinuation(next.text) || startsWithBoundParticle(next.text) || isPunctuationOnly(next.text) || hasLatin(next.text.slice(0, 1))) return false;
  return !across(last, last + 1);
}

/** Fragments a and b hold as many characters (a title filling two lines in its larger type). */
function sameLength(fragments: readonly Fragment[], a: number, b: number): boolean {
  return compactLength(fragments[a].text) === compactLength(fragments[b].text);
}

/**
 * Fragment i, joined across a blank line (where blank lines mark something) to the text before it, ends
 * its block with no mark at all: a paragraph's last line ends with one, so i is a heading the layout
 * joined to the paragraph before it (`…高出8%以上，良` / blank / `高标准农田托起丰收底气`, the text before
 * it displaced by the extractor), right above the paragraph it heads. A few characters (`置`, `“加速度”`)
 * may still be a title's wrapped end.
 */
function endsBlockUnpunctuated(fragments: readonly Fragment[], style: DocumentStyle, decisions: readonly Decision[], i: number): boolean {
  if (!decisions[i - 1].join || (i < decisions.length && decisions[i].join)) return false;
  // Where blank lines are the rule (mutool) they part every line, not blocks: a list item may end bare.
  if (style.blanksAreCommon || fragments[i].line - fragments[i - 1].line < 2) return false;
  // A heading stands right above its paragraph; a line with blank lines either side may be any piece.
  if (fragments[i + 1] === undefined || fragments[i + 1].line - fragments[i].line !== 1) return false;
  const line = fragments[i].text;
  const title = line.replace(TITLE_MARKS, '');
  if (title.replace(/\s/g, '').length < MIN_TITLE || hasPunctOrSymbol(title) || hasLatin(line) || isLetterSpaced(line)) return false;
  return !opensUnclosedQuote(line) && !hasLatin(fragments[i - 1].text.slice(-1));
}

/** A quote opens on the line and does not close there: the line is a piece of a sentence, not a title. */
function opensUnclosedQuote(line: string): boolean {
  return /[“‘]/.test(line) && !/[”’]/.test(line);
}

/** The most characters the wrapped end of a title holds. */
const TITLE_TAIL = 3;

/** Fragment i + 1 is the wrapped end of the title on fragment i: a word or two, closing what it opened. */
function isTitleTail(fragments: readonly Fragment[], i: number): boolean {
  const tail = fragments[i + 1].text.replace(/\s/g, '');
  return tail.length <= TITLE_TAIL && !/[，。、；：！？,;:!?]/.test(tail) && isHan(tail[0]) && /[“‘]/.test(fragments[i].text) && /[”’]$/.test(tail);
}

/**
 * Whether the title on fragments first..last is a heading standing before the paragraph it was joined to
 * (see setHeadingsApart). Right after a box label (信号一) a line needs no width evidence: the label vouches
 * that its title follows (unless a title stands before the label: then the label is that title's), though
 * set in the title's larger type the line looks as full as a paragraph's first line. It must still read as
 * a title and not as a quoted person's line (`国家能源局发展规划司副司长尹若` / `川表示：…`, next to a label
 * the extractor moved), and the line after it must be as wide as a paragraph's, not the title's wrapped end.
 */
function headingBeforeParagraph(
  fragments: readonly Fragment[],
  first: number,
  last: number,
  style: DocumentStyle,
  across: WordsAcrossLines,
  afterLabel: boolean,
): boolean {
  let line = '';
  for (let k = first; k <= last; k++) line += fragments[k].text;
  const next = fragments[last + 1].text;
  const label = parseInlineLabel(line);
  const title = (label ? line.slice(label.text.length) : line).replace(TITLE_MARKS, '');
  if (title.replace(/\s/g, '').length < MIN_TITLE || hasPunctOrSymbol(title) || hasLatin(line) || hasInnerGap(line) || isLetterSpaced(line)) return false;
  if (opensUnclosedQuote(line) || endsWithBareBoundWord(line)) return false;
  // A piece of a printed line pdfminer cut at a Latin word or a figure, before or after it.
  if (hasLatin(fragments[first - 1].text.slice(-1)) || hasLatin(next.slice(0, 1))) return false;
  if (startsWithContinuation(next) || startsWithBoundParticle(next) || isPunctuationOnly(next)) return false;
  const column = columnOf(first, style);
  if (Number.isNaN(column)) return false;
  if (afterLabel) {
    // A label standing after a title (`成本持续下降` / `看点二`) belongs to it: the line after it opens the paragraph.
    const beforeLabel = fragments[first - 2]?.text ?? '';
    if (beforeLabel !== '' && !hasLatin(beforeLabel) && !hasPunctOrSymbol(beforeLabel.slice(-1)) && !isLabel(beforeLabel)) return false;
    if (style.widths[first] > column + 0.5 || style.widths[last + 1] < style.widths[last]) return false;
    if (SPEAKER_CUE.test(line) || SPEAKER_CUE.test(next.replace(/\s/g, '').slice(0, SPEAKER_LOOKAHEAD))) return false;
  } else if (column - style.widths[first] - leadingUnitWidth(next) < APART_SHORT) return false;
  return !across(last, last + 1);
}

/** How far into the next line a speaker's cue (`川表示`) is looked for. */
const SPEAKER_LOOKAHEAD = 8;

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
