// The server in a Node process: `.article-lint.json` read from disk for files, asked of the client for
// any other scheme (a virtual workspace); rule pages beside the bundle (dist/../docs/rules/).

import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { projectConfigFromClient, type ServerPlatform } from '../lsp/platform';
import { findProjectConfig, readSettingsFile } from './projectConfig';

export function nodePlatform(connection: Connection): ServerPlatform {
  const fromClient = projectConfigFromClient(connection);
  return {
    async projectConfig(documentUri) {
      if (!documentUri.startsWith('file:')) return fromClient(documentUri);
      const file = findProjectConfig(path.dirname(fileURLToPath(documentUri)));
      return file ? { file, layer: readSettingsFile(file) } : undefined;
    },
    ruleDocsBase: pathToFileURL(path.join(__dirname, '..', 'docs', 'rules') + path.sep).toString(),
  };
}
