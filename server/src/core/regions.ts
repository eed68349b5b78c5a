// Every document is analysed in regions: the one pipeline, whatever the document's size.
//
// What is a fact of the whole document (blank lines rare or the rule, indentation, reported speech,
// whether lines fill columns; whether a title came before) is settled once for the document, from counts
// each region contributes (breaks/style.ts). Each region is then laid out with those facts and with the
// lines around it in view (HALO fragments either side), so every decision in it reads what it would read
// in the whole document: the region's answers are the whole document's answers for its lines, and a
// region is only a cache that lets an edit reuse unchanged work. A region's layout is keyed on everything
// it read: its text, the lines in view around it, the document's facts, whether content came before; its
// problems also on the block after it (a quotation may run on into it) and the settings.
//
// Regions end, about every `regionLength` characters, at a paragraph end that is beyond doubt in the
// text (a line ending a sentence, one blank line, a line that starts flush), chosen by the text after it
// so that an edit moves no other region's end (regionSeam); should the layout still join
// across it, the region runs on to the next such end. The regions are placed side by side into one model
// of the whole document, built once per version. A region whose text and inputs did not change since the
// previous version is taken over from it as it was: its problems, figures and lines are kept in its own
// offsets, so nothing in it is copied; only when the document model's fragments, breaks or blocks are
// first asked for are the regions placed side by side, moved by what the edit added or removed.
//
// A region keeps no model of its own once placed: its fragments, breaks and blocks are then those of
// the document's model (a copy in the region's own offsets would double the memory a large document
// takes). The region's own model, which its rules and figures read, is rebuilt from them when needed.

import { endsSentence, keepAnswers, wordsAcrossLines, sliceAnswers, type WordAnswers } from './breaks/evidence';
import { inMillionths } from './breaks/decide';
import { addCounts, documentFacts, NO_COUNTS, type DocumentFacts, type LineWidths, type StyleCounts } from './breaks/style';
import { figuresOf, findFiguresWith, type Figure } from './figures';
import { findSpeakersWith, speakersOf, type SpeakerReading, type SpeakerRegion } from './speakers';
import { bylinesOf, firstTitleBlock, outlineLinesWith, type Byline, type OutlineSource, type RegionReadings } from './outline/build';
import { inlineLabelLines, movedHit, type LabelHit } from './outline/sections';
import { addWidths, labelCensus, labelReadingWidth, labelSurroundings, readingWidth, readLabelsWith, type LabelCensus, type LabelMemo, type LabelParts, type LabelSurroundings } from './outline/boxPairing';
import { DirectiveIndex, type Directive } from './directives';
import { findHighlightsWith, highlightsOfLines, type Highlight, type HighlightKind } from './highlights';
import { fragmentOnLine, lastStartingBy, multiLineBlocks, readLinesWith, type LineReader, type LineSpan } from './lines';
import { inDocumentOrder, prepareDocumentRules, runDocumentRules, runRules } from './lint';
import { BreakBetween, countRegion, IndexedModel, isBlankChar, LineBlock, parseRegion, shiftFragment, type ArticleModel, type Block, type Fragment, type LineBreak, type ModelOptions, type Role } from './model';
import { placed, ProblemSet, type PlacedProblems } from './problemSet';
import type { ProblemColumns, ProblemColumnsCodec } from './sharedProblems';
import { firstIndex, lastAtMost } from './search';
import type { LintProblem } from './lintProblem';
import type { Settings } from './settings';
import { dominantEol, hasBom, LineIndex, type Eol, type Line } from './text';
import { changedSpan, type DocumentText } from './documentText';

/** Regions run about this long, at least a quarter of it (a parameter of the analysis: answers do not depend on it). */
export const REGION_LENGTH = 4_000;
/**
 * Fragments either side of a region kept in view. A break's decision reads up to three lines ahead and
 * one behind, and the column widths of lines twelve further, each estimated from the widths of twelve
 * more (breaks/decide.ts, breaks/width.ts): 3 + 12 + 12 = 27, and a margin.
 */
export const HALO = 32;

/** Where a region stands: its offset in the document, and how many lines, fragments and blocks come before it. */
interface Placement {
  readonly offset: number;
  readonly line: number;
  readonly fragment: number;
  readonly block: number;
}

export const ORIGIN: Placement = { offset: 0, line: 0, fragment: 0, block: 0 };

/** The fragments, breaks, blocks and roles of a document (or of a region, in its own numbering). */
interface Parts {
  readonly fragments: readonly Fragment[];
  readonly breaks: readonly LineBreak[];
  readonly blocks: readonly Block[];
  readonly roles: readonly Role[];
  readonly blockOfFragment: readonly number[];
}

interface GrowingParts extends Parts {
  readonly fragments: Fragment[];
  readonly breaks: LineBreak[];
  readonly blocks: Block[];
  readonly roles: Role[];
  readonly blockOfFragment: number[];
}

/**
 * One region's analysis in one version of the document, placed at `at`. Its fragments, breaks, blocks
 * and roles are read from `source`, where the region stands at `from`: its own model's parts when it was
 * just parsed, else the parts of the document it was last placed in (a region keeps no copy of its own).
 * Its lines, problems, figures and directives are in its own offsets and numbering, so a region taken
 * over at another place is not copied at all: only a document that is asked for its parts places them.
 */
export interface RegionAnalysis {
  readonly text: string;
  /** The lines in view before and after the region when it was read (copies of their own). */
  readonly before: string;
  readonly after: string;
  /** What the region contributes to the document's facts (breaks/style.ts). */
  readonly counts: StyleCounts;
  /** What the layout read besides the text and the lines in view: the document's facts, content before, options. */
  readonly laidOutWith: string;
  readonly options: ModelOptions;
  readonly at: Placement;
  readonly lines: LineIndex;
  readonly fragmentCount: number;
  readonly blockCount: number;
  /** Why, and how surely, the break after the region's last fragment ends a block (the layout's decision), when one follows. */
  readonly seamDecision: SeamDecision | undefined;
  /** Moved to the document's parts once those are built (the region's own arrays can then go). */
  source: Parts;
  from: Placement;
  readonly directives: readonly Directive[];
  /**
   * What the word segmenter answered about the lines in view (the region's from `wordsFrom`): a parse of
   * the region after an edit reuses it.
   */
  readonly words: WordAnswers;
  readonly wordsFrom: number;
  readonly problems: RegionProblems;
  /**
   * Found on first use, and kept where the document last placed them (`at`): the document's list of figures
   * is made of these very objects, so a version holds one copy of each figure, and only the regions an edit
   * moved are copied again (into their new place).
   */
  figures?: PlacedFigures;
  /** What its body passages say about the people quoted (speakers.ts), in its own offsets; found on first use. */
  speakers?: SpeakerReading;
  /** Its box labels and line widths (outline/boxPairing.ts), in its own numbering; found on first use. */
  labelCensus?: LabelCensus;
  /** Its labels and titles read with the lines around them, and what that read: the document's width and the regions in view. */
  labelSurroundings?: { readonly key: readonly unknown[]; readonly read: LabelSurroundings };
  /** The role and text of its first block (what the region before it keys its problems on), found on first use. */
  readonly firstBlockKey?: string;
  /**
   * What the outline, the folds and the highlights read of its own lines and blocks, in its own numbering and
   * offsets: one object, shared by every version that takes the region over.
   */
  readonly own: OwnReadings;
  /**
   * Its inline label lines (outline/sections.ts inlineLabelLines) in its own numbering and offsets, read with
   * the document's width and the regions around it in view (what that read: as labelSurroundings' key), by
   * where the title of the last such line before it ends (relative to its first line; NO_TITLE_END: none
   * there); found on first use.
   */
  inlineLabels?: { readonly key: readonly unknown[]; readonly byTitleEnd: Map<number, readonly LabelHit[]> };
}

/** What features read of a region's own lines and blocks (none of it depends on the regions around it), found on first use. */
interface OwnReadings {
  /** The index among its blocks of its first title block, or -1. */
  titleBlock?: number;
  bylines?: readonly Byline[];
  /** The first and last line of each block spread over several lines, one pair after another (lines.ts multiLineBlocks). */
  multiLineBlocks?: Int32Array;
  /** Its highlights (highlights.ts): start and end, one pair after another, and their kinds (indices into HIGHLIGHT_KINDS). */
  highlights?: { readonly ranges: Int32Array; readonly kinds: Uint8Array };
}

/** A region's figures in the document's offsets and numbering for the region standing at `at`. */
interface PlacedFigures {
  readonly list: readonly Figure[];
  readonly at: Placement;
}

/** A region's problems before directives silence any, and what they were found with. */
interface RegionProblems {
  readonly settings: Settings;
  /** The role and text of the block after the region's last (rules may read on into it). */
  readonly blockAfter: string;
  readonly list: readonly LintProblem[];
  /**
   * The same problems as columns (sharedProblems.ts), `list` then making them again each time it is read: what
   * a read-once analysis keeps (Layouts). A million problem objects kept to the end of a raw 10 MB
   * extraction's analysis were copied by every scavenge and marked by every mark-compact after their promotion.
   */
  readonly compact?: ProblemColumns;
}

/**
 * A read-once analysis (Layouts) keeps the problems of a document of at most this many regions as objects:
 * they are read as soon as its analysis ends, before many could outlive the young generation, and as columns
 * they were written and made again for nothing (on the CLI's batch of 1,071 short articles, ~4 % of the main
 * thread). A longer document's are kept as columns (RegionProblems.compact).
 */
export const FEW_REGIONS = 8;

/** Problems kept as columns (RegionProblems.compact), made again (`expand`) when read. */
export function compactedProblems(settings: Settings, blockAfter: string, compact: ProblemColumns, expand: ProblemColumnsCodec['expand']): RegionProblems {
  return {
    settings,
    blockAfter,
    compact,
    get list() {
      return expand(compact);
    },
  };
}

/** The regions of one version, for the next version to take over. */
export interface RegionCache {
  /** In document order. */
  readonly list: readonly RegionAnalysis[];
  /** Each region by the offset it starts at. */
  readonly byOffset: ReadonlyMap<number, RegionAnalysis>;
  readonly size: number;
  readonly regionLength: number;
  /** The version's text (the analysis holds it anyway), its line ending and where its regions were cut, in document order. */
  readonly text: DocumentText;
  readonly eol: Eol;
  /** Whether the text has a `\r` at all: in the next version of a text without one, only what the edit changed is read for one. */
  readonly hasCarriageReturn: boolean;
  readonly cuts: readonly Cut[];
  /** What the version settled about its labels over the whole document once asked (outline/boxPairing.ts), for the next version to take over. */
  readonly labels: LabelMemo;
}

export interface RegionalAnalysis {
  readonly model: ArticleModel;
  readonly cache: RegionCache;
  readonly facts: DocumentFacts;
  /** The problems under `settings`, region by region (problemSet.ts). */
  problems(settings: Settings): ProblemSet;
  figures(): readonly Figure[];
}

/**
 * The seam (the line end before one blank line) where the region starting at `start` ends, or -1 when it
 * runs to the end of the text. The blank line between two regions belongs to neither.
 *
 * A region ends at the first anchor seam at least a quarter of `regionLength` on: a seam is an anchor or
 * not by the text of the line after it alone (anchorSeam), one in so many, so that anchors come about
 * every `regionLength` characters. The ends are then the anchors themselves, wherever the region before
 * started, and an edit that makes one region much longer or shorter moves no other end. (Ending each
 * region at the first seam past a length, an edit adding a few characters near the start moved every
 * later end, and the whole document was laid out again.) Where no anchor comes within three lengths, the
 * region ends at the first seam past one length.
 *
 * Found one region at a time, as they are read: looking for every seam of a 10 MB document at once was a
 * first step of 15-75 ms (measured on a busy machine) that a request on another document waited for.
 * Reads the text from 64 characters before `start` (SEEN_BEFORE) to three lengths on, or to the seam.
 */
function regionSeam(text: DocumentText, start: number, gap: string, length: number): number {
  const seam = seamAfter(text, start + Math.ceil(length / 4), gap, start + 3 * length, length);
  return seam >= 0 ? seam : seamAfter(text, start + length, gap, Infinity);
}

/**
 * Characters of text per seam, about (a sample article has a seam every 140 characters or so): anchors
 * are one seam in `regionLength / SEAM_SPACING`.
 */
const SEAM_SPACING = 150;

/** Whether the seam before the line at `lineStart` is an anchor, by the start of that line alone. */
function anchorSeam(text: DocumentText, lineStart: number, regionLength: number): boolean {
  let hash = 0x811c9dc5;
  for (let i = lineStart; i < Math.min(text.length, lineStart + 16); i++) {
    const code = text.charCodeAt(i);
    if (isLineEnd(code)) break;
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  return (hash >>> 0) % regionLength < SEAM_SPACING;
}

/**
 * The first line end at or after `from` (and before `before`) that closes a sentence and is followed by one
 * blank line and a flush line (an anchor seam only, given `anchorsFor`, the region length); -1 when none.
 */
function seamAfter(text: DocumentText, from: number, gap: string, before: number, anchorsFor?: number): number {
  for (let at = text.indexOf(gap, from); at >= 0 && at < before; at = text.indexOf(gap, at + 1)) {
    const next = text.charCodeAt(at + gap.length);
    if (!(next > 0x20) || isSpaceLike(next)) continue;
    if (anchorsFor !== undefined && !anchorSeam(text, at + gap.length, anchorsFor)) continue;
    let lineStart = at;
    while (lineStart > 0 && at - lineStart < 64 && !isLineEnd(text.charCodeAt(lineStart - 1))) lineStart--;
    if (endsSentence(text.slice(lineStart, at))) return at;
  }
  return -1;
}

/** Whether what an edit changed in `text` (all but the `span` it begins and ends with as before) has a `\r`. */
function withCarriageReturn(text: DocumentText, span: { readonly prefix: number; readonly suffix: number }): boolean {
  return span.prefix + span.suffix < text.length && text.slice(span.prefix, text.length - span.suffix).includes('\r');
}

function isLineEnd(code: number): boolean {
  return code === 10 || code === 13;
}

/** Whitespace and invisible marks a line may begin with (an indent, or lost text). */
function isSpaceLike(code: number): boolean {
  return code === 0xa0 || code === 0x3000 || code === 0xfeff || code === 0x200b || (code >= 0x2000 && code <= 0x200a);
}

/** Where the `count`-th line with text before `offset` (a line start) starts, or 0. */
function viewStart(text: DocumentText, offset: number, count: number): number {
  let at = offset;
  let seen = 0;
  while (at > 0 && seen < count) {
    let end = at - 1;
    if (text.charCodeAt(end) === 10 && end > 0 && text.charCodeAt(end - 1) === 13) end--;
    let start = end;
    while (start > 0 && !isLineEnd(text.charCodeAt(start - 1))) start--;
    if (hasText(text, start, end)) seen++;
    at = start;
  }
  return at;
}

/** Where the line after the `count`-th line with text from `offset` (a line start) starts, or the text's end. */
function viewEnd(text: DocumentText, offset: number, count: number): number {
  let at = offset;
  let seen = 0;
  while (at < text.length && seen < count) {
    let end = at;
    while (end < text.length && !isLineEnd(text.charCodeAt(end))) end++;
    if (hasText(text, at, end)) seen++;
    at = end < text.length && text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
  return Math.min(at, text.length);
}

function hasText(text: DocumentText, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlankChar(text.charAt(i))) return true;
  return false;
}

/** Analyses and lints a document region by region, taking over unchanged regions from `previous`. */
export function analyzeRegions(
  text: DocumentText,
  options: ModelOptions,
  settings: Settings,
  previous?: RegionCache,
  regionLength = previous?.regionLength ?? REGION_LENGTH,
  placing: Placing = 'as-laid-out',
  speakers: Speakers = 'on-first-use',
  layouts: Layouts = 'kept',
  share?: RegionShare,
  problemColumns?: ProblemColumnsCodec,
): RegionalAnalysis {
  const steps = regionSteps(text, options, settings, previous, regionLength, placing, speakers, layouts, share, problemColumns);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Where a region was cut, the lines in view around it, and what it counted there (kept for the next version). */
export interface Cut {
  readonly start: number;
  readonly end: number;
  readonly viewStart: number;
  readonly viewEnd: number;
  readonly counts: StyleCounts;
}

/**
 * When a first analysis places its regions' fragments, breaks, blocks and roles into the document's model:
 * as each region is laid out (the language server: its requests read them, and a region's own arrays then
 * go at once), or when something first reads them (model.fragments …). A caller that reads only the
 * problems and the line index (the CLI) never needs them placed: on the raw 10 MB extraction placing
 * copied some ten million objects, moved to where their regions stand, kept to the end of the process.
 */
export type Placing = 'as-laid-out' | 'on-first-use';

/**
 * When the people quoted (speakers.ts) are read: when first asked (the CLI prints them only with
 * --outline), or during the analysis, a step at a time after its regions are laid out and its labels read
 * (the language server, whose editor asks for the outline, speakers included, as soon as a document is
 * open: read on that first request, a raw 1 MB article's every passage held it for 0.2–1.5 s). After an
 * edit only the regions it changed are read again. The answers are the same either way.
 */
export type Speakers = 'on-first-use' | 'in-steps';

/**
 * What a region keeps of its layout (its own model: fragments, breaks, blocks, roles) once its problems
 * and its labels are read: kept, for the requests and the next version that read it (the language
 * server); or 'read-once', for a caller that analyses a text once and reads only the problems and the
 * line index (the CLI): dropped a region or two later (ReadOnce), and laid out again should anything ask
 * for it after all. Kept to the end, a raw 10 MB extraction's layouts were ~55 % of the heap, copied by
 * every scavenge that promoted them and marked by every mark-compact after. The answers are the same
 * either way; 'read-once' places the regions' parts on first use (Placing).
 */
export type Layouts = 'kept' | 'read-once';

/**
 * The regions one thread lays out of a large document whose regions are shared between threads
 * (regionShares.ts): those whose first cut starts in [from, to). Every thread cuts the whole text and counts
 * it, or its own cuts with the others' counts exchanged (`exchangeCounts`): the document's facts are the
 * whole document's. It lays out and lints its own regions and reads their
 * labels, and stops there: the document's own steps run once, over every region, in the analysis that takes
 * all the shares over (regionShares.ts joinShares).
 */
export interface RegionShare {
  readonly from: number;
  readonly to: number;
  /**
   * With it, this share counts only its own cuts, hands their counts over, and takes the other cuts' counts
   * from the threads that counted them (by where each cut starts: every thread cuts the text alike). A cut
   * whose counts do not come (none when the other thread could not answer) is counted here. Counting every
   * cut of a 10 MB document took each thread ~0.2 s of CPU (docs/performance-log.md, big26).
   */
  readonly exchangeCounts?: (own: readonly CutCounts[]) => readonly CutCounts[] | undefined;
}

/** What one cut counted (Cut.counts), by where it starts: as one thread hands it to another. */
export interface CutCounts {
  readonly start: number;
  readonly counts: StyleCounts;
}

/** A region's bounds with the lines in view around it. */
interface Reading extends Cut {
  /** The previous version's region of the same text, if any. */
  readonly known: RegionAnalysis | undefined;
  /** Without a previous version: an earlier region of this one with the same text and the same lines in view. */
  readonly twin: number | undefined;
  /** The region's counts were taken over from `known` (its text and the lines in view are the same). */
  readonly sameView: boolean;
  /**
   * What the word segmenter answered about lines that may be this region's: `known`'s, or for a region an
   * edit changed, the previous version's region that stood where it stands (the one after the last region
   * found before it). Its lines the edit did not touch are answered from there (wordsAcrossLines).
   */
  readonly wordHints: WordAnswers | undefined;
}

/** The same, one region per step, so a caller can let other work run between steps. */
export function* regionSteps(
  text: DocumentText,
  options: ModelOptions,
  settings: Settings,
  previous?: RegionCache,
  regionLength = previous?.regionLength ?? REGION_LENGTH,
  placing: Placing = 'as-laid-out',
  speakers: Speakers = 'on-first-use',
  layouts: Layouts = 'kept',
  share?: RegionShare,
  /** With 'read-once' layouts: how a long document's problems are kept as columns (else as objects). */
  problemColumns?: ProblemColumnsCodec,
): Generator<void, RegionalAnalysis> {
  // A text without a `\r` ends its lines with `\n`: after an edit of one, only what the edit changed can bring one.
  const hasCarriageReturn =
    previous && !previous.hasCarriageReturn ? withCarriageReturn(text, changedSpan(previous.text, text)) : text.indexOf('\r') >= 0;
  const eol = hasCarriageReturn ? dominantEol(text) : '\n';
  // Without a previous version, regions of the same text met earlier in this one (a repeated part).
  const byText = previous ? undefined : new Map<string, number>();
  // What the edits added or removed in all: how far the text after the last edit moved.
  const totalShift = previous ? text.length - previous.text.length : 0;
  // The previous version's region after the last one found.
  let next = 0;

  // First the document's facts, from what each region counts (taken over where nothing it read changed).
  const readings: Reading[] = [];
  // Where the regions were cut, for the next version (no reference to this version's regions).
  const cuts: Cut[] = [];
  let total = NO_COUNTS;
  // Counting is a step too: a 10 MB document's counts take a second, which a caller waits for in pieces.
  const work = new StepWork();
  // With a share that exchanges its counts: the cuts counted here, and those (by index) another thread counts.
  const countedHere: CutCounts[] = [];
  const countedElsewhere: number[] = [];
  const gap = eol + eol;
  const length = Math.max(1, regionLength);
  // What the edit left as it was (compared once, from both ends): the previous version's cuts there are
  // this version's, so far from the edit nothing is sought, viewed or counted again.
  const change = previous && previous.eol === eol && previous.regionLength === regionLength ? changedSpan(previous.text, text) : undefined;
  let start = 0;
  if (change && previous) {
    for (const cut of previous.cuts) {
      if (!readBefore(cut, length, gap.length, change.prefix)) break;
      const reading = takenOverReading(text, cut, cut, true, previous, next, totalShift);
      if (reading.known) next = indexAfter(previous.list, reading.known);
      readings.push(reading);
      cuts.push(cut);
      total = addCounts(total, cut.counts);
      // Never the last cut (that one reads to the text's end): the next starts after the blank line.
      start = cut.end - eol.length + gap.length;
      work.add(cut.end - cut.start, TAKING_OVER / 16);
      if (work.due()) yield;
    }
  }
  // Then regions are cut afresh from where the edit may have changed what a cut reads, until a cut starts
  // where the text is the previous version's again, from 64 characters before it on (regionSeam).
  let rejoin = -1;
  const viewWidths = new ViewWidths();
  for (;;) {
    if (change && previous && start - SEEN_BEFORE >= text.length - change.suffix) {
      // From here on the text is the previous version's, moved: so are the cuts (their views where the view is too).
      const i = cutAt(previous.cuts, start - totalShift);
      if (i >= 0) {
        rejoin = i;
        break;
      }
    }
    const seam = regionSeam(text, start, gap, length);
    const last = seam < 0;
    const end = last ? text.length : seam + eol.length;
    if (work.due()) yield;
    // Finding where the region ends read its text.
    work.add(end - start, SEEKING);
    const regionText = text.slice(start, end);
    const from = viewStart(text, start, HALO);
    const to = viewEnd(text, end, HALO);
    const { known, sameView } = previous ? lookUp(text, start, end, from, to, regionText, previous, next, totalShift) : NOT_KNOWN;
    // Taken before `next` moves on: by the time the regions are laid out, it has passed every cut.
    const wordHints = known?.words ?? previous?.list[next]?.words;
    if (known && previous) next = indexAfter(previous.list, known);
    // A share lays out only the regions that start in it (RegionShare), and may leave the others' counting to their threads.
    const laidOutHere = share === undefined || (start >= share.from && start < share.to);
    const countedThere = !laidOutHere && share?.exchangeCounts !== undefined;
    // A twin is one of the cuts counted here.
    let twin = countedThere ? undefined : byText?.get(regionText);
    if (twin !== undefined && !sameReading(text, readings[twin], from, start, end, to)) twin = undefined;
    else if (twin === undefined && !countedThere) byText?.set(regionText, readings.length);
    // Finding the region's counts elsewhere read its text too (compared, hashed): cheaper, not free.
    work.add(to - from, COMPARING);
    let counts: StyleCounts;
    if (sameView && known) counts = known.counts;
    else if (twin !== undefined) counts = readings[twin].counts;
    else if (countedThere) {
      // Counted by the thread whose region it is: taken once every cut is found (below).
      counts = NO_COUNTS;
      countedElsewhere.push(readings.length);
    } else {
      const k = readings.length;
      counts = countRegion(text.slice(from, to), { start: start - from, end: end - from }, laidOutHere ? keepingWidths(viewWidths, k) : undefined);
      work.add(to - from, COUNTING);
    }
    if (share?.exchangeCounts && !countedThere) countedHere.push({ start, counts });
    const cut: Cut = { start, end, viewStart: from, viewEnd: to, counts };
    readings.push(readingOf(cut, known, twin, sameView, wordHints));
    cuts.push(cut);
    total = addCounts(total, counts);
    if (last) break;
    start = seam + gap.length;
  }
  if (change && previous && rejoin >= 0) {
    const suffixStart = previous.text.length - change.suffix;
    for (let i = rejoin; i < previous.cuts.length; i++) {
      const old = previous.cuts[i];
      const cut: Cut = { start: old.start + totalShift, end: old.end + totalShift, viewStart: old.viewStart + totalShift, viewEnd: old.viewEnd + totalShift, counts: old.counts };
      // The lines in view before the region reach back into what the edit changed: found again, counted again.
      const viewed = old.viewStart - SEEN_BEFORE >= suffixStart ? cut : viewedAgain(text, cut);
      const reading = takenOverReading(text, viewed, old, viewed === cut, previous, next, totalShift);
      if (reading.known) next = indexAfter(previous.list, reading.known);
      readings.push(reading);
      cuts.push(viewed);
      total = addCounts(total, viewed.counts);
      work.add(cut.end - cut.start, TAKING_OVER / 16);
      if (work.due()) yield;
    }
  }
  if (share?.exchangeCounts) total = addCounts(total, takeCountsOfOthers(text, cuts, readings, countedElsewhere, share.exchangeCounts(countedHere)));
  const facts = documentFacts(total);
  const factsKey = `${facts.blanksAreRare} ${facts.blanksAreCommon} ${facts.indents} ${facts.hasColumns} ${facts.reportsSpeech} ${facts.paragraphsAreShort}`;

  const byOffset = new Map<number, RegionAnalysis>();
  const regions: RegionAnalysis[] = [];
  const directives: Directive[] = [];
  const regionOptions: ModelOptions = { ...options, eol };
  // A first analysis places each region as it is laid out, so the region's own arrays go at once (kept
  // until a first request, they would all outlive the young generation: a 10 MB article's peak grew by
  // 50 MB); after an edit, placing waits for the first request that needs the parts, and so it does for a
  // caller that reads no part (Placing).
  const placed: GrowingParts | undefined =
    previous || placing === 'on-first-use' || layouts === 'read-once' ? undefined : { fragments: [], breaks: [], blocks: [], roles: [], blockOfFragment: [] };
  // A share after the document's first regions cannot tell whether the regions before it showed a box
  // label: it reads its labels and titles as though they had (what is read is kept with what it read).
  const readOnce = layouts === 'read-once' ? new ReadOnce(share !== undefined && share.from > 0, readings.length > FEW_REGIONS ? problemColumns : undefined) : undefined;
  let at: Placement = ORIGIN;
  let content = 0;
  // The region laid out for each reading it starts with.
  const laidOut: Array<RegionAnalysis | undefined> = [];
  // What each region is laid out with: one of two, by whether content came before it.
  const laidOutWithout = `${factsKey} false ${options.cjkLatinSpacing} ${eol}`;
  const laidOutAfterContent = `${factsKey} true ${options.cjkLatinSpacing} ${eol}`;
  for (let k = 0; k < readings.length; ) {
    const reading = readings[k];
    if (share && (reading.start < share.from || reading.start >= share.to)) {
      // Another thread's region: only what comes before the next one is counted.
      content += reading.counts.content;
      k++;
      continue;
    }
    const laidOutWith = content > 0 ? laidOutAfterContent : laidOutWithout;
    at = { offset: reading.start, line: at.line, fragment: at.fragment, block: at.block };
    let region: RegionAnalysis | undefined;
    let last = k;
    const twin = reading.twin === undefined ? undefined : laidOut[reading.twin];
    if (reading.sameView && reading.known!.laidOutWith === laidOutWith) {
      region = takeOver(reading.known!, at);
      work.add(region.text.length, TAKING_OVER);
    } else if (twin && twin.laidOutWith === laidOutWith && twin.text.length === reading.end - reading.start) {
      region = takeOver(twin, at);
      work.add(region.text.length, TAKING_OVER);
    } else {
      // The region the edit changed is most likely the one of the previous version that stood there: its
      // lines the edit did not touch are answered as they were (Reading.wordHints).
      for (;;) {
        const widths = last === k ? viewWidths.take(k) : undefined;
        region = layOut(text, readings, k, last, regionOptions, laidOutWith, at, facts, content > 0, settings, reading.wordHints, previous !== undefined, widths);
        // The layout joins across the seam after all: the region runs on to the next one's end.
        if (region !== undefined) break;
        last++;
      }
      readOnce?.laidOut(region, layingOutAgain(text, cuts, k, last, regionOptions, laidOutWith, facts, content > 0, settings, previous !== undefined));
      yield;
    }
    // The region before is linted now that the block after it is known, then placed.
    if (regions.length > 0) {
      settle(regions, regions.length - 1, settings, region, placed);
      readOnce?.settled(regions, regions.length - 1);
    }
    // A run of regions taken over is placed without laying anything out: it pauses by the work done.
    if (work.due()) yield;
    laidOut[k] = region;
    byOffset.set(reading.start, region);
    regions.push(region);
    for (const d of region.directives) directives.push({ ...d, fragment: d.fragment + at.fragment, line: d.line + at.line });
    content += region.counts.content;
    const end = readings[last].end;
    // The region's last line (which ends with its line ending) and the blank line after it.
    at = {
      offset: end,
      line: at.line + region.lines.lineCount + (end < text.length ? 0 : -1),
      fragment: at.fragment + region.fragmentCount,
      block: at.block + region.blockCount,
    };
    k = last + 1;
  }
  if (regions.length > 0) {
    settle(regions, regions.length - 1, settings, undefined, placed);
    readOnce?.settled(regions, regions.length - 1);
  }
  const model = new DocumentModel(text, eol, options, regions, directives, placed);
  const cache: RegionCache = { list: regions, byOffset, text, eol, hasCarriageReturn, cuts, size: regions.length, regionLength, labels: {} };
  if (share) return { model, facts, cache, problems: () => new ProblemSet([]), figures: () => [] };
  let figures: readonly Figure[] | undefined;
  const regionFigures = (): readonly Figure[] => (figures ??= regions.flatMap(placedFigures));
  // Found per region, reusing unchanged ones, whoever asks for the document's figures first.
  findFiguresWith(model, regionFigures);
  // Speakers too: each region's passages read once and kept in it; only what is settled over the whole document is the version's own.
  findSpeakersWith(model, () => regions.map((region) => new SpeakersRegion(region)));
  // Labels and titles are read per region too, reusing unchanged ones; only their pairing is the version's own.
  const labels: LabelMemo = {};
  readLabelsWith(model, labelParts(regions, previous?.labels, labels));
  // And the outline, the folds, the highlights, the quick fixes and the hovers read each region's lines where
  // the region stands, keeping what they read in the region: after an edit nothing they ask places the regions.
  const lines = new RegionLines(regions);
  outlineLinesWith(model, lines);
  readLinesWith(model, lines);
  findHighlightsWith(model, () => regionHighlights(regions));
  // Every region's labels and titles read now, a step at a time, as they would be when the document's own
  // rules (displaced-label) first ask: those then only number and align them. Read in one go there, a 10 MB
  // file of labelled articles held the server for most of a second. Kept in the regions either way: the
  // answers are the same, and regions an edit left alone are not read again.
  for (const region of regions) {
    if (region.labelCensus === undefined) work.add(region.text.length, READING_LABELS);
    regionLabelCensus(region);
    if (work.due()) yield;
  }
  const width = yield* labelReadingWidth(model);
  for (let k = 0; width !== undefined && k < regions.length; k++) {
    const kept = regions[k].labelSurroundings;
    regionLabelSurroundings(regions, k, width);
    if (regions[k].labelSurroundings !== kept) work.add(regions[k].text.length, READING_LABELS);
    if (work.due()) yield;
  }
  // And what the document's own rules read of them (the labels paired with their titles), with pauses of
  // its own: read in one go when the problems are first asked, it held the server for ~200 ms at 10 MB.
  yield* prepareDocumentRules(model, settings);
  // The people quoted, for a caller that will ask for them (Speakers): read now, a step at a time.
  if (speakers === 'in-steps') yield* speakersOf.inSteps(model);
  return {
    model,
    facts,
    cache: { ...cache, labels },
    problems: (settings) => {
      // The document's own rules read the whole model, once per version; each problem joins the list of the region it starts in.
      const documentWide = runDocumentRules(model, settings);
      const parts = regions.map((region, i): PlacedProblems => {
        const found = withProblems(region, settings, regions[i + 1]).problems;
        const offset = region.at.offset;
        const end = regions[i + 1]?.at.offset ?? Infinity;
        if (documentWide.some((problem) => problem.start >= offset && problem.start < end)) {
          return { offset, list: withDocumentProblems(found.list, documentWide, offset, end) };
        }
        // Problems kept as columns are made again each time they are read, and dropped once read.
        if (found.compact) {
          return {
            offset,
            columns: found.compact,
            get list() {
              return found.list;
            },
          };
        }
        return { offset, list: found.list };
      });
      if (model.directives.length === 0) return new ProblemSet(parts);
      // Directives silence problems across regions: read once, over the whole document.
      const directives = new DirectiveIndex(model.directives, (fragment) => (fragment + 1 < lines.fragmentCount ? lines.fragment(fragment + 1).line : undefined));
      return new ProblemSet(parts, (problem, offset) => directives.isDisabled(problem.ruleId, model.lineIndex.lineAt(problem.start + offset)));
    },
    figures: regionFigures,
  };
}

/**
 * Lines either side of a region in view when its labels and titles are read: reading one reads up to a few
 * lines around it (outline/pairing.ts scanLabel), and a label may start a region.
 */
const LABEL_VIEW = 16;

/**
 * The document's regions as the parts its labels are read in (outline/boxPairing.ts), with the previous
 * version's pairing and where to keep this version's. (A function of its own: a closure in regionSteps would
 * keep the previous version alive.)
 */
function labelParts(regions: readonly RegionAnalysis[], previous: LabelMemo | undefined, kept: LabelMemo): LabelParts {
  return {
    count: regions.length,
    previous,
    kept,
    placement: (k) => regions[k].at,
    census: (k) => regionLabelCensus(regions[k]),
    surroundings: (k, width) => regionLabelSurroundings(regions, k, width),
  };
}

/** The census of a region's own lines, in its own numbering; kept in the region. */
function regionLabelCensus(region: RegionAnalysis): LabelCensus {
  if (region.labelCensus) return region.labelCensus;
  const { from } = region;
  const census = labelCensus(region.source, from.fragment, from.fragment + region.fragmentCount);
  region.labelCensus = {
    hits: census.hits.moveBy(-from.fragment, -from.offset),
    widths: census.widths,
    firstBody: census.firstBody < 0 ? -1 : census.firstBody - from.fragment,
    endsUnit: census.endsUnit,
  };
  return region.labelCensus;
}

/**
 * Region k's labels and titles read with the document's width and LABEL_VIEW lines either side in view (the
 * regions around it placed side by side), in its own numbering. Kept in the region with what it read: an
 * edit reads again only the regions near it, or every region when it changes the width.
 */
function regionLabelSurroundings(regions: readonly RegionAnalysis[], k: number, width: number): LabelSurroundings {
  const region = regions[k];
  const [first, last] = regionsInView(regions, k);
  const kept = region.labelSurroundings;
  // Every version asks this of every region: what it read is compared where it is kept, and a key is
  // built only when something changed.
  if (kept && readsAsBefore(kept.key, regions, first, last, width)) return kept.read;
  // The region itself and the regions around it as laid out (a region laid out again has a line index of
  // its own; one only moved by an edit before it keeps its own), and the gaps between them. A line index,
  // not the region: a region kept in a key would keep the parts it reads alive. Typing in a paragraph of
  // the region before reads this region's labels and titles again (a few lines): keeping what the lines
  // in view held instead, to compare, was a tenth of the heap of a clean 10 MB article.
  const key: unknown[] = [width];
  for (let i = first; i <= last; i++) {
    key.push(regions[i].lines);
    if (i < last) key.push(gapAfter(regions, i));
  }
  let inView: Parts;
  let at: Placement;
  if (sideBySide(regions, first, last)) {
    // The regions in view stand side by side in one set of parts (as after a first analysis): read there.
    inView = region.source;
    at = region.from;
  } else {
    ({ inView, at } = linesInView(regions, k, first, last));
  }
  const hits = regionLabelCensus(region).hits.all(at.fragment, at.offset);
  // Kept in the region's own numbering.
  const own = labelSurroundings(inView, hits, width, at.fragment, at.fragment + region.fragmentCount, { fragment: 0 - at.fragment, offset: 0 - at.offset });
  region.labelSurroundings = { key, read: own };
  return own;
}

/** The first and last of the regions whose lines are in view (LABEL_VIEW either side) when region k's labels are read. */
function regionsInView(regions: readonly RegionAnalysis[], k: number): [first: number, last: number] {
  let first = k;
  for (let seen = 0; first > 0 && seen < LABEL_VIEW; ) seen += regions[--first].fragmentCount;
  let last = k;
  for (let seen = 0; last + 1 < regions.length && seen < LABEL_VIEW; ) seen += regions[++last].fragmentCount;
  return [first, last];
}

/** The characters between region i and the next (the blank lines at the seam). */
function gapAfter(regions: readonly RegionAnalysis[], i: number): number {
  return regions[i + 1].at.offset - regions[i].at.offset - regions[i].text.length;
}

/** Whether `key` (regionLabelSurroundings') is what region k, with regions first..last in view, reads now. */
function readsAsBefore(key: readonly unknown[], regions: readonly RegionAnalysis[], first: number, last: number, width: number): boolean {
  let j = 0;
  if (key[j++] !== width) return false;
  for (let i = first; i <= last; i++) {
    if (key[j++] !== regions[i].lines) return false;
    if (i < last && key[j++] !== gapAfter(regions, i)) return false;
  }
  return j === key.length;
}

/**
 * Region k's lines with LABEL_VIEW lines of each region in view before and after it (regions first..last),
 * in the region's own parts' numbering and offsets (`at`: where its first line stands there): its own
 * lines are not copied, those of the regions around it are, moved there, with their blocks cut to them.
 */
function linesInView(regions: readonly RegionAnalysis[], k: number, first: number, last: number): { inView: Parts; at: Placement } {
  const region = regions[k];
  // Where a document offset stands in the region's own parts.
  const frame = region.at.offset - region.from.offset;
  const view: GrowingParts = { fragments: [], breaks: [], blocks: [], roles: [], blockOfFragment: [] };
  const add = (other: RegionAnalysis, from: number, to: number): void => {
    const { source } = other;
    const start = other.from.fragment + from;
    const end = other.from.fragment + to;
    const fragmentShift = view.fragments.length - start;
    const offsetShift = other.at.offset - other.from.offset - frame;
    let block = -1;
    for (let i = start; i < end; i++) {
      view.fragments.push(offsetShift === 0 ? source.fragments[i] : shiftFragment(source.fragments[i], fragmentShift, 0, offsetShift));
      view.roles.push(source.roles[i]);
      if (source.blockOfFragment[i] !== block) {
        block = source.blockOfFragment[i];
        const b = source.blocks[block];
        // Cut to the lines in view; its range and text stay the whole block's.
        view.blocks.push({
          index: view.blocks.length,
          role: b.role,
          firstFragment: Math.max(b.firstFragment, start) + fragmentShift,
          lastFragment: Math.min(b.lastFragment, end - 1) + fragmentShift,
          start: b.start,
          end: b.end,
          text: b.text,
          pieces: b.pieces,
        });
      }
      view.blockOfFragment.push(view.blocks.length - 1);
    }
  };
  for (let i = first; i < k; i++) add(regions[i], Math.max(0, regions[i].fragmentCount - LABEL_VIEW), regions[i].fragmentCount);
  const at: Placement = { offset: region.from.offset, line: 0, fragment: view.fragments.length, block: view.blocks.length };
  add(region, 0, region.fragmentCount);
  for (let i = k + 1; i <= last; i++) add(regions[i], 0, Math.min(LABEL_VIEW, regions[i].fragmentCount));
  return { inView: view, at };
}

/** Regions first..last read their parts from one set, where they stand one after another as in the document. */
function sideBySide(regions: readonly RegionAnalysis[], first: number, last: number): boolean {
  for (let i = first + 1; i <= last; i++) {
    const [before, region] = [regions[i - 1], regions[i]];
    if (region.source !== before.source) return false;
    if (region.from.fragment !== before.from.fragment + before.fragmentCount || region.from.block !== before.from.block + before.blockCount) return false;
    if (region.from.offset - before.from.offset !== region.at.offset - before.at.offset) return false;
  }
  return true;
}


/**
 * A region's problems (in its own offsets) with the document-wide problems (in document offsets) that
 * start within [offset, end), moved to the region's offsets, in document order.
 */
function withDocumentProblems(list: readonly LintProblem[], documentWide: readonly LintProblem[], offset: number, end: number): readonly LintProblem[] {
  const own = documentWide.filter((problem) => problem.start >= offset && problem.start < end);
  if (own.length === 0) return list;
  return [...list, ...own.map((problem) => placed(problem, -offset))].sort(inDocumentOrder);
}

/**
 * The index after `known` in `list`. A function of its own, not an arrow inside regionSteps: an arrow there
 * reading `previous` would keep it in the context that the analysis's closures (problems, figures) hold,
 * and with it the previous version's regions and parts (a 10 MB article's memory doubled after an edit).
 */
function indexAfter(list: readonly RegionAnalysis[], known: RegionAnalysis): number {
  return firstIndex(list.length, (i) => list[i].at.offset >= known.at.offset) + 1;
}

/**
 * Lays out the regions readings[first..last] as one, with the document's facts and the lines around it
 * in view; undefined when the layout joins the region's last line to the next region's first (the caller
 * then takes in the next region as well).
 */
function layOut(
  text: DocumentText,
  readings: readonly Cut[],
  first: number,
  last: number,
  options: ModelOptions,
  laidOutWith: string,
  at: Placement,
  facts: DocumentFacts,
  contentBefore: boolean,
  settings: Settings,
  wordHints: WordAnswers | undefined,
  edited: boolean,
  widths?: LineWidths,
): RegionAnalysis | undefined {
  const { start, viewStart } = readings[first];
  const { end, viewEnd } = readings[last];
  // After an edit the lines in view are a copy of their own: the fragments' texts are slices of it, and
  // a slice of the document would keep this whole version of it alive as long as the region is kept.
  const inView = edited ? detached(text.slice(viewStart, viewEnd)) : text.slice(viewStart, viewEnd);
  const parse = parseRegion(inView, { start: start - viewStart, end: end - viewStart, facts, contentBefore, widths }, options, wordHints);
  if (parse.seam?.join) return undefined;
  const model = parse.model;
  let counts = NO_COUNTS;
  for (let k = first; k <= last; k++) counts = addCounts(counts, readings[k].counts);
  // The lines around it too (the region's own text is already a slice of the copy).
  const own = (slice: string) => (edited ? detached(slice) : slice);
  return {
    text: model.text,
    before: own(text.slice(viewStart, start)),
    after: own(text.slice(end, viewEnd)),
    counts,
    laidOutWith,
    options,
    at,
    lines: model.lineIndex,
    fragmentCount: model.fragments.length,
    blockCount: model.blocks.length,
    seamDecision: parse.seam ? { reason: parse.seam.reason, confidence: parse.seam.confidence } : undefined,
    source: model,
    from: ORIGIN,
    directives: model.directives,
    words: parse.words,
    wordsFrom: parse.wordsFrom,
    // Found once the block after the region is known (withProblems); the rules then run on its own model.
    problems: { settings, blockAfter: UNKNOWN, list: [] },
    own: {},
  };
}

/**
 * The widths of the lines in view of each cut counted in this version, and of their columns (breaks/style.ts
 * LineWidths), by the index of its reading: a region laid out from one cut reads the same lines in view as
 * counting the cut did, and reads their widths from here rather than measuring them again (on the raw 1 MB
 * sample, measuring was ~4 % of the analysis, counting and layout alike). Kept in a few arrays, each twice
 * the one before up to WIDTHS_CHUNK numbers, not an array per cut (scratch.ts says why): 16 bytes a line in
 * view, 1.3 MB for the raw 1 MB sample, 12.5 MB for the 10 MB one on one thread (4 MB for the clean one).
 * Each cut's are read once (`take`) and forgotten, and only the array being filled is held here besides, so
 * an array goes once the regions of every cut in it are laid out; the rest go with the analysis's steps
 * (regionSteps hands `keep` to counting through `keepingWidths`: a closure of its own would put this in the
 * context its other closures keep, the analysis's problems among them, for as long as the analysis lives).
 */
export class ViewWidths {
  /** The array the next cut's widths go into. */
  private chunk: Float64Array | undefined;
  /** Numbers used of it. */
  private used = 0;
  private readonly kept = new Map<number, LineWidths>();

  keep(k: number, measured: LineWidths): void {
    const count = measured.widths.length;
    let chunk = this.chunk;
    if (chunk === undefined || this.used + 2 * count > chunk.length) {
      chunk = new Float64Array(Math.max(2 * count, Math.min(WIDTHS_CHUNK, chunk === undefined ? 1024 : 2 * chunk.length)));
      this.chunk = chunk;
      this.used = 0;
    }
    const widths = chunk.subarray(this.used, this.used + count);
    const columns = chunk.subarray(this.used + count, this.used + 2 * count);
    widths.set(measured.widths);
    columns.set(measured.columns);
    this.used += 2 * count;
    this.kept.set(k, { widths, columns });
  }

  /** The widths kept for cut `k`, given once: the region laid out from it is the only one that reads them. */
  take(k: number): LineWidths | undefined {
    const widths = this.kept.get(k);
    if (widths !== undefined) this.kept.delete(k);
    return widths;
  }
}

/** What counting cut `k` measured, kept in `widths` (a function of its own: ViewWidths says why). */
function keepingWidths(widths: ViewWidths, k: number): (measured: LineWidths) => void {
  return (measured) => widths.keep(k, measured);
}

/** The largest array ViewWidths keeps its numbers in (512 KB), unless one cut needs more. */
const WIDTHS_CHUNK = 1 << 16;

/**
 * How the region laid out from cuts[first..last] is laid out again (its source, ReadOnce). A function of its
 * own: a closure in regionSteps would keep what regionSteps reads alive (the previous version among it). The
 * segmenter's answers kept from a previous version are not given: they are what it answers anyway.
 */
export function layingOutAgain(
  text: DocumentText,
  cuts: readonly Cut[],
  first: number,
  last: number,
  options: ModelOptions,
  laidOutWith: string,
  facts: DocumentFacts,
  contentBefore: boolean,
  settings: Settings,
  edited: boolean,
): () => Parts {
  return () => layOut(text, cuts, first, last, options, laidOutWith, ORIGIN, facts, contentBefore, settings, undefined, edited)!.source;
}

/**
 * A read-once analysis (Layouts) as its regions are settled (their problems found): while a region's layout
 * is there, its box labels are counted (its census) and, once the document has shown a box label, the labels
 * and titles of the region before it are read with the width of the body lines counted so far, kept with
 * what they read as always (the document's own width, once known, is compared: where it differs, or the
 * regions in view were not all there, they are read again). Then the layout of the region before that
 * goes: nothing the analysis reads afterwards reads it, unless a region's labels are read again; it is
 * then laid out again (LaidOutAgain). On the sample repeated to 10 MB the width is settled by the second
 * region that shows a label.
 */
class ReadOnce {
  private readonly widths = new Map<number, number>();
  /** How each layout made in this version is made again, by the layout (a region taken over from its twin shares it). */
  private readonly again = new WeakMap<Parts, () => Parts>();

  /** `columns`: given when the document has more than FEW_REGIONS regions, whose problems are kept as columns. */
  constructor(
    private labelsMet: boolean,
    private readonly columns: ProblemColumnsCodec | undefined,
  ) {}

  laidOut(region: RegionAnalysis, again: () => Parts): void {
    this.again.set(region.source, again);
  }

  settled(regions: readonly RegionAnalysis[], k: number): void {
    // Its problems as columns, while they are still young (RegionProblems.compact).
    const { problems } = regions[k];
    if (this.columns && !problems.compact && problems.list.length > 0) {
      (regions[k] as { problems: RegionProblems }).problems = compactedProblems(problems.settings, problems.blockAfter, this.columns.compact(problems.list), this.columns.expand);
    }
    const census = regionLabelCensus(regions[k]);
    addWidths(this.widths, census.widths, 1);
    if (census.hits.length > 0) this.labelsMet = true;
    if (this.labelsMet && k >= 1) regionLabelSurroundings(regions, k - 1, readingWidth(this.widths));
    if (k < 2) return;
    const dropped = regions[k - 2];
    const again = this.again.get(dropped.source);
    if (again !== undefined) dropped.source = new LaidOutAgain(again);
  }
}

/** A region's layout that a read-once analysis dropped (ReadOnce), laid out again when first read. */
export class LaidOutAgain implements Parts {
  private parts?: Parts;

  constructor(private readonly layOutAgain: () => Parts) {}

  private get laidOut(): Parts {
    return (this.parts ??= this.layOutAgain());
  }

  get fragments(): readonly Fragment[] {
    return this.laidOut.fragments;
  }

  get breaks(): readonly LineBreak[] {
    return this.laidOut.breaks;
  }

  get blocks(): readonly Block[] {
    return this.laidOut.blocks;
  }

  get roles(): readonly Role[] {
    return this.laidOut.roles;
  }

  get blockOfFragment(): readonly number[] {
    return this.laidOut.blockOfFragment;
  }
}

/** A key no block has: problems not yet found. */
const UNKNOWN = '\u0000unknown';

/**
 * The work done since the last step, in characters weighed by what was done with them. A step ends once
 * it has done about as much as counting WORK_PER_STEP characters: a few milliseconds, whether the step
 * counted regions, compared them with the previous version's or took a run of them over (a 2 MB text
 * repeating itself once took over regions for 400-880 ms without a pause, and a request on another
 * document waited that long).
 */
class StepWork {
  private done = 0;

  add(characters: number, weight: number): void {
    this.done += characters * weight;
  }

  /** Whether the step has done its share; starts the next share when it has. */
  due(): boolean {
    if (this.done < WORK_PER_STEP) return false;
    this.done = 0;
    return true;
  }
}

/** How many characters (with the lines in view) are counted in one step. */
const WORK_PER_STEP = 32_000;
/** Weights of the work on one character, against counting it. Measured on a 2 MB article (ratios of ms per MB). */
const COUNTING = 1;
const COMPARING = 1 / 32;
const SEEKING = 1 / 16;
const TAKING_OVER = 1 / 2;
/** Reading a region's box labels (its census) or its labels and titles with the lines around them. */
const READING_LABELS = 1 / 8;

/** How many regions of the previous version after the last one taken over are compared with a new one. */
const LOOKAHEAD = 4;

/** Characters before a region's start that finding its end may read (seamAfter looks back 64 from a line end after the start), and a margin. */
const SEEN_BEFORE = 80;

/**
 * Whether finding the cut's end, and the lines in view around it, read only text before `prefix`: the
 * anchor sought up to three lengths on (or the seam found), the line end after it, 16 characters of the
 * line after, the line after the view.
 */
function readBefore(cut: Cut, length: number, gapLength: number, prefix: number): boolean {
  return Math.max(cut.end + gapLength + 16, cut.start + 3 * length + gapLength, cut.viewEnd + 2) + SEEN_BEFORE <= prefix;
}

/** The index of the cut that starts at `start`, or -1. */
function cutAt(cuts: readonly Cut[], start: number): number {
  const i = firstIndex(cuts.length, (k) => cuts[k].start >= start);
  return i < cuts.length && cuts[i].start === start ? i : -1;
}

/** A cut moved into text the edit did not change, whose lines in view before it reach what it did: viewed and counted again. */
function viewedAgain(text: DocumentText, cut: Cut): Cut {
  const from = viewStart(text, cut.start, HALO);
  const to = cut.viewEnd;
  return { start: cut.start, end: cut.end, viewStart: from, viewEnd: to, counts: countRegion(text.slice(from, to), { start: cut.start - from, end: cut.end - from }) };
}

/**
 * The reading of a cut of the previous version (`old`) in text the edit did not change (`cut`, moved).
 * When its lines in view did not change either (`sameLines`) and the previous version laid it out as a
 * region of its own, that region is the one to take over (same text, same lines in view: nothing to
 * compare); else it is looked for as any region is.
 */
function takenOverReading(text: DocumentText, cut: Cut, old: Cut, sameLines: boolean, previous: RegionCache, next: number, totalShift: number): Reading {
  const { start, end, viewStart: from, viewEnd: to } = cut;
  const own = previous.byOffset.get(old.start);
  if (sameLines && own !== undefined && own.text.length === end - start && own.before.length === start - from && own.after.length === to - end) {
    return readingOf(cut, own, undefined, true);
  }
  const { known, sameView } = lookUp(text, start, end, from, to, text.slice(start, end), previous, next, totalShift);
  return readingOf(cut, known, undefined, sameView);
}

const NOT_KNOWN = { known: undefined, sameView: false } as const;

/**
 * The previous version's region of the text [start, end), if any, and whether its lines in view
 * [from, to) are the same. Looked for among the few after the last one found (an edit re-parses one region,
 * or merges or splits a few), then where the text after the last edit moved to, and compared: no string is
 * hashed, which would read the whole document.
 */
function lookUp(
  text: DocumentText,
  start: number,
  end: number,
  from: number,
  to: number,
  regionText: string,
  previous: RegionCache,
  next: number,
  totalShift: number,
): { readonly known: RegionAnalysis | undefined; readonly sameView: boolean } {
  const known = followingRegion(previous, next, regionText) ?? sameText(previous.byOffset.get(start - totalShift), regionText);
  return { known, sameView: known !== undefined && known.before === text.slice(from, start) && known.after === text.slice(end, to) };
}

/**
 * The counts of cuts[k] for each k of `elsewhere`, put into `cuts` and `readings`: those `received` (by where
 * each cut starts), and those it lacks counted here. Returns their sum.
 */
function takeCountsOfOthers(text: DocumentText, cuts: Cut[], readings: Reading[], elsewhere: readonly number[], received: readonly CutCounts[] | undefined): StyleCounts {
  const byStart = new Map<number, StyleCounts>();
  for (const { start, counts } of received ?? []) byStart.set(start, counts);
  let total = NO_COUNTS;
  for (const k of elsewhere) {
    const cut = cuts[k];
    const counts = byStart.get(cut.start) ?? countRegion(text.slice(cut.viewStart, cut.viewEnd), { start: cut.start - cut.viewStart, end: cut.end - cut.viewStart });
    cuts[k] = { ...cut, counts };
    readings[k] = { ...readings[k], counts };
    total = addCounts(total, counts);
  }
  return total;
}

/** Written out, not spread: a reading is made for every region of every version. */
function readingOf(cut: Cut, known: RegionAnalysis | undefined, twin: number | undefined, sameView: boolean, wordHints = known?.words): Reading {
  return { start: cut.start, end: cut.end, viewStart: cut.viewStart, viewEnd: cut.viewEnd, counts: cut.counts, known, twin, sameView, wordHints };
}

/** Reading `earlier` has the same lines in view around it as the region [start, end) viewed from `from` to `to`. */
function sameReading(text: DocumentText, earlier: Reading, from: number, start: number, end: number, to: number): boolean {
  return (
    earlier.start - earlier.viewStart === start - from &&
    earlier.viewEnd - earlier.end === to - end &&
    text.startsWith(text.slice(from, start), earlier.viewStart) &&
    text.startsWith(text.slice(end, to), earlier.end)
  );
}

function followingRegion(previous: RegionCache, next: number, text: string): RegionAnalysis | undefined {
  for (let i = next; i < Math.min(next + LOOKAHEAD, previous.list.length); i++) if (previous.list[i].text === text) return previous.list[i];
  return undefined;
}

function sameText(region: RegionAnalysis | undefined, text: string): RegionAnalysis | undefined {
  return region !== undefined && region.text === text ? region : undefined;
}

/**
 * A copy of a string that shares no memory with the string it was sliced from. (V8 keeps a slice as a
 * view of its parent; adding a character makes a new string that slicing then flattens into a copy.)
 */
function detached(text: string): string {
  return (' ' + text).slice(1);
}

/** A region of the previous version (or one met earlier in this one) placed at `at`: nothing in it is copied. */
function takeOver(region: RegionAnalysis, at: Placement): RegionAnalysis {
  return { ...region, at };
}

/** Finds the region's problems with its own model while it has it, then places it among the document's parts. */
function settle(regions: readonly RegionAnalysis[], k: number, settings: Settings, next: RegionAnalysis | undefined, placed: GrowingParts | undefined): void {
  withProblems(regions[k], settings, next);
  if (placed) place(placed, regions[k], regions[k - 1]);
}

/** The key of the block after a region: its role and text (none after the last region). */
function blockAfterKey(next: RegionAnalysis | undefined): string {
  if (!next || next.blockCount === 0) return '';
  // Kept in the region (and in what takes it over): its first block is its own, wherever it stands.
  if (next.firstBlockKey === undefined) {
    const block = next.source.blocks[next.from.block];
    (next as { firstBlockKey?: string }).firstBlockKey = `${block.role}\n${block.text}`;
  }
  return next.firstBlockKey!;
}

/**
 * The region with its problems under `settings` and the block after it, found again when they were
 * found under others. Kept in the region (which then stands for what its problems were found with).
 */
function withProblems(region: RegionAnalysis, settings: Settings, next: RegionAnalysis | undefined): RegionAnalysis {
  const blockAfter = blockAfterKey(next);
  if (region.problems.settings !== settings || region.problems.blockAfter !== blockAfter) {
    const after = next && next.blockCount > 0 ? next.source.blocks[next.from.block] : undefined;
    const model = regionModel(region, after);
    (region as { problems: RegionProblems }).problems = { settings, blockAfter, list: runRules(model, settings) };
    // What the rules asked the word segmenter about the region's lines (pairs the layout did not ask
    // about) joins what the region keeps for the next parse of its lines: after an edit the region is laid
    // out and linted again, and its lines the edit did not touch are then answered from there.
    if (model.wordsAcross) keepAnswers(region.words, region.wordsFrom, model.wordsAcross);
  }
  return region;
}

/** The region's own model, as parsing it gave it, rebuilt from the document's parts. */
function regionModel(region: RegionAnalysis, blockAfter?: Block): ArticleModel {
  const { text, options } = region;
  if (region.from === ORIGIN && 'options' in region.source) {
    const model = region.source as ArticleModel;
    if (!blockAfter) return model;
    // Not spread: that would read `lines`, which makes a Line object for every line.
    const { lineIndex } = model;
    return new IndexedModel({
      text: model.text,
      eol: model.eol,
      bom: model.bom,
      lineIndex,
      fragments: model.fragments,
      roles: model.roles,
      breaks: model.breaks,
      blocks: model.blocks,
      blockOfFragment: model.blockOfFragment,
      directives: model.directives,
      options: model.options,
      blockAfter,
      wordsAcross: model.wordsAcross,
    });
  }
  const lineIndex = region.lines;
  const own: GrowingParts = { fragments: [], breaks: [], blocks: [], roles: [], blockOfFragment: [] };
  appendRegion(own, region.source, region.from, region, ORIGIN);
  return new IndexedModel({
    text,
    eol: options.eol ?? dominantEol(text),
    bom: hasBom(text),
    lineIndex,
    ...own,
    directives: region.directives,
    options,
    blockAfter,
    wordsAcross: wordsAcrossLines(own.fragments, sliceAnswers(region.words, region.wordsFrom, region.wordsFrom + region.fragmentCount)),
  });
}

/**
 * The line index of a text of `length` over `regions`, put together from theirs (read where they are, not
 * copied); with `firstLine`, the first region's first line is that line of the text (text.ts LineIndex.joined).
 */
export function regionsLineIndex(regions: readonly RegionAnalysis[], length: number, firstLine = 0): LineIndex {
  return LineIndex.joined(
    regions.map((region) => ({ lines: region.lines, offset: region.at.offset })),
    length,
    firstLine,
  );
}

/**
 * The model of the whole document from its regions. Its line index is put together from theirs; its
 * fragments, breaks, blocks and roles only when first asked for (the outline, figures, a code action):
 * diagnostics after an edit need none of them, and placing every region after the edit is most of what
 * re-analysing a large document would otherwise cost. A class, not an object literal with getters: V8 makes
 * each getter of a literal an accessor pair in the old generation, which keeps its closure's context (here
 * every region) through every scavenge until the next full collection, dead or not (index.ts DocumentAnalysis
 * says more).
 */
class DocumentModel implements ArticleModel {
  // Declared, not defined as fields (the browser's bundle is kept small): the constructor sets them.
  declare private readonly documentText: DocumentText;
  declare readonly eol: Eol;
  declare readonly options: ModelOptions;
  declare private readonly regions: readonly RegionAnalysis[];
  declare readonly directives: readonly Directive[];
  declare private placedParts: Parts | undefined;
  declare readonly bom: boolean;
  // Joined on first use: the language server converts the diagnostics' offsets with the editor's copy.
  private joinedLines: LineIndex | undefined;

  constructor(documentText: DocumentText, eol: Eol, options: ModelOptions, regions: readonly RegionAnalysis[], directives: readonly Directive[], placedParts?: Parts) {
    this.documentText = documentText;
    this.eol = eol;
    this.options = options;
    this.regions = regions;
    this.directives = directives;
    this.placedParts = placedParts;
    this.bom = hasBom(documentText);
  }

  private placed(): Parts {
    return (this.placedParts ??= placeRegions(this.regions));
  }

  // Joined on first use too: after an edit the editor's copy (lsp/editedDocument.ts) comes in pieces.
  get text(): string {
    return this.documentText.toString();
  }

  get lineIndex(): LineIndex {
    return (this.joinedLines ??= regionsLineIndex(this.regions, this.documentText.length));
  }

  get lines(): readonly Line[] {
    return this.lineIndex.lines;
  }

  get fragments(): readonly Fragment[] {
    return this.placed().fragments;
  }

  get roles(): readonly Role[] {
    return this.placed().roles;
  }

  get breaks(): readonly LineBreak[] {
    return this.placed().breaks;
  }

  get blocks(): readonly Block[] {
    return this.placed().blocks;
  }

  get blockOfFragment(): readonly number[] {
    return this.placed().blockOfFragment;
  }
}

/** Every region's parts placed into one set for the document; each region then reads its parts from there. */
function placeRegions(regions: readonly RegionAnalysis[]): Parts {
  const parts: GrowingParts = { fragments: [], breaks: [], blocks: [], roles: [], blockOfFragment: [] };
  regions.forEach((region, k) => place(parts, region, regions[k - 1]));
  return parts;
}

/** Appends the region's parts to the document's; the region then reads them from there. */
function place(parts: GrowingParts, region: RegionAnalysis, before: RegionAnalysis | undefined): void {
  appendRegion(parts, region.source, region.from, region, region.at, before?.seamDecision);
  // Its own model's arrays (or an older version's) are no longer needed.
  region.source = parts;
  region.from = region.at;
}

/**
 * Appends a region's fragments, breaks, blocks and roles, read from `source` where the region stands
 * at `from` (a region's own model stands at ORIGIN), to `target`, moved to `to`; the objects themselves
 * when the region has not moved. Between two regions comes a seam break.
 */
function appendRegion(
  target: GrowingParts,
  source: Parts,
  from: Placement,
  counts: { readonly fragmentCount: number; readonly blockCount: number },
  to: Placement,
  seamDecision?: SeamDecision,
): void {
  const offset = to.offset - from.offset;
  const line = to.line - from.line;
  const fragment = to.fragment - from.fragment;
  const block = to.block - from.block;
  const moved = offset !== 0 || line !== 0 || fragment !== 0 || block !== 0;
  const first = target.fragments.length;
  for (let i = from.fragment; i < from.fragment + counts.fragmentCount; i++) {
    const f = source.fragments[i];
    target.fragments.push(moved ? shiftFragment(f, fragment, line, offset) : f);
    target.roles.push(source.roles[i]);
    target.blockOfFragment.push(source.blockOfFragment[i] + block);
  }
  if (first > 0 && counts.fragmentCount > 0) {
    target.breaks.push(seamBreak(target.fragments[first - 1], target.fragments[first], target.roles[first - 1], target.roles[first], seamDecision));
  }
  const movedFragment = (index: number): Fragment => target.fragments[index];
  for (let i = from.fragment; i < from.fragment + counts.fragmentCount - 1; i++) {
    const b = source.breaks[i];
    target.breaks.push(moved ? movedBreak(b, fragment, movedFragment) : b);
  }
  for (let i = from.block; i < from.block + counts.blockCount; i++) {
    const b = source.blocks[i];
    // A line block takes its fragment as moved with it (appended above at its new index).
    target.blocks.push(moved ? movedBlock(b, block, fragment, offset, movedFragment) : b);
  }
}

/** The layout's decision at a seam: a block ends there. */
interface SeamDecision {
  readonly reason: string;
  readonly confidence: number;
}

/**
 * The break between the last fragment of one region (`before`) and the first of the next (`after`), as placed:
 * one blank line, a paragraph end; `decision` the layout's of the region before.
 */
function seamBreak(before: Fragment, after: Fragment, beforeRole: Role, afterRole: Role, decision: SeamDecision = { reason: 'region-edge', confidence: 1 }): LineBreak {
  const bothBody = beforeRole === 'body' && afterRole === 'body';
  return new BreakBetween(before, after, bothBody ? 'paragraph' : 'block', decision.reason, inMillionths(decision.confidence), '', false);
}

/**
 * Break `b` moved `fragment` fragments on, between its fragments as moved (`movedFragment`, by their indexes
 * after the move): itself when those are the fragments it stands between (its region did not move).
 */
function movedBreak(b: LineBreak, fragment: number, movedFragment: (index: number) => Fragment): LineBreak {
  const before = movedFragment(b.index + fragment);
  const after = movedFragment(b.index + fragment + 1);
  if (b instanceof BreakBetween && b.before === before && b.after === after) return b;
  return new BreakBetween(before, after, b.kind, b.reason, b.confidencePpm, b.joiner, b.keepsLeadingSpace);
}

/**
 * Block `b` moved `block` blocks, `fragment` fragments and `offset` characters on; a line block takes its
 * fragment as moved (`movedFragment`, by its index after the move).
 */
function movedBlock(b: Block, block: number, fragment: number, offset: number, movedFragment: (index: number) => Fragment): Block {
  if (b instanceof LineBlock) return new LineBlock(b.index + block, b.role, b.firstFragment + fragment, movedFragment(b.firstFragment + fragment));
  return {
    index: b.index + block,
    role: b.role,
    firstFragment: b.firstFragment + fragment,
    lastFragment: b.lastFragment + fragment,
    start: b.start + offset,
    end: b.end + offset,
    text: b.text,
    pieces: offset === 0 || b.pieces.length === 0 ? b.pieces : b.pieces.map((piece) => ({ logicalStart: piece.logicalStart, sourceStart: piece.sourceStart + offset, length: piece.length })),
  };
}

/** The region as the speakers read it: its blocks where it stands in its source, its reading kept in it. */
class SpeakersRegion implements SpeakerRegion {
  constructor(private readonly region: RegionAnalysis) {}

  get at(): number {
    return this.region.at.offset;
  }

  get reading(): SpeakerReading | undefined {
    return this.region.speakers;
  }

  set reading(reading: SpeakerReading | undefined) {
    this.region.speakers = reading;
  }

  blocks(): { readonly blocks: readonly Block[]; readonly from: number } {
    const { source, from, blockCount } = this.region;
    return { blocks: source.blocks.slice(from.block, from.block + blockCount), from: from.offset };
  }
}

/** The region's figures where it stands (found in its own model on first use), kept in it. */
function placedFigures(region: RegionAnalysis): readonly Figure[] {
  const found = region.figures ?? { list: figuresOf(regionModel(region)), at: ORIGIN };
  region.figures = found.at === region.at ? found : { list: moveFigures(found.list, found.at, region.at), at: region.at };
  return region.figures.list;
}

/** The kinds of highlight, numbered as OwnReadings keeps them. */
const HIGHLIGHT_KINDS: readonly HighlightKind[] = ['title', 'heading', 'label', 'byline', 'directive', 'figure'];

/**
 * The document's highlights: each region's, found once from its own lines and figures and kept in it (its
 * own offsets), moved to where it stands.
 */
function regionHighlights(regions: readonly RegionAnalysis[]): Highlight[] {
  const highlights: Highlight[] = [];
  for (const region of regions) {
    const { ranges, kinds } = ownHighlights(region);
    const offset = region.at.offset;
    for (let j = 0; j < kinds.length; j++) highlights.push({ start: ranges[2 * j] + offset, end: ranges[2 * j + 1] + offset, kind: HIGHLIGHT_KINDS[kinds[j]] });
  }
  return highlights;
}

function ownHighlights(region: RegionAnalysis): { readonly ranges: Int32Array; readonly kinds: Uint8Array } {
  const { own } = region;
  if (own.highlights) return own.highlights;
  const { source, from, at, fragmentCount } = region;
  // The figures where the region stands, read against its lines where they stand in its source.
  const found = highlightsOfLines(source.fragments, source.roles, from.fragment, from.fragment + fragmentCount, placedFigures(region), from.offset - at.offset);
  const ranges = new Int32Array(2 * found.length);
  const kinds = new Uint8Array(found.length);
  found.forEach((highlight, j) => {
    ranges[2 * j] = highlight.start - from.offset;
    ranges[2 * j + 1] = highlight.end - from.offset;
    kinds[j] = HIGHLIGHT_KINDS.indexOf(highlight.kind);
  });
  own.highlights = { ranges, kinds };
  return own.highlights;
}

function moveFigures(figures: readonly Figure[], from: Placement, to: Placement): readonly Figure[] {
  const offset = to.offset - from.offset;
  const block = to.block - from.block;
  if (offset === 0 && block === 0) return figures;
  return figures.map((figure) => ({
    ...figure,
    ranges: figure.ranges.map(([start, end]) => [start + offset, end + offset] as const),
    block: figure.block + block,
  }));
}

/** A region's inline label lines are read as if no title of such a line ended just before it. */
const NO_TITLE_END = -2;

/** Where each region starts: its offset, and its first fragment's, line's and block's numbers. */
interface RegionStarts {
  readonly offsets: Float64Array;
  readonly fragments: Float64Array;
  readonly lines: Float64Array;
  readonly blocks: Float64Array;
}

/**
 * The document's lines as the outline (outline/build.ts) and the features that read lines one at a time
 * (lines.ts: folds, quick fixes, hovers) read them, from its regions where they stand: nothing is placed but
 * the few lines and blocks they ask for by number, and what they read of each region is kept in the region,
 * so a version reads again only the regions an edit laid out anew (and, for the outline, those around them).
 */
class RegionLines implements OutlineSource, LineReader {
  /** Where each region starts, read once: the searches below read them often. */
  private starts?: RegionStarts;

  constructor(private readonly regions: readonly RegionAnalysis[]) {}

  get fragmentCount(): number {
    const last = this.regions[this.regions.length - 1];
    return last === undefined ? 0 : last.at.fragment + last.fragmentCount;
  }

  private get regionStarts(): RegionStarts {
    if (!this.starts) {
      const { regions } = this;
      const offsets = new Float64Array(regions.length);
      const fragments = new Float64Array(regions.length);
      const lines = new Float64Array(regions.length);
      const blocks = new Float64Array(regions.length);
      regions.forEach((region, k) => {
        offsets[k] = region.at.offset;
        fragments[k] = region.at.fragment;
        lines[k] = region.at.line;
        blocks[k] = region.at.block;
      });
      this.starts = { offsets, fragments, lines, blocks };
    }
    return this.starts;
  }

  /** The region holding document fragment i (the last one starting at or before it: a region may have no fragment). */
  private regionOf(i: number): RegionAnalysis {
    return this.regions[this.lastStartingBy(this.regionStarts.fragments, i)];
  }

  /** The index of the last region whose start (in `starts`) is at or before `i`. */
  private lastStartingBy(starts: Float64Array, i: number): number {
    return lastAtMost(starts, i);
  }

  fragment(i: number): Fragment {
    const { source, from, at } = this.regionOf(i);
    const f = source.fragments[from.fragment + (i - at.fragment)];
    const offset = at.offset - from.offset;
    const fragment = at.fragment - from.fragment;
    const line = at.line - from.line;
    return offset === 0 && fragment === 0 && line === 0 ? f : shiftFragment(f, fragment, line, offset);
  }

  fragmentStart(i: number): number {
    const { source, from, at } = this.regionOf(i);
    return source.fragments[from.fragment + (i - at.fragment)].start + (at.offset - from.offset);
  }

  fragmentEnd(i: number): number {
    const { source, from, at } = this.regionOf(i);
    return source.fragments[from.fragment + (i - at.fragment)].end + (at.offset - from.offset);
  }

  role(i: number): Role {
    const { source, from, at } = this.regionOf(i);
    return source.roles[from.fragment + (i - at.fragment)];
  }

  lineBreak(i: number): LineBreak {
    const k = this.lastStartingBy(this.regionStarts.fragments, i + 1);
    const { source, from, at } = this.regions[k];
    if (i + 1 === at.fragment) {
      // A seam: the break placing the regions puts there, with the layout's decision of the region before.
      return seamBreak(this.fragment(i), this.fragment(i + 1), this.role(i), this.role(i + 1), this.regions[k - 1].seamDecision);
    }
    return movedBreak(source.breaks[from.fragment + (i - at.fragment)], at.fragment - from.fragment, (index) => this.fragment(index));
  }

  fragmentOnLine(line: number): Fragment | undefined {
    if (this.regions.length === 0 || line < 0) return undefined;
    const { source, from, at, fragmentCount } = this.regions[this.lastStartingBy(this.regionStarts.lines, line)];
    const found = fragmentOnLine(source.fragments, line - at.line + from.line, from.fragment, from.fragment + fragmentCount);
    return found && this.fragment(at.fragment + (found.index - from.fragment));
  }

  block(i: number): Block | undefined {
    if (i < 0 || i >= this.blockCount) return undefined;
    const region = this.regions[this.lastStartingBy(this.regionStarts.blocks, i)];
    return this.placedBlock(region, i - region.at.block);
  }

  blockAt(offset: number): Block | undefined {
    if (this.blockCount === 0) return undefined;
    // The last region starting at or before the offset that has a block starting there, else the first block.
    for (let k = this.lastStartingBy(this.regionStarts.offsets, offset); k >= 0; k--) {
      const region = this.regions[k];
      const { source, from, at, blockCount } = region;
      const found = lastStartingBy(source.blocks, from.block, from.block + blockCount, offset - at.offset + from.offset);
      if (found >= from.block) return this.placedBlock(region, found - from.block);
    }
    return this.block(0);
  }

  private get blockCount(): number {
    const last = this.regions[this.regions.length - 1];
    return last === undefined ? 0 : last.at.block + last.blockCount;
  }

  multiLineBlocks(): readonly LineSpan[] {
    const spans: LineSpan[] = [];
    for (const region of this.regions) {
      const { own, source, from, blockCount, lines } = region;
      if (!own.multiLineBlocks) {
        // In the region's own lines: its blocks' offsets where it stands in its source, less that.
        const found = multiLineBlocks(source.blocks, from.block, from.block + blockCount, (offset) => lines.lineAt(offset - from.offset));
        own.multiLineBlocks = Int32Array.from(found.flatMap((span) => [span.startLine, span.endLine]));
      }
      const kept = own.multiLineBlocks;
      const line = region.at.line;
      for (let j = 0; j < kept.length; j += 2) spans.push({ startLine: kept[j] + line, endLine: kept[j + 1] + line });
    }
    return spans;
  }

  titleBlock(): Block {
    for (const region of this.regions) {
      const { source, from, blockCount, own } = region;
      if (own.titleBlock === undefined) {
        const found = firstTitleBlock(source.blocks, from.block, from.block + blockCount);
        own.titleBlock = found < 0 ? -1 : found - from.block;
      }
      if (own.titleBlock >= 0) return this.placedBlock(region, own.titleBlock);
    }
    return this.placedBlock(this.regions.find((region) => region.blockCount > 0)!, 0);
  }

  /** Block `index` of `region` (in its own numbering), placed in the document. */
  private placedBlock(region: RegionAnalysis, index: number): Block {
    const { source, from, at } = region;
    const b = source.blocks[from.block + index];
    const offset = at.offset - from.offset;
    const fragment = at.fragment - from.fragment;
    const block = at.block - from.block;
    if (offset === 0 && fragment === 0 && block === 0 && at.line === from.line) return b;
    return movedBlock(b, block, fragment, offset, (index) => this.fragment(index));
  }

  /** Each region's bylines, in its own offsets (kept in it). */
  private ownBylines(): ReadonlyArray<readonly Byline[]> {
    return this.regions.map((region) => {
      const { source, from, blockCount } = region;
      return (region.own.bylines ??= bylinesOf(source.blocks, from.block, from.block + blockCount).map((b) => ({ text: b.text, start: b.start - from.offset, end: b.end - from.offset })));
    });
  }

  regionReadings(width: number): RegionReadings {
    return { ...this.regionSpans(), inline: this.ownInlineLabels(width), bylines: this.ownBylines() };
  }

  /** Each region's inline label lines read with `width`, in its own numbering and offsets (kept in it). */
  private ownInlineLabels(width: number): ReadonlyArray<readonly LabelHit[]> {
    const { regions } = this;
    const inline: Array<readonly LabelHit[]> = [];
    // Where the title of the last hit so far ends (a document line), if any.
    let titleEnd: number | undefined;
    for (let k = 0; k < regions.length; k++) {
      const { at, fragmentCount } = regions[k];
      if (fragmentCount === 0) {
        inline.push(NO_HITS);
        continue;
      }
      // Only a title ending on the line before the region or on its first line is read by its lines.
      const relative = titleEnd === undefined || titleEnd - at.fragment < -1 ? NO_TITLE_END : titleEnd - at.fragment;
      const own = regionInlineLabels(regions, k, width, relative);
      inline.push(own);
      if (own.length > 0) titleEnd = own[own.length - 1].inlineTitle!.last + at.fragment;
    }
    return inline;
  }

  /** Where each region stands, and the span of the text its labels and titles were read with in view (regionsInView). */
  private regionSpans(): Pick<RegionReadings, 'fragments' | 'offsets' | 'viewStarts' | 'viewEnds'> {
    const { regions } = this;
    const { offsets, fragments } = this.regionStarts;
    const viewStarts = new Float64Array(regions.length);
    const viewEnds = new Float64Array(regions.length);
    for (let k = 0; k < regions.length; k++) {
      const [first, last] = regionsInView(regions, k);
      viewStarts[k] = offsets[first];
      // Up to the next region's start (the seam's blank lines included); the last region's reaches the end.
      viewEnds[k] = last + 1 < regions.length ? offsets[last + 1] : Infinity;
    }
    return { fragments, offsets, viewStarts, viewEnds };
  }
}

const NO_HITS: readonly LabelHit[] = [];

/** Region k's inline label lines (RegionAnalysis.inlineLabels), in its own numbering and offsets, kept in it. */
function regionInlineLabels(regions: readonly RegionAnalysis[], k: number, width: number, titleEnd: number): readonly LabelHit[] {
  const region = regions[k];
  const [first, last] = regionsInView(regions, k);
  let kept = region.inlineLabels;
  if (!kept || !readsAsBefore(kept.key, regions, first, last, width)) {
    const key: unknown[] = [width];
    for (let i = first; i <= last; i++) {
      key.push(regions[i].lines);
      if (i < last) key.push(gapAfter(regions, i));
    }
    region.inlineLabels = kept = { key, byTitleEnd: new Map() };
  }
  const known = kept.byTitleEnd.get(titleEnd);
  if (known) return known;
  let inView: Parts;
  let at: Placement;
  if (sideBySide(regions, first, last)) {
    inView = region.source;
    at = region.from;
  } else {
    ({ inView, at } = linesInView(regions, k, first, last));
  }
  const read = inlineLabelLines(inView, width, at.fragment, at.fragment + region.fragmentCount, titleEnd === NO_TITLE_END ? undefined : at.fragment + titleEnd);
  const own = read.map((hit) => movedHit(hit, 0 - at.fragment, 0 - at.offset));
  kept.byTitleEnd.set(titleEnd, own);
  return own;
}

