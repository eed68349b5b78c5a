// A part's box labels and title candidates as read where they stand (pairing.ts scanLabel, scanUnit), kept
// as numbers in typed arrays. A document read in regions keeps every region's readings for as long as it is
// open, so the next version aligns labels without reading every line again; as objects (a label with its
// neighbours and three title readings, each unit with its shape and where a moved label would go) they were
// a fifth of the heap of a clean 10 MB article. Objects are made only when asked for: by an alignment that
// runs again, and for the labels and titles the outline and displaced-label place in the document.

import type { Label } from '../labels';
import { scannedLabel, scannedUnit, type ScannedLabel, type ScannedUnit } from './pairing';
import type { LabelHit } from './sections';
import type { TitleUnit } from './titles';

/** An offset or row that is not there (undefined): no line, offset or row number is this low. */
const NONE = -0x80000000;

/** Numbers per unit row: first, last, start, end, shapeHalves, strong, lineStart, aboveEnd, runsOnAt. */
const U = 9;
/** Numbers per label row: fragment, start, end, previous, next, flags, inline row, after row, before row, lineStart, nextLineStart. */
const L = 11;

/** A label's yes/no readings, as bits of one number. */
const EMBEDDED = 1;
const NEXT_EXISTS = 2;
const NEXT_STANDS = 4;
const PREVIOUS_COUNTS = 8;
const PREVIOUS_STANDS = 16;

/**
 * One part's labels (one per census hit, in its order) and title units, in the part's numbering. Unit rows
 * [0, unitCount) are the part's title units, in order; rows after them are readings of labels (the title on
 * a label's own line, after it or before it) that read differently from every unit. A label's readings that
 * read as one of the units are that unit's row, as they were the same object.
 */
export class LabelReadings {
  private constructor(
    readonly unitCount: number,
    private readonly units: Int32Array,
    private readonly unitTexts: readonly string[],
    private readonly labels: Int32Array,
    private readonly labelOf: readonly Label[],
    private readonly lineTexts: readonly string[],
  ) {}

  /** The readings of `labels` and `units` (scanLabel's and scanUnit's objects) as columns. */
  static of(labels: readonly ScannedLabel[], units: readonly ScannedUnit[]): LabelReadings {
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
    const labelNumbers = new Int32Array(labels.length * L);
    labels.forEach((label, i) => {
      const n = i * L;
      labelNumbers[n] = label.fragment;
      labelNumbers[n + 1] = label.start;
      labelNumbers[n + 2] = label.end;
      labelNumbers[n + 3] = label.previous;
      labelNumbers[n + 4] = label.next;
      labelNumbers[n + 5] =
        (label.embedded ? EMBEDDED : 0) |
        (label.nextExists ? NEXT_EXISTS : 0) |
        (label.nextStands ? NEXT_STANDS : 0) |
        (label.previousCounts ? PREVIOUS_COUNTS : 0) |
        (label.previousStands ? PREVIOUS_STANDS : 0);
      // The title on the label's own line is read as its inline unit (scanLabel): one row for both.
      labelNumbers[n + 6] = rowOf(label.inlineUnit);
      labelNumbers[n + 7] = rowOf(label.after);
      labelNumbers[n + 8] = rowOf(label.before);
      labelNumbers[n + 9] = label.lineStart;
      labelNumbers[n + 10] = label.nextLineStart ?? NONE;
    });
    const unitNumbers = new Int32Array(unitList.length * U);
    unitList.forEach((unit, row) => {
      const n = row * U;
      unitNumbers[n] = unit.first;
      unitNumbers[n + 1] = unit.last;
      unitNumbers[n + 2] = unit.start;
      unitNumbers[n + 3] = unit.end;
      unitNumbers[n + 4] = unit.shapeHalves;
      unitNumbers[n + 5] = unit.strong ? 1 : 0;
      unitNumbers[n + 6] = unit.lineStart;
      unitNumbers[n + 7] = unit.aboveEnd ?? NONE;
      unitNumbers[n + 8] = unit.runsOnAt ?? NONE;
    });
    return new LabelReadings(
      unitCount,
      unitNumbers,
      unitList.map((unit) => unit.text),
      labelNumbers,
      labels.map((label) => label.label),
      labels.map((label) => label.lineText),
    );
  }

  get labelCount(): number {
    return this.labelOf.length;
  }

  /** The readings moved `fragment` lines and `offset` characters on (the texts are shared). */
  moved(fragment: number, offset: number): LabelReadings {
    if (fragment === 0 && offset === 0) return this;
    const units = this.units.slice();
    for (let n = 0; n < units.length; n += U) {
      units[n] += fragment;
      units[n + 1] += fragment;
      units[n + 2] += offset;
      units[n + 3] += offset;
      units[n + 6] += offset;
      if (units[n + 7] !== NONE) units[n + 7] += offset;
      if (units[n + 8] !== NONE) units[n + 8] += offset;
    }
    const labels = this.labels.slice();
    for (let n = 0; n < labels.length; n += L) {
      labels[n] += fragment;
      labels[n + 1] += offset;
      labels[n + 2] += offset;
      labels[n + 3] += fragment;
      labels[n + 4] += fragment;
      labels[n + 9] += offset;
      if (labels[n + 10] !== NONE) labels[n + 10] += offset;
    }
    return new LabelReadings(this.unitCount, units, this.unitTexts, labels, this.labelOf, this.lineTexts);
  }

  /** Whether unit row `row` is a heading the layout gave a block of its own (TitleUnit.strong). */
  unitStrong(row: number): boolean {
    return this.units[row * U + 5] === 1;
  }

  /** Unit row `row`, placed `fragment` lines and `offset` characters on (a new object each time). */
  unit(row: number, fragment = 0, offset = 0): ScannedUnit {
    const u = this.units;
    const n = row * U;
    const at = (value: number) => (value === NONE ? undefined : value + offset);
    return scannedUnit(
      { first: u[n] + fragment, last: u[n + 1] + fragment, text: this.unitTexts[row], start: u[n + 2] + offset, end: u[n + 3] + offset, strong: u[n + 5] === 1 },
      u[n + 4],
      u[n + 6] + offset,
      at(u[n + 7]),
      at(u[n + 8]),
    );
  }

  /** Label `i`, placed as `unit` places (new objects each time; its readings that share a row share an object). */
  label(i: number, fragment = 0, offset = 0): ScannedLabel {
    const l = this.labels;
    const n = i * L;
    const unitAt = (row: number): ScannedUnit | undefined => (row === NONE ? undefined : this.unit(row, fragment, offset));
    // Its readings that share a row are one object, as they were when read.
    const [inlineRow, afterRow, beforeRow] = [l[n + 6], l[n + 7], l[n + 8]];
    const inlineUnit = unitAt(inlineRow);
    const after = afterRow === inlineRow ? inlineUnit : unitAt(afterRow);
    const before = beforeRow === inlineRow ? inlineUnit : beforeRow === afterRow ? after : unitAt(beforeRow);
    const flags = l[n + 5];
    return scannedLabel(
      { label: this.labelOf[i], fragment: l[n] + fragment, start: l[n + 1] + offset, end: l[n + 2] + offset, inlineTitle: inlineUnit },
      {
        previous: l[n + 3] + fragment,
        next: l[n + 4] + fragment,
        embedded: (flags & EMBEDDED) !== 0,
        inlineUnit,
        after,
        before,
        nextExists: (flags & NEXT_EXISTS) !== 0,
        nextStands: (flags & NEXT_STANDS) !== 0,
        previousCounts: (flags & PREVIOUS_COUNTS) !== 0,
        previousStands: (flags & PREVIOUS_STANDS) !== 0,
        lineStart: l[n + 9] + offset,
        lineText: this.lineTexts[i],
        nextLineStart: l[n + 10] === NONE ? undefined : l[n + 10] + offset,
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
      if (rowA === NONE || rowB === NONE) return rowA === rowB;
      const m = rowA * U;
      const n = rowB * U;
      return a.units[m] === b.units[n] && a.units[m + 1] === b.units[n + 1] && a.units[m + 4] === b.units[n + 4];
    };
    for (let n = 0; n < this.labels.length; n += L) {
      const a = this.labels;
      const b = other.labels;
      if (a[n + 3] !== b[n + 3] || a[n + 4] !== b[n + 4] || a[n + 5] !== b[n + 5]) return false;
      for (const column of [6, 7, 8]) if (!sameUnit(this, a[n + column], other, b[n + column])) return false;
    }
    for (let row = 0; row < this.unitCount; row++) if (!sameUnit(this, row, other, row)) return false;
    return true;
  }
}

/** Numbers per hit in LabelHits: fragment, start, end, whether the line before ends a unit (OPENS_*). */
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
    private readonly inlineTitles: ReadonlyArray<TitleUnit | undefined>,
  ) {}

  static of(hits: readonly LabelHit[], opensUnit: ReadonlyArray<boolean | undefined>): LabelHits {
    const numbers = new Int32Array(hits.length * H);
    hits.forEach((hit, i) => {
      numbers[i * H] = hit.fragment;
      numbers[i * H + 1] = hit.start;
      numbers[i * H + 2] = hit.end;
      numbers[i * H + 3] = opensUnit[i] === undefined ? OPENS_UNKNOWN : opensUnit[i] ? OPENS_YES : OPENS_NO;
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
      fragment: this.numbers[n] + fragment,
      start: this.numbers[n + 1] + offset,
      end: this.numbers[n + 2] + offset,
      inlineTitle: title && placedTitle(title, fragment, offset),
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
    const opens = this.numbers[i * H + 3];
    return opens === OPENS_UNKNOWN ? undefined : opens === OPENS_YES;
  }

  moved(fragment: number, offset: number): LabelHits {
    if (fragment === 0 && offset === 0) return this;
    const numbers = this.numbers.slice();
    for (let n = 0; n < numbers.length; n += H) {
      numbers[n] += fragment;
      numbers[n + 1] += offset;
      numbers[n + 2] += offset;
    }
    return new LabelHits(numbers, this.labels, this.inlineTitles.length === 0 ? this.inlineTitles : this.inlineTitles.map((title) => title && placedTitle(title, fragment, offset)));
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
      if (this.labels[i].text !== other.labels[i].text || this.numbers[n + 3] !== other.numbers[n + 3]) return false;
      const a = this.inlineTitles[i];
      const b = other.inlineTitles[i];
      if ((a === undefined) !== (b === undefined)) return false;
      if (lines && (this.numbers[n] !== other.numbers[n] || (a !== undefined && a.last !== b!.last))) return false;
    }
    return true;
  }
}

/** A title unit moved `fragment` lines and `offset` characters on. */
function placedTitle(unit: TitleUnit, fragment: number, offset: number): TitleUnit {
  if (fragment === 0 && offset === 0) return unit;
  return { first: unit.first + fragment, last: unit.last + fragment, text: unit.text, start: unit.start + offset, end: unit.end + offset, strong: unit.strong };
}
