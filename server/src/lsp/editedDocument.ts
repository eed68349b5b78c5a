// The text of an open document as the editor edits it, kept in chunks of whole lines.
//
// vscode-languageserver-textdocument rebuilds the whole text at every change: a burst of 500 one-character
// edits to a 100 K-character article made 500 copies of 200 KB, which V8 puts in its large-object space
// (about a millisecond each), so the server was still applying edits half a second after the editor's last
// one. Here a change rebuilds only the chunks it touches; the whole text is joined once, when it is read.
// Positions and offsets are those of the library's TextDocument (test/unit/editedDocument.test.ts
// compares them on random edits). Whether the text is readable is kept per chunk too: after an edit only
// the chunks it rebuilt are read again, not the whole text.

import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { firstIndex, lastAtMost, PieceText, unreadableReason } from '../core';

/** A chunk is cut at the first line end past this many characters (a single longer line stays whole). */
export const CHUNK_LENGTH = 4_096;

interface Chunk {
  readonly text: string;
  /** How many line ends it has (`\n`, `\r\n` or a lone `\r`, each one). */
  readonly breaks: number;
  /** Where each line after a line end starts, within the chunk (found on first use). */
  lineStarts?: number[];
  /** Why the chunk is not text (core/input.ts), or undefined. */
  readonly unreadable: 'binary' | undefined;
}

const LF = 10;
const CR = 13;

function isLineEnd(code: number): boolean {
  return code === LF || code === CR;
}

/** The offsets just after each line end of `text`. */
function lineStartsOf(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isLineEnd(code)) continue;
    if (code === CR && text.charCodeAt(i + 1) === LF) i++;
    starts.push(i + 1);
  }
  return starts;
}

/** `text` cut into chunks that each end with a line end (but the last), never between `\r` and `\n`. */
function chunksOf(text: string, chunkLength: number): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + chunkLength, text.length);
    while (end < text.length && !isLineEnd(text.charCodeAt(end - 1))) end++;
    if (end < text.length && text.charCodeAt(end - 1) === CR && text.charCodeAt(end) === LF) end++;
    const piece = text.slice(start, end);
    const lineStarts = lineStartsOf(piece);
    chunks.push({ text: piece, breaks: lineStarts.length, lineStarts, unreadable: unreadableReason(piece) });
    start = end;
  }
  return chunks;
}

function endsLine(text: string): boolean {
  return text.length > 0 && isLineEnd(text.charCodeAt(text.length - 1));
}

/** What the server reads of a TextDocument (uri, version, text, positions), with the same answers. */
export class EditedDocument {
  private chunks: Chunk[];
  private textLength: number;
  /** The whole text, joined on first read after a change. */
  private joined: string | undefined;
  /** The text as the core reads it, made on first read after a change. */
  private pieces: PieceText | undefined;
  /** Where each chunk starts and how many line ends come before it (worked out on first use after a change). */
  private index: { readonly starts: number[]; readonly breaksBefore: number[]; readonly breaks: number } | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    text: string,
    private readonly chunkLength = CHUNK_LENGTH,
  ) {
    this.chunks = chunksOf(text, chunkLength);
    this.textLength = text.length;
    this.joined = text;
  }

  get version(): number {
    return this.currentVersion;
  }

  /**
   * Why the text is not analysed, or undefined when it is text: the core's verdict (unreadableReason),
   * given without joining or reading the whole text again (each chunk's was found when it was made).
   */
  unreadableReason(): 'binary' | undefined {
    for (const chunk of this.chunks) if (chunk.unreadable) return chunk.unreadable;
    return undefined;
  }

  /** The text's length, without joining it. */
  get length(): number {
    return this.textLength;
  }

  get lineCount(): number {
    return this.lines().breaks + 1;
  }

  /**
   * The text for the core to analyse: its chunks, read where the analysis reads and joined only if
   * something asks for the whole string (after an edit the analysis reads little but the region edited).
   * Unchanged chunks are the same strings from version to version, so the core compares two versions
   * chunk by chunk.
   */
  text(): PieceText {
    return (this.pieces ??= new PieceText(
      this.chunks.map((chunk) => chunk.text),
      this.joined,
    ));
  }

  getText(range?: Range): string {
    this.joined ??= this.text().toString();
    return range ? this.joined.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.joined;
  }

  /** Applies the editor's changes in order (as TextDocument.update does). */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (typeof change?.text !== 'string') throw new Error('Unknown change event received');
      if ('range' in change && change.range) this.replace(change.range, change.text);
      else this.reset(change.text);
    }
    this.currentVersion = version;
  }

  offsetAt(position: Position): number {
    const { breaks } = this.lines();
    if (position.line > breaks) return this.textLength;
    if (position.line < 0) return 0;
    const lineStart = this.lineStart(position.line);
    if (position.character <= 0) return lineStart;
    const nextLineStart = position.line < breaks ? this.lineStart(position.line + 1) : this.textLength;
    return this.beforeLineEnd(Math.min(lineStart + position.character, nextLineStart), lineStart);
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.textLength), 0);
    if (this.chunks.length === 0) return { line: 0, character: 0 };
    const { starts, breaksBefore } = this.lines();
    const c = this.chunkAt(offset);
    const lineStarts = this.lineStartsIn(c);
    // How many of the chunk's line ends come at or before the offset.
    const local = offset - starts[c];
    const low = lastAtMost(lineStarts, local) + 1;
    const lineStart = starts[c] + (low === 0 ? 0 : lineStarts[low - 1]);
    return { line: breaksBefore[c] + low, character: this.beforeLineEnd(offset, lineStart) - lineStart };
  }

  private reset(text: string): void {
    this.chunks = chunksOf(text, this.chunkLength);
    this.textLength = text.length;
    this.joined = text;
    this.pieces = undefined;
    this.index = undefined;
  }

  private replace(range: Range, text: string): void {
    const ordered = range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character);
    const from = this.offsetAt(ordered ? range.end : range.start);
    const to = this.offsetAt(ordered ? range.start : range.end);
    if (this.chunks.length === 0) return this.reset(text);
    const { starts } = this.lines();
    let first = this.chunkAt(from);
    let last = this.chunkAt(to);
    let piece = this.chunks[first].text.slice(0, from - starts[first]) + text + this.chunks[last].text.slice(to - starts[last]);
    // Chunks hold whole lines: take in the chunks a line now runs on into, and those a `\r\n` now spans.
    for (;;) {
      const next = this.chunks[last + 1];
      if (!next) break;
      if (endsLine(piece) && !(piece.charCodeAt(piece.length - 1) === CR && next.text.charCodeAt(0) === LF)) break;
      piece += next.text;
      last++;
    }
    const before = this.chunks[first - 1];
    if (before && before.text.charCodeAt(before.text.length - 1) === CR && piece.charCodeAt(0) === LF) {
      piece = before.text + piece;
      first--;
    }
    this.chunks.splice(first, last - first + 1, ...chunksOf(piece, this.chunkLength));
    this.textLength += text.length - (to - from);
    this.joined = undefined;
    this.pieces = undefined;
    this.index = undefined;
  }

  private lines(): { readonly starts: number[]; readonly breaksBefore: number[]; readonly breaks: number } {
    if (this.index) return this.index;
    const starts: number[] = [];
    const breaksBefore: number[] = [];
    let offset = 0;
    let breaks = 0;
    for (const chunk of this.chunks) {
      starts.push(offset);
      breaksBefore.push(breaks);
      offset += chunk.text.length;
      breaks += chunk.breaks;
    }
    return (this.index = { starts, breaksBefore, breaks });
  }

  private lineStartsIn(c: number): number[] {
    const chunk = this.chunks[c];
    return (chunk.lineStarts ??= lineStartsOf(chunk.text));
  }

  /** The chunk holding `offset` (the last one for the end of the text). */
  private chunkAt(offset: number): number {
    const { starts } = this.lines();
    return Math.max(0, lastAtMost(starts, offset));
  }

  /** Where line `line` (0 < line ≤ breaks, or 0) starts. */
  private lineStart(line: number): number {
    if (line <= 0) return 0;
    const { starts, breaksBefore } = this.lines();
    // The chunk with the line end before the line: the last whose line ends before it are fewer than `line`.
    const c = firstIndex(breaksBefore.length, (i) => breaksBefore[i] >= line) - 1;
    return starts[c] + this.lineStartsIn(c)[line - breaksBefore[c] - 1];
  }

  private charCodeAt(offset: number): number {
    const c = this.chunkAt(offset);
    return this.chunks[c].text.charCodeAt(offset - this.lines().starts[c]);
  }

  /** `offset`, moved back before the line end it is inside or after (never before `lineStart`). */
  private beforeLineEnd(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineEnd(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}
