// The outline: a flat table of contents (title, sections with label and title, bylines, headings),
// built once per model and nested into symbols at the edge. The parts live in ./outline/.

import type { DocumentText } from './documentText';
import type { ArticleModel } from './model';
import type { OutlineEntry } from './outline/types';
import { ModelSlot, part } from './parts';
import { assembleOutline, outlineReadings, outlineSourceOf, type OutlineReadings, type OutlineSource } from './outline/build';
import { carriedOutline, earlierOutline, movedStandsAsIn, standsAsIn, textChange, type EarlierOutline, type OutlineParts } from './outline/carryOver';
import { foldingRanges, type LineRange } from './outline/folding';
import { speakersOf, type Speaker } from './speakers';

export type { OutlineEntry, OutlineKind } from './outline/types';

/**
 * The outline in reading order: the title, then bylines, sections and headings. Sections of one
 * series are listed by number (信号一 … 信号六) even where the extractor moved one out of place.
 */
export const outlineOf: (model: ArticleModel) => readonly OutlineEntry[] = part((model) => {
  const lines = outlineSourceOf(model);
  const before = versionBefore.get(model);
  versionBefore.delete(model);
  if (lines.fragmentCount === 0) return [];
  const readings = outlineReadings(model, lines);
  const carried = before && carriedOutline(before, { readings, lines });
  if (carried) outlineBuilds.carried++;
  const entries = carried ?? assembleOutline(lines, readings);
  // Kept only for an outline of at most KEPT_READINGS_ENTRIES entries: a 10 MB article's readings (~17,000 labels,
  // ~75,000 title candidates) were ~10 MB the idle server held beside its analysis (settled 172 → 195 MB), and its
  // editor's symbols are not kept either (lsp/handlers.ts KEPT_SYMBOLS); a larger outline is built afresh.
  if (entries.length <= KEPT_READINGS_ENTRIES) builtFrom.set(model, { entries, readings, lines });
  return entries;
});

/** The most entries an outline may have for what it was built from to be kept for the next version. */
const KEPT_READINGS_ENTRIES = 10_000;

/** How many outlines were taken over from the version before (for tests: that the taking over is exercised). */
export const outlineBuilds = { carried: 0 };

/** What a version's outline was built from, for the next version to take it over (outline/carryOver.ts). */
const builtFrom = new ModelSlot<{ readonly entries: readonly OutlineEntry[]; readonly readings: OutlineReadings; readonly lines: OutlineSource }>();

/**
 * For a version analysed from one whose outline was built, what its outline may be taken over from, until its
 * own is built: that outline, its readings and the edit between them (no model or line of that version).
 */
const versionBefore = new ModelSlot<EarlierOutline>();

/**
 * Declares that `model` (of `text`) was analysed from `earlier` (of `earlierText`): its outline may be taken
 * over from that one's, if it was built and the edit between them is within one line.
 */
export function outlineFollows(model: ArticleModel, text: DocumentText, earlier: ArticleModel, earlierText: DocumentText): void {
  const built = builtFrom.get(earlier);
  if (model === earlier || !built) return;
  const found = earlierOutline(built, earlierText, text);
  if (found) versionBefore.set(model, found);
}

/** A version's outline with speakers (`entries`: its outline, then its people quoted under `groupName`) and the text it is of. */
export interface OutlineVersion extends OutlineParts {
  readonly entries: readonly OutlineEntry[];
}

/**
 * Whether `later` (a version's outline with speakers) stands where `earlier` (another version's of the same
 * document) did: entry for entry the same names, kinds, levels and details, every range at the same lines and
 * characters (outline/carryOver.ts standsAsIn). An editor's symbols of `earlier` are then `later`'s too.
 */
export function outlineStandsAsIn(earlier: OutlineVersion, later: OutlineVersion): boolean {
  return movedStandsAsIn(earlier, later) ?? standsAsIn(earlier, later, textChange(earlier.text, later.text));
}

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
export { displacedLabelsOf, labelsBeforeTitlesOnTheirLineOf, type DisplacedLabel } from './outline/boxPairing';
export type { ScannedLabel, ScannedUnit } from './outline/pairing';
export { speakersOf, type Speaker };
