// Pairing box labels with their titles when extraction scrambled the order. The reading (title
// after its label, or before it) is decided once for the whole document: the one that pairs the
// most labels wins. Labels it leaves without a title take the nearest unused title between their
// neighbours' sections. Every title is used once.

import type { ArticleModel } from '../model';
import { seriesKey, type LabelHit } from './sections';
import { titleEndingAt, titleStartingAt, type TitleUnit } from './titles';

export type Reading = 'after' | 'before';

export interface Pairing {
  readonly reading: Reading;
  /** titles[i] belongs to labels[i]; undefined when none could be found. */
  readonly titles: ReadonlyArray<TitleUnit | undefined>;
}

export function pairTitles(model: ArticleModel, labels: readonly LabelHit[], units: readonly TitleUnit[]): Pairing {
  const after = labels.map((hit) => hit.inlineTitle ?? titleStartingAt(model, nextContent(model, hit.fragment)));
  const before = labels.map((hit) => hit.inlineTitle ?? titleEndingAt(model, previousContent(model, hit.fragment)));
  const reading: Reading = count(before) > count(after) ? 'before' : 'after';
  const chosen = reading === 'after' ? after : before;
  const other = reading === 'after' ? before : after;

  const used = new Set<number>();
  const titles: Array<TitleUnit | undefined> = labels.map(() => undefined);
  const take = (i: number, unit: TitleUnit | undefined): void => {
    if (!unit || used.has(unit.first) || titles[i]) return;
    titles[i] = unit;
    used.add(unit.first);
  };
  chosen.forEach((unit, i) => take(i, unit));
  other.forEach((unit, i) => take(i, unit));
  labels.forEach((_, i) => {
    if (!titles[i]) take(i, nearestInWindow(labels, titles, i, units.filter((u) => !used.has(u.first) && !isLabelFragment(labels, u))));
  });
  return { reading, titles };
}

function count(titles: ReadonlyArray<TitleUnit | undefined>): number {
  return titles.filter((t) => t !== undefined).length;
}

function nextContent(model: ArticleModel, index: number): number {
  let next = index + 1;
  while (next < model.fragments.length && model.roles[next] === 'directive') next++;
  return next;
}

function previousContent(model: ArticleModel, index: number): number {
  let previous = index - 1;
  while (previous >= 0 && model.roles[previous] === 'directive') previous--;
  return previous;
}

function isLabelFragment(labels: readonly LabelHit[], unit: TitleUnit): boolean {
  return labels.some((hit) => hit.fragment >= unit.first && hit.fragment <= unit.last);
}

/**
 * The unused title closest to label i that lies between the sections numbered just below and just
 * above it (their labels and titles as paired so far); titles the layout made headings come first.
 */
function nearestInWindow(
  labels: readonly LabelHit[],
  titles: ReadonlyArray<TitleUnit | undefined>,
  i: number,
  free: readonly TitleUnit[],
): TitleUnit | undefined {
  const hit = labels[i];
  let lower = -1;
  let upper = Number.MAX_SAFE_INTEGER;
  labels.forEach((other, j) => {
    if (j === i || seriesKey(other.label) !== seriesKey(hit.label)) return;
    const title = titles[j];
    if (other.label.number < hit.label.number) lower = Math.max(lower, other.fragment, title?.last ?? -1);
    if (other.label.number > hit.label.number) upper = Math.min(upper, other.fragment, title?.first ?? upper);
  });
  let best: TitleUnit | undefined;
  let bestScore = Infinity;
  for (const unit of free) {
    if (unit.first <= lower || unit.last >= upper) continue;
    const score = (unit.strong ? 0 : 1e6) + Math.abs(unit.first - hit.fragment);
    if (score < bestScore) {
      best = unit;
      bestScore = score;
    }
  }
  return best;
}
