// Pairing box labels with their titles, reading the whole article. Each series of labels (信号一…,
// 关键词一…) is aligned with the article's title candidates in order: label n+1's title comes after
// label n's, wherever the extractor put the labels (at the end of the page, before or after their
// titles, next to a byline). The alignment is a dynamic programme over labels × candidates whose costs
// weigh the evidence: where the candidate stands from the label, how much it looks like a heading, and
// how much like the first line of a paragraph or a speaker's line. A label the extractor dropped into
// the middle of a sentence pairs with nothing next to it: the lines around it are that sentence.
//
// Two halves: what a label or a title candidate is, read from the lines around it (scanLabel, scanUnit),
// which a document read in regions reads and keeps per region (boxPairing.ts); and the alignment over the
// whole document (pairTitles), which reads only what those readings found.

import { runsWhereNumbersRepeat, seriesKey, type LabelHit } from './sections';
import { firstIndex } from '../search';
import { SPEAKER_CUE } from '../speakerCues';
import { compactString } from '../compactText';
import { Scratch } from '../scratch';
import type { Steps } from '../parts';
import { endsLikeSentence, titleEndingAt, titleStartingAt, widerTitleStartingAt, type OutlineLines, type TitleUnit } from './titles';

export type Reading = 'after' | 'before';

/** Where a title came from: the global list of title units (index into it), or label `index`'s own readings. */
export interface TitleSource {
  readonly kind: 'unit' | 'inline' | 'after' | 'before';
  readonly index: number;
}

export interface Pairing {
  readonly reading: Reading;
  /** sources[i]: where titles[i] came from (defined where titles[i] is). */
  readonly sources: ReadonlyArray<TitleSource | undefined>;
  /** titles[i] belongs to labels[i]; undefined when none could be found. */
  readonly titles: ReadonlyArray<ScannedUnit | undefined>;
  /**
   * displaced[i]: label i has a title but stands next to no title at all (one of a run of labels at the
   * end of the page, or stranded between paragraphs): the extractor moved it away from its section.
   */
  readonly displaced: readonly boolean[];
}

/** What pairTitles settles: a Pairing but for the titles themselves, which `sources` says where to find. */
export type PairedTitles = Omit<Pairing, 'titles'>;

/**
 * The document's title units as pairTitles reads them, as columns: each unit's first and last lines in the
 * document and its shape cost in halves (ScannedUnit). A labelled 10 MB document has tens of thousands of
 * units, of which the alignment takes a few thousand: an object for each (the unit, its candidate, where it
 * came from) was most of what the alignment allocated.
 */
export interface UnitColumns {
  readonly first: Int32Array;
  readonly last: Int32Array;
  readonly shapeHalves: Int32Array;
}

/**
 * A title candidate, read where it stands with the lines around it: how it looks, and where a label
 * moved above it would go.
 */
export interface ScannedUnit extends TitleUnit {
  /**
   * Shape cost: how little it looks like a section title (but for standing before any body text, read over
   * the document), in halves of a point (SHAPE_HALVES): a small integer, which V8 keeps in the object itself
   * where a fraction would take a heap number of its own for each of the document's units.
   */
  readonly shapeHalves: number;
  /** Where its first line starts, and where the text before it ends (undefined at the document's start). */
  readonly lineStart: number;
  readonly aboveEnd: number | undefined;
  /**
   * Where the next line's text starts when the layout joined the unit's last line to it (a title set in a
   * larger type that runs on into its paragraph), else undefined: what displaced-label reads to set the
   * title apart, without placing the whole document's breaks.
   */
  readonly runsOnAt: number | undefined;
}

/**
 * A box label line, read where it stands with the lines around it: its neighbours, the titles right after
 * and before it, whether it interrupts a sentence, and what a fix moving its line needs.
 */
export interface ScannedLabel extends LabelHit {
  /** The content lines before and after it (directives skipped); -1 or past the last line when none. */
  readonly previous: number;
  readonly next: number;
  /** The label interrupts a sentence (isEmbedded). */
  readonly embedded: boolean;
  /**
   * The sentence of the line before it goes on on the line after it (droppedIntoParagraph): the extractor
   * dropped the label into a paragraph, whose lines its fix joins again.
   */
  readonly runsOn: boolean;
  /** The title on its own line, or right after it, or right before it (the pairing's own readings). */
  readonly inlineUnit: ScannedUnit | undefined;
  readonly after: ScannedUnit | undefined;
  readonly before: ScannedUnit | undefined;
  /** A line follows it, and it is a heading or a title that names no speaker (standsByTitle, the part no other title decides). */
  readonly nextExists: boolean;
  readonly nextStands: boolean;
  /**
   * A line other than the article's title precedes it, whose sentence does not run on over the label; and
   * it is a heading or ends a title.
   */
  readonly previousCounts: boolean;
  readonly previousStands: boolean;
  /** Its line: where it starts, its text, and where the line after it starts (undefined: the document ends). */
  readonly lineStart: number;
  readonly lineText: string;
  readonly nextLineStart: number | undefined;
}

/** Costs of the alignment (a title cost lower than SKIP_LABEL is worth taking). */
const COST = {
  /** A label left without a title. */
  skipLabel: 3,
  /** The title stands right after the label (the layout's own order). */
  after: 0,
  /** The title stands right before the label. */
  before: 0.3,
  /** The reading (after / before) the rest of the document does not use. */
  otherReading: 0.4,
  /** The title stands elsewhere: the label was moved. */
  displaced: 1.5,
  /** Per line between a displaced label and the title, up to the cap (nearer is likelier). */
  perLine: 0.006,
  distanceCap: 0.3,
  /** Before any body text: the article's title or subtitle, not a section's. */
  beforeBody: 1,
} as const;

/** What makes a candidate look less like a section title, in halves of a point of the alignment's costs. */
const SHAPE_HALVES = {
  /** A short body line rather than a heading the layout found (1 point). */
  bodyLine: 2,
  /** A line as wide as a paragraph's indented first line, or wider (1.5 points). */
  paragraphShaped: 3,
  /** A line naming an expert with their title: the start of a quote, not a heading (1.5 points). */
  speakerLine: 3,
} as const;

/** The alignment is quadratic: beyond this many label × candidate cells only neighbouring titles count. */
const MAX_CELLS = 2_000_000;

/**
 * How much pairTitles aligns between two pauses: candidates looked through plus label × candidate cells
 * weighed (a few milliseconds' work).
 */
const ALIGNED_PER_STEP = 20_000;

/** How many labels or title candidates pairTitles and its callers read between two pauses. */
export const READ_PER_STEP = 1_000;

/**
 * How far (in lines) from its labels a run's titles are looked for, and the widest gap between two labels
 * of one run. An extractor moves a label within its page (to the page's end, beside a byline), and an
 * article's labels stand within a few pages of each other; without a bound, a series whose labels stand
 * once each in articles pasted far apart (or a misread label: 信据二) made every alignment read the whole
 * document, which made each edit of a 10 MB file of articles take seconds. Far more than any page.
 */
const TITLE_REACH = 2_000;


/**
 * Reads the box label `hit` where it stands in `model` (a document, or a few regions of it side by side
 * with the label's lines in view), with the document's typical width. Reads at most a few lines either side.
 */
export function scanLabel(model: OutlineLines, hit: LabelHit, typicalWidth: number, shared: SharedUnits = NO_SHARED_UNITS): ScannedLabel {
  const index = hit.fragment;
  const previous = previousContent(model, index);
  const next = nextContent(model, index);
  const embedded = !hit.inlineTitle && isEmbedded(model, index, typicalWidth);
  const inlineUnit = shared.as(hit.inlineTitle && scanUnit(model, hit.inlineTitle, typicalWidth));
  // The titles right after and right before it, each read once (both are asked twice below).
  let titleAfter: TitleUnit | undefined | null = null;
  const readAfter = (): TitleUnit | undefined => (titleAfter === null ? (titleAfter = adjacentAfter(model, next, typicalWidth)) : titleAfter);
  let titleBefore: TitleUnit | undefined | null = null;
  const readBefore = (): TitleUnit | undefined => (titleBefore === null ? (titleBefore = titleEndingAt(model, previous, typicalWidth)) : titleBefore);
  const after = inlineUnit ?? (embedded ? undefined : shared.as(scanUnit(model, readAfter(), typicalWidth)));
  const before = inlineUnit ?? (embedded ? undefined : shared.as(scanUnit(model, readBefore(), typicalWidth)));
  const nextExists = next < model.fragments.length;
  let nextStands = false;
  if (nextExists) {
    const title = model.roles[next] === 'heading' ? undefined : (readAfter() ?? untakenTitleAt(model, next));
    nextStands = isHeading(model, next) || (title !== undefined && !namesSpeaker(model, title));
  }
  const runsOn = droppedIntoParagraph(model, readBefore(), typicalWidth);
  // A line whose sentence runs on over the label is no title beside it, heading though the layout made it.
  const previousCounts = previous >= 0 && model.roles[previous] !== 'title' && !runsOn;
  const previousStands = previousCounts && (isHeading(model, previous) || readBefore() !== undefined);
  const line = model.fragments[index];
  return scannedLabel(hit, {
    previous,
    next,
    embedded,
    runsOn,
    inlineUnit,
    after,
    before,
    nextExists,
    nextStands,
    previousCounts,
    previousStands,
    lineStart: line.lineStart,
    lineText: line.text,
    nextLineStart: model.fragments[index + 1]?.lineStart,
  });
}

/**
 * A line the layout set apart as a heading, but for the mark that ends an article (（完）): a short line of
 * its own too, it heads nothing, and a label beside it is no more beside a title than at the page's end.
 */
function isHeading(model: OutlineLines, index: number): boolean {
  return model.roles[index] === 'heading' && !END_MARK.test(compactString(model.fragments[index].text));
}

/** The marks a newspaper ends an article with. */
const END_MARK = /^[（(](?:完|全文完|终)[）)]$/;

/**
 * A label and what was read around it as one object. Written out property by property, as are
 * scannedUnit's and the placed copies in boxPairing.ts, never spread: a large document makes thousands of
 * these, and V8 gives each object made by a spread it cannot predict a hidden class of its own (about 200
 * bytes each, and every read of them slower), where a literal's objects share one.
 */
export function scannedLabel(hit: LabelHit, read: Omit<ScannedLabel, keyof LabelHit>): ScannedLabel {
  return {
    label: hit.label,
    fragment: hit.fragment,
    start: hit.start,
    end: hit.end,
    inlineTitle: hit.inlineTitle,
    previous: read.previous,
    next: read.next,
    embedded: read.embedded,
    runsOn: read.runsOn,
    inlineUnit: read.inlineUnit,
    after: read.after,
    before: read.before,
    nextExists: read.nextExists,
    nextStands: read.nextStands,
    previousCounts: read.previousCounts,
    previousStands: read.previousStands,
    lineStart: read.lineStart,
    lineText: read.lineText,
    nextLineStart: read.nextLineStart,
  };
}

/**
 * The title units of a stretch of lines, to which a label's own readings (the title after it, before it)
 * are the same object when they read the same: most labels' titles are among them, and a document with a
 * label every few lines would otherwise keep each such title twice.
 */
export class SharedUnits {
  private readonly byFirst = new Map<number, ScannedUnit>();

  constructor(units: readonly ScannedUnit[]) {
    for (const unit of units) this.byFirst.set(unit.first, unit);
  }

  /** `unit`, or the shared unit that reads exactly as it does. */
  as<T extends ScannedUnit | undefined>(unit: T): T {
    if (!unit) return unit;
    const same = this.byFirst.get(unit.first);
    return same !== undefined && sameUnit(same, unit) ? (same as T) : unit;
  }
}

const NO_SHARED_UNITS = new SharedUnits([]);

function sameUnit(a: ScannedUnit, b: ScannedUnit): boolean {
  return (
    a.first === b.first &&
    a.last === b.last &&
    a.text === b.text &&
    a.start === b.start &&
    a.end === b.end &&
    a.strong === b.strong &&
    a.shapeHalves === b.shapeHalves &&
    a.lineStart === b.lineStart &&
    a.aboveEnd === b.aboveEnd &&
    a.runsOnAt === b.runsOnAt
  );
}

/** A title unit and how it reads, as one object (see scannedLabel for why it is not spread). */
export function scannedUnit(unit: TitleUnit, shapeHalves: number, lineStart: number, aboveEnd: number | undefined, runsOnAt: number | undefined): ScannedUnit {
  return { first: unit.first, last: unit.last, text: unit.text, start: unit.start, end: unit.end, strong: unit.strong, shapeHalves, lineStart, aboveEnd, runsOnAt };
}

/** A title candidate read where it stands (scanLabel). */
export function scanUnit(model: OutlineLines, unit: TitleUnit, typicalWidth: number): ScannedUnit;
export function scanUnit(model: OutlineLines, unit: TitleUnit | undefined, typicalWidth: number): ScannedUnit | undefined;
export function scanUnit(model: OutlineLines, unit: TitleUnit | undefined, typicalWidth: number): ScannedUnit | undefined {
  if (!unit) return undefined;
  const next = model.fragments[unit.last + 1];
  // Lines the layout joined are one block (a wrap is the only break inside a block).
  const runsOnAt = next !== undefined && model.blockOfFragment[unit.last + 1] === model.blockOfFragment[unit.last] ? next.start : undefined;
  return scannedUnit(unit, shapeHalves(model, unit, typicalWidth), model.fragments[unit.first].lineStart, model.fragments[unit.first - 1]?.end, runsOnAt);
}

/**
 * Pairs the document's box labels (in document order, read where they stand) with its title units, over
 * the whole document; `firstBody` is the document's first body line (-1: none). Reads no line itself: what
 * it needs of the lines around each label and title was read with them (scanLabel, scanUnit). Each label
 * may be read in a part of the document: `labelShift[i]` is how many lines come before that part, added to
 * its line numbers (its titles, read with it, take the same shift); the units' lines are the document's.
 * Where each label's title came from (`sources`) says where to find it.
 * Pauses (yields) between runs of a series once it has aligned about ALIGNED_PER_STEP cells: a 10 MB file of
 * labelled articles aligns for a few hundred milliseconds, which a server must not spend in one go.
 */
export function* pairTitles(labels: readonly ScannedLabel[], labelShift: ArrayLike<number>, units: UnitColumns, firstBody: number): Steps<PairedTitles> {
  // Pushed, not mapped: a mapped array is packed or holey depending on whether V8 has optimized the caller
  // yet (model.ts parseRegion), and reading both kinds deoptimized this generator, large to compile again.
  const after: Array<ScannedLabel['after']> = [];
  const before: Array<ScannedLabel['before']> = [];
  for (const label of labels) {
    after.push(label.after);
    before.push(label.before);
  }
  const reading: Reading = count(before) > count(after) ? 'before' : 'after';

  const nextToEmbedded = new Set<number>();
  for (const [i, label] of labels.entries()) {
    if (!label.embedded) continue;
    nextToEmbedded.add(label.previous + labelShift[i]);
    nextToEmbedded.add(label.next + labelShift[i]);
  }
  const labelFragment = Int32Array.from(labels, (label, i) => label.fragment + labelShift[i]);
  const labelFragments = new Set(labelFragment);
  // The candidates as columns, in the order they were first found (one per first line): where each came
  // from (SOURCES' kind and its index), its last line, shape cost and owner (-1: any label may take it).
  const unitCount = units.first.length;
  const most = 3 * labels.length + unitCount;
  const byFirst = new Map<number, number>();
  const sourceKind = new Uint8Array(most);
  const sourceIndex = new Int32Array(most);
  const candidateLast = new Int32Array(most);
  const shapes = new Float64Array(most);
  const owners = new Int32Array(most);
  const addCandidate = (first: number, last: number, shapeHalves: number, kind: number, index: number, owner: number): void => {
    if (byFirst.has(first) || nextToEmbedded.has(first) || nextToEmbedded.has(last)) return;
    if (owner < 0 && rangeHolds(labelFragments, first, last)) return;
    const c = byFirst.size;
    byFirst.set(first, c);
    sourceKind[c] = kind;
    sourceIndex[c] = index;
    candidateLast[c] = last;
    shapes[c] = owner >= 0 ? 0 : shapeHalves / 2 + (firstBody < 0 || first < firstBody ? COST.beforeBody : 0);
    owners[c] = owner;
  };
  const addReading = (unit: ScannedUnit | undefined, i: number, kind: number, owner: number): void => {
    if (unit) addCandidate(unit.first + labelShift[i], unit.last + labelShift[i], unit.shapeHalves, kind, i, owner);
  };
  for (let i = 0; i < labels.length; i++) {
    addReading(labels[i].inlineUnit, i, INLINE, i);
    if (i % READ_PER_STEP === READ_PER_STEP - 1) yield;
  }
  for (let i = 0; i < labels.length; i++) {
    addReading(after[i], i, AFTER, -1);
    if (i % READ_PER_STEP === READ_PER_STEP - 1) yield;
  }
  for (let i = 0; i < labels.length; i++) {
    addReading(before[i], i, BEFORE, -1);
    if (i % READ_PER_STEP === READ_PER_STEP - 1) yield;
  }
  for (let i = 0; i < unitCount; i++) {
    addCandidate(units.first[i], units.last[i], units.shapeHalves[i], UNIT, i, -1);
    if (i % READ_PER_STEP === READ_PER_STEP - 1) yield;
  }
  // What the alignment's costs read, in document order (one candidate per first line: sorting the first
  // lines sorts the candidates): it weighs every label of a run against every candidate of its stretch (a
  // series numbered once in a long document reads every candidate).
  const candidateFirst = new Int32Array(byFirst.keys()).sort();
  yield;
  const ordered = new Int32Array(candidateFirst.length);
  const candidateShape = new Float64Array(candidateFirst.length);
  const candidateOwner = new Int32Array(candidateFirst.length);
  for (let j = 0; j < candidateFirst.length; j++) {
    const c = byFirst.get(candidateFirst[j])!;
    ordered[j] = c;
    candidateShape[j] = shapes[c];
    candidateOwner[j] = owners[c];
  }
  const NONE = -2;
  const labelAfter = Int32Array.from(after, (unit, i) => (unit ? unit.first + labelShift[i] : NONE));
  const labelBefore = Int32Array.from(before, (unit, i) => (unit ? unit.first + labelShift[i] : NONE));
  const labelInline = Uint8Array.from(labels, (label) => (label.inlineTitle ? 1 : 0));
  const afterCost = COST.after + (reading === 'after' ? 0 : COST.otherReading);
  const beforeCost = COST.before + (reading === 'before' ? 0 : COST.otherReading);

  const sources: Array<TitleSource | undefined> = labels.map(() => undefined);
  const titleFirst: number[] = [];
  const titleLast: number[] = [];
  // Whether candidate j (an index into ordered) is some label's title already.
  const used = new Uint8Array(ordered.length);
  const runs = yield* seriesRuns(labels, labelFragment);
  // The longest series chooses first; a title is used once.
  const series = [...runs].sort((a, b) => b.members.length - a.members.length);
  let aligned = 0;
  for (const { members, after: lo, before: hi } of series) {
    if (aligned >= ALIGNED_PER_STEP) {
      aligned = 0;
      yield;
    }
    members.sort((a, b) => labels[a].label.number - labels[b].label.number || labelFragment[a] - labelFragment[b]);
    // Its titles lie between the runs of the same series before and after it (articles pasted one after
    // another each have their 信号一…), within TITLE_REACH of its labels: the alignment reads that stretch,
    // whatever the document's length.
    let nearest = Infinity;
    let farthest = -Infinity;
    for (const i of members) {
      nearest = Math.min(nearest, labelFragment[i]);
      farthest = Math.max(farthest, labelFragment[i]);
    }
    const from = firstIndexOf(candidateFirst, Math.max(lo + 1, nearest - TITLE_REACH));
    const to = firstIndexOf(candidateFirst, Math.min(hi, farthest + TITLE_REACH + 1));
    const free: number[] = [];
    for (let j = from; j < to; j++) if (used[j] === 0) free.push(j);
    const tooMany = free.length * members.length > MAX_CELLS;
    aligned += to - from + members.length * (free.length + 1);
    // The cost of label i taking candidate j (an index into ordered).
    const cost = (i: number, j: number): number => {
      const owner = candidateOwner[j];
      let placement: number;
      if (owner >= 0) placement = owner === i ? 0 : Infinity;
      else if (labelInline[i] === 1) placement = Infinity;
      else {
        const first = candidateFirst[j];
        if (labelAfter[i] === first) placement = afterCost;
        else if (labelBefore[i] === first) placement = beforeCost;
        else if (tooMany) placement = Infinity;
        else placement = COST.displaced + Math.min(COST.distanceCap, Math.abs(first - labelFragment[i]) * COST.perLine);
      }
      return placement + candidateShape[j];
    };
    const chosen = align(members, free, cost);
    members.forEach((i, k) => {
      if (chosen[k] < 0) return;
      const c = ordered[chosen[k]];
      sources[i] = { kind: SOURCE_KINDS[sourceKind[c]], index: sourceIndex[c] };
      titleFirst.push(candidateFirst[chosen[k]]);
      titleLast.push(candidateLast[c]);
      used[chosen[k]] = 1;
    });
  }
  yield;
  const firsts = sortedLines(units.first, titleFirst);
  yield;
  const titleEdges: TitleEdges = { firsts, lasts: sortedLines(units.last, titleLast) };
  yield;
  const displaced = labels.map((label, i) => sources[i] !== undefined && !label.inlineTitle && !standsByTitle(label, labelShift[i], titleEdges));
  return { reading, sources, displaced };
}

/** Where a candidate came from (TitleSource's kinds), as pairTitles keeps it. */
const [UNIT, INLINE, AFTER, BEFORE] = [0, 1, 2, 3];
const SOURCE_KINDS = ['unit', 'inline', 'after', 'before'] as const;

/** One run of a series of labels: its members, and the last label of the run before and the first of the run after. */
interface SeriesRun {
  readonly members: number[];
  readonly after: number;
  readonly before: number;
}

/**
 * The labels grouped by series (信号…, 要点…), each series cut into runs where a number comes again:
 * articles pasted one after another each have their own 信号一…, and each run is paired on its own.
 * Within a run the labels may stand in any order (an extractor prints them where it likes).
 */
function* seriesRuns(labels: readonly LabelHit[], fragments: ArrayLike<number>): Steps<SeriesRun[]> {
  const bySeries = new Map<string, number[]>();
  const inOrder = labels.map((_, i) => i).sort((a, b) => fragments[a] - fragments[b]);
  yield;
  for (let k = 0; k < inOrder.length; k++) {
    const i = inOrder[k];
    const key = seriesKey(labels[i].label);
    if (!bySeries.has(key)) bySeries.set(key, []);
    bySeries.get(key)!.push(i);
    if (k % READ_PER_STEP === READ_PER_STEP - 1) yield;
  }
  const all: SeriesRun[] = [];
  let readBeforePause = 0;
  for (const members of bySeries.values()) {
    const runs = runsWhereNumbersRepeat(members, (i) => labels[i].label.number).flatMap((run) => apartWhereFar(run, fragments));
    runs.forEach((run, r) =>
      all.push({
        members: run,
        after: r > 0 ? fragments[runs[r - 1][runs[r - 1].length - 1]] : -1,
        before: r + 1 < runs.length ? fragments[runs[r + 1][0]] : Number.MAX_SAFE_INTEGER,
      }),
    );
    readBeforePause += members.length;
    if (readBeforePause >= READ_PER_STEP) {
      readBeforePause = 0;
      yield;
    }
  }
  return all;
}

/** A run (labels in document order) cut where two labels stand more than TITLE_REACH lines apart: they are not one article's. */
function apartWhereFar(run: number[], fragments: ArrayLike<number>): number[][] {
  const pieces: number[][] = [[run[0]]];
  for (let k = 1; k < run.length; k++) {
    if (fragments[run[k]] - fragments[run[k - 1]] > TITLE_REACH) pieces.push([]);
    pieces[pieces.length - 1].push(run[k]);
  }
  return pieces;
}

/** The index of the first candidate (their first lines in document order) that starts at or after `fragment`. */
function firstIndexOf(firsts: Int32Array, fragment: number): number {
  return firstIndex(firsts.length, (i) => firsts[i] >= fragment);
}

/** align's tables, lent (scratch.ts): it reads them back before it returns, and `cost` does not align. */
const ALIGN_COSTS = new Scratch((n) => new Float64Array(n));
const ALIGN_CHOICES = new Scratch((n) => new Uint8Array(n));

/**
 * The cheapest monotone alignment of `members` (labels in number order) with `free` (candidates in
 * document order, as indices): each label takes a later candidate than the label before it, or none
 * (-1).
 */
function align(members: readonly number[], free: readonly number[], cost: (label: number, candidate: number) => number): Int32Array {
  const n = members.length;
  const m = free.length;
  // best[k][j]: the least cost of labels 0..k-1 using candidates 0..j-1; choice says how it was reached.
  const width = m + 1;
  const best = ALIGN_COSTS.lend((n + 1) * width);
  const choice = ALIGN_CHOICES.lend((n + 1) * width); // 0 skip label, 1 skip candidate, 2 pair
  for (let k = 1; k <= n; k++) {
    const label = members[k - 1];
    for (let j = 0; j <= m; j++) {
      let value = best[(k - 1) * width + j] + COST.skipLabel;
      let how = 0;
      if (j > 0) {
        const skipCandidate = best[k * width + j - 1];
        if (skipCandidate < value) {
          value = skipCandidate;
          how = 1;
        }
        const pair = best[(k - 1) * width + j - 1] + cost(label, free[j - 1]);
        if (pair < value) {
          value = pair;
          how = 2;
        }
      }
      best[k * width + j] = value;
      choice[k * width + j] = how;
    }
  }
  const chosen = new Int32Array(n).fill(-1);
  let k = n;
  let j = m;
  while (k > 0) {
    const how = choice[k * width + j];
    if (how === 0) k--;
    else if (how === 1) j--;
    else {
      chosen[k - 1] = free[j - 1];
      k--;
      j--;
    }
  }
  return chosen;
}

/** How little a candidate looks like a section title, in halves of a point, read from its lines (standing before any body text is weighed by pairTitles). */
function shapeHalves(model: OutlineLines, unit: TitleUnit, typicalWidth: number): number {
  let halves = 0;
  if (!unit.strong) {
    halves += SHAPE_HALVES.bodyLine;
    if (unit.text.length >= typicalWidth - 2 && !setApartFromNext(model, unit)) halves += SHAPE_HALVES.paragraphShaped;
  }
  if (namesSpeaker(model, unit) || runsOnOverLabel(model, unit, typicalWidth)) halves += SHAPE_HALVES.speakerLine;
  // A body line opening a quote it does not close starts a quoted paragraph.
  if (!unit.strong && /^[“「]/.test(unit.text) && !/[”」]/.test(unit.text)) halves += SHAPE_HALVES.paragraphShaped;
  return halves;
}

/**
 * A blank line follows the unit and none comes before it: the extractor set it apart from what follows, not
 * from what precedes, as a heading over its paragraph (`…高1倍以上。` / `企业主体地位增强` / blank /
 * `全国持证种子企业…`). A paragraph's first line as wide is followed by the paragraph's next line; where
 * blank lines part every line, one comes before it too.
 */
function setApartFromNext(model: OutlineLines, unit: TitleUnit): boolean {
  const { fragments } = model;
  const before = fragments[unit.first - 1];
  const after = fragments[unit.last + 1];
  return before !== undefined && after !== undefined && fragments[unit.first].line - before.line === 1 && after.line - fragments[unit.last].line > 1;
}

/**
 * A body line with no sentence or clause mark, which may be a title the outline did not read as one
 * (`amd64或i386的网络安` / `装iso映像`, `控制新建文件的权限：umask`): a label before it may stand where it
 * belongs, and is left there.
 */
function untakenTitleAt(model: OutlineLines, index: number): TitleUnit | undefined {
  if (model.roles[index] !== 'body') return undefined;
  const fragment = model.fragments[index];
  if (/[。，；、！？,;!?]/.test(fragment.text)) return undefined;
  return { first: index, last: index, text: compactString(fragment.text), start: fragment.start, end: fragment.end, strong: false };
}

/**
 * The unit's sentence runs on over a label the extractor dropped right after it: the line after the label
 * goes on with a clause mark, a word and a clause mark (`在贵州省丹寨县的非遗工坊` / `关键词一` / `里，苗族…`),
 * or a speaker's title and verb (`中国宏观经济研究院能源研究所` / `信号二` / `研究员甘绍华认为，…`). A
 * section title's paragraph opens with a sentence of its own; one opening with 记者 (记者从…获悉) says nothing.
 * Or the two lines are a paragraph's first line and its second (paragraphAroundLabel). Read even after a
 * heading: the layout sets apart a line a label follows.
 */
function runsOnOverLabel(model: OutlineLines, unit: TitleUnit | undefined, typicalWidth: number): boolean {
  const line = lineAfterLabel(model, unit);
  if (unit === undefined || line === undefined) return false;
  if (goesOnWithClause(line) || paragraphAroundLabel(unit, line, typicalWidth)) return true;
  const goesOn = line.slice(0, 8);
  return !goesOn.startsWith('记者') && SPEAKER_CUE.test(goesOn);
}

/**
 * Surely a paragraph the label was dropped into, not a heading and its paragraph, which the fix may join:
 * the line after the label goes on with a clause mark, or the two lines are a paragraph's first line and its
 * second (paragraphAroundLabel). Not a speaker's cue alone: a section's paragraph may open with one
 * (`核心技术是国之重器` / `信号三` / `习近平总书记指出，要发展`, a label after its title).
 */
function droppedIntoParagraph(model: OutlineLines, unit: TitleUnit | undefined, typicalWidth: number): boolean {
  const line = lineAfterLabel(model, unit);
  return unit !== undefined && line !== undefined && (goesOnWithClause(line) || paragraphAroundLabel(unit, line, typicalWidth));
}

/**
 * The body line after the labels that follow `unit`, compacted, when the unit ends no sentence: where its
 * sentence would go on. Undefined when no label follows the unit.
 */
function lineAfterLabel(model: OutlineLines, unit: TitleUnit | undefined): string | undefined {
  if (!unit) return undefined;
  let next = unit.last + 1;
  if (model.roles[next] !== 'label') return undefined;
  while (next < model.fragments.length && (model.roles[next] === 'label' || model.roles[next] === 'directive')) next++;
  if (next >= model.fragments.length || model.roles[next] !== 'body' || endsLikeSentence(unit.text)) return undefined;
  return compactString(model.fragments[next].text);
}

/** The line goes on with a clause mark, or a word and one (`里，苗族…`): a sentence's rest. */
function goesOnWithClause(line: string): boolean {
  return /^\p{Script=Han}?[，、；：,;:）》”]/u.test(line);
}

/**
 * A one-line unit as wide as a paragraph's indented first line, and the line after the label filling the
 * column: a paragraph's first line and its second, with the label dropped between them
 * (`山东黄河三角洲国家级自然保护区管理` / `看点三` / `委员会高级工程师邵明珂介绍，今年春季，`). A section
 * title's paragraph opens with its own indented first line, never a full one.
 */
function paragraphAroundLabel(unit: TitleUnit, lineAfter: string, typicalWidth: number): boolean {
  return unit.first === unit.last && unit.text.length >= typicalWidth - 2 && lineAfter.length >= typicalWidth;
}

/** The line names an expert with their title, or goes on into 表示 / 认为 (a heading is followed by anything). */
function namesSpeaker(model: OutlineLines, unit: TitleUnit): boolean {
  const goesOn = unit.strong ? '' : compactString(model.fragments[unit.last + 1]?.text ?? '').slice(0, 8);
  return SPEAKER_CUE.test(unit.text) || SPEAKER_CUE.test(goesOn);
}

/** The title right after a label: a heading, or a body line up to a column wide that reads as a title. */
function adjacentAfter(model: OutlineLines, index: number, typicalWidth: number): TitleUnit | undefined {
  return titleStartingAt(model, index, typicalWidth) ?? widerTitleStartingAt(model, index, typicalWidth);
}

/** Where titles start and end: the title units of the document and the titles labels took. */
/** The first and the last lines of every title, each sorted (a document has tens of thousands). */
interface TitleEdges {
  readonly firsts: Int32Array;
  readonly lasts: Int32Array;
}

/** The units' lines and the titles', sorted. */
function sortedLines(units: Int32Array, titles: readonly number[]): Int32Array {
  const lines = new Int32Array(units.length + titles.length);
  lines.set(units);
  for (let i = 0; i < titles.length; i++) lines[units.length + i] = titles[i];
  return lines.sort();
}

function holdsLine(sorted: Int32Array, line: number): boolean {
  const i = firstIndex(sorted.length, (k) => sorted[k] >= line);
  return i < sorted.length && sorted[i] === line;
}


/**
 * The label stands right before or after a title (any title, not only its own): a heading the layout
 * found, a line that reads as a title, or a title a label took. A speaker's line next to it is no title
 * (`国家能源局发展规划司副司长尹若` / `川表示：…`: a label beside one was moved there), nor is a byline.
 * What its neighbours are was read with them (scanLabel); which titles labels took, over the document.
 */
function standsByTitle(label: ScannedLabel, shift: number, titles: TitleEdges): boolean {
  if (label.nextExists && (label.nextStands || holdsLine(titles.firsts, label.next + shift))) return true;
  return label.previousCounts && (label.previousStands || holdsLine(titles.lasts, label.previous + shift));
}

/**
 * The label interrupts a sentence: the line before it is a full body line that does not end a
 * sentence (a paragraph's first line is indented, hence the slack of 3), and body text follows.
 */
function isEmbedded(model: OutlineLines, index: number, typicalWidth: number): boolean {
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

export function nextContent(model: OutlineLines, index: number): number {
  let next = index + 1;
  while (next < model.fragments.length && model.roles[next] === 'directive') next++;
  return next;
}

export function previousContent(model: OutlineLines, index: number): number {
  let previous = index - 1;
  while (previous >= 0 && model.roles[previous] === 'directive') previous--;
  return previous;
}

/** A label's fragment lies within the unit. */
function rangeHolds(labelFragments: ReadonlySet<number>, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (labelFragments.has(i)) return true;
  return false;
}
