// `.article-lint.json`: a newsroom's shared settings, found from a file's folder upward.
// Used by the CLI and the language server alike.

import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { SettingsLayer } from '../core';

export const PROJECT_CONFIG_NAME = '.article-lint.json';

export class ConfigError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
  }
}

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
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(file, `invalid JSON (${(error as Error).message})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(file, 'expected a JSON object');
  return parsed as SettingsLayer;
}
