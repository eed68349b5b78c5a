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

/**
 * Asserts that `work` takes no more than `factor` times as long as `reference`, a linear pass over input of the
 * same length timed just before it (or `floorMs`, whichever is more). A super-linear scan of the long inputs
 * these checks use takes minutes, a linear one a small multiple of the reference; a loaded machine slows both
 * alike, so the verdict does not depend on what else the machine is doing (a fixed bound in milliseconds did).
 * `reference` may be given as the milliseconds it took, when one reference serves several checks.
 */
export function assertTimeLinearLike(what: string, work: () => void, reference: (() => void) | number, factor: number, floorMs = 1000): void {
  const referenceMs = typeof reference === 'number' ? reference : timeOf(reference);
  const workMs = timeOf(work);
  const bound = Math.max(floorMs, factor * referenceMs);
  if (workMs > bound) throw new Error(`${what} took ${Math.round(workMs)} ms, more than ${factor}× a linear pass over the same length (${Math.round(referenceMs)} ms)`);
}

/** How long `run` takes, in milliseconds. */
export function timeOf(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** A small deterministic generator of numbers in [0, 1) (xorshift; a failing seed can be printed and run again). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

/** The raw and the fixed sample, alternating, each copy with its digits shifted (no two copies alike). */
export function largeArticle(length: number): string {
  const raw = readFixture('sample/sample.raw.article');
  const fixed = readFixture('sample/sample.fixed.article');
  const parts: string[] = [];
  let total = 0;
  for (let copy = 0; total < length; copy++) {
    const part = (copy % 2 === 0 ? raw : fixed).replace(/[0-9]/g, (digit) => String((Number(digit) + copy) % 10)) + '\n';
    parts.push(part);
    total += part.length;
  }
  return parts.join('');
}

/** What `body` handed to Intl.Segmenter's `segment`, in order: each call is one question to ICU (a window of lines). */
export function segmenterInputs(body: () => void): string[] {
  const segment = Intl.Segmenter.prototype.segment;
  const inputs: string[] = [];
  Intl.Segmenter.prototype.segment = function (this: Intl.Segmenter, input: string) {
    inputs.push(input);
    return segment.call(this, input);
  };
  try {
    body();
  } finally {
    Intl.Segmenter.prototype.segment = segment;
  }
  return inputs;
}
