// The outline: a flat table of contents (title, sections with label and title, bylines, headings),
// built once per model and nested into symbols at the edge. The parts live in ./outline/.

import type { ArticleModel } from './model';
import type { OutlineEntry } from './outline/types';
import { part } from './parts';
import { buildOutline } from './outline/build';
import { foldingRanges, type LineRange } from './outline/folding';
import { speakersOf, type Speaker } from './speakers';

export type { OutlineEntry, OutlineKind } from './outline/types';

/**
 * The outline in reading order: the title, then bylines, sections and headings. Sections of one
 * series are listed by number (信号一 … 信号六) even where the extractor moved one out of place.
 */
export const outlineOf: (model: ArticleModel) => readonly OutlineEntry[] = part(buildOutline);

/** Source line ranges a section folds to (from its label or title to its last line). */
export const foldingRangesOf: (model: ArticleModel) => readonly LineRange[] = part((model) => foldingRanges(model, outlineOf(model)));

/**
 * The people quoted as outline entries, to append after `outlineOf`: one group entry (level 1,
 * named `groupName`, e.g. "Speakers" / "受访者") and one entry per person under it (level 2, name
 * = the name, detail = role, selection and range = the first mention). Empty when nobody is quoted.
 */
export function speakerEntries(model: ArticleModel, groupName: string): OutlineEntry[] {
  const speakers = speakersOf(model);
  if (speakers.length === 0) return [];
  const people: OutlineEntry[] = speakers.map((speaker) => ({
    kind: 'speaker',
    level: 2,
    name: speaker.name,
    detail: speaker.role,
    selectionStart: speaker.start,
    selectionEnd: speaker.end,
    start: speaker.start,
    end: speaker.end,
  }));
  const group: OutlineEntry = {
    kind: 'speakers',
    level: 1,
    name: groupName,
    selectionStart: people[0].start,
    selectionEnd: people[0].end,
    start: Math.min(...people.map((p) => p.start)),
    end: Math.max(...people.map((p) => p.end)),
  };
  return [group, ...people];
}

export type { LineRange } from './outline/folding';
export { displacedLabelsOf, type DisplacedLabel } from './outline/boxPairing';
export type { ScannedLabel, ScannedUnit } from './outline/pairing';
export { speakersOf, type Speaker };
