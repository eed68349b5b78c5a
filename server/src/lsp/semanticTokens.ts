// Semantic tokens: the layout's roles and the figures, encoded as LSP wants (five integers per token,
// each relative to the one before). package.json maps the custom types to TextMate scopes so every
// theme colours them.

import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { Analysis, HighlightKind } from '../core';

const TOKEN_TYPES: readonly HighlightKind[] = ['title', 'heading', 'label', 'byline', 'directive', 'figure'];

/** The legend the server declares; a token's type is its index here. */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: TOKEN_TYPES.map((kind) => (kind === 'directive' ? 'comment' : kind === 'figure' ? 'number' : `article${kind[0].toUpperCase()}${kind.slice(1)}`)),
  tokenModifiers: [],
};

export function semanticTokens(analysis: Analysis): SemanticTokens {
  const { lineIndex } = analysis.model;
  const data: number[] = [];
  let previousLine = 0;
  let previousCharacter = 0;
  for (const highlight of analysis.highlights) {
    const start = lineIndex.positionAt(highlight.start);
    const end = lineIndex.positionAt(highlight.end);
    // Every highlight lies within one line; a guard all the same, as a token may not cross lines.
    if (end.line !== start.line || end.character <= start.character) continue;
    const deltaLine = start.line - previousLine;
    data.push(deltaLine, deltaLine === 0 ? start.character - previousCharacter : start.character, end.character - start.character, TOKEN_TYPES.indexOf(highlight.kind), 0);
    previousLine = start.line;
    previousCharacter = start.character;
  }
  return { data };
}
