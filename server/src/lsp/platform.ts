// What the language server needs from where it runs (a Node process, or a web worker in the browser):
// the one thing the core-driven server cannot do alone is find and read a document's `.article-lint.json`.
// The Node platform reads it from disk (server/src/node/platform.ts); the web platform asks the client,
// which reads through the editor's file system (server/src/web/platform.ts).

import type { Connection } from 'vscode-languageserver';
import type { SettingsLayer } from '../core';
import { ConfigError, parseSettingsFile } from '../settingsFile';
import { PROJECT_CONFIG_REQUEST, type ProjectConfigParams, type ProjectConfigResult } from './protocol';

export interface ProjectConfig {
  /** The settings file (a path or URI), as messages name it. */
  readonly file: string;
  readonly layer: SettingsLayer;
}

export interface ServerPlatform {
  /** The `.article-lint.json` that applies to a document; undefined when none. Throws ConfigError when it is unusable. */
  projectConfig(documentUri: string): Promise<ProjectConfig | undefined>;
  /** Where the rule pages are when the client does not say (`initializationOptions.ruleDocsBase`). */
  readonly ruleDocsBase?: string;
}

/** A platform with no project settings files (tests, and clients that give none). */
export const NO_PLATFORM: ServerPlatform = {
  projectConfig: async () => undefined,
};

/**
 * Asks the client (article/projectConfig), which reads through the editor's file system. A client that
 * does not know the request (any editor but ours) answers with an error: then there is no project file.
 */
export function projectConfigFromClient(connection: Connection): ServerPlatform['projectConfig'] {
  return async (documentUri) => {
    let found: ProjectConfigResult | null;
    try {
      found = await connection.sendRequest<ProjectConfigResult | null>(PROJECT_CONFIG_REQUEST, { uri: documentUri } satisfies ProjectConfigParams);
    } catch {
      return undefined;
    }
    if (!found || typeof found.uri !== 'string') return undefined;
    if (typeof found.text !== 'string') throw new ConfigError(found.uri, `cannot read (${String(found.error ?? 'no text')})`);
    return { file: found.uri, layer: parseSettingsFile(found.uri, found.text) };
  };
}
