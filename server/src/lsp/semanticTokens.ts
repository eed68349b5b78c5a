// Semantic tokens: the layout's roles and the figures, encoded as LSP wants (five integers per token,
// each relative to the one before). package.json maps the custom types to TextMate scopes so every
// theme colours them. After an edit the editor asks again with the previous answer's resultId, and is
// answered with the integers that changed (tokensDelta): most of a large document's tokens stay as they
// were, and their encoding is ~100 KB a version at 1 MB.

import type { SemanticTokens, SemanticTokensDelta, SemanticTokensEdit, SemanticTokensLegend } from 'vscode-languageserver';
import type { Analysis, HighlightKind } from '../core';

const TOKEN_TYPES: readonly HighlightKind[] = ['title', 'heading', 'label', 'byline', 'directive', 'figure'];

/** The legend the server declares; a token's type is its index here. */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: TOKEN_TYPES.map((kind) => (kind === 'directive' ? 'comment' : kind === 'figure' ? 'number' : `article${kind[0].toUpperCase()}${kind.slice(1)}`)),
  tokenModifiers: [],
};

/** A document's tokens as last answered: what the next delta request names by `resultId`. */
export interface TokensResult {
  readonly resultId: string;
  /** The answer's integers (kept typed: a 1 MB document has ~50,000 of them). */
  readonly data: Uint32Array;
}

/** The document's tokens, five integers each, relative to the token before. */
export function encodeTokens(analysis: Analysis): Uint32Array {
  const { lineIndex } = analysis.model;
  const highlights = analysis.highlights;
  // Sized once: a number[] grown by push to ~50,000 elements cost more than filling it.
  const data = new Uint32Array(5 * highlights.length);
  let length = 0;
  let previousLine = 0;
  let previousCharacter = 0;
  for (const highlight of highlights) {
    const start = lineIndex.positionAt(highlight.start);
    const end = lineIndex.positionAt(highlight.end);
    // Every highlight lies within one line; a guard all the same, as a token may not cross lines.
    if (end.line !== start.line || end.character <= start.character) continue;
    const deltaLine = start.line - previousLine;
    data[length] = deltaLine;
    data[length + 1] = deltaLine === 0 ? start.character - previousCharacter : start.character;
    data[length + 2] = end.character - start.character;
    data[length + 3] = TOKEN_TYPES.indexOf(highlight.kind);
    data[length + 4] = 0;
    length += 5;
    previousLine = start.line;
    previousCharacter = start.character;
  }
  return length === data.length ? data : data.slice(0, length);
}

/** A full answer: every token. */
export function fullTokens(result: TokensResult): SemanticTokens {
  return { resultId: result.resultId, data: Array.from(result.data) };
}

/**
 * The edits that turn `previous` into `next`: one edit replacing what lies between their common prefix and
 * their common suffix (none when they are equal). An edit in the text changes the tokens around it and,
 * when it adds or removes a line, only the first token after it (the others are relative to the one
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
  return [inserted.length === 0 ? { start: prefix, deleteCount } : { start: prefix, deleteCount, data: Array.from(inserted) }];
}

/** The answer to a delta request: the edits from the previous result when it is the one asked about, else every token. */
export function tokensSince(previous: TokensResult | undefined, previousResultId: unknown, next: TokensResult): SemanticTokens | SemanticTokensDelta {
  if (previous === undefined || previous.resultId !== previousResultId) return fullTokens(next);
  return { resultId: next.resultId, edits: tokensDelta(previous.data, next.data) };
}
