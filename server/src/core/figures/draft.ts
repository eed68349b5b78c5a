// A figure while it is being read: offsets in the compact text, approximators still to add.

import { isHan } from '../charClasses';
import { APPROX_AFTER, APPROX_BEFORE, APPROX_MAGNITUDE_ONLY, APPROX_SPOILERS, oneOf } from './lexicon';
import type { FoundFigure } from './types';

export type Draft = Omit<FoundFigure, 'text' | 'start' | 'end'> & { start: number; end: number };

export function name(start: number, end: number): Draft {
  return { kind: 'name', value: null, start, end };
}

export function ordinal(start: number, end: number, value: number): Draft {
  return { kind: 'ordinal', value, start, end };
}

/** Adds the approximators written before and after a figure (超过85%, 97%以上, 约1毛钱). */
export function withApprox(t: string, draft: Draft, floor: number, after: boolean): Draft | undefined {
  // 上千亩, 上百万人: 上 approximates only numbers that start with a magnitude.
  const magnitudeOnly = oneOf('十百千万亿', t[draft.start]);
  const before = approxBefore(t, draft.start, floor, magnitudeOnly);
  const following = after ? APPROX_AFTER.find((word) => t.startsWith(word, draft.end)) : undefined;
  const parts = [before, draft.approx, following].filter((part): part is string => part !== undefined);
  return {
    ...draft,
    approx: parts.length > 0 ? parts.join('…') : undefined,
    start: draft.start - (before?.length ?? 0),
    end: draft.end + (following?.length ?? 0),
  };
}

const APPROX_LAST_CHARS = new Set(APPROX_BEFORE.map((word) => word[word.length - 1]));

export function approxBefore(t: string, start: number, floor: number, magnitudeOnly: boolean): string | undefined {
  if (!APPROX_LAST_CHARS.has(t[start - 1])) return undefined;
  for (const word of APPROX_BEFORE) {
    const at = start - word.length;
    if (at < floor || !t.startsWith(word, at)) continue;
    if (APPROX_MAGNITUDE_ONLY.has(word) && !magnitudeOnly) continue;
    const spoilers = APPROX_SPOILERS[word];
    if (spoilers !== undefined && oneOf(spoilers, t[at - 1])) continue;
    if (word === '上' && isHan(t[at - 1]) && oneOf('以向线会晚早马加', t[at - 1])) continue;
    return word;
  }
  return undefined;
}
