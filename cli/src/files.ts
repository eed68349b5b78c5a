// Reading articles as strict UTF-8 under a size limit, and writing fixes back as an editor would.

import { accessSync, closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { FileFailure } from './messages';

/** A file that cannot be read, or whose fix cannot be written: reported in one line, then skipped. */
export class FileError extends Error {
  constructor(
    readonly file: string,
    readonly failure: FileFailure,
  ) {
    super(`${file}: ${failure.kind}`);
  }
}

const BOM = '\uFEFF';
/** Refuses malformed UTF-8 (one decoder for every file: it keeps no state between whole-input calls). */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface ArticleFile {
  readonly path: string;
  /** The text without its BOM. */
  readonly text: string;
  readonly bom: boolean;
}

function systemFailure(file: string, error: unknown, detail: 'read' | 'write'): FileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return new FileError(file, { kind: 'directory' });
  return new FileError(file, { kind: 'system', code, detail });
}

/**
 * UTF-8 needs at most 3 bytes for each UTF-16 code unit of the decoded text (4 for a surrogate pair), so
 * a file of more bytes than this cannot fit in `maxLength` characters and is refused without reading it.
 */
export function byteLimit(maxLength: number): number {
  return maxLength * 3 + BOM.length * 3;
}

/**
 * Reads `file` (or standard input for `-`): only regular files, never more than the bytes `maxLength`
 * characters can take; throws FileError with the reason otherwise.
 */
export function readArticle(file: string, maxLength: number): ArticleFile {
  const maxBytes = byteLimit(maxLength);
  let bytes: Buffer;
  if (file === '-') {
    bytes = readAtMost(0, maxBytes, file, maxLength);
  } else {
    let descriptor: number;
    try {
      // Non-blocking, so that opening a FIFO returns at once and fstat can refuse it.
      descriptor = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (error) {
      throw systemFailure(file, error, 'read');
    }
    try {
      const stats = fstatSync(descriptor);
      if (stats.isDirectory()) throw new FileError(file, { kind: 'directory' });
      if (!stats.isFile()) throw new FileError(file, { kind: 'special', what: stats.isFIFO() ? 'fifo' : stats.isSocket() ? 'socket' : 'device' });
      if (stats.size > maxBytes) throw new FileError(file, { kind: 'too-long', limit: maxLength });
      bytes = readAtMost(descriptor, maxBytes, file, maxLength, stats.size);
    } finally {
      closeSync(descriptor);
    }
  }
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    throw new FileError(file, { kind: 'not-utf8' });
  }
  if (text.includes('\0')) throw new FileError(file, { kind: 'binary' });
  const bom = text.startsWith(BOM);
  if (bom) text = text.slice(1);
  if (text.length > maxLength) throw new FileError(file, { kind: 'too-long', limit: maxLength, length: text.length });
  return { path: file, text, bom };
}

/**
 * Reads to the end, or throws once more than `maxBytes` arrive (a file that grew, or endless stdin). With
 * `expected` (a regular file's size) the first buffer holds it all, so a file is read without copying.
 */
function readAtMost(descriptor: number, maxBytes: number, file: string, maxLength: number, expected = 0): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  // One byte more than expected: the read that finds the end needs room to say so.
  let chunk = Buffer.allocUnsafe(expected > 0 ? expected + 1 : 1 << 16);
  let filled = 0;
  for (;;) {
    if (filled === chunk.length) {
      chunks.push(chunk);
      chunk = Buffer.allocUnsafe(1 << 16);
      filled = 0;
    }
    let read: number;
    try {
      read = readSync(descriptor, chunk, filled, chunk.length - filled, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Standard input may be a non-blocking pipe or terminal: wait a little for more.
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break; // Windows: a closed pipe
      throw systemFailure(file, error, 'read');
    }
    if (read === 0) break;
    filled += read;
    total += read;
    if (total > maxBytes) throw new FileError(file, { kind: 'too-long', limit: maxLength });
  }
  if (chunks.length === 0) return chunk.subarray(0, filled);
  chunks.push(chunk.subarray(0, filled));
  return Buffer.concat(chunks, total);
}

/**
 * write-file-atomic, loaded on the first write: it brings node:crypto and exit handlers with it, a few
 * milliseconds of every start, and only --fix writes.
 */
let atomicWriter: typeof import('write-file-atomic') | undefined;
function writeFileAtomicSync(file: string, text: string): void {
  atomicWriter ??= require('write-file-atomic') as typeof import('write-file-atomic');
  atomicWriter.sync(file, text, { encoding: 'utf8' });
}

/**
 * Writes the fixed text back as an editor's safe save does: to the real file behind any symbolic links,
 * through a temporary file in the same folder renamed over it (write-file-atomic), with the file's mode
 * and owner. Refuses, with the reason, a file the user may not write, and a file owned by someone else
 * that the rename would make the user's. A file with other hard links becomes a file of its own: the
 * path given holds the fix, the other names keep the old text (as with most editors' safe save).
 */
export function writeArticle(file: ArticleFile, text: string): void {
  let real: string;
  try {
    real = realpathSync(file.path);
  } catch (error) {
    throw systemFailure(file.path, error, 'write');
  }
  let owner: number;
  try {
    owner = statSync(real).uid;
    accessSync(real, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new FileError(file.path, { kind: 'read-only' });
    throw systemFailure(file.path, error, 'write');
  }
  // Only root can give a new file to another owner: anyone else's rename would take the file over.
  const uid = process.getuid?.();
  if (uid !== undefined && uid !== 0 && owner !== uid) throw new FileError(file.path, { kind: 'other-owner' });
  try {
    writeFileAtomicSync(real, (file.bom ? BOM : '') + text);
  } catch (error) {
    throw systemFailure(file.path, error, 'write');
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
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    // An unreadable folder is reported as one unreadable input.
    return [directory];
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...articlesUnder(full));
    else if (entry.name.endsWith('.article')) found.push(full);
  }
  return found;
}
