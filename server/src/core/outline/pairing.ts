// Pairing box labels with their titles when extraction scrambled the order. The reading (title
// after its label, or before it) is decided once for the whole document: the one that pairs the
// most labels wins. Labels it leaves without a title take an unused title between their
// neighbours' sections. Every title is used once. A label the extractor dropped into the middle
// of a sentence pairs with nothing next to it: the lines around it are that sentence.

import type { ArticleModel } from '../model';
import { seriesKey, type LabelHit } from './sections';
import { compactString } from './compact';
import { endsLikeSentence, titleEndingAt, titleStartingAt, type TitleUnit } from './titles';

export type Reading = 'after' | 'before';

export interface Pairing {
  readonly reading: Reading;
  /** titles[i] belongs to labels[i]; undefined when none could be found. */
  readonly titles: ReadonlyArray<TitleUnit | undefined>;
}

export function pairTitles(
  model: ArticleModel,
  labels: readonly LabelHit[],
  units: readonly TitleUnit[],
  typicalWidth: number,
): Pairing {
  const embedded = labels.map((hit) => !hit.inlineTitle && isEmbedded(model, hit.fragment, typicalWidth));
  const after = labels.map((hit, i) => hit.inlineTitle ?? (embedded[i] ? undefined : titleStartingAt(model, nextContent(model, hit.fragment))));
  const before = labels.map((hit, i) => hit.inlineTitle ?? (embedded[i] ? undefined : titleEndingAt(model, previousContent(model, hit.fragment))));
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
  const nextToEmbedded = new Set(
    labels.flatMap((hit, i) => (embedded[i] ? [previousContent(model, hit.fragment), nextContent(model, hit.fragment)] : [])),
  );
  const leftover = labels.map((_, i) => i).filter((i) => !titles[i]);
  leftover.sort((a, b) => labels[a].label.number - labels[b].label.number);
  if (leftover.length === 0) return { reading, titles };
  // Which units could ever be a leftover label's title is worked out once (a search through every label
  // for every unit and every leftover label took most of a second in a 10 MB document).
  const labelFragments = labels.map((hit) => hit.fragment).sort((a, b) => a - b);
  const candidates = units.filter((u) => !holdsLabel(labelFragments, u) && !nextToEmbedded.has(u.first) && !nextToEmbedded.has(u.last));
  for (const i of leftover) {
    take(i, titleInWindow(labels, titles, i, candidates.filter((u) => !used.has(u.first))));
  }
  return { reading, titles };
}

/**
 * The label interrupts a sentence: the line before it is a full body line that does not end a
 * sentence (a paragraph's first line is indented, hence the slack of 3), and body text follows.
 */
function isEmbedded(model: ArticleModel, index: number, typicalWidth: number): boolean {
  const previous = previousContent(model, index);
  const next = nextContent(model, index);
  if (previous < 0 || next >= model.fragments.length) return false;
  if (model.roles[previous] !== 'body' || model.roles[next] !== 'body') return false;
  const line = compactString(model.fragments[previous].text);
  return !endsLikeSentence(line) && line.length >= typicalWidth - 3;
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

/** A label's fragment lies within the unit (`labelFragments` sorted). */
function holdsLabel(labelFragments: readonly number[], unit: TitleUnit): boolean {
  let low = 0;
  let high = labelFragments.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (labelFragments[middle] < unit.first) low = middle + 1;
    else high = middle;
  }
  return low < labelFragments.length && labelFragments[low] <= unit.last;
}

/**
 * An unused title between the sections numbered just below and just above label i (their labels
 * and titles as paired so far). Titles the layout made headings come first; then the one nearest
 * the label if the label lies inside that stretch, else the earliest (labels moved out of place
 * give no position to go by, titles still run in order).
 */
function titleInWindow(
  labels: readonly LabelHit[],
  titles: ReadonlyArray<TitleUnit | undefined>,
  i: number,
  free: readonly TitleUnit[],
): TitleUnit | undefined {
  const hit = labels[i];
  let lower = -1;
  let upper = Number.MAX_SAFE_INTEGER;
  labels.forEach((other, j) => {
    const title = titles[j];
    if (j === i || seriesKey(other.label) !== seriesKey(hit.label)) return;
    if (other.label.number < hit.label.number) lower = Math.max(lower, title?.last ?? other.fragment);
    if (other.label.number > hit.label.number) upper = Math.min(upper, title?.first ?? other.fragment);
  });
  const inside = hit.fragment > lower && hit.fragment < upper;
  let best: TitleUnit | undefined;
  let bestScore = Infinity;
  for (const unit of free) {
    if (unit.first <= lower || unit.last >= upper) continue;
    const score = (unit.strong ? 0 : 1e6) + (inside ? Math.abs(unit.first - hit.fragment) : unit.first);
    if (score < bestScore) {
      best = unit;
      bestScore = score;
    }
  }
  return best;
}
