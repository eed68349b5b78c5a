// The VS Code client: starts the language server, adds commands and a status-bar count. No analysis here.

import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

const SETTING_KEYS = ['rules', 'cjkLatinSpacing', 'maxDocumentLength', 'maxProblems'] as const;

let client: LanguageClient | undefined;

export interface ArticleLintApi {
  readonly client: LanguageClient;
}

export async function activate(context: vscode.ExtensionContext): Promise<ArticleLintApi> {
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
            return explicitSettings(vscode.workspace.getConfiguration('article', scope));
          }),
      },
    },
  };
  client = new LanguageClient('article', 'Article Lint', serverOptions, clientOptions);
  const languageClient = client;

  const status = vscode.window.createStatusBarItem('article.problems', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Article Lint';
  status.command = 'workbench.actions.view.problems';
  const refreshStatus = () => updateStatus(status);

  context.subscriptions.push(
    status,
    vscode.commands.registerCommand('article.fixAll', fixAllInActiveEditor),
    vscode.commands.registerCommand('article.restartServer', async () => {
      await languageClient.restart();
    }),
    vscode.commands.registerCommand('article.showOutput', () => languageClient.outputChannel.show()),
    vscode.languages.onDidChangeDiagnostics(refreshStatus),
    vscode.window.onDidChangeActiveTextEditor(refreshStatus),
  );

  await languageClient.start();
  refreshStatus();
  return { client: languageClient };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function explicitSettings(configuration: vscode.WorkspaceConfiguration): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
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

function updateStatus(status: vscode.StatusBarItem): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'article') {
    status.hide();
    return;
  }
  const count = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((diagnostic) => diagnostic.source === 'article').length;
  const zh = vscode.env.language.toLowerCase().startsWith('zh');
  status.text = count === 0 ? '$(check) Article' : `$(warning) Article: ${count}`;
  status.tooltip = zh ? `文章问题：${count} 个` : `Article problems: ${count}`;
  status.show();
}
