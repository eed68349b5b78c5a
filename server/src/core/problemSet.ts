// A document's problems without one list of them all.
//
// A raw megabyte has a hundred thousand problems, and an editor shows at most a thousand of them (VS Code
// drops the rest). A large document's problems are kept per region, each list in the region's own
// offsets, so a region an edit did not touch is taken over without copying its problems; a list of them
// all, in document offsets, is built only for whoever asks for all (fix all, the CLI), and an editor asks
// for the count and for the problems near where the user is working.

import { LintProblem } from './lintProblem';
import type { Problem } from './rules/rule';
import { firstIndex } from './search';
import type { ProblemColumns } from './sharedProblems';

/** A list of problems in its own offsets (sorted by start), standing at `offset` in the document. */
export interface PlacedProblems {
  readonly offset: number;
  readonly list: readonly LintProblem[];
  /** Set when `list` is a region's problems made again from the columns it keeps them in (regions.ts RegionProblems.compact), nothing added. */
  readonly columns?: ProblemColumns;
}

/**
 * Offered a region's problems whole, as the columns it keeps them in and the offset it stands at; says
 * whether it took them (they are then not handed over one by one).
 */
export type TakenWhole = (columns: ProblemColumns, offset: number) => boolean;

/** Whether a directive silences a problem found at `offset` plus its start. */
export type Silenced = (problem: Problem, offset: number) => boolean;

export class ProblemSet {
  private all: readonly LintProblem[] | undefined;
  private counted: number | undefined;

  /** `parts` in document order, none overlapping the next. */
  constructor(private readonly parts: readonly PlacedProblems[], private readonly silenced?: Silenced) {
    if (parts.length === 1 && parts[0].offset === 0 && !silenced) this.all = parts[0].list;
  }

  /** Every problem in document offsets, in document order (built once). */
  list(): readonly LintProblem[] {
    if (!this.all) {
      const all: LintProblem[] = [];
      for (const { offset, list } of this.parts) {
        for (const problem of list) if (!this.silenced?.(problem, offset)) all.push(placed(problem, offset));
      }
      this.all = all;
      this.counted = all.length;
    }
    return this.all;
  }

  /**
   * Every problem in document order, as `list()` holds them but not copied: each in its list's offsets,
   * handed over with the offset its list stands at (what placing it would add). With `takenWhole`, a
   * region's problems as it keeps them in columns, none of them silenced (no directives), are offered whole
   * first: a caller that made something of the same columns already (the CLI's report, formatted on the
   * thread that found them) takes them so, and only the rest are handed over one by one.
   */
  forEach(visit: (problem: LintProblem, offset: number) => void, takenWhole?: TakenWhole): void {
    if (this.all) {
      for (const problem of this.all) visit(problem, 0);
      return;
    }
    for (const part of this.parts) {
      const { offset, columns } = part;
      if (columns && takenWhole && !this.silenced && takenWhole(columns, offset)) continue;
      for (const problem of part.list) if (!this.silenced?.(problem, offset)) visit(problem, offset);
    }
  }

  /** How many problems there are, counted without building the list. */
  get count(): number {
    if (this.counted === undefined) {
      if (this.all) this.counted = this.all.length;
      else if (!this.silenced) this.counted = this.parts.reduce((sum, part) => sum + part.list.length, 0);
      else {
        let count = 0;
        for (const { offset, list } of this.parts) for (const problem of list) if (!this.silenced(problem, offset)) count++;
        this.counted = count;
      }
    }
    return this.counted;
  }

  /**
   * At most `limit` problems, in document order: all of them when there are no more, else those nearest
   * `focus` (a document offset), half before it and half from it on where there are enough on each side.
   */
  near(focus: number, limit: number): readonly Problem[] {
    if (limit <= 0) return [];
    if (this.all && this.all.length <= limit) return this.all;
    if (!this.all && this.count <= limit) return this.list();
    const near: Problem[] = [];
    this.forEachNear(focus, limit, (problem, offset) => near.push(placed(problem, offset)));
    return near;
  }

  /**
   * The problems `near(focus, limit)` gives, in document order, as `forEach` hands them over: each as its
   * list holds it, with the offset its list stands at and the list (which a caller may key what it makes
   * of the list's problems on: a region an edit did not touch keeps its list from version to version), its
   * index there, and where the next list starts (Infinity after the last).
   */
  forEachNear(focus: number, limit: number, visit: (problem: LintProblem, offset: number, list: readonly LintProblem[], index: number, nextOffset: number) => void): void {
    if (limit <= 0) return;
    // Once every problem is listed, the list is the one part (silenced problems already left out).
    const parts = this.all ? [{ offset: 0, list: this.all }] : this.parts;
    const silenced = this.all ? undefined : this.silenced;
    const nextOffset = (p: number) => parts[p + 1]?.offset ?? Infinity;
    if ((this.all ? this.all.length : this.count) <= limit) {
      for (let p = 0; p < parts.length; p++) {
        const { offset, list } = parts[p];
        for (let i = 0; i < list.length; i++) if (!silenced?.(list[i], offset)) visit(list[i], offset, list, i, nextOffset(p));
      }
      return;
    }
    const [part, index] = position(parts, focus);
    // Counted first on each side (up to `limit`), then handed over: only what is taken is visited.
    let after = 0;
    for (let p = part, i = index; p < parts.length && after < limit; p++, i = 0) {
      const { offset, list } = parts[p];
      for (; i < list.length && after < limit; i++) if (!silenced?.(list[i], offset)) after++;
    }
    // Where the first problem taken before `focus` is (the part and index), counting back.
    let before = 0;
    let firstPart = part;
    let firstIndex = index;
    for (let p = part, i = index - 1; p >= 0 && before < limit; p--, i = (parts[p]?.list.length ?? 0) - 1) {
      const { offset, list } = parts[p];
      for (; i >= 0 && before < limit; i--) {
        if (silenced?.(list[i], offset)) continue;
        before++;
        firstPart = p;
        firstIndex = i;
      }
    }
    // Half each side; a side with fewer leaves the rest to the other.
    const afterTaken = Math.min(after, limit - Math.min(before, Math.floor(limit / 2)));
    const beforeTaken = Math.min(before, limit - afterTaken);
    // The first taken before `focus` is the beforeTaken-th counting back: skip those not taken.
    let skip = before - beforeTaken;
    let taken = 0;
    const total = beforeTaken + afterTaken;
    for (let p = firstPart, i = before === 0 ? index : firstIndex; p < parts.length && taken < total; p++, i = 0) {
      const { offset, list } = parts[p];
      for (; i < list.length && taken < total; i++) {
        if (silenced?.(list[i], offset)) continue;
        if (skip > 0) {
          skip--;
          continue;
        }
        visit(list[i], offset, list, i, nextOffset(p));
        taken++;
      }
    }
  }

  /** How many problems of each rule carry a fix (no list built). */
  fixableByRule(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { offset, list } of this.all ? [{ offset: 0, list: this.all }] : this.parts) {
      for (const problem of list) {
        if (problem.fix && (this.all || !this.silenced?.(problem, offset))) counts.set(problem.ruleId, (counts.get(problem.ruleId) ?? 0) + 1);
      }
    }
    return counts;
  }
}

/** The part and the index in it of the first problem starting at or after `focus` (the end of a part when none does). */
function position(parts: readonly PlacedProblems[], focus: number): [number, number] {
  // The last part starting at or before focus (or the first part).
  const index = Math.max(0, firstIndex(parts.length, (i) => parts[i].offset > focus) - 1);
  const part = parts[index];
  return [index, part ? firstIndex(part.list.length, (i) => part.list[i].start + part.offset >= focus) : 0];
}

/** The problem moved from its list's offsets to the document's. */
export function placed(problem: LintProblem, offset: number): LintProblem {
  return offset === 0 ? problem : problem.movedBy(offset);
}
