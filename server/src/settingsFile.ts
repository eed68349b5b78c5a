// `.article-lint.json`: what a settings file must hold, whoever reads it (the disk in Node, the
// editor's file system in the browser). No I/O here.

import type { SettingsLayer } from './core';

export const PROJECT_CONFIG_NAME = '.article-lint.json';

export class ConfigError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
  }
}

/** Parses a settings file's text; throws ConfigError with a one-line reason when it is not a JSON object. */
export function parseSettingsFile(file: string, raw: string): SettingsLayer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(file, `invalid JSON (${(error as Error).message})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(file, 'expected a JSON object');
  return parsed as SettingsLayer;
}
