// Reading articles as strict UTF-8 and writing fixes atomically, keeping the BOM.

import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeSync, unlinkSync } from 'node:fs';
import * as path from 'node:path';

export class InputError extends Error {}

const BOM = '\uFEFF';

export interface ArticleFile {
  readonly path: string;
  /** The text without its BOM. */
  readonly text: string;
  readonly bom: boolean;
}

export function readArticle(file: string): ArticleFile {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code ?? String(error);
    throw new InputError(`${file}: cannot read (${reason})`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputError(`${file}: not UTF-8 text`);
  }
  if (text.includes('\0')) throw new InputError(`${file}: binary file (contains NUL bytes)`);
  const bom = text.startsWith(BOM);
  return { path: file, text: bom ? text.slice(1) : text, bom };
}

/** Writes through a temporary file in the same folder and renames it over the original. */
export function writeArticleAtomically(file: ArticleFile, text: string): void {
  const target = file.path;
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  const mode = statSync(target).mode;
  const descriptor = openSync(temporary, 'w', mode);
  try {
    writeSync(descriptor, (file.bom ? BOM : '') + text);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  try {
    renameSync(temporary, target);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
}

/** Expands folders into the `.article` files below them; files are kept as given. */
export function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let isDirectory = false;
    try {
      isDirectory = input !== '-' && statSync(input).isDirectory();
    } catch {
      // Missing files are reported when read.
    }
    if (isDirectory) files.push(...articlesUnder(input));
    else files.push(input);
  }
  return files;
}

function articlesUnder(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...articlesUnder(full));
    else if (entry.name.endsWith('.article')) found.push(full);
  }
  return found;
}
