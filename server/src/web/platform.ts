// The server in a web worker: no disk, so `.article-lint.json` is read by the client through the editor's
// file system (vscode.workspace.fs), which also serves virtual workspaces. The rule pages' location comes
// from the client at initialize.

import type { Connection } from 'vscode-languageserver';
import { projectConfigFromClient, type ServerPlatform } from '../lsp/platform';

export function webPlatform(connection: Connection): ServerPlatform {
  return { projectConfig: projectConfigFromClient(connection) };
}
