// The client's half of article/projectConfig: finds a document's `.article-lint.json` from its folder
// upward through vscode.workspace.fs, for a server that has no disk of its own (a web worker) or a
// document on none (a virtual workspace). It stops at the workspace folder's root, above which a
// browser's or a repository's file system has nothing.

import * as vscode from 'vscode';
import type { ProjectConfigParams, ProjectConfigResult } from '../../server/src/lsp/protocol';
import { PROJECT_CONFIG_NAME } from '../../server/src/settingsFile';

export async function findProjectConfig(params: ProjectConfigParams): Promise<ProjectConfigResult | null> {
  let document: vscode.Uri;
  try {
    document = vscode.Uri.parse(params.uri, true);
  } catch {
    return null;
  }
  // Nothing to look in: an untitled document, or a scheme no file system serves (its path need not even be absolute).
  if (vscode.workspace.fs.isWritableFileSystem(document.scheme) === undefined || !document.path.startsWith('/')) return null;
  const root = vscode.workspace.getWorkspaceFolder(document)?.uri;
  let folder = vscode.Uri.joinPath(document, '..');
  for (;;) {
    const candidate = vscode.Uri.joinPath(folder, PROJECT_CONFIG_NAME);
    const stat = await vscode.workspace.fs.stat(candidate).then(
      (found) => found,
      () => undefined,
    );
    if (stat && (stat.type & vscode.FileType.File) !== 0) {
      // An unreadable file is the server's to report, as it does one on disk.
      try {
        return { uri: candidate.toString(), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(candidate)) };
      } catch (error) {
        return { uri: candidate.toString(), error: error instanceof vscode.FileSystemError ? error.code : String(error) };
      }
    }
    const parent = vscode.Uri.joinPath(folder, '..');
    if (parent.path === folder.path || (root && folder.path === root.path)) return null;
    folder = parent;
  }
}
