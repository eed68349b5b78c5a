// A part's box labels and title candidates as read where they stand (pairing.ts scanLabel, scanUnit), kept
// as numbers in typed arrays. A document read in regions keeps every region's readings for as long as it is
// open, so the next version aligns labels without reading every line again; as objects (a label with its
// neighbours and three title readings, each unit with its shape and where a moved label would go) they were
// a fifth of the heap of a clean 10 MB article. Objects are made only when asked for: by an alignment that
// runs again, and for the labels and titles the outline and displaced-label place in the document.

import type { Label } from '../labels';
import { scannedLabel, scannedUnit, type ScannedLabel, type ScannedUnit, type UnitColumns } from './pairing';
import type { LabelHit } from './sections';
import { Scratch } from '../scratch';
import { movedTitle, type TitleUnit } from './titles';

/** An offset or row that is not there (undefined): no line, offset or row number is this low. */
const NONE = -0x80000000;
/** NONE in readings kept in 2-byte numbers (every other number then lies above it). */
const NONE_16 = -0x8000;

/** The buffer readings are written into before they are kept (scratch.ts). */
const READ = new Scratch((n) => new Int32Array(n));

/**
 * `numbers` (lent: copied here) as kept: in 2-byte numbers when every one but NONE fits above NONE_16,
 * else in 4-byte numbers; with what stands for NONE in them.
 */
function keptNumbers(numbers: Int32Array): { kept: Int16Array | Int32Array; none: number } {
  let fits = true;
  for (let i = 0; i < numbers.length && fits; i++) {
    const value = numbers[i];
    fits = value === NONE || (value > NONE_16 && value <= 0x7fff);
  }
  if (!fits) return { kept: numbers.slice(), none: NONE };
  const kept = new Int16Array(numbers.length);
  for (let i = 0; i < numbers.length; i++) kept[i] = numbers[i] === NONE ? NONE_16 : numbers[i];
  return { kept, none: NONE_16 };
}

/** Where each number of a unit row stands (strong: 1 or 0; aboveEnd, runsOnAt: NONE when undefined), and how many. */
const UNIT = { first: 0, last: 1, start: 2, end: 3, shapeHalves: 4, strong: 5, lineStart: 6, aboveEnd: 7, runsOnAt: 8 } as const;
const U = 9;
/**
 * Where each number of a label row stands (flags: its yes/no readings as bits; inlineRow, afterRow,
 * beforeRow: its title readings' unit rows, or NONE; nextLineStart: NONE at the document's end), and how many.
 */
const LABEL = { fragment: 0, start: 1, end: 2, previous: 3, next: 4, flags: 5, inlineRow: 6, afterRow: 7, beforeRow: 8, lineStart: 9, nextLineStart: 10 } as const;
const L = 11;
/** A label row's title readings. */
const TITLE_ROWS = [LABEL.inlineRow, LABEL.afterRow, LABEL.beforeRow] as const;

/** A label's yes/no readings, as bits of one number. */
const EMBEDDED = 1;
const NEXT_EXISTS = 2;
const NEXT_STANDS = 4;
const PREVIOUS_COUNTS = 8;
const PREVIOUS_STANDS = 16;
const RUNS_ON = 32;

/**
 * One part's labels (one per census hit, in its order) and title units, in the part's numbering. Unit rows
 * [0, unitCount) are the part's title units, in order; rows after them are readings of labels (the title on
 * a label's own line, after it or before it) that read differently from every unit. A label's readings that
 * read as one of the units are that unit's row, as they were the same object.
 */
export class LabelReadings {
  private constructor(
    readonly unitCount: number,
    private readonly units: Int16Array | Int32Array,
    private readonly unitTexts: readonly string[],
    private readonly labels: Int16Array | Int32Array,
    private readonly labelOf: readonly Label[],
    private readonly lineTexts: readonly string[],
    /** What stands for a number that is not there: NONE, or NONE_16 in 2-byte numbers. */
    private readonly none: number,
  ) {}

  /**
   * The readings of `labels` and `units` (scanLabel's and scanUnit's objects) as columns, their lines moved
   * `moved.fragment` on and their offsets `moved.offset` (into a region's own numbering, from its view's).
   */
  static of(labels: readonly ScannedLabel[], units: readonly ScannedUnit[], moved: { readonly fragment: number; readonly offset: number } = { fragment: 0, offset: 0 }): LabelReadings {
    const rows = new Map<ScannedUnit, number>();
    const unitList: ScannedUnit[] = [];
    const rowOf = (unit: ScannedUnit | undefined): number => {
      if (!unit) return NONE;
      let row = rows.get(unit);
      if (row === undefined) {
        rows.set(unit, (row = unitList.length));
        unitList.push(unit);
      }
      return row;
    };
    units.forEach(rowOf);
    const unitCount = unitList.length;
    // The labels' readings numbered first (in the order the rows below ask), so every row is known before
    // units and labels are given one buffer: a document keeps one per region, and each buffer outside V8's
    // heap costs its allocator's bookkeeping (a few hundred bytes) besides its numbers.
    for (const label of labels) {
      rowOf(label.inlineUnit);
      rowOf(label.after);
      rowOf(label.before);
    }
    // Written in 4-byte numbers into a lent buffer, then kept in 2-byte numbers where every one fits (a
    // region's mostly do): a clean 10 MB article's regions kept 2.2 MB of readings in 4-byte numbers.
    const numbers = READ.lend(unitList.length * U + labels.length * L);
    const unitNumbers = numbers.subarray(0, unitList.length * U);
    const labelNumbers = numbers.subarray(unitList.length * U);
    const { fragment, offset } = moved;
    const at = (value: number | undefined): number => (value === undefined ? NONE : value + offset);
    labels.forEach((label, i) => {
      const n = i * L;
      labelNumbers[n + LABEL.fragment] = label.fragment + fragment;
      labelNumbers[n + LABEL.start] = label.start + offset;
      labelNumbers[n + LABEL.end] = label.end + offset;
      labelNumbers[n + LABEL.previous] = label.previous + fragment;
      labelNumbers[n + LABEL.next] = label.next + fragment;
      labelNumbers[n + LABEL.flags] =
        (label.embedded ? EMBEDDED : 0) |
        (label.nextExists ? NEXT_EXISTS : 0) |
        (label.nextStands ? NEXT_STANDS : 0) |
        (label.previousCounts ? PREVIOUS_COUNTS : 0) |
        (label.previousStands ? PREVIOUS_STANDS : 0) |
        (label.runsOn ? RUNS_ON : 0);
      // The title on the label's own line is read as its inline unit (scanLabel): one row for both.
      labelNumbers[n + LABEL.inlineRow] = rowOf(label.inlineUnit);
      labelNumbers[n + LABEL.afterRow] = rowOf(label.after);
      labelNumbers[n + LABEL.beforeRow] = rowOf(label.before);
      labelNumbers[n + LABEL.lineStart] = label.lineStart + offset;
      labelNumbers[n + LABEL.nextLineStart] = at(label.nextLineStart);
    });
    unitList.forEach((unit, row) => {
      const n = row * U;
      unitNumbers[n + UNIT.first] = unit.first + fragment;
      unitNumbers[n + UNIT.last] = unit.last + fragment;
      unitNumbers[n + UNIT.start] = unit.start + offset;
      unitNumbers[n + UNIT.end] = unit.end + offset;
      unitNumbers[n + UNIT.shapeHalves] = unit.shapeHalves;
      unitNumbers[n + UNIT.strong] = unit.strong ? 1 : 0;
      unitNumbers[n + UNIT.lineStart] = unit.lineStart + offset;
      unitNumbers[n + UNIT.aboveEnd] = at(unit.aboveEnd);
      unitNumbers[n + UNIT.runsOnAt] = at(unit.runsOnAt);
    });
    const { kept, none } = keptNumbers(numbers);
    return new LabelReadings(
      unitCount,
      kept.subarray(0, unitList.length * U),
      unitList.map((unit) => unit.text),
      kept.subarray(unitList.length * U),
      labels.map((label) => label.label),
      labels.map((label) => label.lineText),
      none,
    );
  }

  get labelCount(): number {
    return this.labelOf.length;
  }

  /** Whether unit row `row` is a heading the layout gave a block of its own (TitleUnit.strong). */
  unitStrong(row: number): boolean {
    return this.units[row * U + UNIT.strong] === 1;
  }

  /**
   * The lines and shapes of the part's title units (rows [0, unitCount)), moved `fragment` lines on, copied
   * into `into` from index `at` (pairing.ts UnitColumns): what the alignment reads of them, without an object each.
   */
  copyUnitColumns(into: UnitColumns, at: number, fragment: number): void {
    const u = this.units;
    for (let row = 0; row < this.unitCount; row++) {
      const n = row * U;
      into.first[at + row] = u[n + UNIT.first] + fragment;
      into.last[at + row] = u[n + UNIT.last] + fragment;
      into.shapeHalves[at + row] = u[n + UNIT.shapeHalves];
    }
  }

  /** Unit row `row`, placed `fragment` lines and `offset` characters on (a new object each time). */
  unit(row: number, fragment = 0, offset = 0): ScannedUnit {
    const u = this.units;
    const n = row * U;
    const at = (value: number) => (value === this.none ? undefined : value + offset);
    return scannedUnit(
      { first: u[n + UNIT.first] + fragment, last: u[n + UNIT.last] + fragment, text: this.unitTexts[row], start: u[n + UNIT.start] + offset, end: u[n + UNIT.end] + offset, strong: u[n + UNIT.strong] === 1 },
      u[n + UNIT.shapeHalves],
      u[n + UNIT.lineStart] + offset,
      at(u[n + UNIT.aboveEnd]),
      at(u[n + UNIT.runsOnAt]),
    );
  }

  /**
   * Unit row `row` placed as `unit` places, as a title unit alone (no shape, no lines around it): what the
   * outline reads of it. Why not `unit`: a document's outline places every label and title at once and
   * keeps them while it is built, which outlives the young generation; their shapes and surroundings were
   * most of that garbage (docs/performance-log.md, branch mem23).
   */
  titleUnit(row: number, fragment = 0, offset = 0): TitleUnit {
    const u = this.units;
    const n = row * U;
    return { first: u[n + UNIT.first] + fragment, last: u[n + UNIT.last] + fragment, text: this.unitTexts[row], start: u[n + UNIT.start] + offset, end: u[n + UNIT.end] + offset, strong: u[n + UNIT.strong] === 1 };
  }

  /** Label `i` placed as `unit` places, as a label hit alone (its inline title a title unit): what the outline reads of it. */
  hit(i: number, fragment = 0, offset = 0): LabelHit {
    const l = this.labels;
    const n = i * L;
    const inlineRow = l[n + LABEL.inlineRow];
    const inlineTitle = inlineRow === this.none ? undefined : this.titleUnit(inlineRow, fragment, offset);
    return { label: this.labelOf[i], fragment: l[n + LABEL.fragment] + fragment, start: l[n + LABEL.start] + offset, end: l[n + LABEL.end] + offset, inlineTitle };
  }

  /** The title label `i` read on its own line, after it or before it, placed as `titleUnit` places, or undefined. */
  labelTitle(i: number, kind: 'inline' | 'after' | 'before', fragment = 0, offset = 0): TitleUnit | undefined {
    const row = this.labels[i * L + (kind === 'inline' ? LABEL.inlineRow : kind === 'after' ? LABEL.afterRow : LABEL.beforeRow)];
    return row === this.none ? undefined : this.titleUnit(row, fragment, offset);
  }

  /** Label `i`, placed as `unit` places (new objects each time; its readings that share a row share an object). */
  label(i: number, fragment = 0, offset = 0): ScannedLabel {
    const l = this.labels;
    const n = i * L;
    const unitAt = (row: number): ScannedUnit | undefined => (row === this.none ? undefined : this.unit(row, fragment, offset));
    // Its readings that share a row are one object, as they were when read.
    const [inlineRow, afterRow, beforeRow] = [l[n + LABEL.inlineRow], l[n + LABEL.afterRow], l[n + LABEL.beforeRow]];
    const inlineUnit = unitAt(inlineRow);
    const after = afterRow === inlineRow ? inlineUnit : unitAt(afterRow);
    const before = beforeRow === inlineRow ? inlineUnit : beforeRow === afterRow ? after : unitAt(beforeRow);
    const flags = l[n + LABEL.flags];
    return scannedLabel(
      { label: this.labelOf[i], fragment: l[n + LABEL.fragment] + fragment, start: l[n + LABEL.start] + offset, end: l[n + LABEL.end] + offset, inlineTitle: inlineUnit },
      {
        previous: l[n + LABEL.previous] + fragment,
        next: l[n + LABEL.next] + fragment,
        embedded: (flags & EMBEDDED) !== 0,
        runsOn: (flags & RUNS_ON) !== 0,
        inlineUnit,
        after,
        before,
        nextExists: (flags & NEXT_EXISTS) !== 0,
        nextStands: (flags & NEXT_STANDS) !== 0,
        previousCounts: (flags & PREVIOUS_COUNTS) !== 0,
        previousStands: (flags & PREVIOUS_STANDS) !== 0,
        lineStart: l[n + LABEL.lineStart] + offset,
        lineText: this.lineTexts[i],
        nextLineStart: l[n + LABEL.nextLineStart] === this.none ? undefined : l[n + LABEL.nextLineStart] + offset,
      },
    );
  }

  /**
   * Whether the alignment reads `this` and `other` alike: the lines, shapes and flags of their labels and
   * units, not their offsets or texts (pairing.ts pairTitles reads nothing else of them).
   */
  alignsAs(other: LabelReadings): boolean {
    if (other === this) return true;
    if (other.labelCount !== this.labelCount || other.unitCount !== this.unitCount) return false;
    const sameUnit = (a: LabelReadings, rowA: number, b: LabelReadings, rowB: number): boolean => {
      if (rowA === a.none || rowB === b.none) return rowA === a.none && rowB === b.none;
      const m = rowA * U;
      const n = rowB * U;
      return a.units[m + UNIT.first] === b.units[n + UNIT.first] && a.units[m + UNIT.last] === b.units[n + UNIT.last] && a.units[m + UNIT.shapeHalves] === b.units[n + UNIT.shapeHalves];
    };
    for (let n = 0; n < this.labels.length; n += L) {
      const a = this.labels;
      const b = other.labels;
      if (a[n + LABEL.previous] !== b[n + LABEL.previous] || a[n + LABEL.next] !== b[n + LABEL.next] || a[n + LABEL.flags] !== b[n + LABEL.flags]) return false;
      for (const column of TITLE_ROWS) if (!sameUnit(this, a[n + column], other, b[n + column])) return false;
    }
    for (let row = 0; row < this.unitCount; row++) if (!sameUnit(this, row, other, row)) return false;
    return true;
  }
}

/** Where each number of a hit stands in LabelHits (opens: whether the line before ends a unit, OPENS_*), and how many. */
const HIT = { fragment: 0, start: 1, end: 2, opens: 3 } as const;
const H = 4;
const OPENS_NO = 0;
const OPENS_YES = 1;
const OPENS_UNKNOWN = 2;

/**
 * The box label lines of a part (outline/sections.ts boxLabelLines) in the part's numbering, as columns, with
 * whether the line before each ends a unit (undefined for a hit on the part's first line: the part before
 * decides). A document keeps one per region.
 */
export class LabelHits {
  private constructor(
    private readonly numbers: Int32Array,
    private readonly labels: readonly Label[],
    /** The title on each hit's own line, or empty when no hit has one (most parts). */
    private inlineTitles: ReadonlyArray<TitleUnit | undefined>,
  ) {}

  static of(hits: readonly LabelHit[], opensUnit: ReadonlyArray<boolean | undefined>): LabelHits {
    const numbers = new Int32Array(hits.length * H);
    hits.forEach((hit, i) => {
      numbers[i * H + HIT.fragment] = hit.fragment;
      numbers[i * H + HIT.start] = hit.start;
      numbers[i * H + HIT.end] = hit.end;
      numbers[i * H + HIT.opens] = opensUnit[i] === undefined ? OPENS_UNKNOWN : opensUnit[i] ? OPENS_YES : OPENS_NO;
    });
    const inlineTitles = hits.some((hit) => hit.inlineTitle) ? hits.map((hit) => hit.inlineTitle) : [];
    return new LabelHits(numbers, hits.map((hit) => hit.label), inlineTitles);
  }

  get length(): number {
    return this.labels.length;
  }

  /** Hit i, placed `fragment` lines and `offset` characters on (a new object). */
  hit(i: number, fragment = 0, offset = 0): LabelHit {
    const n = i * H;
    const title = this.inlineTitles[i];
    return {
      label: this.labels[i],
      fragment: this.numbers[n + HIT.fragment] + fragment,
      start: this.numbers[n + HIT.start] + offset,
      end: this.numbers[n + HIT.end] + offset,
      inlineTitle: title && movedTitle(title, fragment, offset),
    };
  }

  /** Every hit, placed as `hit` places. */
  all(fragment = 0, offset = 0): LabelHit[] {
    return Array.from({ length: this.length }, (_, i) => this.hit(i, fragment, offset));
  }

  label(i: number): Label {
    return this.labels[i];
  }

  hasInlineTitle(i: number): boolean {
    return this.inlineTitles[i] !== undefined;
  }

  /** Whether the line before hit i ends a unit; undefined when it lies in the part before. */
  opensUnit(i: number): boolean | undefined {
    const opens = this.numbers[i * H + HIT.opens];
    return opens === OPENS_UNKNOWN ? undefined : opens === OPENS_YES;
  }

  /** These hits moved `fragment` lines and `offset` characters on in place: for hits just read, which nothing else holds (regions.ts moves each census into its region's numbering). */
  moveBy(fragment: number, offset: number): this {
    if (fragment === 0 && offset === 0) return this;
    const numbers = this.numbers;
    for (let n = 0; n < numbers.length; n += H) {
      numbers[n + HIT.fragment] += fragment;
      numbers[n + HIT.start] += offset;
      numbers[n + HIT.end] += offset;
    }
    if (this.inlineTitles.length > 0) this.inlineTitles = this.inlineTitles.map((title) => title && movedTitle(title, fragment, offset));
    return this;
  }

  /**
   * Whether numbering reads `this` and `other` alike: their labels in order, which have a title on their own
   * line, whether a unit ends before each. With `lines`, also where each stands and where its own-line
   * title ends (what the alignment reads of them).
   */
  readsAs(other: LabelHits, lines: boolean): boolean {
    if (other === this) return true;
    if (other.length !== this.length) return false;
    for (let i = 0; i < this.length; i++) {
      const n = i * H;
      // A box label is a function of its text (labels.ts keptLabels).
      if (this.labels[i].text !== other.labels[i].text || this.numbers[n + HIT.opens] !== other.numbers[n + HIT.opens]) return false;
      const a = this.inlineTitles[i];
      const b = other.inlineTitles[i];
      if ((a === undefined) !== (b === undefined)) return false;
      if (lines && (this.numbers[n + HIT.fragment] !== other.numbers[n + HIT.fragment] || (a !== undefined && a.last !== b!.last))) return false;
    }
    return true;
  }
}

