// The box labels of a document paired with their titles, computed once per model: the outline reads the
// pairing for its sections, the displaced-label rule for the labels the extractor moved away from them.
//
// Reading the lines is most of the work (which lines are labels, which read as titles, what stands around
// each); it is done per part of the document (a region, or the whole model), and a document made of
// regions keeps each region's reading for the next version (regions.ts). Only what is settled over the
// whole document is done per version: the typical width of a line (a median of the parts' counts), which
// series the document numbers, and the alignment of labels with titles (pairing.ts).

import type { ArticleModel } from '../model';
import { part } from '../parts';
import { pairTitles, scanLabel, scanUnit, type Pairing, type ScannedLabel, type ScannedUnit } from './pairing';
import { boxLabelLines, numberedBoxLabels, type LabelHit } from './sections';
import { bodyWidths, endsUnit, medianWidth, titleUnits, type OutlineLines, type TitleUnit } from './titles';

export interface BoxPairing {
  /** The median width of body lines (titles are narrower). */
  readonly width: number;
  /** Box labels of the series the document numbers, in document order, read where they stand. */
  readonly box: readonly ScannedLabel[];
  /** Every line or heading that reads as a title. */
  readonly units: readonly TitleUnit[];
  readonly pairing: Pairing;
}

/** What one part of a document (lines [from, to) of some model) holds for the pairing, whatever the document's width. */
export interface LabelCensus {
  /** The lines that read as box labels, numbered series or not. */
  readonly hits: readonly LabelHit[];
  /** Whether the line before each hit ends a unit (undefined for a hit on the part's first line: the part before decides). */
  readonly opensUnit: ReadonlyArray<boolean | undefined>;
  /** How many body lines of each width. */
  readonly widths: ReadonlyMap<number, number>;
  /** The part's first body line, or -1. */
  readonly firstBody: number;
  /** Whether its last line ends a unit (what a hit on the next part's first line reads), undefined when it has none. */
  readonly endsUnit: boolean | undefined;
}

/** One part's labels and titles read with the document's width and the lines around them in view. */
export interface LabelSurroundings {
  /** One per hit of the census, in its order. */
  readonly labels: readonly ScannedLabel[];
  readonly units: readonly ScannedUnit[];
}

/** The census of lines [from, to) of `model`. */
export function labelCensus(model: OutlineLines, from = 0, to = model.fragments.length): LabelCensus {
  const hits = boxLabelLines(model, from, to);
  let firstBody = -1;
  for (let i = from; i < to && firstBody < 0; i++) if (model.roles[i] === 'body') firstBody = i;
  return {
    hits,
    opensUnit: hits.map((hit) => (hit.fragment > from ? endsUnit(model, hit.fragment - 1) : undefined)),
    widths: bodyWidths(model, from, to),
    firstBody,
    endsUnit: to > from ? endsUnit(model, to - 1) : undefined,
  };
}

/** The labels `hits` (of lines [from, to) of `model`) and the title units of those lines, read with the document's width. */
export function labelSurroundings(model: OutlineLines, hits: readonly LabelHit[], width: number, from = 0, to = model.fragments.length): LabelSurroundings {
  return {
    labels: hits.map((hit) => scanLabel(model, hit, width)),
    units: titleUnits(model, width, from, to).map((unit) => scanUnit(model, unit, width)),
  };
}

/**
 * A document as parts (regions) placed one after another: each part's census and surroundings in the
 * part's own numbering (its first line 0, its first character at offset 0) and where the part stands.
 */
export interface LabelParts {
  readonly count: number;
  /** Where part k's first line and character stand in the document. */
  placement(k: number): { readonly fragment: number; readonly offset: number };
  census(k: number): LabelCensus;
  surroundings(k: number, width: number): LabelSurroundings;
}

/** Models whose labels are read another way (a document's, region by region): set as the model is made. */
const readElsewhere = new WeakMap<ArticleModel, LabelParts>();

/** Declares, as `model` is made and before anything asks, the parts its labels are read in. */
export function readLabelsWith(model: ArticleModel, parts: LabelParts): void {
  readElsewhere.set(model, parts);
}

/** The model read whole, as one part. */
function wholeModel(model: ArticleModel): LabelParts {
  let census: LabelCensus | undefined;
  return {
    count: 1,
    placement: () => ({ fragment: 0, offset: 0 }),
    census: () => (census ??= labelCensus(model)),
    surroundings: (_, width) => labelSurroundings(model, (census ??= labelCensus(model)).hits, width),
  };
}

const partsOf: (model: ArticleModel) => LabelParts = part((model) => readElsewhere.get(model) ?? wholeModel(model));

/** What the whole document settles from its parts' censuses: the width, the numbered box labels (with their parts), the first body line. */
interface DocumentLabels {
  readonly width: number;
  readonly firstBody: number;
  /** The numbered box labels, in document order, each with its part and its index among the part's hits. */
  readonly box: ReadonlyArray<{ readonly hit: LabelHit; readonly part: number; readonly index: number }>;
}

const documentLabelsOf: (model: ArticleModel) => DocumentLabels = part((model) => {
  const parts = partsOf(model);
  const censuses = Array.from({ length: parts.count }, (_, k) => parts.census(k));
  let firstBody = -1;
  let opensAfter = true;
  const hits: Array<{ hit: LabelHit; part: number; index: number; opensUnit: boolean }> = [];
  censuses.forEach((census, k) => {
    const at = parts.placement(k);
    if (firstBody < 0 && census.firstBody >= 0) firstBody = census.firstBody + at.fragment;
    census.hits.forEach((hit, index) => hits.push({ hit: placedHit(hit, at.fragment, at.offset), part: k, index, opensUnit: census.opensUnit[index] ?? opensAfter }));
    if (census.endsUnit !== undefined) opensAfter = census.endsUnit;
  });
  const box = numberedBoxLabels(
    hits.map((entry) => ({ ...entry.hit, entry })),
    (hit) => hit.entry.opensUnit,
  ).map(({ entry }) => entry);
  return { width: medianWidth(censuses.map((census) => census.widths)), firstBody, box };
});

export const boxPairingOf: (model: ArticleModel) => BoxPairing = part((model) => {
  const parts = partsOf(model);
  const { width, firstBody, box: numbered } = documentLabelsOf(model);
  const box: ScannedLabel[] = [];
  const units: ScannedUnit[] = [];
  const surroundings = Array.from({ length: parts.count }, (_, k) => parts.surroundings(k, width));
  surroundings.forEach((read, k) => {
    const at = parts.placement(k);
    for (const unit of read.units) units.push(placedUnit(unit, at.fragment, at.offset));
  });
  for (const { part: k, index } of numbered) {
    const at = parts.placement(k);
    box.push(placedLabel(surroundings[k].labels[index], at.fragment, at.offset));
  }
  return { width, box, units, pairing: pairTitles(box, units, firstBody) };
});

/** A label standing away from every title, and the title it belongs to. */
export interface DisplacedLabel {
  readonly label: ScannedLabel;
  readonly title: ScannedUnit;
}

/**
 * The box labels the extractor moved away from their titles (a run at the end of the page, a label
 * stranded between paragraphs or beside a byline), each with its title. A label right before or after its
 * own title is where it belongs, whatever else the pairing says.
 */
export const displacedLabelsOf: (model: ArticleModel) => readonly DisplacedLabel[] = part((model) => {
  // Most documents have no box label at all: their title candidates are not even looked for.
  if (documentLabelsOf(model).box.every(({ hit }) => hit.inlineTitle !== undefined)) return [];
  const { box, pairing } = boxPairingOf(model);
  const displaced: DisplacedLabel[] = [];
  box.forEach((label, i) => {
    const title = pairing.titles[i];
    if (!pairing.displaced[i] || !title) return;
    if (title.first === label.next || title.last === label.previous) return;
    displaced.push({ label, title });
  });
  return displaced;
});

function placedTitle(unit: TitleUnit, fragment: number, offset: number): TitleUnit {
  if (fragment === 0 && offset === 0) return unit;
  return { first: unit.first + fragment, last: unit.last + fragment, text: unit.text, start: unit.start + offset, end: unit.end + offset, strong: unit.strong };
}

/** A hit of a part, moved to where the part stands (`fragment` lines and `offset` characters on). */
export function placedHit(hit: LabelHit, fragment: number, offset: number): LabelHit {
  if (fragment === 0 && offset === 0) return hit;
  return {
    label: hit.label,
    fragment: hit.fragment + fragment,
    start: hit.start + offset,
    end: hit.end + offset,
    inlineTitle: hit.inlineTitle && placedTitle(hit.inlineTitle, fragment, offset),
  };
}

/** A title unit read in a part, moved as placedHit. */
export function placedUnit<T extends ScannedUnit | undefined>(unit: T, fragment: number, offset: number): T {
  if (!unit || (fragment === 0 && offset === 0)) return unit;
  return {
    ...placedTitle(unit, fragment, offset),
    shape: unit.shape,
    lineStart: unit.lineStart + offset,
    aboveEnd: unit.aboveEnd === undefined ? undefined : unit.aboveEnd + offset,
  } as T;
}

/** A label read in a part, moved as placedHit. */
export function placedLabel(label: ScannedLabel, fragment: number, offset: number): ScannedLabel {
  if (fragment === 0 && offset === 0) return label;
  return {
    ...placedHit(label, fragment, offset),
    previous: label.previous + fragment,
    next: label.next + fragment,
    embedded: label.embedded,
    inlineUnit: placedUnit(label.inlineUnit, fragment, offset),
    after: placedUnit(label.after, fragment, offset),
    before: placedUnit(label.before, fragment, offset),
    nextExists: label.nextExists,
    nextStands: label.nextStands,
    previousCounts: label.previousCounts,
    previousStands: label.previousStands,
    lineStart: label.lineStart + offset,
    lineText: label.lineText,
    nextLineStart: label.nextLineStart === undefined ? undefined : label.nextLineStart + offset,
  };
}
