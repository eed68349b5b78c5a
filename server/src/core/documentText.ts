// The text the pipeline reads: a string, or an editor's copy kept in pieces.
//
// A language server keeps the open document in pieces and changes only those an edit touches. Joining
// them into one string at every version cost more than re-analysing the edit: a megabyte of Chinese is
// a 2 MB string, which V8 puts on fresh pages of its own (about 500 page faults on a virtual machine,
// 5–8 ms), and the previous version's becomes garbage. The pipeline reads little of the text after an
// edit (where it changed, the regions around it), so it reads it through this interface and the whole
// string is joined only when something asks for all of it (the model's `text`).

import { lastAtMost } from './search';

/** What the pipeline reads of a document's text. A string is one (its own methods answer). */
export interface DocumentText {
  readonly length: number;
  charCodeAt(index: number): number;
  charAt(index: number): string;
  slice(start?: number, end?: number): string;
  indexOf(search: string, position?: number): number;
  startsWith(search: string, position?: number): boolean;
  /** The whole text as one string. */
  toString(): string;
}

/**
 * A text made of pieces, read as their concatenation without joining them (answers are those of the joined
 * string's methods). Pieces are never changed: a new version of a document is a new PieceText that shares
 * the pieces an edit left alone, so two versions are compared piece by piece (changedSpan).
 */
export class PieceText implements DocumentText {
  readonly length: number;
  /** Where each piece starts. */
  private readonly starts: number[];
  /** The piece read last: reads are mostly near each other. */
  private current = 0;
  private joined: string | undefined;

  /** `joined`, when the caller has it, is the pieces joined: then it answers (natively). */
  constructor(
    readonly pieces: readonly string[],
    joined?: string,
  ) {
    this.joined = joined;
    this.starts = new Array<number>(pieces.length);
    let offset = 0;
    for (let i = 0; i < pieces.length; i++) {
      this.starts[i] = offset;
      offset += pieces[i].length;
    }
    this.length = offset;
  }

  charCodeAt(index: number): number {
    if (this.joined !== undefined) return this.joined.charCodeAt(index);
    index = Math.trunc(index) || 0;
    if (index < 0 || index >= this.length) return NaN;
    const p = this.pieceAt(index);
    return this.pieces[p].charCodeAt(index - this.starts[p]);
  }

  charAt(index: number): string {
    if (this.joined !== undefined) return this.joined.charAt(index);
    index = Math.trunc(index) || 0;
    if (index < 0 || index >= this.length) return '';
    const p = this.pieceAt(index);
    return this.pieces[p].charAt(index - this.starts[p]);
  }

  slice(start = 0, end = this.length): string {
    const from = clampIndex(start, this.length);
    const to = clampIndex(end, this.length);
    if (to <= from) return '';
    if (this.joined !== undefined) return this.joined.slice(from, to);
    const first = this.pieceAt(from);
    const last = this.pieceAt(to - 1);
    if (first === last) return this.pieces[first].slice(from - this.starts[first], to - this.starts[first]);
    const parts = [this.pieces[first].slice(from - this.starts[first])];
    for (let p = first + 1; p < last; p++) parts.push(this.pieces[p]);
    parts.push(this.pieces[last].slice(0, to - this.starts[last]));
    return parts.join('');
  }

  indexOf(search: string, position = 0): number {
    const from = Math.min(Math.max(Math.trunc(position) || 0, 0), this.length);
    if (search.length === 0) return from;
    if (this.joined !== undefined) return this.joined.indexOf(search, from);
    if (from >= this.length) return -1;
    for (let p = this.pieceAt(from); p < this.pieces.length; p++) {
      const piece = this.pieces[p];
      const local = Math.max(0, from - this.starts[p]);
      const found = piece.indexOf(search, local);
      if (found >= 0) return this.starts[p] + found;
      // A match may start in the piece's last characters and run on into the next pieces.
      if (search.length > 1 && p + 1 < this.pieces.length) {
        const tailStart = Math.max(local, piece.length - search.length + 1);
        const across = this.slice(this.starts[p] + tailStart, Math.min(this.length, this.starts[p] + piece.length + search.length - 1)).indexOf(search);
        if (across >= 0) return this.starts[p] + tailStart + across;
      }
    }
    return -1;
  }

  startsWith(search: string, position = 0): boolean {
    const from = Math.min(Math.max(Math.trunc(position) || 0, 0), this.length);
    return from + search.length <= this.length && this.slice(from, from + search.length) === search;
  }

  toString(): string {
    return (this.joined ??= this.pieces.join(''));
  }

  /** The piece holding `index` (0 ≤ index < length). */
  private pieceAt(index: number): number {
    const { starts } = this;
    const current = this.current;
    if (starts[current] <= index && (current + 1 === starts.length || index < starts[current + 1])) return current;
    // Empty pieces share their start with the next: the last piece starting at or before the index holds it.
    return (this.current = lastAtMost(starts, index));
  }
}

/** String.prototype.slice's reading of an index: negative counts from the end. */
function clampIndex(index: number, length: number): number {
  const integer = Math.trunc(index) || 0;
  return integer < 0 ? Math.max(length + integer, 0) : Math.min(integer, length);
}

/**
 * The lengths of what two texts begin and end with alike (not overlapping in either). Two PieceTexts
 * that share pieces (versions of one document) are compared piece by piece where the pieces are the same
 * string; the rest a block at a time (natively), then character by character within the block that differs.
 */
export function changedSpan(before: DocumentText, after: DocumentText): { readonly prefix: number; readonly suffix: number } {
  // Each version of an edited document is compared with the one before up to three times (the analysis's
  // regions, the outline taken over, the symbols sent again): a pair of PieceTexts, never changed, is compared once.
  if (!(before instanceof PieceText && after instanceof PieceText)) return spanBetween(before, after);
  const known = lastSpans.get(before);
  if (known?.after === after) return known.span;
  const span = spanBetween(before, after);
  lastSpans.set(before, { after, span });
  return span;
}

/** Per earlier PieceText, the later one it was last compared with and what they begin and end with alike. */
const lastSpans = new WeakMap<PieceText, { readonly after: PieceText; readonly span: { readonly prefix: number; readonly suffix: number } }>();

function spanBetween(before: DocumentText, after: DocumentText): { readonly prefix: number; readonly suffix: number } {
  const most = Math.min(before.length, after.length);
  const pieces = before instanceof PieceText && after instanceof PieceText ? { a: before.pieces, b: after.pieces } : undefined;
  let prefix = 0;
  if (pieces) {
    const { a, b } = pieces;
    for (let i = 0; i < a.length && i < b.length && a[i] === b[i] && prefix + a[i].length <= most; i++) prefix += a[i].length;
  }
  for (let block = 256; prefix + block <= most && before.slice(prefix, prefix + block) === after.slice(prefix, prefix + block); block = Math.min(block * 2, 65_536)) prefix += block;
  while (prefix < most && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const room = most - prefix;
  let suffix = 0;
  if (pieces) {
    const { a, b } = pieces;
    for (let j = 1; j <= a.length && j <= b.length && a[a.length - j] === b[b.length - j] && suffix + a[a.length - j].length <= room; j++) suffix += a[a.length - j].length;
  }
  for (
    let block = 256;
    suffix + block <= room && before.slice(before.length - suffix - block, before.length - suffix) === after.slice(after.length - suffix - block, after.length - suffix);
    block = Math.min(block * 2, 65_536)
  )
    suffix += block;
  while (suffix < room && before.charCodeAt(before.length - suffix - 1) === after.charCodeAt(after.length - suffix - 1)) suffix++;
  return { prefix, suffix };
}
