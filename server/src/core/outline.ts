// The outline: a flat table of contents (title, sections with label and title, bylines, headings),
// built once per model and nested into symbols at the edge. The parts live in ./outline/.

import { derive, type ArticleModel } from './model';
import { buildOutline } from './outline/build';
import { foldingRanges, type LineRange } from './outline/folding';
import { speakersOf, type Speaker } from './speakers';

/** 'speakers' and 'speaker' come only from `speakerEntries`, never from `outlineOf`. */
export type OutlineKind = 'title' | 'section' | 'heading' | 'byline' | 'speakers' | 'speaker';

export interface OutlineEntry {
  readonly kind: OutlineKind;
  /**
   * 0 for the article title, 1 below it, 2 for sections numbered inside sections (（一） under 一、)
   * and plain headings inside a labelled section. An entry nests under the closest entry before it
   * in this list with a smaller level.
   */
  readonly level: number;
  /** What the outline shows: `信号一  网络强国战略思想形成`, `一、网络底座不断夯实`. */
  readonly name: string;
  /** The label as printed (信号一, 一、, （二）); absent for plain headings, bylines and the title. */
  readonly label?: string;
  readonly title?: string;
  /** A speaker's title or affiliation (for a symbol's detail). */
  readonly detail?: string;
  /** box: the label stands on its own line; inline: it prefixes the title; plain: no label. */
  readonly form?: 'box' | 'inline' | 'plain';
  /** Where the entry is declared (label or title), in source offsets. */
  readonly selectionStart: number;
  readonly selectionEnd: number;
  /** What the entry spans (a section: from its label or title to the next section). */
  readonly start: number;
  readonly end: number;
}

/**
 * The outline in reading order: the title, then bylines, sections and headings. Sections of one
 * series are listed by number (信号一 … 信号六) even where the extractor moved one out of place.
 */
export function outlineOf(model: ArticleModel): readonly OutlineEntry[] {
  return derive(model, 'outline', buildOutline);
}

/** Source line ranges a section folds to (from its label or title to its last line). */
export function foldingRangesOf(model: ArticleModel): readonly LineRange[] {
  return derive(model, 'outline.folding', (m) => foldingRanges(m, outlineOf(m)));
}

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
export { speakersOf, type Speaker };
