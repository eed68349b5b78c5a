// What the server needs from where it runs. The Node entry (server/src/node/) reads .article-lint.json
// from disk; a browser entry has no disk and gives its own (or none).

import type { SettingsLayer } from '../core';

/** How a platform tells the user about a project settings file (the server shows each reason once). */
export interface ConfigReport {
  /** The file cannot be used at all. */
  error(reason: string): void;
  /** Part of the file is ignored, e.g. a misspelt rule id. */
  problem(file: string, reason: string): void;
}

export interface ServerPlatform {
  /** The project's settings for a document (the layer between the defaults and the editor's settings). */
  projectSettings(uri: string, report: ConfigReport): SettingsLayer | undefined;
}

/** A platform with no project settings files. */
export const NO_PLATFORM: ServerPlatform = {
  projectSettings: () => undefined,
};
