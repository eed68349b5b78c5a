// The box labels of a document paired with their titles, computed once per model: the outline reads the
// pairing for its sections, the displaced-label rule for the labels the extractor moved away from them.
//
// Reading the lines is most of the work (which lines are labels, which read as titles, what stands around
// each); it is done per part of the document (a region, or the whole model), and a document made of
// regions keeps each region's reading for the next version (regions.ts). Only what is settled over the
// whole document is done per version: the typical width of a line (a median of the parts' counts), which
// series the document numbers, and the alignment of labels with titles (pairing.ts); the alignment itself is
// taken over from the previous version when nothing it reads changed (PairingMemo).

import type { Label } from '../labels';
import type { ArticleModel } from '../model';
import { ModelSlot, part, steppedPart, type Steps } from '../parts';
import { pairTitles, READ_PER_STEP, scanLabel, scanUnit, SharedUnits, type Reading, type ScannedLabel, type ScannedUnit, type UnitColumns } from './pairing';
import { firstIndex } from '../search';
import { linesOf } from '../lines';
import { LabelHits, LabelReadings } from './readings';
import { boxLabelLines, numberedBoxLabels, type LabelHit } from './sections';
import { bodyWidths, endsUnit, medianWidth, titleUnits, type OutlineLines, type TitleUnit } from './titles';

/** What one part of a document (lines [from, to) of some model) holds for the pairing, whatever the document's width. */
export interface LabelCensus {
  /**
   * The lines that read as box labels, numbered series or not, each with whether the line before it ends a
   * unit (undefined for a hit on the part's first line: the part before decides).
   */
  readonly hits: LabelHits;
  /**
   * How many body lines of each width, as pairs (width, count) in a typed array: a document keeps one per
   * region, and a Map of a few dozen entries is several times the size.
   */
  readonly widths: Int32Array;
  /** The part's first body line, or -1. */
  readonly firstBody: number;
  /** Whether its last line ends a unit (what a hit on the next part's first line reads), undefined when it has none. */
  readonly endsUnit: boolean | undefined;
}

/**
 * One part's labels and titles read with the document's width and the lines around them in view: a label per
 * hit of the census, in its order, and the part's title units (readings.ts).
 */
export type LabelSurroundings = LabelReadings;

/** The census of lines [from, to) of `model`. */
export function labelCensus(model: OutlineLines, from = 0, to = model.fragments.length): LabelCensus {
  const hits = boxLabelLines(model, from, to);
  let firstBody = -1;
  for (let i = from; i < to && firstBody < 0; i++) if (model.roles[i] === 'body') firstBody = i;
  return {
    hits: LabelHits.of(
      hits,
      hits.map((hit) => (hit.fragment > from ? endsUnit(model, hit.fragment - 1) : undefined)),
    ),
    widths: widthPairs(bodyWidths(model, from, to)),
    firstBody,
    endsUnit: to > from ? endsUnit(model, to - 1) : undefined,
  };
}

/**
 * The labels `hits` (of lines [from, to) of `model`) and the title units of those lines, read with the
 * document's width, kept moved `moved.fragment` lines and `moved.offset` characters on (a region's view
 * into its own numbering).
 */
export function labelSurroundings(
  model: OutlineLines,
  hits: readonly LabelHit[],
  width: number,
  from = 0,
  to = model.fragments.length,
  moved?: { readonly fragment: number; readonly offset: number },
): LabelSurroundings {
  const units = titleUnits(model, width, from, to).map((unit) => scanUnit(model, unit, width));
  const shared = new SharedUnits(units);
  return LabelReadings.of(
    hits.map((hit) => scanLabel(model, hit, width, shared)),
    units,
    moved,
  );
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
  /** What the document's previous version settled, taken over where nothing it read changed. */
  readonly previous?: LabelMemo;
  /** Where this version keeps what it settles, for the next. */
  readonly kept?: LabelMemo;
}

/** What a version settled over the whole document, kept for the next version (it holds no text or model). */
export interface LabelMemo {
  labels?: DocumentLabels;
  pairing?: PairingMemo;
}

/**
 * Entries of the document's parts' readings (box labels: a part and its index among the part's hits), as
 * pairs of numbers in one typed array: a labelled 10 MB document has tens of thousands.
 */
export class PartRefs {
  constructor(private readonly pairs: Int32Array) {}

  static of(refs: ReadonlyArray<{ readonly part: number; readonly index: number }>): PartRefs {
    const pairs = new Int32Array(2 * refs.length);
    refs.forEach(({ part, index }, i) => {
      pairs[2 * i] = part;
      pairs[2 * i + 1] = index;
    });
    return new PartRefs(pairs);
  }

  get length(): number {
    return this.pairs.length / 2;
  }

  part(i: number): number {
    return this.pairs[2 * i];
  }

  index(i: number): number {
    return this.pairs[2 * i + 1];
  }
}

/** Where the title of a box label came from, as PairingMemo keeps it (TitleSource's kinds, and none). */
const SOURCE_KINDS = [undefined, 'unit', 'inline', 'after', 'before'] as const;

/**
 * A version's pairing as references into its parts' readings, and what it read: the width, the first body
 * line, and each part's first line and readings, compared field by field where they are not the same
 * objects (what the alignment reads of them: line numbers, shapes and flags, not offsets or texts). The next
 * version takes it over when all of that is unchanged, as after typing within a paragraph: the alignment
 * then does not run again.
 */
export interface PairingMemo {
  readonly key: readonly unknown[];
  readonly reading: Reading;
  /**
   * Where the title of box label i came from: titleKinds[i] indexes SOURCE_KINDS (0: it has none);
   * a title unit is unit titleIndexes[i] of part titleParts[i], any other title a reading of box label
   * titleIndexes[i].
   */
  readonly titleKinds: Uint8Array;
  readonly titleParts: Int32Array;
  readonly titleIndexes: Int32Array;
  readonly displaced: readonly boolean[];
  /**
   * The box labels displacedLabelsOf reports (displaced, and standing beside no title of theirs), found
   * the first time a version with this pairing asks: what decides it is in the key, so the versions that
   * take the pairing over only place those labels.
   */
  away?: readonly number[];
}

/** Models whose labels are read another way (a document's, region by region): set as the model is made. */
const readElsewhere = new ModelSlot<LabelParts>();

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
    surroundings: (_, width) => labelSurroundings(model, (census ??= labelCensus(model)).hits.all(), width),
  };
}

const partsOf: (model: ArticleModel) => LabelParts = part((model) => readElsewhere.get(model) ?? wholeModel(model));

/** What the whole document settles from its parts' censuses. */
interface DocumentLabels {
  /** The censuses it was settled from, and the body lines of each width they count in all. */
  readonly censuses: readonly LabelCensus[];
  readonly widths: ReadonlyMap<number, number>;
  readonly width: number;
  readonly firstBody: number;
  /** The numbered box labels, in document order: each a part and its index among the part's hits. */
  readonly box: PartRefs;
  /** Every numbered box label has its title on its own line (none can have been moved away from it). */
  readonly allInline: boolean;
}

/**
 * The document's width, first body line and numbered box labels, from its parts' censuses. After an edit,
 * the counts of widths move by what the parts that changed counted, and the box labels are the previous
 * version's when no census changed in what numbering reads.
 */
const documentLabelsOf = steppedPart(function* (model): Steps<DocumentLabels> {
  const parts = partsOf(model);
  const censuses = Array.from({ length: parts.count }, (_, k) => parts.census(k));
  const previous = parts.previous?.labels;
  const same = previous !== undefined && previous.censuses.length === censuses.length;
  let widths: Map<number, number>;
  if (same) {
    widths = new Map(previous.widths);
    censuses.forEach((census, k) => {
      if (census === previous.censuses[k]) return;
      addWidths(widths, previous.censuses[k].widths, -1);
      addWidths(widths, census.widths, 1);
    });
  } else {
    widths = new Map();
    for (const census of censuses) addWidths(widths, census.widths, 1);
  }
  let firstBody = -1;
  for (let k = 0; k < censuses.length && firstBody < 0; k++) if (censuses[k].firstBody >= 0) firstBody = censuses[k].firstBody + parts.placement(k).fragment;
  let box: PartRefs;
  if (same && censuses.every((census, k) => numbersAlike(census, previous.censuses[k]))) box = previous.box;
  else {
    let opensAfter = true;
    let readBeforePause = 0;
    // Numbering reads a hit's label alone: no hit is placed (LabelHits.all) to be numbered.
    const hits: Array<{ readonly label: Label; readonly ref: { readonly part: number; readonly index: number }; readonly opensUnit: boolean }> = [];
    for (let k = 0; k < censuses.length; k++) {
      const census = censuses[k];
      for (let index = 0; index < census.hits.length; index++) {
        hits.push({ label: census.hits.label(index), ref: { part: k, index }, opensUnit: census.hits.opensUnit(index) ?? opensAfter });
      }
      if (census.endsUnit !== undefined) opensAfter = census.endsUnit;
      if (hits.length - readBeforePause >= READ_PER_STEP) {
        readBeforePause = hits.length;
        yield;
      }
    }
    yield;
    box = PartRefs.of((yield* numberedBoxLabels(hits, (hit) => hit.opensUnit)).map((hit) => hit.ref));
  }
  let allInline = true;
  for (let i = 0; i < box.length && allInline; i++) allInline = censuses[box.part(i)].hits.hasInlineTitle(box.index(i));
  const settled: DocumentLabels = { censuses, widths, width: readingWidth(widths), firstBody, box, allInline };
  if (parts.kept) parts.kept.labels = settled;
  return settled;
});

function widthPairs(widths: ReadonlyMap<number, number>): Int32Array {
  const pairs = new Int32Array(2 * widths.size);
  let i = 0;
  for (const [width, count] of widths) {
    pairs[i++] = width;
    pairs[i++] = count;
  }
  return pairs;
}

/** The width labels and titles are read with, from the body lines of each width the censuses count in all (addWidths). */
export function readingWidth(widths: ReadonlyMap<number, number>): number {
  return medianWidth([widths]);
}

/** Adds (or takes away) a census's body lines of each width to `total`. */
export function addWidths(total: Map<number, number>, widths: Int32Array, sign: 1 | -1): void {
  for (let i = 0; i < widths.length; i += 2) {
    const width = widths[i];
    const count = widths[i + 1];
    const sum = (total.get(width) ?? 0) + sign * count;
    if (sum === 0) total.delete(width);
    else total.set(width, sum);
  }
}

/**
 * The width the document's labels and titles are read with (surroundings), or undefined when nothing reads
 * them for its box labels (none, or each with its title on its own line).
 */
export function* labelReadingWidth(model: ArticleModel): Steps<number | undefined> {
  // Numbered a part at a time: a 10 MB file of labelled articles has tens of thousands of label hits.
  const labels = yield* documentLabelsOf.inSteps(model);
  return labels.allInline ? undefined : labels.width;
}

/** Every part's surroundings, read with the document's width. */
const surroundingsOf: (model: ArticleModel) => readonly LabelSurroundings[] = part((model) => {
  const parts = partsOf(model);
  const { width } = documentLabelsOf(model);
  return Array.from({ length: parts.count }, (_, k) => parts.surroundings(k, width));
});

/**
 * What numbering reads of a part's census: its hits' labels in order, which have a title on their own line,
 * whether a unit ends before each and after the part. Not where they stand: a line added above a label
 * moves it without changing which labels the document numbers.
 */
function numbersAlike(a: LabelCensus, b: LabelCensus): boolean {
  return a === b || (a.endsUnit === b.endsUnit && a.hits.readsAs(b.hits, false));
}

/** What numbering and the alignment read of a part's census: its hits' labels, lines and whether a unit ends before each. */
function censusesAlike(a: LabelCensus, b: LabelCensus): boolean {
  return a === b || (a.firstBody === b.firstBody && a.endsUnit === b.endsUnit && a.hits.readsAs(b.hits, true));
}

/** Two entries of a pairing key alike: the same number, or a part's readings that read alike (censusesAlike, LabelReadings.alignsAs). */
function sameRead(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if ('hits' in a && 'hits' in b) return censusesAlike(a as LabelCensus, b as LabelCensus);
  if (a instanceof LabelReadings && b instanceof LabelReadings) return a.alignsAs(b);
  return false;
}

/** Whether a pairing's key ([width, firstBody, count, then each part's first line, census and surroundings]) is what the parts read now. */
function pairingReadsAsBefore(key: readonly unknown[], parts: LabelParts, width: number, firstBody: number, surroundings: readonly LabelSurroundings[]): boolean {
  if (key.length !== 3 + 3 * parts.count || key[0] !== width || key[1] !== firstBody || key[2] !== parts.count) return false;
  for (let k = 0, j = 3; k < parts.count; k++, j += 3) {
    if (key[j] !== parts.placement(k).fragment || !sameRead(key[j + 1], parts.census(k)) || !sameRead(key[j + 2], surroundings[k])) return false;
  }
  return true;
}

/** The version's pairing as references (PairingMemo): the previous version's when nothing it read changed. */
const pairingMemoOf = steppedPart(function* (model): Steps<PairingMemo> {
  const parts = partsOf(model);
  const { width, firstBody, box } = documentLabelsOf(model);
  const surroundings = surroundingsOf(model);
  const previous = parts.previous?.pairing;
  let memo: PairingMemo;
  // Asked at every version: the previous key is compared in place, a new one built only when it differs.
  if (previous && pairingReadsAsBefore(previous.key, parts, width, firstBody, surroundings)) memo = previous;
  else {
    const key: unknown[] = [width, firstBody, parts.count];
    for (let k = 0; k < parts.count; k++) key.push(parts.placement(k).fragment, parts.census(k), surroundings[k]);
    // The labels and units as read in their parts, each with its part's first line: nothing is copied.
    // Read with pauses (READ_PER_STEP at a time): a 10 MB file of labelled articles has tens of thousands.
    const labels: ScannedLabel[] = [];
    const labelShift = new Int32Array(box.length);
    for (let i = 0; i < box.length; i++) {
      labels.push(surroundings[box.part(i)].label(box.index(i)));
      labelShift[i] = parts.placement(box.part(i)).fragment;
      if (i % READ_PER_STEP === READ_PER_STEP - 1) yield;
    }
    // The units as columns of numbers, in document order (pairing.ts UnitColumns); part k's start at unitStart[k].
    const unitStart = new Int32Array(parts.count + 1);
    for (let k = 0; k < parts.count; k++) unitStart[k + 1] = unitStart[k] + surroundings[k].unitCount;
    const unitCount = unitStart[parts.count];
    const units: UnitColumns = { first: new Int32Array(unitCount), last: new Int32Array(unitCount), shapeHalves: new Int32Array(unitCount) };
    for (let k = 0, copied = 0; k < parts.count; k++) {
      surroundings[k].copyUnitColumns(units, unitStart[k], parts.placement(k).fragment);
      copied += surroundings[k].unitCount;
      if (copied >= READ_PER_STEP) {
        copied = 0;
        yield;
      }
    }
    const pairing = yield* pairTitles(labels, labelShift, units, firstBody);
    yield;
    const titleKinds = new Uint8Array(labels.length);
    const titleParts = new Int32Array(labels.length);
    const titleIndexes = new Int32Array(labels.length);
    pairing.sources.forEach((source, i) => {
      if (!source) return;
      titleKinds[i] = SOURCE_KINDS.indexOf(source.kind);
      if (source.kind !== 'unit') titleIndexes[i] = source.index;
      else {
        // A unit's index among its part's: its index among all, less those of the parts before.
        const k = firstIndex(parts.count, (p) => unitStart[p + 1] > source.index);
        titleParts[i] = k;
        titleIndexes[i] = source.index - unitStart[k];
      }
    });
    memo = { key, reading: pairing.reading, titleKinds, titleParts, titleIndexes, displaced: pairing.displaced };
  }
  if (parts.kept) parts.kept.pairing = memo;
  return memo;
});

/**
 * What a version's box labels, their titles and its strong headings are placed from: each part's readings
 * (kept in the part) and where the part stands, the numbered labels and the pairing, as references. Holds no
 * model or line: the outline keeps it to compare the next version's with, part by part (carryOver.ts).
 */
export interface BoxReadings {
  readonly width: number;
  readonly surroundings: readonly LabelSurroundings[];
  /** Where each part's first line and first character stand in the document. */
  readonly at: ReadonlyArray<{ readonly fragment: number; readonly offset: number }>;
  readonly box: PartRefs;
  readonly pairing: PairingMemo;
}

export const boxReadingsOf = part((model): BoxReadings => {
  const parts = partsOf(model);
  const { width, box } = documentLabelsOf(model);
  const at = Array.from({ length: parts.count }, (_, k) => parts.placement(k));
  return { width, surroundings: surroundingsOf(model), at, box, pairing: pairingMemoOf(model) };
});

/** Box label i of the document, placed in the document. */
function placedBoxLabel(model: ArticleModel, i: number): ScannedLabel {
  // Not from boxReadingsOf: the labels on their titles' line (labelsBeforeTitlesOnTheirLineOf) are placed without pairing them.
  const { box } = documentLabelsOf(model);
  const k = box.part(i);
  const at = partsOf(model).placement(k);
  return surroundingsOf(model)[k].label(box.index(i), at.fragment, at.offset);
}

/** The title the pairing gave box label i, placed in the document. */
function placedTitleOf(model: ArticleModel, i: number): ScannedUnit | undefined {
  return placedTitle(boxReadingsOf(model), i, readScannedUnit, readScannedOwnedTitle);
}

const readScannedUnit = (read: LabelReadings, row: number, fragment: number, offset: number): ScannedUnit => read.unit(row, fragment, offset);

function readScannedOwnedTitle(read: LabelReadings, label: number, kind: OwnedTitleKind, fragment: number, offset: number): ScannedUnit | undefined {
  const owner = read.label(label, fragment, offset);
  return kind === 'inline' ? owner.inlineUnit : kind === 'after' ? owner.after : owner.before;
}

/*
 * What the outline reads, placed in the document: each label and unit as a label hit or title unit alone, not
 * kept (the outline keeps only what it shows; copies of every title unit placed would stay as long as the
 * analysis, a tenth of the heap of a clean 10 MB article). Placed with their shapes and surroundings
 * (placedBoxLabel, placedTitleOf), a clean 10 MB article's ~17,000 labels and their titles were several MB that
 * outlived the young generation while the outline was built (branch mem23).
 */

/** Box label i as a label hit alone (LabelReadings.hit), placed in the document: what the outline reads. */
export function placedBoxHit(r: BoxReadings, i: number): LabelHit {
  const k = r.box.part(i);
  return r.surroundings[k].hit(r.box.index(i), r.at[k].fragment, r.at[k].offset);
}

/** The title the pairing gave box label i as a title unit alone (LabelReadings.titleUnit), placed in the document. */
export function placedTitleUnit(r: BoxReadings, i: number): TitleUnit | undefined {
  return placedTitle(r, i, readTitleUnit, readOwnedTitleUnit);
}

/** The part whose readings hold the title the pairing gave box label i (its own, or its owner label's), or -1 when it has none. */
export function titlePart(r: BoxReadings, i: number): number {
  const kind = SOURCE_KINDS[r.pairing.titleKinds[i]];
  if (kind === undefined) return -1;
  return kind === 'unit' ? r.pairing.titleParts[i] : r.box.part(r.pairing.titleIndexes[i]);
}

/** Part k's strong title units (the headings the outline lists), placed in the document, added to `into`. */
export function placedHeadings(r: BoxReadings, k: number, into: TitleUnit[] = []): TitleUnit[] {
  const read = r.surroundings[k];
  for (let row = 0; row < read.unitCount; row++) if (read.unitStrong(row)) into.push(read.titleUnit(row, r.at[k].fragment, r.at[k].offset));
  return into;
}

const readTitleUnit = (read: LabelReadings, row: number, fragment: number, offset: number): TitleUnit => read.titleUnit(row, fragment, offset);
const readOwnedTitleUnit = (read: LabelReadings, label: number, kind: OwnedTitleKind, fragment: number, offset: number): TitleUnit | undefined =>
  read.labelTitle(label, kind, fragment, offset);

/** Where a title stands beside the box label that read it: on its line, after it or before it. */
type OwnedTitleKind = 'inline' | 'after' | 'before';

/**
 * The title the pairing gave box label i, placed in the document and read as `readUnit` reads a title unit of
 * a part's rows, or as `readOwned` reads the unit its owner (a box label) read beside it. One dispatch on the
 * pairing's kinds for the full readings (displaced labels) and the light ones (the outline).
 */
function placedTitle<T>(
  r: BoxReadings,
  i: number,
  readUnit: (read: LabelReadings, row: number, fragment: number, offset: number) => T,
  readOwned: (read: LabelReadings, label: number, kind: OwnedTitleKind, fragment: number, offset: number) => T | undefined,
): T | undefined {
  const memo = r.pairing;
  const kind = SOURCE_KINDS[memo.titleKinds[i]];
  if (kind === undefined) return undefined;
  const k = titlePart(r, i);
  const { fragment, offset } = r.at[k];
  if (kind === 'unit') return readUnit(r.surroundings[k], memo.titleIndexes[i], fragment, offset);
  return readOwned(r.surroundings[k], r.box.index(memo.titleIndexes[i]), kind, fragment, offset);
}

/** The most label lines a run of them holds (信号一 / 信号二 / … above one title). */
const LABEL_RUN = 8;

/**
 * Whether the label stands right before or after its title, or with only other label lines between them
 * (信号二 / 要点四 / title): moved above its title, it would only change places with the labels of the run,
 * which would then stand away from the title in turn (or the text would stay as it was).
 */
function standsBeside(model: ArticleModel, label: ScannedLabel, title: ScannedUnit): boolean {
  if (title.first === label.next || title.last === label.previous) return true;
  const lines = linesOf(model);
  const onlyLabels = (from: number, to: number) => {
    if (from > to || to - from >= LABEL_RUN) return false;
    for (let k = from; k <= to; k++) if (lines.role(k) !== 'label' && lines.role(k) !== 'directive') return false;
    return true;
  };
  return title.first > label.fragment ? onlyLabels(label.next, title.first - 1) : onlyLabels(title.last + 1, label.previous);
}

/** A label standing away from every title, and the title it belongs to. */
export interface DisplacedLabel {
  readonly label: ScannedLabel;
  readonly title: ScannedUnit;
}

/**
 * The box labels the extractor moved away from their titles (a run at the end of the page, a label
 * stranded between paragraphs or beside a byline), each with its title. A label right before or after its
 * own title is where it belongs, whatever else the pairing says. Only these are placed in the document.
 * `displacedLabelsOf.inSteps` finds them pausing while the labels are paired (pairTitles).
 */
export const displacedLabelsOf = steppedPart(function* (model): Steps<readonly DisplacedLabel[]> {
  const labels = documentLabelsOf(model);
  // Most documents have no box label at all: their title candidates are not even looked for.
  if (labels.allInline) return [];
  const memo = yield* pairingMemoOf.inSteps(model);
  const displaced: DisplacedLabel[] = [];
  if (memo.away) {
    for (const i of memo.away) displaced.push({ label: placedBoxLabel(model, i), title: placedTitleOf(model, i)! });
    return displaced;
  }
  const away: number[] = [];
  for (let i = 0; i < labels.box.length; i++) {
    if (!memo.displaced[i]) continue;
    const label = placedBoxLabel(model, i);
    const title = placedTitleOf(model, i);
    if (!title || standsBeside(model, label, title)) continue;
    away.push(i);
    displaced.push({ label, title });
  }
  memo.away = away;
  return displaced;
});

/**
 * The box labels printed on their title's line, before it (`信号一  网络强国战略思想形成`: two boxes on one
 * baseline), each read with its title (ScannedLabel.inlineUnit). The label belongs on the line above its
 * title, where the layout sets a label apart and the outline of the fixed text reads it.
 */
export const labelsBeforeTitlesOnTheirLineOf = part((model): readonly ScannedLabel[] => {
  const labels = documentLabelsOf(model);
  const found: ScannedLabel[] = [];
  for (let i = 0; i < labels.box.length; i++) {
    if (!labels.censuses[labels.box.part(i)].hits.hasInlineTitle(labels.box.index(i))) continue;
    const label = placedBoxLabel(model, i);
    if (label.inlineUnit && label.end <= label.inlineUnit.start) found.push(label);
  }
  return found;
});
