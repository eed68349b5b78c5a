// The article model's types: what the pipeline (model.ts, regions.ts) builds once per document version
// and every rule and feature reads. Types only, so any module may import them without a cycle.

import type { WordsAcrossLines } from './breaks/evidence';
import type { Eol, LineIndex, Line } from './text';

/** What a line break does in the clean article. */
export type BreakKind =
  /** A wrap inside a paragraph: the two fragments join. */
  | 'wrap'
  /** The end of one paragraph and the start of the next. */
  | 'paragraph'
  /** The edge of a title, heading, label, byline or directive. */
  | 'block';

/** The roles a fragment can play; a block takes the role of its fragments. */
export const ROLES = ['title', 'heading', 'label', 'byline', 'body', 'directive'] as const;
export type Role = (typeof ROLES)[number];

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
  readonly text: string;
}

/** The break between fragment `index` and fragment `index + 1`, with the blank lines inside it. */
export interface LineBreak {
  readonly index: number;
  readonly kind: BreakKind;
  /** A short, stable tag for why the layout analysis chose `kind` (shown in hovers and tests). */
  readonly reason: string;
  /**
   * How sure the layout analysis is of `kind`: the probability of its decision (0.5 to 1, breaks/decide.ts)
   * in millionths, rounded down (breaks/decide.ts inMillionths). An integer: V8 keeps it in the break itself,
   * where a fraction takes a heap number of its own for each of a document's breaks (3 MB in a clean 10 MB
   * article). What is shown of it (a whole percentage rounded down, whether it is below SURE) is the same.
   */
  readonly confidencePpm: number;
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
  /** The document's line ending, for a region of a larger document (see regions.ts). */
  readonly eol?: Eol;
}

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
  /**
   * For a region of a larger document (regions.ts): the block that follows its last one, which a rule
   * reading on past a block (a quotation running into the next paragraph) reads as the document has it.
   */
  readonly blockAfter?: Block;
  /** What the word segmenter answered while the layout was read (the wrap rules ask the same pairs). */
  readonly wordsAcross?: WordsAcrossLines;
}

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line';

export interface Directive {
  readonly kind: DirectiveKind;
  /** Rule ids named; empty means every rule. */
  readonly ruleIds: readonly string[];
  readonly fragment: number;
  readonly line: number;
}

