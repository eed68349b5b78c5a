// The server's platform on Node: project settings come from the nearest .article-lint.json on disk.

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { settingsLayerProblems, type SettingsLayer } from '../core';
import type { ConfigReport, ServerPlatform } from '../lsp/platform';
import { ConfigError, findProjectConfig, readSettingsFile } from './projectConfig';

export const nodePlatform: ServerPlatform = {
  projectSettings(uri: string, report: ConfigReport): SettingsLayer | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      const file = findProjectConfig(path.dirname(fileURLToPath(uri)));
      if (!file) return undefined;
      const layer = readSettingsFile(file);
      for (const reason of settingsLayerProblems(layer)) report.problem(file, reason);
      return layer;
    } catch (error) {
      if (error instanceof ConfigError) report.error(error.message);
      return undefined;
    }
  },
};
