// `.article-lint.json`: a newsroom's shared settings, found from a file's folder upward on disk.
// Used by the CLI and the Node language server alike.

import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { SettingsLayer } from '../core';
import { ConfigError, parseSettingsFile, PROJECT_CONFIG_NAME } from '../settingsFile';

export { ConfigError, PROJECT_CONFIG_NAME };

/** The nearest `.article-lint.json` at or above `directory`, or undefined. */
export function findProjectConfig(directory: string): string | undefined {
  let current = path.resolve(directory);
  for (;;) {
    const candidate = path.join(current, PROJECT_CONFIG_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Reads a settings file; throws ConfigError with a one-line reason when it is unreadable or not an object. */
export function readSettingsFile(file: string): SettingsLayer {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseSettingsFile(file, raw);
}
