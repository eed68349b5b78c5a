// What the extension's client and server say to each other beyond LSP (imported by both; types, names
// and the address of a rule's page only, so the client bundle takes nothing else from the server).

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

/**
 * Server → client: the `.article-lint.json` that applies to a document, found from its folder upward
 * through the editor's file system (a browser, or a virtual workspace, has no disk for the server to read).
 * The answer is null when there is none.
 */
export const PROJECT_CONFIG_REQUEST = 'article/projectConfig';
export interface ProjectConfigParams {
  readonly uri: string;
}
export interface ProjectConfigResult {
  /** The settings file's URI. */
  readonly uri: string;
  /** Its text; or, when it could not be read, why (`error`). */
  readonly text?: string;
  readonly error?: string;
}

/** Client → server in `initialize`. */
export interface ArticleInitializationOptions {
  /** Where the rule pages are (the extension's `docs/rules/`, ending in `/`). */
  readonly ruleDocsBase?: string;
  /**
   * The client gives each diagnostic its `source` (DIAGNOSTIC_SOURCE) and its rule's page (`codeDescription`,
   * rulePageUri) itself, from the diagnostic's `code`, so the server leaves both out. They are the same for
   * every diagnostic of a rule, and were over a third of what a raw megabyte's 1,000 diagnostics weigh,
   * sent, encoded and parsed again after every keystroke.
   */
  readonly completesDiagnostics?: boolean;
}

/** The `source` of every diagnostic of ours. */
export const DIAGNOSTIC_SOURCE = 'article';

/** The page of rule `ruleId` under `ruleDocsBase` (which ends in `/`). */
export function rulePageUri(ruleDocsBase: string, ruleId: string): string {
  return `${ruleDocsBase}${ruleId}.md`;
}
