// The VS Code client, the same on the desktop and in the browser: starts the language server (how is
// the entry's business: extension.ts in Node, web/extension.ts in a web worker), adds commands and a
// status-bar count, and reads `.article-lint.json` for a server without a disk. No analysis here.

import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import {
  DIAGNOSTIC_SOURCE,
  PROBLEM_COUNT_NOTIFICATION,
  PROJECT_CONFIG_REQUEST,
  VISIBLE_RANGES_NOTIFICATION,
  rulePageUri,
  type ArticleInitializationOptions,
  type ProblemCountParams,
  type VisibleRangesParams,
} from '../../server/src/lsp/protocol';
import { findProjectConfig } from './projectConfig';

let client: BaseLanguageClient | undefined;

export interface ArticleLintApi {
  readonly client: BaseLanguageClient;
}

/** Makes the language client for the entry's kind of server (a Node process, a web worker). */
export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient;

export async function activateClient(context: vscode.ExtensionContext, createClient: ClientFactory): Promise<ArticleLintApi> {
  // The settings the server reads: those the manifest contributes (generated from the core's one description,
  // server/src/core/settingsSchema.ts), but the client's own trace.server.
  const settingKeys = Object.keys(context.extension.packageJSON.contributes.configuration.properties as object)
    .map((key) => key.slice('article.'.length))
    .filter((key) => key !== 'trace.server');
  // Diagnostics link each rule's page; the extension's own URI works on disk, remote and on the web alike.
  const ruleDocsBase = `${vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString()}/`;
  const initializationOptions: ArticleInitializationOptions = { ruleDocsBase, completesDiagnostics: true };
  const completeDiagnostic = diagnosticCompleter(ruleDocsBase);
  const clientOptions: LanguageClientOptions = {
    // Any scheme: a file on disk, an untitled document, a virtual workspace (github.dev, vscode-vfs:).
    documentSelector: [{ language: 'article' }],
    initializationOptions,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.article-lint.json') },
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => {
        diagnostics.forEach(completeDiagnostic);
        next(uri, diagnostics);
      },
      workspace: {
        // Send only what the user set, so `.article-lint.json` is not hidden by the settings' defaults.
        configuration: (params) =>
          params.items.map((item) => {
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return explicitSettings(vscode.workspace.getConfiguration('article', scope), settingKeys);
          }),
      },
    },
  };
  client = createClient('article', 'Article Lint', clientOptions);
  const languageClient = client;
  languageClient.onRequest(PROJECT_CONFIG_REQUEST, findProjectConfig);

  const status = vscode.window.createStatusBarItem('article.problems', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Article Lint';
  status.command = 'workbench.actions.view.problems';
  // The server's count per document: past article.maxProblems it sends only some diagnostics.
  const counts = new Map<string, ProblemCountParams>();
  const refreshStatus = () => updateStatus(status, counts);
  const sendVisibleRanges = debounced(VISIBLE_RANGES_DELAY_MS, (editor: vscode.TextEditor) => {
    if (editor.document.languageId !== 'article' || !languageClient.isRunning()) return;
    const params: VisibleRangesParams = {
      uri: editor.document.uri.toString(),
      ranges: editor.visibleRanges.map((range) => languageClient.code2ProtocolConverter.asRange(range)),
    };
    void languageClient.sendNotification(VISIBLE_RANGES_NOTIFICATION, params).catch(() => undefined);
  });

  context.subscriptions.push(
    status,
    vscode.commands.registerCommand('article.fixAll', fixAllInActiveEditor),
    vscode.commands.registerCommand('article.restartServer', async () => {
      // The browser's client has no restart(): stop, then start a fresh server (a new process or worker).
      await languageClient.stop();
      await languageClient.start();
    }),
    vscode.commands.registerCommand('article.showOutput', () => languageClient.outputChannel.show()),
    vscode.languages.onDidChangeDiagnostics(refreshStatus),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      refreshStatus();
      if (editor) sendVisibleRanges(editor);
    }),
    vscode.window.onDidChangeTextEditorVisibleRanges((event) => sendVisibleRanges(event.textEditor)),
    vscode.workspace.onDidCloseTextDocument((document) => counts.delete(document.uri.toString())),
  );

  await languageClient.start();
  context.subscriptions.push(
    languageClient.onNotification(PROBLEM_COUNT_NOTIFICATION, (params: ProblemCountParams) => {
      counts.set(params.uri, params);
      refreshStatus();
    }),
  );
  refreshStatus();
  return { client: languageClient };
}

export async function deactivateClient(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/**
 * Gives a diagnostic what the server leaves out for this client (completesDiagnostics): its source and
 * its rule's page as the code's target, one URI per rule (a raw megabyte has 1,000 diagnostics per edit).
 */
function diagnosticCompleter(ruleDocsBase: string): (diagnostic: vscode.Diagnostic) => void {
  const pages = new Map<string, vscode.Uri>();
  return (diagnostic) => {
    diagnostic.source ??= DIAGNOSTIC_SOURCE;
    const code = diagnostic.code;
    if (typeof code !== 'string') return;
    let target = pages.get(code);
    if (!target) {
      target = vscode.Uri.parse(rulePageUri(ruleDocsBase, code));
      pages.set(code, target);
    }
    diagnostic.code = { value: code, target };
  };
}

function explicitSettings(configuration: vscode.WorkspaceConfiguration, keys: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    const inspected = configuration.inspect(key);
    const value =
      inspected?.workspaceFolderLanguageValue ??
      inspected?.workspaceLanguageValue ??
      inspected?.globalLanguageValue ??
      inspected?.workspaceFolderValue ??
      inspected?.workspaceValue ??
      inspected?.globalValue;
    if (value !== undefined) result[key] = value;
  }
  return result;
}

async function fixAllInActiveEditor(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'article') return;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    editor.document.uri,
    new vscode.Range(0, 0, editor.document.lineCount, 0),
    'source.fixAll.article',
    1, // resolve the action: the server computes its edit on codeAction/resolve
  );
  const fixAll = actions?.find((action) => action.kind?.value === 'source.fixAll.article' && action.edit);
  if (fixAll?.edit) await vscode.workspace.applyEdit(fixAll.edit);
}

/** Scrolling sends many events a second; the server needs only where the view came to rest. */
const VISIBLE_RANGES_DELAY_MS = 150;

function debounced<T>(delay: number, run: (value: T) => void): (value: T) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => run(value), delay);
  };
}

function updateStatus(status: vscode.StatusBarItem, counts: ReadonlyMap<string, ProblemCountParams>): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'article') {
    status.hide();
    return;
  }
  const shown = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE).length;
  const reported = counts.get(editor.document.uri.toString());
  // The server's count once it has one for this version; what the editor holds otherwise.
  const count = reported && reported.version === editor.document.version ? reported.total : shown;
  const partial = count > shown;
  const zh = vscode.env.language.toLowerCase().startsWith('zh');
  const number = count.toLocaleString(zh ? 'zh-CN' : 'en');
  status.text = count === 0 ? '$(check) Article' : `$(warning) Article: ${number}`;
  if (zh) status.tooltip = partial ? `文章问题：${number} 个（显示附近的 ${shown} 个）` : `文章问题：${number} 个`;
  else status.tooltip = partial ? `Article problems: ${number} (the ${shown} nearest shown)` : `Article problems: ${number}`;
  status.show();
}
