// The article model: built once per document version, read by every feature.

import { isInlineSpace } from './charClasses';
import { LineIndex, type Line, type Eol, dominantEol, hasBom } from './text';
import { analyzeLayout, type Layout } from './breaks/layout';
import { WORDS_ACROSS_KEY, type WordAnswers } from './breaks/evidence';
import { blockRole } from './breaks/roles';
import { parseDirective, type Directive } from './directives';

/** What a line break does in the clean article. */
export type BreakKind =
  /** A wrap inside a paragraph: the two fragments join. */
  | 'wrap'
  /** The end of one paragraph and the start of the next. */
  | 'paragraph'
  /** The edge of a title, heading, label, byline or directive. */
  | 'block';

/** The role a fragment plays; a block takes the role of its fragments. */
export type Role = 'title' | 'heading' | 'label' | 'byline' | 'body' | 'directive';

/** The text of one non-blank line, without its leading and trailing whitespace. */
export interface Fragment {
  readonly index: number;
  readonly line: number;
  /** Offset of the line's first character (leading whitespace starts here). */
  readonly lineStart: number;
  /** Offset of the first non-whitespace character. */
  readonly start: number;
  /** Offset just past the last non-whitespace character. */
  readonly end: number;
  /** Offset of the line's end, before its line ending. */
  readonly lineEnd: number;
  readonly text: string;
}

/** The break between fragment `index` and fragment `index + 1`, with the blank lines inside it. */
export interface LineBreak {
  readonly index: number;
  readonly kind: BreakKind;
  /** A short, stable tag for why the layout analysis chose `kind` (shown in hovers and tests). */
  readonly reason: string;
  /** How sure the layout analysis is of `kind`: the probability of its decision, 0.5 to 1 (breaks/decide.ts). */
  readonly confidence: number;
  /** Blank lines between the two fragments. */
  readonly blankLines: number;
  /** What a join inserts between the fragments: '' or ' '. */
  readonly joiner: string;
  /** The next fragment's leading whitespace marks lost text and is kept. */
  readonly keepsLeadingSpace: boolean;
  /** Source range a fix replaces: from the end of one fragment's text to the start of the next's. */
  readonly start: number;
  readonly end: number;
}

/** Maps a stretch of logical text to the source it came from. */
export interface Piece {
  readonly logicalStart: number;
  readonly sourceStart: number;
  readonly length: number;
}

/** A title, heading, label, byline or paragraph: fragments joined by wraps. */
export interface Block {
  readonly index: number;
  readonly role: Role;
  readonly firstFragment: number;
  readonly lastFragment: number;
  /** Source range from the first fragment's text to the last one's end. */
  readonly start: number;
  readonly end: number;
  /** The block as it reads once its wraps are joined. */
  readonly text: string;
  /**
   * Where the logical text comes from, piece by piece; empty when the block is one fragment, whose
   * text is the source from `start` to `end` (most blocks of a clean article: pieces for them would
   * be a tenth of the memory a large document takes). Read it through toSourceOffset & co.
   */
  readonly pieces: readonly Piece[];
}

export interface ModelOptions {
  /** How joins treat Chinese next to Latin letters or digits. */
  readonly cjkLatinSpacing: 'ignore' | 'require' | 'forbid';
  /**
   * For a region of a larger document (see regions.ts): the document's line ending, and whether the
   * region follows an earlier one (then it holds no title: the article's title came before it).
   */
  readonly region?: { readonly eol: Eol; readonly continues: boolean };
}

export const defaultModelOptions: ModelOptions = { cjkLatinSpacing: 'ignore' };

export interface ArticleModel {
  readonly text: string;
  readonly eol: Eol;
  readonly bom: boolean;
  readonly lineIndex: LineIndex;
  readonly lines: readonly Line[];
  readonly fragments: readonly Fragment[];
  readonly roles: readonly Role[];
  /** breaks[i] lies between fragments[i] and fragments[i + 1]. */
  readonly breaks: readonly LineBreak[];
  readonly blocks: readonly Block[];
  /** Block index of each fragment. */
  readonly blockOfFragment: readonly number[];
  readonly directives: readonly Directive[];
  readonly options: ModelOptions;
  /** Results derived from this model by `derive`, computed once each. */
  readonly derived: Map<string, unknown>;
}

/** Computes a value from the model once and keeps it with the model (so it dies with it). */
export function derive<T>(model: ArticleModel, key: string, compute: (model: ArticleModel) => T): T {
  if (model.derived.has(key)) return model.derived.get(key) as T;
  const value = compute(model);
  model.derived.set(key, value);
  return value;
}

/** `wordHints`: the segmenter's answers from an earlier parse of mostly the same text (see wordsAcrossLines). */
export function parseArticle(text: string, options: ModelOptions = defaultModelOptions, wordHints?: WordAnswers): ArticleModel {
  const lineIndex = LineIndex.of(text);
  const fragments = readFragments(text, lineIndex);
  const directives: Directive[] = [];
  for (const fragment of fragments) {
    const directive = parseDirective(fragment);
    if (directive) directives.push(directive);
  }
  // The Line objects are made only if the layout asks for them (a large document has very many).
  const layout = analyzeLayout({
    text,
    fragments,
    get lines() {
      return lineIndex.lines;
    },
    directives,
    options,
    wordHints,
  });
  if (options.region?.continues) withoutTitle(fragments, layout);
  const breaks = fragments.slice(0, -1).map((before, i): LineBreak => {
    const after = fragments[i + 1];
    const decision = layout.breaks[i];
    return {
      index: i,
      kind: decision.kind,
      reason: decision.reason,
      confidence: decision.confidence,
      blankLines: after.line - before.line - 1,
      joiner: decision.joiner,
      keepsLeadingSpace: decision.keepsLeadingSpace,
      start: before.end,
      end: decision.keepsLeadingSpace ? after.lineStart : after.start,
    };
  });
  const { blocks, blockOfFragment } = buildBlocks(text, fragments, breaks, layout.roles);
  return {
    text,
    eol: options.region?.eol ?? dominantEol(text),
    bom: hasBom(text),
    lineIndex,
    get lines() {
      return lineIndex.lines;
    },
    fragments,
    roles: layout.roles,
    breaks,
    blocks,
    blockOfFragment,
    directives,
    options,
    // The layout's segmenter answers, kept for the wrap rules (breaks/wraps.ts) under the key they derive.
    derived: new Map<string, unknown>([[WORDS_ACROSS_KEY, layout.wordsAcross]]),
  };
}

/**
 * A region after the first holds no title: its first content block takes the role it would have in the
 * middle of an article, and the breaks around it the kind that role gives them.
 */
function withoutTitle(fragments: readonly Fragment[], layout: Layout): void {
  const first = layout.roles.indexOf('title');
  if (first < 0) return;
  let last = first;
  while (last + 1 < fragments.length && layout.roles[last + 1] === 'title') last++;
  const role = blockRole(fragments, first, last, false);
  for (let i = first; i <= last; i++) layout.roles[i] = role;
  for (const i of [first - 1, last]) {
    const decision = layout.breaks[i];
    if (!decision || decision.kind === 'wrap') continue;
    const kind = layout.roles[i] === 'body' && layout.roles[i + 1] === 'body' ? 'paragraph' : 'block';
    layout.breaks[i] = { ...decision, kind };
  }
}

function readFragments(text: string, lineIndex: LineIndex): Fragment[] {
  const fragments: Fragment[] = [];
  for (let index = 0; index < lineIndex.lineCount; index++) {
    const line = lineIndex.lineOf(index);
    let start = line.start;
    let end = line.end;
    while (start < end && isBlank(text[start])) start++;
    while (end > start && isBlank(text[end - 1])) end--;
    if (start === end) continue;
    fragments.push({
      index: fragments.length,
      line: line.index,
      lineStart: line.start,
      start,
      end,
      lineEnd: line.end,
      text: text.slice(start, end),
    });
  }
  return fragments;
}

/** Whitespace a fragment is trimmed of: inline spaces, form feeds, a BOM and other format controls. */
function isBlank(ch: string): boolean {
  return isInlineSpace(ch) || ch === '\f' || ch === '\v' || ch === '\uFEFF' || ch === '\u200B';
}

/** The pieces of a block that reads as its source. */
const AS_PRINTED: readonly Piece[] = Object.freeze([]);

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
      blocks.push({
        index: blocks.length,
        role: roles[first],
        firstFragment: first,
        lastFragment: last,
        start: fragment.start,
        end: fragment.end,
        text: fragment.text,
        pieces: AS_PRINTED,
      });
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
