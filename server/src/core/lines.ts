// The few lines and blocks a feature reads one at a time (a quick fix's line, a hover's block) and the line
// ranges of the blocks an editor folds, in the document's numbering and offsets. A model read whole answers
// from its own parts; a document made of regions declares how it answers as its model is made (regions.ts:
// from each region where it stands, what it read kept in the region), so that these features, which an
// editor asks for after every edit, never place every region's lines side by side.

import type { ArticleModel, Block, Fragment, LineBreak, Role } from './article';
import { firstIndex } from './search';
import { ModelSlot } from './parts';

/** Zero-based source lines, inclusive. */
export interface LineSpan {
  readonly startLine: number;
  readonly endLine: number;
}

export interface LineReader {
  /** Fragment i as placed in the document. */
  fragment(i: number): Fragment;
  role(i: number): Role;
  /** The break between fragment i and fragment i + 1, as placed in the document. */
  lineBreak(i: number): LineBreak;
  /** The fragment on source line `line`, if that line has one. */
  fragmentOnLine(line: number): Fragment | undefined;
  /** Block i as placed in the document, if there is one. */
  block(i: number): Block | undefined;
  /** The last block starting at or before `offset` (the first block when none does; none when there is no block), as placed. */
  blockAt(offset: number): Block | undefined;
  /** The source lines of every block spread over more than one line, in document order. */
  multiLineBlocks(): readonly LineSpan[];
}

/** Models whose lines are read another way (a document's, region by region): set as the model is made. */
const readElsewhere = new ModelSlot<LineReader>();

/** Declares, as `model` is made and before anything asks, how its lines are read one at a time. */
export function readLinesWith(model: ArticleModel, reader: LineReader): void {
  readElsewhere.set(model, reader);
}

/** How `model`'s lines are read: as declared for it, else from its own parts. */
export function linesOf(model: ArticleModel): LineReader {
  return readElsewhere.get(model) ?? wholeLineReader(model);
}

/** A model's own parts, read as they are. */
export function wholeLineReader(model: Pick<ArticleModel, 'fragments' | 'roles' | 'breaks' | 'blocks' | 'lineIndex'>): LineReader {
  return {
    fragment: (i) => model.fragments[i],
    role: (i) => model.roles[i],
    lineBreak: (i) => model.breaks[i],
    fragmentOnLine: (line) => fragmentOnLine(model.fragments, line, 0, model.fragments.length),
    block: (i) => model.blocks[i],
    blockAt: (offset) => model.blocks[Math.max(0, lastStartingBy(model.blocks, 0, model.blocks.length, offset))],
    multiLineBlocks: () => multiLineBlocks(model.blocks, 0, model.blocks.length, (offset) => model.lineIndex.lineAt(offset)),
  };
}

/**
 * The line spans of blocks [from, to) that are spread over more than one line, `lineAt` giving the line of an
 * offset in the blocks' own offsets.
 */
export function multiLineBlocks(blocks: readonly Block[], from: number, to: number, lineAt: (offset: number) => number): LineSpan[] {
  const spans: LineSpan[] = [];
  for (let i = from; i < to; i++) {
    const block = blocks[i];
    const startLine = lineAt(block.start);
    const endLine = lineAt(block.end);
    if (endLine > startLine) spans.push({ startLine, endLine });
  }
  return spans;
}

/** The fragment among fragments [from, to) on `line`, by binary search (fragments are in line order, one per non-blank line). */
export function fragmentOnLine(fragments: readonly Fragment[], line: number, from: number, to: number): Fragment | undefined {
  const at = from + firstIndex(to - from, (k) => fragments[from + k].line >= line);
  return at < to && fragments[at].line === line ? fragments[at] : undefined;
}

/** The index of the last of blocks [from, to) starting at or before `offset`, or from - 1 when none does. */
export function lastStartingBy(blocks: readonly Block[], from: number, to: number, offset: number): number {
  return from + firstIndex(to - from, (k) => blocks[from + k].start > offset) - 1;
}
