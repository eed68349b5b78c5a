// What the extension's client and server say to each other beyond LSP (imported by both; types and
// names only, so the client bundle takes nothing else from the server).

import type { Range } from 'vscode-languageserver-types';

/** Client → server: the ranges of a document an editor shows (sent as the user scrolls). */
export const VISIBLE_RANGES_NOTIFICATION = 'article/visibleRanges';
export interface VisibleRangesParams {
  readonly uri: string;
  readonly ranges: readonly Range[];
}

/** Server → client, after each publication: how many problems the document has and how many were sent. */
export const PROBLEM_COUNT_NOTIFICATION = 'article/problemCount';
export interface ProblemCountParams {
  readonly uri: string;
  readonly version: number;
  readonly total: number;
  readonly shown: number;
}
