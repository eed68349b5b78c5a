// Semantic tokens: the layout's roles and the figures, encoded as LSP wants (five integers per token,
// each relative to the one before). package.json maps the custom types to TextMate scopes so every
// theme colours them. After an edit the editor asks again naming the answer it holds (its resultId), and
// is answered with the integers that changed since (tokensDelta): a 1 MB document's tokens are ~50,000
// integers, ~107 KB of JSON, of which an edit changes a few.

import type { SemanticTokens, SemanticTokensDelta, SemanticTokensEdit, SemanticTokensLegend } from 'vscode-languageserver';
import type { Analysis, HighlightKind } from '../core';

const TOKEN_TYPES: readonly HighlightKind[] = ['title', 'heading', 'label', 'byline', 'directive', 'figure'];

/** The legend the server declares; a token's type is its index here. */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: TOKEN_TYPES.map((kind) => (kind === 'directive' ? 'comment' : kind === 'figure' ? 'number' : `article${kind[0].toUpperCase()}${kind.slice(1)}`)),
  tokenModifiers: [],
};

/** A document's tokens as last answered, which the next delta request names by `resultId`. */
export interface TokensResult {
  readonly resultId: string;
  /** Five integers per token. Typed: encoding into a plain array ~50,000 long made the garbage collector work after every edit of a 1 MB document. */
  readonly data: Uint32Array;
}

/**
 * The document's tokens, five integers each, relative to the token before. Asked after every edit, so
 * nothing is made per token: a line and its start are looked up as numbers (positionAt made two objects a
 * token, and with a plain array grown to ~50,000 integers that was ~12 ms a version of a 1 MB document,
 * most of it the garbage collector's).
 */
export function encodeTokens(analysis: Analysis): Uint32Array {
  const { lineIndex } = analysis.model;
  const highlights = analysis.highlights;
  const data = new Uint32Array(5 * highlights.length);
  let length = 0;
  let previousLine = 0;
  let previousCharacter = 0;
  for (const highlight of highlights) {
    const line = lineIndex.lineAt(highlight.start);
    const lineStart = lineIndex.startOf(line);
    const lineEnd = lineIndex.endOf(line);
    const character = highlight.start - lineStart;
    // Every highlight lies within one line; a guard all the same, as a token may not cross lines.
    if (highlight.end > lineEnd || highlight.end <= highlight.start) continue;
    const deltaLine = line - previousLine;
    data[length] = deltaLine;
    data[length + 1] = deltaLine === 0 ? character - previousCharacter : character;
    data[length + 2] = highlight.end - highlight.start;
    data[length + 3] = TOKEN_TYPES.indexOf(highlight.kind);
    data[length + 4] = 0;
    length += 5;
    previousLine = line;
    previousCharacter = character;
  }
  return length === data.length ? data : data.slice(0, length);
}

/** A full answer: every token. */
export function fullTokens(result: TokensResult): SemanticTokens {
  return { resultId: result.resultId, data: numbers(result.data) };
}

/**
 * The integers as the JSON answer wants them (JSON writes a typed array as an object). Pushed one by one:
 * Array.from iterates (7–11 ms for 50,000 against 4–5 ms, under load), and an array made at its length is
 * holey, slower to write out.
 */
function numbers(typed: Uint32Array): number[] {
  const list: number[] = [];
  for (let i = 0; i < typed.length; i++) list.push(typed[i]);
  return list;
}

/**
 * The edits that turn `previous` into `next`: one edit replacing what lies between their common prefix and
 * their common suffix (none when they are equal). An edit in the text changes the tokens on the lines it
 * touches and, when it adds or removes lines, only the first token after it (each is relative to the one
 * before), so this middle is small.
 */
export function tokensDelta(previous: Uint32Array, next: Uint32Array): SemanticTokensEdit[] {
  const shorter = Math.min(previous.length, next.length);
  let prefix = 0;
  while (prefix < shorter && previous[prefix] === next[prefix]) prefix++;
  // The suffix may not reach into the prefix of either array.
  let suffix = 0;
  while (suffix < shorter - prefix && previous[previous.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  const deleteCount = previous.length - prefix - suffix;
  const inserted = next.subarray(prefix, next.length - suffix);
  if (deleteCount === 0 && inserted.length === 0) return [];
  return [inserted.length === 0 ? { start: prefix, deleteCount } : { start: prefix, deleteCount, data: numbers(inserted) }];
}

/** The answer to a delta request: the edits from the previous result when it is the one asked about, else every token. */
export function tokensSince(previous: TokensResult | undefined, previousResultId: unknown, next: TokensResult): SemanticTokens | SemanticTokensDelta {
  if (previous === undefined || previous.resultId !== previousResultId) return fullTokens(next);
  return { resultId: next.resultId, edits: tokensDelta(previous.data, next.data) };
}
