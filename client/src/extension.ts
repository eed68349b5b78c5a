// The VS Code client: starts the language server, adds commands and a status-bar count. No analysis here.

import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  PROBLEM_COUNT_NOTIFICATION,
  VISIBLE_RANGES_NOTIFICATION,
  type ProblemCountParams,
  type VisibleRangesParams,
} from '../../server/src/lsp/protocol';


let client: LanguageClient | undefined;

export interface ArticleLintApi {
  readonly client: LanguageClient;
}

export async function activate(context: vscode.ExtensionContext): Promise<ArticleLintApi> {
  // The settings the server reads: those the manifest contributes (generated from the core's one description,
  // server/src/core/settingsSchema.ts), but the client's own trace.server.
  const settingKeys = Object.keys(context.extension.packageJSON.contributes.configuration.properties as object)
    .map((key) => key.slice('article.'.length))
    .filter((key) => key !== 'trace.server');
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'article' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.article-lint.json') },
    middleware: {
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
  client = new LanguageClient('article', 'Article Lint', serverOptions, clientOptions);
  const languageClient = client;

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
      await languageClient.restart();
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

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
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
  let timer: NodeJS.Timeout | undefined;
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
    .filter((diagnostic) => diagnostic.source === 'article').length;
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
