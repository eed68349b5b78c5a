// Lines and positions of a text, in UTF-16 code units as LSP counts them.

import { PieceText, type DocumentText } from './documentText';
import type { Scratch } from './scratch';

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

export function stripBom(text: string): string {
  return hasBom(text) ? text.slice(1) : text;
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
 * Converts between offsets and positions with a binary search over line starts. Line starts and ends are
 * kept in typed arrays (4 bytes a line: a 10 MB document has hundreds of thousands of lines); the `Line`
 * objects are made only when asked for.
 */
export class LineIndex {
  private materialized: Line[] | undefined;

  private constructor(
    private readonly starts: Uint32Array,
    private readonly ends: Uint32Array,
    private readonly length: number,
  ) {}

  /**
   * The index of `text`. With `scratch`, its arrays are lent (scratch.ts): for an index read and dropped
   * before the scratch lends again.
   */
  static of(text: string, scratch?: Scratch<Uint32Array>): LineIndex {
    if (text.indexOf('\r') >= 0) {
      const lines = splitLines(text);
      return new LineIndex(
        Uint32Array.from(lines, (line) => line.start),
        Uint32Array.from(lines, (line) => line.end),
        text.length,
      );
    }
    // Counted first, so the arrays are allocated once at their size.
    let count = 1;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', end + 1)) count++;
    // Starts and ends in one buffer: one allocation outside V8's heap instead of two.
    const both = scratch ? scratch.lend(2 * count) : new Uint32Array(2 * count);
    const starts = both.subarray(0, count);
    const ends = both.subarray(count);
    let line = 0;
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      starts[line] = start;
      ends[line++] = end;
      start = end + 1;
    }
    starts[line] = start;
    ends[line] = text.length;
    return new LineIndex(starts, ends, text.length);
  }

  /**
   * The index of a text made of pieces, each piece's lines standing at `offset` (in order). Each piece
   * but the last ends with a line ending, so its final, empty line is the first line of what follows it
   * up to the next piece (a large document's regions and the blank line between two of them).
   */
  static joined(pieces: ReadonlyArray<{ readonly lines: LineIndex; readonly offset: number }>, length: number): LineIndex {
    let count = 0;
    for (const { lines } of pieces) count += lines.lineCount;
    const starts = new Uint32Array(count);
    const ends = new Uint32Array(count);
    let at = 0;
    for (const { lines, offset } of pieces) {
      const count = lines.starts.length;
      starts.set(lines.starts, at);
      ends.set(lines.ends, at);
      for (let i = at; i < at + count; i++) {
        starts[i] += offset;
        ends[i] += offset;
      }
      at += count;
    }
    return new LineIndex(starts, ends, length);
  }

  get lines(): readonly Line[] {
    this.materialized ??= Array.from(this.starts, (_start, index) => this.lineOf(index));
    return this.materialized;
  }

  /** Line `index` (0 ≤ index < lineCount) as an object, made afresh. */
  lineOf(index: number): Line {
    const start = this.starts[index];
    return {
      index,
      start,
      end: this.ends[index],
      endWithEol: index + 1 < this.starts.length ? this.starts[index + 1] : this.length,
    };
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of line `index` (no Line object made). */
  startOf(index: number): number {
    return this.starts[index];
  }

  /** Offset just past the last character of line `index`, before its line ending. */
  endOf(index: number): number {
    return this.ends[index];
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

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const line = this.lineAt(clamped);
    // An offset inside a CRLF pair belongs at the end of the line.
    return { line, character: Math.min(clamped, this.ends[line]) - this.starts[line] };
  }

  /** Clamps positions past a line's end or the document's end, as LSP asks. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.length;
    const character = Math.max(0, position.character);
    return Math.min(this.starts[position.line] + character, this.ends[position.line]);
  }
}
