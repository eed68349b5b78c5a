// Where the user works in each document: a document with more problems than the editor shows
// (article.maxProblems; VS Code itself shows at most 1 000 per file) gets those nearest this place.
// The place is where the last edit started, or the middle of what the editor last showed (the client
// sends its visible ranges); before either, the top of the document.

import type { Range } from 'vscode-languageserver';
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Problem } from '../core';

/** The span of the problems published for a version, when they were only some of them. */
interface Window {
  readonly version: number;
  readonly start: number;
  readonly end: number;
}

export class ProblemFocus {
  private readonly places = new Map<string, number>();
  private readonly windows = new Map<string, Window>();

  /** Notes where an edit starts, in the document before it (the same place in the one after). */
  edited(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[]): void {
    const first = changes[0];
    if (first && 'range' in first && first.range) this.places.set(document.uri, document.offsetAt(first.range.start));
  }

  /**
   * Notes the middle of what an editor shows; true when only some problems were published and those in
   * view are not among them (so they should be published again, around the new place).
   */
  viewed(document: TextDocument, ranges: unknown): boolean {
    const range = Array.isArray(ranges) ? ranges.find(isRange) : undefined;
    if (!range) return false;
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    this.places.set(document.uri, Math.floor((start + end) / 2));
    const window = this.windows.get(document.uri);
    return window !== undefined && window.version === document.version && (start < window.start || end > window.end);
  }

  /** The place to show problems around, within the text. */
  offset(uri: string, textLength: number): number {
    const place = this.places.get(uri) ?? 0;
    return Math.min(Math.max(0, place), textLength);
  }

  /** Records what was published, to know whether a later view is covered. */
  published(uri: string, version: number, shown: readonly Problem[], partial: boolean): void {
    if (!partial || shown.length === 0) this.windows.delete(uri);
    else this.windows.set(uri, { version, start: shown[0].start, end: shown[shown.length - 1].end });
  }

  forget(uri: string): void {
    this.places.delete(uri);
    this.windows.delete(uri);
  }
}

function isRange(value: unknown): value is Range {
  const range = value as Range | undefined;
  return isPosition(range?.start) && isPosition(range?.end);
}

function isPosition(value: unknown): boolean {
  const position = value as { line?: unknown; character?: unknown } | undefined;
  return Number.isInteger(position?.line) && Number.isInteger(position?.character);
}
