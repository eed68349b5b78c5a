// The language server: wires an LSP connection to the core. No analysis happens here. Started by
// node/main.ts (stdio or IPC) and web/main.ts (a web worker), each with its platform (platform.ts).

import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  type CodeAction,
  type DocumentSymbol,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { parseLocale, type Locale, type SettingsLayer } from './core/settings';
import { codeActions, FIX_ALL_KIND, resolveDeferredFix, type DeferredFix } from './lsp/codeActions';
import { setRuleDocsBase, toDiagnostic, toDocumentSymbols, toTextEdit } from './lsp/convert';
import { DocumentStore } from './lsp/documentStore';
import { foldingRanges } from './lsp/folding';
import { hoverAt } from './lsp/hover';
import { semanticTokens, SEMANTIC_TOKENS_LEGEND } from './lsp/semanticTokens';
import { message } from './lsp/messages';
import { fixAllEdits, type Analysis } from './core';
import { WHOLE_DOCUMENT_LIMIT } from './core/regions';
import { ProblemFocus } from './lsp/focus';
import { PROBLEM_COUNT_NOTIFICATION, VISIBLE_RANGES_NOTIFICATION, type ArticleInitializationOptions, type ProblemCountParams, type VisibleRangesParams } from './lsp/protocol';
import type { ServerPlatform } from './platform';

/**
 * How long an edit waits before the document is re-analysed. A document analysed whole waits for a short
 * pause in typing; a larger one re-analyses only the region the edit touched (core/regions.ts), so it
 * answers at once; past LARGE_DOCUMENT even putting the regions together takes long enough to wait again.
 */
const DEBOUNCE_WHOLE_MS = 30;
const LARGE_DOCUMENT = 4_000_000;
const DEBOUNCE_LARGE_MS = 250;

function changeDelay(length: number): number {
  if (length <= WHOLE_DOCUMENT_LIMIT) return DEBOUNCE_WHOLE_MS;
  return length > LARGE_DOCUMENT ? DEBOUNCE_LARGE_MS : 0;
}

/**
 * Shows a message without waiting for it. The show-message calls send a request (typed as returning
 * nothing); a client that does not implement it answers with an error, which must not end the server.
 */
function quietly(sent: unknown): void {
  if (sent instanceof Promise) sent.catch(() => undefined);
}

export function startServer(connection: Connection, platform: ServerPlatform): void {
  const focus = new ProblemFocus();
  // The stock document type, updated as usual; where an edit starts is noted first, as the place the
  // user works (a document with more problems than the editor shows gets those nearest it).
  const documents = new TextDocuments({
    create: TextDocument.create,
    update: (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number) => {
      focus.edited(document, changes);
      return TextDocument.update(document, changes, version);
    },
  });
  let store: DocumentStore | undefined;
  let locale: Locale = 'en';
  let canPullConfiguration = false;
  /** The client fetches a code action's edit with codeAction/resolve, so document-wide fixes are built only when picked. */
  let canResolveEdits = false;
  /** Each document's validation waiting to run, and how to call it off. */
  const pending = new Map<string, () => void>();
  const symbolsOf = new WeakMap<Analysis, DocumentSymbol[]>();
  const tooLargeNotified = new Set<string>();
  const capNotified = new Set<string>();

  /** Runs a handler; an exception is logged and answered with `fallback`, so one bad request never stops the server. */
  function guard<P, R>(
    name: string,
    fallback: R,
    handler: (params: P, token?: CancellationToken) => R | Promise<R>,
  ): (params: P, token?: CancellationToken) => Promise<R> {
    return async (params: P, token?: CancellationToken) => {
      try {
        return await handler(params, token);
      } catch (error) {
        connection.console.error(`${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        return fallback;
      }
    };
  }

  const documentStore = (): DocumentStore => {
    store ??= new DocumentStore(locale, {
      fetchEditorSettings: async (uri) => {
        if (!canPullConfiguration) return undefined;
        return (await connection.workspace.getConfiguration({ scopeUri: uri, section: 'article' })) as SettingsLayer | undefined;
      },
      projectConfig: (uri) => platform.projectConfig(uri),
      reportConfigError: (error) => {
        // A client without window/showMessageRequest answers with an error; it must not end the server.
        quietly(connection.window.showWarningMessage(message(locale, 'configError', { reason: error.message })));
      },
      reportConfigProblem: (file, reason) => {
        quietly(connection.window.showWarningMessage(message(locale, 'configProblem', { reason: `${file}: ${reason}` })));
      },
    });
    return store;
  };

  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const settings = await documentStore().settingsFor(uri);
    const current = documents.get(uri);
    // Drop stale work: the document changed or closed while settings were loading.
    if (!current || current.version !== version) return;
    const state = await documentStore().stateWith(current, settings);
    // A large document is analysed in steps; if it changed meanwhile, the newer version's run publishes.
    if (documents.get(uri) !== current || current.version !== version) return;
    if (!state.analysis) {
      if (!tooLargeNotified.has(uri)) {
        tooLargeNotified.add(uri);
        quietly(
          connection.window.showInformationMessage(
            message(settings.locale, 'tooLarge', { length: current.getText().length, limit: settings.maxDocumentLength }),
          ),
        );
      }
      await connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    tooLargeNotified.delete(uri);
    await publish(current, state.analysis, settings.maxProblems);
  }

  /**
   * Sends the document's diagnostics: all of them, or, past article.maxProblems (VS Code itself shows no
   * more than 1 000 per file), those nearest where the user works, with the whole count for the status bar.
   */
  async function publish(document: TextDocument, analysis: Analysis, limit: number): Promise<void> {
    const { uri, version } = document;
    const total = analysis.problemCount;
    const shown = analysis.problemsNear(focus.offset(uri, analysis.model.text.length), limit);
    focus.published(uri, version, shown, total > shown.length);
    // Positions from the editor's copy of this version (it keeps its line offsets up to date as edits come
    // in), before anything is awaited: the copy is updated in place when the next change arrives.
    const diagnostics = shown.map((problem) => toDiagnostic(document, problem, uri));
    if (total > shown.length && !capNotified.has(uri)) {
      capNotified.add(uri);
      quietly(connection.window.showInformationMessage(message(analysis.settings.locale, 'tooManyProblems', { count: total, limit })));
    }
    // The count first: a client that hears of the diagnostics then knows whether they are all.
    await connection.sendNotification(PROBLEM_COUNT_NOTIFICATION, { uri, version, total, shown: shown.length } satisfies ProblemCountParams);
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** The editor scrolled: a document showing only some of its problems shows those in view instead. */
  async function refocus(params: VisibleRangesParams): Promise<void> {
    const document = documents.get(params.uri);
    if (!document || !focus.viewed(document, params.ranges)) return;
    const state = await documentStore().stateOf(document);
    const current = documents.get(params.uri);
    if (!state.analysis || current !== document || current.version !== state.version) return;
    await publish(current, state.analysis, state.settings.maxProblems);
  }

  function schedule(uri: string, delay: number): void {
    pending.get(uri)?.();
    const run = () => {
      pending.delete(uri);
      validate(uri).catch((error) => connection.console.error(`validate failed: ${String(error)}`));
    };
    // No wait: right after the messages already read (a zero timeout would still wait a millisecond).
    if (delay === 0) {
      const immediate = setImmediate(run);
      pending.set(uri, () => clearImmediate(immediate));
    } else {
      const timeout = setTimeout(run, delay);
      pending.set(uri, () => clearTimeout(timeout));
    }
  }

  function revalidateAll(): void {
    for (const document of documents.all()) schedule(document.uri, 0);
  }

  async function analysisOf(uri: string) {
    const document = documents.get(uri);
    if (!document) return undefined;
    const state = await documentStore().stateOf(document);
    return state.analysis ? { document, analysis: state.analysis } : undefined;
  }

  connection.onInitialize((params): InitializeResult => {
    locale = parseLocale(params.locale) ?? 'en';
    const ruleDocsBase = (params.initializationOptions as ArticleInitializationOptions | undefined)?.ruleDocsBase;
    setRuleDocsBase(typeof ruleDocsBase === 'string' ? ruleDocsBase : platform.ruleDocsBase);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canResolveEdits = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        documentSymbolProvider: { label: 'Article' },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        documentFormattingProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      },
      serverInfo: { name: 'article-lint', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'article' }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration(() => {
    documentStore().invalidateSettings();
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    documentStore().invalidateSettings();
    revalidateAll();
  });

  documents.onDidOpen((event) => {
    documentStore().opened(event.document.uri);
    schedule(event.document.uri, 0);
  });
  documents.onDidChangeContent((event) => {
    const size = event.document.getText().length;
    schedule(event.document.uri, changeDelay(size));
  });
  documents.onDidClose((event) => {
    pending.get(event.document.uri)?.();
    pending.delete(event.document.uri);
    tooLargeNotified.delete(event.document.uri);
    capNotified.delete(event.document.uri);
    focus.forget(event.document.uri);
    documentStore().forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onNotification(VISIBLE_RANGES_NOTIFICATION, (params: VisibleRangesParams | null | undefined) => {
    // Anything but an object naming a document is ignored (a notification has no answer to give an error in).
    if (typeof params?.uri !== 'string') return;
    refocus(params).catch((error) => connection.console.error(`visibleRanges failed: ${String(error)}`));
  });

  connection.onHover(
    guard('hover', null, async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      if (!found) return null;
      return hoverAt(found.analysis, found.document.offsetAt(params.position));
    }),
  );

  connection.onDocumentSymbol(
    guard('documentSymbol', null, async (params, token) => {
      const found = await analysisOf(params.textDocument.uri);
      // The editor gave up on this request while the version was analysed (the user typed on): building
      // the outline of a large document takes long enough to hold up the next diagnostics.
      if (!found || token?.isCancellationRequested) return null;
      const { analysis } = found;
      // Kept per analysis: the outline view and breadcrumbs ask again and again for the same version.
      let symbols = symbolsOf.get(analysis);
      if (!symbols) {
        const entries = analysis.outlineWithSpeakers(message(analysis.settings.locale, 'speakers'));
        symbols = toDocumentSymbols(analysis.model.lineIndex, entries);
        symbolsOf.set(analysis, symbols);
      }
      return symbols;
    }),
  );

  connection.onFoldingRanges(
    guard('foldingRange', null, async (params, token) => {
      const found = await analysisOf(params.textDocument.uri);
      return found && !token?.isCancellationRequested ? foldingRanges(found.analysis) : null;
    }),
  );

  connection.languages.semanticTokens.on(
    guard('semanticTokens', null, async (params, token) => {
      const found = await analysisOf(params.textDocument.uri);
      return found && !token?.isCancellationRequested ? semanticTokens(found.analysis) : null;
    }),
  );

  connection.onCodeAction(
    guard('codeAction', null, async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      return found ? codeActions(params, found.document, found.analysis, canResolveEdits) : null;
    }),
  );

  // On failure the action goes back as it came (without an edit), like guard's fallback for the others.
  connection.onCodeActionResolve(async (action: CodeAction) =>
    guard('codeActionResolve', action, async () => {
      const deferred = action.data as DeferredFix | undefined;
      if (!deferred || typeof deferred.uri !== 'string') return action;
      const found = await analysisOf(deferred.uri);
      return found ? resolveDeferredFix(action, found.analysis, found.document.version) : action;
    })(undefined),
  );

  connection.onDocumentFormatting(
    guard('formatting', null, async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      if (!found) return null;
      const { model, settings } = found.analysis;
      return fixAllEdits(model.text, settings).map((edit) => toTextEdit(model.lineIndex, edit));
    }),
  );

  documents.listen(connection);
  connection.listen();
}
