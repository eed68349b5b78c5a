// The article model: built once per document version, read by every feature.

import { isInlineSpace, isInlineSpaceCode } from './charClasses';
import { LineIndex, dominantEol, hasBom, type Eol, type Line } from './text';
import { analyzeLayout } from './breaks/layout';
import type { WordAnswers, WordsAcrossLines } from './breaks/evidence';
import { inMillionths, type Decision } from './breaks/decide';
import { countStyle, type DocumentFacts, type FragmentSpans, type LineWidths, type StyleCounts } from './breaks/style';
import { columnWidths, emWidth } from './breaks/width';
import { firstIndex } from './search';
import { Scratch } from './scratch';
import { parseDirective } from './directives';
import type { ArticleModel, Block, BreakKind, Directive, Fragment, LineBreak, ModelOptions, Piece, Role } from './article';

export type { ArticleModel, Block, BreakKind, Fragment, LineBreak, ModelOptions, Piece, Role } from './article';

export const defaultModelOptions: ModelOptions = { cjkLatinSpacing: 'ignore' };


/** `wordHints`: the segmenter's answers from an earlier parse of mostly the same text (see wordsAcrossLines). */
export function parseArticle(text: string, options: ModelOptions = defaultModelOptions, wordHints?: WordAnswers): ArticleModel {
  return parseRegion(text, { start: 0, end: text.length }, options, wordHints).model;
}

/**
 * Where a region of a document stands in the text parsed for it (the region with lines around it in
 * view), and what the whole document has settled: its facts, whether a title came before.
 */
export interface RegionView {
  readonly start: number;
  readonly end: number;
  /** Without facts, the text is the whole document and its facts are read from it. */
  readonly facts?: DocumentFacts;
  readonly contentBefore?: boolean;
  /** The widths of the fragments in view and of their columns, as counting them measured them (countRegion). */
  readonly widths?: LineWidths;
}

export interface RegionParse {
  /** The model of the region alone, in its own offsets. */
  readonly model: ArticleModel;
  /** The decision at the break after the region's last fragment, when one follows in view. */
  readonly seam?: Decision;
  /** What the segmenter answered about the lines in view; those of the region start at `wordsFrom`. */
  readonly words: WordAnswers;
  readonly wordsFrom: number;
}

/**
 * A model whose Line objects are made from its line index only when read (a large document has very many).
 * A class, not an object literal with a `lines` getter: V8 makes each getter of a literal an accessor pair in
 * the old generation, which keeps its closure's context alive through every scavenge until the next full
 * collection, dead or not (index.ts DocumentAnalysis says more).
 */
export class IndexedModel implements ArticleModel {
  // Declared, not defined as fields (the browser's bundle is kept small): the constructor sets them.
  declare readonly text: string;
  declare readonly eol: Eol;
  declare readonly bom: boolean;
  declare readonly lineIndex: LineIndex;
  declare readonly fragments: readonly Fragment[];
  declare readonly roles: readonly Role[];
  declare readonly breaks: readonly LineBreak[];
  declare readonly blocks: readonly Block[];
  declare readonly blockOfFragment: readonly number[];
  declare readonly directives: readonly Directive[];
  declare readonly options: ModelOptions;
  declare readonly blockAfter?: Block;
  declare readonly wordsAcross?: WordsAcrossLines;

  constructor(fields: Omit<ArticleModel, 'lines'>) {
    this.text = fields.text;
    this.eol = fields.eol;
    this.bom = fields.bom;
    this.lineIndex = fields.lineIndex;
    this.fragments = fields.fragments;
    this.roles = fields.roles;
    this.breaks = fields.breaks;
    this.blocks = fields.blocks;
    this.blockOfFragment = fields.blockOfFragment;
    this.directives = fields.directives;
    this.options = fields.options;
    this.blockAfter = fields.blockAfter;
    this.wordsAcross = fields.wordsAcross;
  }

  get lines(): readonly Line[] {
    return this.lineIndex.lines;
  }
}

/**
 * Parses the region [view.start, view.end) of `text` (the rest is read as its neighbours' lines only)
 * into a model of the region alone. With the whole text as the region this is the article's model.
 */
export function parseRegion(text: string, view: RegionView, options: ModelOptions = defaultModelOptions, wordHints?: WordAnswers): RegionParse {
  const whole = view.start === 0 && view.end === text.length;
  // A region's text with its neighbours' lines is indexed only while it is read: that index is lent.
  const textIndex = whole ? LineIndex.of(text) : LineIndex.of(text, VIEW_LINES);
  const inView = readFragments(text, textIndex);
  const from = whole ? 0 : firstIndex(inView.length, (i) => inView[i].lineStart >= view.start);
  const to = whole ? inView.length : firstIndex(inView.length, (i) => inView[i].lineStart >= view.end);
  const directivesInView: Directive[] = [];
  for (const fragment of inView) {
    const directive = parseDirective(fragment);
    if (directive) directivesInView.push(directive);
  }
  // The Line objects are made only if the layout asks for them (a large document has very many).
  const layout = analyzeLayout({
    text,
    fragments: inView,
    directives: directivesInView,
    options,
    wordHints,
    view: view.facts ? { from, to, facts: view.facts, contentBefore: view.contentBefore ?? false, widths: view.widths } : undefined,
  });
  const ownText = whole ? text : text.slice(view.start, view.end);
  const lineIndex = whole ? textIndex : LineIndex.of(ownText);
  const firstLine = whole ? 0 : textIndex.lineAt(view.start);
  // `0 - x`, not `-x`: -0 is not a small integer, and one -0 stored in a field makes V8 box that field as a
  // double in every fragment (and in the breaks and blocks that copy it): 27 MB more for a 10 MB article.
  const fragments = whole ? inView : shiftedFragments(inView, from, to, 0 - firstLine, 0 - view.start);
  const directives = whole
    ? directivesInView
    : directivesInView.filter((d) => d.fragment >= from && d.fragment < to).map((d) => ({ ...d, fragment: d.fragment - from, line: d.line - firstLine }));
  // Pushed, not mapped: an array made by `map` is packed or holey depending on whether V8 has optimized the
  // caller yet (its inlined map makes the array at full length, holes first), so the breaks of one file and
  // the next had two maps, and every rule looping over them was deoptimized ("wrong map") and compiled again.
  const breaks: LineBreak[] = [];
  for (let i = 0; i + 1 < fragments.length; i++) {
    const before = fragments[i];
    const after = fragments[i + 1];
    const decision = layout.breaks[i];
    breaks.push(new BreakBetween(before, after, decision.kind, decision.reason, inMillionths(decision.confidence), decision.joiner, decision.keepsLeadingSpace));
  }
  const { blocks, blockOfFragment } = buildBlocks(ownText, fragments, breaks, layout.roles);
  const words = layout.wordsAcross.answers();
  const model: ArticleModel = new IndexedModel({
    text: ownText,
    eol: options.eol ?? dominantEol(ownText),
    bom: hasBom(ownText),
    lineIndex,
    fragments,
    roles: layout.roles,
    breaks,
    blocks,
    blockOfFragment,
    directives,
    options,
    wordsAcross: whole ? layout.wordsAcross : layout.wordsAcross.forLines(from, to, fragments),
  });
  return { model, seam: layout.seam, words, wordsFrom: from };
}

/**
 * The counts the document's facts are read from (breaks/style.ts), for the region [view.start, view.end)
 * of `text`, read with the lines around it in view.
 */
export function countRegion(text: string, view: { readonly start: number; readonly end: number }, measured?: (widths: LineWidths) => void): StyleCounts {
  // Read as spans, not fragments: the lines in view are read again when the region is laid out, and
  // counting them needs no object or string per line.
  // Every array here is lent (scratch.ts): the counts are numbers, and nothing read here is kept.
  const spans = fragmentSpans(text, LineIndex.of(text, COUNTED_LINES));
  const { count, lineStarts, starts, ends } = spans;
  const from = firstIndex(count, (i) => lineStarts[i] >= view.start);
  const to = firstIndex(count, (i) => lineStarts[i] >= view.end);
  const widths = COUNTED_WIDTHS.lend(count);
  for (let i = 0; i < count; i++) widths[i] = emWidth(text, starts[i], ends[i]);
  const columns = columnWidths(widths, COUNTED_COLUMNS.lend(count));
  // Lent: whoever keeps them copies them.
  measured?.({ widths, columns });
  return countStyle(text, spans, widths, columns, from, to);
}

/** The fragment moved by the given differences (callers pass `a - b` or `0 - b`, never `-b`: see parseRegion). */
export function shiftFragment(f: Fragment, index: number, line: number, offset: number): Fragment {
  return new LineFragment(f.index + index, f.line + line, f.lineStart + offset, f.start + offset, f.end + offset, f.text);
}

/**
 * A fragment, made with `new`, never as an object literal. Why: V8 tenures an object literal's allocation
 * site once most of what it made outlived a scavenge (allocation-site pretenuring), and from then on makes
 * all of that site's objects in the old generation, which only a full collection frees. A region's
 * fragments as its view reads them (and as its own model moves them) last one region, those of the
 * document's parts last as long as the analysis: as literals, both were tenured early in a first
 * analysis, and a 10 MB article's every view left its fragments in the old generation as garbage
 * (docs/performance-log.md, branch mem23). `new` has no allocation site: what dies young is freed young.
 */
class LineFragment implements Fragment {
  constructor(
    readonly index: number,
    readonly line: number,
    readonly lineStart: number,
    readonly start: number,
    readonly end: number,
    readonly text: string,
  ) {}
}

// What BreakBetween keeps in one integer: two flags, and above them the decision's confidence (LineBreak.confidencePpm).
const JOINS_WITH_SPACE = 1;
const KEEPS_LEADING_SPACE = 2;
const CONFIDENCE_SHIFT = 2;

/**
 * The break between two fragments (`after` the one after `before`), made with `new` as a fragment is (LineFragment
 * says why), reading its index, range and blank lines from its fragments as a LineBlock does, and keeping its
 * joiner, whether it keeps the leading space and its confidence in one small integer: five fields where a break
 * kept nine, 64 bytes where it took 96 (4 MB less in a clean 10 MB article, whose 134,000 breaks live as long as
 * its analysis). Its kind stays a field: packed too, a CLI run over a raw megabyte took 0.6 % more instructions.
 * Answers as any LineBreak does.
 */
export class BreakBetween implements LineBreak {
  private readonly decision: number;

  constructor(
    readonly before: Fragment,
    readonly after: Fragment,
    readonly kind: BreakKind,
    readonly reason: string,
    confidencePpm: number,
    joiner: string,
    keepsLeadingSpace: boolean,
  ) {
    this.decision = (joiner === ' ' ? JOINS_WITH_SPACE : 0) | (keepsLeadingSpace ? KEEPS_LEADING_SPACE : 0) | (confidencePpm << CONFIDENCE_SHIFT);
  }

  get index(): number {
    return this.before.index;
  }

  get confidencePpm(): number {
    return this.decision >>> CONFIDENCE_SHIFT;
  }

  get blankLines(): number {
    return this.after.line - this.before.line - 1;
  }

  get joiner(): string {
    return (this.decision & JOINS_WITH_SPACE) !== 0 ? ' ' : '';
  }

  get keepsLeadingSpace(): boolean {
    return (this.decision & KEEPS_LEADING_SPACE) !== 0;
  }

  get start(): number {
    return this.before.end;
  }

  get end(): number {
    return this.keepsLeadingSpace ? this.after.lineStart : this.after.start;
  }
}

/** inView[from..to) moved to the region's own offsets (shiftFragment), pushed into a packed array as the breaks are. */
function shiftedFragments(inView: readonly Fragment[], from: number, to: number, line: number, offset: number): Fragment[] {
  const fragments: Fragment[] = [];
  for (let i = from; i < to; i++) fragments.push(shiftFragment(inView[i], 0 - from, line, offset));
  return fragments;
}

function readFragments(text: string, lineIndex: LineIndex): Fragment[] {
  const { count, lines, lineStarts, starts, ends } = fragmentSpans(text, lineIndex);
  // Pushed, not written into an array of holes: the layout reads it as a packed array.
  const fragments: Fragment[] = [];
  for (let index = 0; index < count; index++) {
    const start = starts[index];
    const end = ends[index];
    fragments.push(new LineFragment(index, lines[index], lineStarts[index], start, end, text.slice(start, end)));
  }
  return fragments;
}

// Lent arrays (scratch.ts) of countRegion and fragmentSpans. Both callers of fragmentSpans, countRegion and
// readFragments, are done with its spans before they return.
const COUNTED_LINES = new Scratch((n) => new Uint32Array(n));
const COUNTED_WIDTHS = new Scratch((n) => new Float64Array(n));
const COUNTED_COLUMNS = new Scratch((n) => new Float64Array(n));
const SPANS = new Scratch((n) => new Int32Array(n));
/** parseRegion's index of a region's lines in view: read, and dropped, before it returns. */
const VIEW_LINES = new Scratch((n) => new Uint32Array(n));

/**
 * Where the text's fragments stand: each line that is not blank, trimmed of blanks (isBlankChar). Line
 * bounds are read from the index's arrays and blanks tested by code unit: no Line object and no
 * one-character string per line (a 10 MB document's views are read a million lines over).
 */
function fragmentSpans(text: string, lineIndex: LineIndex): FragmentSpans {
  const lineCount = lineIndex.lineCount;
  const columns = SPANS.lend(4 * lineCount);
  const lines = columns.subarray(0, lineCount);
  const lineStarts = columns.subarray(lineCount, 2 * lineCount);
  const starts = columns.subarray(2 * lineCount, 3 * lineCount);
  const ends = columns.subarray(3 * lineCount);
  let count = 0;
  for (let index = 0; index < lineCount; index++) {
    const lineStart = lineIndex.startOf(index);
    let start = lineStart;
    let end = lineIndex.endOf(index);
    while (start < end && isBlankCode(text.charCodeAt(start))) start++;
    while (end > start && isBlankCode(text.charCodeAt(end - 1))) end--;
    if (start === end) continue;
    lines[count] = index;
    lineStarts[count] = lineStart;
    starts[count] = start;
    ends[count] = end;
    count++;
  }
  return { count, lines, lineStarts, starts, ends };
}

/** Whitespace a fragment is trimmed of: inline spaces, form feeds, a BOM and other format controls. */
export function isBlankChar(ch: string): boolean {
  return isInlineSpace(ch) || ch === '\f' || ch === '\v' || ch === '\uFEFF' || ch === '\u200B';
}

/** isBlankChar of one code unit. */
function isBlankCode(code: number): boolean {
  return isInlineSpaceCode(code) || code === 0x0c || code === 0x0b || code === 0xfeff || code === 0x200b;
}

/** The pieces of a block that reads as its source. */
const AS_PRINTED: readonly Piece[] = Object.freeze([]);

/**
 * A block of one fragment (most blocks of a clean article: a paragraph, heading or label on one line),
 * reading its range and text from the fragment: four fields where a block of several keeps eight, a
 * sixth of the model's memory for a large clean document. Answers as any block does. Its fragment's number is
 * kept, not read from the fragment: a getter there, read where blocks of several (plain objects) are read too,
 * made a CLI run over a raw megabyte take 0.6 % more instructions.
 */
export class LineBlock implements Block {
  constructor(
    readonly index: number,
    readonly role: Role,
    readonly firstFragment: number,
    /** fragments[firstFragment] of the parts it belongs to. */
    readonly fragment: Fragment,
  ) {}

  get lastFragment(): number {
    return this.firstFragment;
  }

  get start(): number {
    return this.fragment.start;
  }

  get end(): number {
    return this.fragment.end;
  }

  get text(): string {
    return this.fragment.text;
  }

  get pieces(): readonly Piece[] {
    return AS_PRINTED;
  }
}

function buildBlocks(
  text: string,
  fragments: readonly Fragment[],
  breaks: readonly LineBreak[],
  roles: readonly Role[],
): { blocks: Block[]; blockOfFragment: number[] } {
  const blocks: Block[] = [];
  const blockOfFragment: number[] = new Array(fragments.length);
  let first = 0;
  while (first < fragments.length) {
    let last = first;
    while (last < breaks.length && breaks[last].kind === 'wrap') last++;
    if (first === last) {
      const fragment = fragments[first];
      blockOfFragment[first] = blocks.length;
      blocks.push(new LineBlock(blocks.length, roles[first], first, fragment));
      first = last + 1;
      continue;
    }
    // Made at its final size: an array grown by push keeps room for 16 more (a block has a piece or two).
    const pieces: Piece[] = new Array(last - first + 1);
    let logical = '';
    for (let i = first; i <= last; i++) {
      const fragment = fragments[i];
      const sourceStart = i > first && breaks[i - 1].keepsLeadingSpace ? fragment.lineStart : fragment.start;
      if (i > first) logical += breaks[i - 1].joiner;
      pieces[i - first] = { logicalStart: logical.length, sourceStart, length: fragment.end - sourceStart };
      logical += text.slice(sourceStart, fragment.end);
      blockOfFragment[i] = blocks.length;
    }
    blocks.push({
      index: blocks.length,
      role: roles[first],
      firstFragment: first,
      lastFragment: last,
      start: fragments[first].start,
      end: fragments[last].end,
      text: logical,
      pieces,
    });
    first = last + 1;
  }
  return { blocks, blockOfFragment };
}

/** Source offset of a logical offset in a block (joiners map to the start of the break they replace). */
export function toSourceOffset(block: Block, logicalOffset: number): number {
  const pieces = block.pieces;
  if (pieces.length === 0) return block.start + Math.min(Math.max(0, logicalOffset), block.end - block.start);
  let low = 0;
  let high = pieces.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (pieces[mid].logicalStart <= logicalOffset) low = mid;
    else high = mid - 1;
  }
  const piece = pieces[low];
  return piece.sourceStart + Math.min(Math.max(0, logicalOffset - piece.logicalStart), piece.length);
}

/** Logical offset of a source offset inside a block, or undefined when it falls in a break. */
export function toLogicalOffset(block: Block, sourceOffset: number): number | undefined {
  if (block.pieces.length === 0) return sourceOffset >= block.start && sourceOffset <= block.end ? sourceOffset - block.start : undefined;
  for (const piece of block.pieces) {
    if (sourceOffset >= piece.sourceStart && sourceOffset <= piece.sourceStart + piece.length) {
      return piece.logicalStart + (sourceOffset - piece.sourceStart);
    }
  }
  return undefined;
}

/** The block holding a source offset, or the nearest block before it. */
export function blockAt(model: ArticleModel, offset: number): Block | undefined {
  const blocks = model.blocks;
  let low = 0;
  let high = blocks.length - 1;
  if (high < 0) return undefined;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (blocks[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return blocks[low];
}

/** Source ranges of a logical range, one per piece it crosses. */
export function toSourceRanges(block: Block, logicalStart: number, logicalEnd: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (block.pieces.length === 0) {
    const start = Math.max(logicalStart, 0);
    const end = Math.min(logicalEnd, block.end - block.start);
    if (start < end) ranges.push([block.start + start, block.start + end]);
    return ranges;
  }
  for (const piece of block.pieces) {
    const pieceEnd = piece.logicalStart + piece.length;
    const start = Math.max(logicalStart, piece.logicalStart);
    const end = Math.min(logicalEnd, pieceEnd);
    if (start < end) ranges.push([piece.sourceStart + start - piece.logicalStart, piece.sourceStart + end - piece.logicalStart]);
  }
  return ranges;
}
