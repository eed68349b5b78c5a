// The requests and notifications the server answers: each handler finds the document's session and
// hands the work to the core through the lsp/ converters.

import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type DocumentSymbol,
} from 'vscode-languageserver';
import { fixAllEditsInSteps, outlineStandsAsIn, type Analysis } from '../core';
import { fixAllAction, isDeferredFix, quickFixActions, ruleFixEdit, wantsFixAll, type DeferredFix } from './codeActions';
import { toDocumentSymbols, toTextEdit } from './convert';
import { hoverAt } from './hover';
import type { Lifecycle } from './lifecycle';
import { message } from './messages';
import { VISIBLE_RANGES_NOTIFICATION, type VisibleRangesParams } from './protocol';
import { answeredAgain, answeredAgainLater, KeptAnswers, keptAnswer } from './repeatedAnswers';
import { encodeTokens, fullTokens, tokensSince, type TokensResult } from './semanticTokens';
import { Abandoned, type DocumentSession } from './session';
import type { ClientFeatures, Ready, Sessions } from './sessions';

export type { ClientFeatures } from './sessions';

type Token = CancellationToken | undefined;

/** The most outline entries whose symbols are kept for as long as their version's analysis. */
const KEPT_SYMBOLS = 10_000;

export function registerHandlers(connection: Connection, sessions: Sessions, lifecycle: Lifecycle, client: () => ClientFeatures): void {
  /**
   * Runs a request handler in the running phase. A cancelled request is answered as such; any other
   * exception is logged and answered with `fallback`, so one bad request never stops the server.
   */
  function request<P, R>(name: string, fallback: R, handler: (params: P, token: Token) => R | Promise<R>) {
    return async (params: P, token?: CancellationToken): Promise<R> => {
      lifecycle.checkRequest();
      try {
        return await handler(params, token);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        if (error instanceof Abandoned) {
          if (error.reason === 'cancelled') throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
          throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while the request was worked on.');
        }
        connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
  }

  const uriOf = (params: unknown): string | undefined => {
    const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
    return typeof uri === 'string' ? uri : undefined;
  };
  const ready = (params: unknown, token: Token): Promise<Ready | undefined> => {
    const uri = uriOf(params);
    return uri === undefined ? Promise.resolve(undefined) : sessions.ready(uri, token);
  };

  connection.onDidOpenTextDocument((params) => {
    const document = params?.textDocument;
    if (!lifecycle.running || typeof document?.uri !== 'string' || typeof document.text !== 'string') return;
    sessions.open(document.uri, String(document.languageId), Number(document.version), document.text);
  });
  connection.onDidChangeTextDocument((params) => {
    const uri = params?.textDocument?.uri;
    if (!lifecycle.running || typeof uri !== 'string' || !Array.isArray(params.contentChanges)) return;
    sessions.change(uri, Number(params.textDocument.version), params.contentChanges);
  });
  connection.onDidCloseTextDocument((params) => {
    const uri = params?.textDocument?.uri;
    if (lifecycle.running && typeof uri === 'string') sessions.close(uri);
  });
  connection.onDidChangeConfiguration(() => {
    if (lifecycle.running) sessions.settingsChanged();
  });
  connection.onDidChangeWatchedFiles(() => {
    if (lifecycle.running) sessions.settingsChanged();
  });
  connection.onNotification(VISIBLE_RANGES_NOTIFICATION, (params: VisibleRangesParams | null | undefined) => {
    // Anything but an object naming a document is ignored (a notification has no answer to give an error in).
    if (!lifecycle.running || typeof params?.uri !== 'string') return;
    sessions.refocus(params.uri, params.ranges).catch((error) => connection.console.error(`visibleRanges failed: ${String(error)}`));
  });

  connection.onHover(
    request('hover', null, async (params, token) => {
      const found = await ready(params, token);
      return found ? hoverAt(found.analysis, found.session.document.offsetAt(params.position)) : null;
    }),
  );

  // Kept per analysis: the outline view and breadcrumbs ask again and again for the same text (and a
  // transport that writes bytes keeps their encoding: repeatedAnswers.ts). A 1 MB article's outline has
  // ~3,000 entries; one past KEPT_SYMBOLS is kept only weakly (KeptAnswers says why).
  const symbolsOf = new KeptAnswers<Analysis, DocumentSymbol[]>(KEPT_SYMBOLS);
  /** The symbols of a version's outline, made once per analysis. */
  function symbolsFor({ analysis, session }: Ready): DocumentSymbol[] {
    let symbols = symbolsOf.get(analysis);
    if (!symbols) {
      const version = analysis.outlineVersion(message(analysis.settings.locale, 'speakers'));
      // After an edit that moved no entry to another line or character (most do not), the symbols last
      // answered are this version's too: sent as they are, their encoding kept (repeatedAnswers.ts).
      const last = session.outline?.deref();
      if (last && outlineStandsAsIn(last.version, version)) symbols = last.symbols;
      else {
        const built = toDocumentSymbols(analysis.model.lineIndex, version.entries);
        // The editor asked for an earlier version's outline too: it asks after each edit, and the next version's
        // outline most likely stands as this one, to send these symbols again (kept from their first sending).
        symbols = last ? answeredAgainLater(built) : answeredAgain(built);
      }
      symbolsOf.keep(analysis, symbols, version.entries.length);
      session.outline = keptAnswer({ version, symbols }, version.entries.length, KEPT_SYMBOLS);
    }
    return symbols;
  }
  connection.onDocumentSymbol(
    request('documentSymbol', null, async (params, token) => {
      const found = await ready(params, token);
      // The editor gave up on this request while the text was analysed (the user typed on): building
      // the outline of a large document takes long enough to hold up the next diagnostics.
      if (!found || token?.isCancellationRequested) return null;
      found.session.outlineAskedAt = found.session.generation;
      return symbolsFor(found);
    }),
  );
  // Made ahead (lsp/sessions.ts) for an editor that asked for the version before's.
  sessions.outlineAhead = symbolsFor;

  connection.onFoldingRanges(
    request('foldingRange', null, async (params, token) => {
      const found = await ready(params, token);
      return found && !token?.isCancellationRequested ? [...found.analysis.folds] : null;
    }),
  );

  /** The document's tokens under a new resultId, kept in its session for the next delta request. */
  function answerTokens({ session, analysis }: Ready): TokensResult {
    const result = { resultId: sessions.nextTokensResultId(), data: encodeTokens(analysis) };
    session.tokens = result;
    return result;
  }
  connection.languages.semanticTokens.on(
    request('semanticTokens', null, async (params, token) => {
      const found = await ready(params, token);
      return found && !token?.isCancellationRequested ? fullTokens(answerTokens(found)) : null;
    }),
  );
  // After an edit: the integers that changed since the answer the editor holds, or every token when the
  // server no longer has that answer (another was given since, or the document was closed meanwhile).
  connection.languages.semanticTokens.onDelta(
    request('semanticTokensDelta', null, async (params, token) => {
      const found = await ready(params, token);
      if (!found || token?.isCancellationRequested) return null;
      const previous = found.session.tokens;
      return tokensSince(previous, params?.previousResultId, answerTokens(found));
    }),
  );

  connection.onCodeAction(
    request('codeAction', null, async (params, token) => {
      const found = await ready(params, token);
      if (!found || !params.context) return null;
      const { session, analysis } = found;
      const { uri, version } = session.document;
      const deferEdits = client().resolvesEdits;
      const actions = quickFixActions(params, { uri, version, positions: session.document, analysis, deferEdits });
      if (wantsFixAll(params)) {
        actions.push(
          fixAllAction(
            analysis.settings.locale,
            deferEdits ? { data: { uri, version } satisfies DeferredFix } : { edit: await fixAllEdit(session, analysis, token) },
          ),
        );
      }
      return actions;
    }),
  );

  // On failure the action goes back as it came (without an edit).
  connection.onCodeActionResolve((action: CodeAction, token) =>
    request('codeActionResolve', action, async (_params: undefined, token) => {
      const deferred = action?.data;
      if (!isDeferredFix(deferred)) return action;
      const found = await sessions.ready(deferred.uri, token);
      // Edits for another version than the action was offered for would land in the wrong places.
      if (!found || found.session.document.version !== deferred.version) return action;
      const { session, analysis } = found;
      const edit =
        deferred.ruleId === undefined
          ? await fixAllEdit(session, analysis, token)
          : ruleFixEdit(deferred.uri, session.document, analysis, deferred.ruleId);
      return { ...action, edit };
    })(undefined, token),
  );

  connection.onDocumentFormatting(
    request('formatting', null, async (params, token) => {
      const found = await ready(params, token);
      if (!found) return null;
      return (await fixAllEdit(found.session, found.analysis, token)).changes![found.session.uri];
    }),
  );

  /** Fix all as a workspace edit; long on a large document, so it runs in steps and stops when cancelled or superseded. */
  async function fixAllEdit(session: DocumentSession, analysis: Analysis, token: Token) {
    const generation = session.generation;
    const edits = await fixAllEditsInSteps(analysis, session.pauseFor(generation, token));
    if (session.generation !== generation) throw new Abandoned('superseded');
    return { changes: { [session.uri]: edits.map((edit) => toTextEdit(analysis.model.lineIndex, edit)) } };
  }

  // Any other request: the lifecycle's error before initialize and after shutdown, else "no such method".
  connection.onRequest((method: string) => {
    lifecycle.checkRequest();
    throw new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
  });
}
