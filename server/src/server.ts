// The language server: wires an LSP connection to the open documents' sessions. No analysis happens here.
// The Node entry (stdio, IPC) is server/src/node/main.ts; a browser entry calls startServer the same way.

import { CodeActionKind, DidChangeConfigurationNotification, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { parseLocale, type Locale, type SettingsLayer } from './core';
import { FIX_ALL_KIND } from './lsp/codeActions';
import { registerHandlers, type ClientFeatures } from './lsp/handlers';
import { Lifecycle } from './lsp/lifecycle';
import { setRuleDocsBase } from './lsp/convert';
import { message } from './lsp/messages';
import { NO_PLATFORM, type ServerPlatform } from './lsp/platform';
import type { ArticleInitializationOptions } from './lsp/protocol';
import { SEMANTIC_TOKENS_LEGEND } from './lsp/semanticTokens';
import { quietly, Sessions } from './lsp/sessions';
import { CONFIGURATION_TIMEOUT_MS, DocumentSettings } from './lsp/settings';

export interface ServerOptions {
  readonly platform?: ServerPlatform;
  /** How long the editor's settings are waited for (tests shorten it). */
  readonly configurationTimeoutMs?: number;
}

export interface ServerHandle {
  /** Whether the client asked the server to shut down (an exit after it is a clean one). */
  readonly shutdownReceived: boolean;
}

export function startServer(connection: Connection, options: ServerOptions = {}): ServerHandle {
  const lifecycle = new Lifecycle();
  let features: ClientFeatures = { resolvesEdits: false, completesDiagnostics: false };
  let canPullConfiguration = false;
  let locale: Locale = 'en';
  const platform = options.platform ?? NO_PLATFORM;
  const settings = new DocumentSettings(
    () => locale,
    platform,
    {
      fetchEditorSettings: async (uri) => {
        if (!canPullConfiguration) return undefined;
        return (await connection.workspace.getConfiguration({ scopeUri: uri, section: 'article' })) as SettingsLayer | undefined;
      },
      reportConfig: (kind, reason) =>
        quietly(connection.window.showWarningMessage(message(locale, kind === 'error' ? 'configError' : 'configProblem', { reason }))),
      timedOut: (uri) => connection.console.warn(`${uri}: ${message(locale, 'configTimeout')}`),
      arrivedLate: (uri) => {
        connection.console.info(`${uri}: ${message(locale, 'configLate')}`);
        sessions.settingsArrived(uri);
      },
    },
    options.configurationTimeoutMs ?? CONFIGURATION_TIMEOUT_MS,
  );
  const sessions = new Sessions(connection, settings, () => features);

  connection.onInitialize((params): InitializeResult => {
    lifecycle.initialize();
    canPullConfiguration = params?.capabilities?.workspace?.configuration === true;
    const initializationOptions = params?.initializationOptions as ArticleInitializationOptions | undefined;
    features = {
      resolvesEdits: params?.capabilities?.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit') === true,
      completesDiagnostics: initializationOptions?.completesDiagnostics === true,
    };
    locale = parseLocale(params?.locale) ?? 'en';
    const ruleDocsBase = initializationOptions?.ruleDocsBase;
    setRuleDocsBase(typeof ruleDocsBase === 'string' ? ruleDocsBase : platform.ruleDocsBase);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        documentSymbolProvider: { label: 'Article' },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        documentFormattingProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true } },
      },
      serverInfo: { name: 'article-lint', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'article' }).catch(() => undefined);
    }
  });

  connection.onShutdown(() => {
    lifecycle.shutdown();
    sessions.stop();
  });

  registerHandlers(connection, sessions, lifecycle, () => features);
  connection.listen();
  return {
    get shutdownReceived() {
      return lifecycle.shutDown;
    },
  };
}
