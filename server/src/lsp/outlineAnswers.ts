// The outline a document's versions are answered with (documentSymbol): each version's symbols made once and
// kept with its analysis (the Outline view, breadcrumbs and sticky scroll each ask), the symbols last answered
// sent again when the new version's outline stands where theirs did, and — for an editor that asks for the
// outline of every version — a version's symbols made right after its diagnostics are published, before the
// editor asks.

import type { DocumentSymbol } from 'vscode-languageserver';
import { outlineStandsAsIn, type Analysis } from '../core';
import { toDocumentSymbols } from './convert';
import { message } from './messages';
import { answeredAgain, KeptAnswers, keptAnswer } from './repeatedAnswers';
import type { DocumentSession } from './session';

/** The most outline entries whose symbols are kept for as long as their version's analysis (and made ahead). */
export const KEPT_SYMBOLS = 10_000;

export class OutlineAnswers {
  // A 1 MB article's outline has ~3,000 entries; one past KEPT_SYMBOLS is kept only weakly (KeptAnswers says why).
  private readonly symbolsOf = new KeptAnswers<Analysis, DocumentSymbol[]>(KEPT_SYMBOLS);

  /** The symbols of `analysis` (the session's current version), made on first use and kept with it. */
  symbols(session: DocumentSession, analysis: Analysis): DocumentSymbol[] {
    let symbols = this.symbolsOf.get(analysis);
    if (!symbols) {
      const version = analysis.outlineVersion(message(analysis.settings.locale, 'speakers'));
      // After an edit that moved no entry to another line or character (most do not), the symbols last
      // answered are this version's too: sent as they are, their encoding kept (repeatedAnswers.ts).
      const last = session.outline?.deref();
      symbols = last && outlineStandsAsIn(last.version, version) ? last.symbols : answeredAgain(toDocumentSymbols(analysis.model.lineIndex, version.entries));
      this.symbolsOf.keep(analysis, symbols, version.entries.length);
      session.outline = keptAnswer({ version, symbols }, version.entries.length, KEPT_SYMBOLS);
    }
    return symbols;
  }

  /**
   * Whether to make the symbols of a version just published now, before they are asked for: when the editor
   * asked for an earlier version's outline (VS Code asks again after each edit, once the diagnostics are in),
   * kept with its readings (at most KEPT_SYMBOLS entries: a larger outline is built afresh, which takes too
   * long to do unasked) and not made yet.
   */
  wanted(session: DocumentSession, analysis: Analysis): boolean {
    const last = session.outline?.deref();
    return last !== undefined && last.version.entries.length <= KEPT_SYMBOLS && this.symbolsOf.get(analysis) === undefined;
  }
}
