// Shared test helpers: fixtures, cursor markers.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const FIXTURES = path.join(__dirname, 'fixtures');
export const ROOT = path.join(__dirname, '..');

export function readFixture(relative: string): string {
  return readFileSync(path.join(FIXTURES, relative), 'utf8');
}

/** Splits a text with one `|` cursor marker into the text without it and the marker's offset. */
export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) throw new Error('expected exactly one | marker');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}
