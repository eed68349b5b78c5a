// Lines and positions of a text, in UTF-16 code units as LSP counts them.

import { PieceText, type DocumentText } from './documentText';
import type { Scratch } from './scratch';
import { lastAtMost } from './search';

/** A replacement of the source range [start, end). */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface Position {
  /** Zero-based line. */
  line: number;
  /** Zero-based UTF-16 offset within the line. */
  character: number;
}

export interface Line {
  /** Zero-based line number. */
  index: number;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character, before the line ending. */
  end: number;
  /** Offset just past the line ending (equals `end` on the last line). */
  endWithEol: number;
}

export type Eol = '\n' | '\r\n' | '\r';

const BOM = '\uFEFF';

export function hasBom(text: DocumentText): boolean {
  return text.startsWith(BOM);
}

/** Splits text into lines on LF, CRLF and lone CR. Always returns at least one line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const length = text.length;
  // Finding line ends with indexOf (native) is many times faster than a loop over every character.
  if (text.indexOf('\r') < 0) {
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      lines.push({ index: lines.length, start, end, endWithEol: end + 1 });
      start = end + 1;
    }
  } else {
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 /* \n */ || code === 13 /* \r */) {
        const end = i;
        if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
        lines.push({ index: lines.length, start, end, endWithEol: i + 1 });
        start = i + 1;
      }
    }
  }
  lines.push({ index: lines.length, start, end: length, endWithEol: length });
  return lines;
}

/** The line ending used most in the text (LF when there is none). */
export function dominantEol(text: DocumentText): Eol {
  if (text.indexOf('\r') < 0) return '\n';
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  // An editor's copy is counted piece by piece, natively (a CRLF megabyte has 100 000 line ends).
  const pieces = text instanceof PieceText ? text.pieces : [text.toString()];
  let endsWithCr = false;
  for (const piece of pieces) {
    if (piece.length === 0) continue;
    // A \r ending the piece before, with the \n starting this one, is one line end.
    if (endsWithCr && piece.charCodeAt(0) === 10) {
      cr--;
      crlf++;
    }
    for (let i = piece.indexOf('\r'); i >= 0; i = piece.indexOf('\r', i + 1)) {
      if (piece.charCodeAt(i + 1) === 10) crlf++;
      else cr++;
    }
    for (let i = piece.indexOf('\n'); i >= 0; i = piece.indexOf('\n', i + 1)) lf++;
    endsWithCr = piece.charCodeAt(piece.length - 1) === 13;
  }
  lf -= crlf;
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/**
 * Converts between offsets and positions with a binary search over line starts. A text's own index keeps
 * its line starts in a typed array (2 or 4 bytes a line, and the ends too where a line ends in `\r`: a
 * 10 MB document has hundreds of thousands of lines); the `Line` objects are made only when asked for. A document read in regions is indexed by its
 * regions' indexes where they stand (`joined`), not by a copy of them.
 */
export abstract class LineIndex {
  private materialized: Line[] | undefined;

  protected constructor(
    /** The indexed text's length. */
    protected readonly length: number,
  ) {}

  /**
   * The index of `text`. With `scratch`, its arrays are lent (scratch.ts): for an index read and dropped
   * before the scratch lends again.
   */
  static of(text: string, scratch?: Scratch<Uint32Array>): LineIndex {
    if (text.indexOf('\r') >= 0) {
      const lines = splitLines(text);
      return new TextLineIndex(
        Uint32Array.from(lines, (line) => line.start),
        Uint32Array.from(lines, (line) => line.end),
        text.length,
      );
    }
    // Counted first, so the array is allocated once at its size. With `\n` alone a line ends one before the
    // next one starts, so only the starts are kept; a text short enough has them in 2 bytes a line (a
    // region's own text mostly is: a clean 10 MB article's regions kept 2 MB of starts and ends, now 0.5).
    let count = 1;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', end + 1)) count++;
    const starts = scratch ? scratch.lend(count) : text.length <= 0xffff ? new Uint16Array(count) : new Uint32Array(count);
    let line = 1;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', end + 1)) starts[line++] = end + 1;
    return new TextLineIndex(starts, undefined, text.length);
  }

  /**
   * The index of a text made of pieces, each piece's lines standing at `offset` (in order, the first at 0).
   * Each piece but the last ends with a line ending, so its final, empty line is the first line of what
   * follows it up to the next piece (a large document's regions and the blank line between two of them).
   * The pieces' indexes are read where they are, not copied: a copy was 2 MB of arrays outside V8's heap
   * per version of a 10 MB document. With `firstLine`, the first piece's first line is that line of the
   * whole text, the lines before it counted elsewhere: the index then answers for offsets within the pieces
   * (a share of a large document's regions, regionShares.ts shareLineIndex).
   */
  static joined(pieces: ReadonlyArray<{ readonly lines: LineIndex; readonly offset: number }>, length: number, firstLine = 0): LineIndex {
    return new JoinedLineIndex(pieces, length, firstLine);
  }

  abstract get lineCount(): number;

  /** Offset of the first character of line `index` (no Line object made). */
  abstract startOf(index: number): number;

  /** Offset just past the last character of line `index`, before its line ending. */
  abstract endOf(index: number): number;

  /** The line `offset` (0 ≤ offset ≤ length) stands on. */
  abstract lineAt(offset: number): number;

  get lines(): readonly Line[] {
    this.materialized ??= Array.from({ length: this.lineCount }, (_, index) => this.lineOf(index));
    return this.materialized;
  }

  /** Line `index` (0 ≤ index < lineCount) as an object, made afresh. */
  lineOf(index: number): Line {
    return {
      index,
      start: this.startOf(index),
      end: this.endOf(index),
      endWithEol: index + 1 < this.lineCount ? this.startOf(index + 1) : this.length,
    };
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const line = this.lineAt(clamped);
    const start = this.startOf(line);
    // An offset inside a CRLF pair belongs at the end of the line.
    return { line, character: Math.min(clamped, this.endOf(line)) - start };
  }

  /** Clamps positions past a line's end or the document's end, as LSP asks. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineCount) return this.length;
    const character = Math.max(0, position.character);
    return Math.min(this.startOf(position.line) + character, this.endOf(position.line));
  }
}

/** A text's own index: its line starts, and its line ends where a line ending is longer than `\n`. */
class TextLineIndex extends LineIndex {
  constructor(
    private readonly starts: Uint16Array | Uint32Array,
    /** Undefined when every line ends with `\n` (or the text): one before the next line's start. */
    private readonly ends: Uint32Array | undefined,
    length: number,
  ) {
    super(length);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  startOf(index: number): number {
    return this.starts[index];
  }

  endOf(index: number): number {
    if (this.ends) return this.ends[index];
    return index + 1 < this.starts.length ? this.starts[index + 1] - 1 : this.length;
  }

  lineAt(offset: number): number {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/**
 * The index of a text made of pieces (LineIndex.joined): the piece found by offset or line, then its own
 * index asked. The piece last found is tried first: callers ask in order (a version's diagnostics, an
 * outline's entries), mostly about one piece after another.
 */
class JoinedLineIndex extends LineIndex {
  private readonly pieces: readonly LineIndex[];
  /** Where each piece stands: its offset, and its first line's number in the whole text. */
  private readonly offsets: Float64Array;
  private readonly firstLines: Float64Array;
  readonly lineCount: number;
  private lastPiece = 0;

  constructor(pieces: ReadonlyArray<{ readonly lines: LineIndex; readonly offset: number }>, length: number, firstLine: number) {
    super(length);
    this.pieces = pieces.map((piece) => piece.lines);
    this.offsets = Float64Array.from(pieces, (piece) => piece.offset);
    this.firstLines = new Float64Array(pieces.length);
    let count = firstLine;
    pieces.forEach((piece, k) => {
      this.firstLines[k] = count;
      count += piece.lines.lineCount;
    });
    this.lineCount = count;
  }

  /** The last piece whose value in `column` (offsets or first lines) is at most `value`; the first piece when none is. */
  private pieceAt(column: Float64Array, value: number): number {
    const last = this.lastPiece;
    if (column[last] <= value && (last + 1 === column.length || column[last + 1] > value)) return last;
    this.lastPiece = Math.max(0, lastAtMost(column, value));
    return this.lastPiece;
  }

  startOf(index: number): number {
    const k = this.pieceAt(this.firstLines, index);
    return this.offsets[k] + this.pieces[k].startOf(index - this.firstLines[k]);
  }

  endOf(index: number): number {
    const k = this.pieceAt(this.firstLines, index);
    return this.offsets[k] + this.pieces[k].endOf(index - this.firstLines[k]);
  }

  lineAt(offset: number): number {
    const k = this.pieceAt(this.offsets, offset);
    return this.firstLines[k] + this.pieces[k].lineAt(offset - this.offsets[k]);
  }

  // One piece found, not one for each of the line, its start and its end. A piece clamps as the whole
  // text does: past its end is its last line, the empty one before the next piece.
  override positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const k = this.pieceAt(this.offsets, clamped);
    const { line, character } = this.pieces[k].positionAt(clamped - this.offsets[k]);
    return { line: line + this.firstLines[k], character };
  }

  override offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineCount) return this.length;
    const k = this.pieceAt(this.firstLines, position.line);
    return this.offsets[k] + this.pieces[k].offsetAt({ line: position.line - this.firstLines[k], character: position.character });
  }
}
