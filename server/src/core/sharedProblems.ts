// Problems kept as columns of numbers and a few strings, made again as objects when read.
//
// A raw 10 MB extraction has about a million problems. A read-once analysis (the CLI) keeps each region's
// this way once the region is settled (regions.ts RegionProblems.compact): kept as objects to the end, they
// were copied by every scavenge and marked by every mark-compact after their promotion. And a thread
// hands its share's problems to another this way (regionShares.ts): handed over as objects (a structured
// clone of each problem, its arguments, its fix), the thread receiving 60 % of them spent ~2 s rebuilding
// them, more than the analysis of a tenth of the text (docs/performance-log.md, big23).

import { LintProblem } from './lintProblem';
import type { LocalizedText, Locale } from './localized';
import type { Edit, RelatedLocation } from './rules/rule';

/** Lists of problems as columns: what a structured clone carries cheaply. */
export interface ProblemColumns {
  /**
   * Per problem: rule, severity, start, end, template, locale, then its arguments, fix and related
   * locations, each a count and its entries. A name (rule, severity, locale, argument name) is an index into
   * `names`; a text (an argument's, an edit's, a related message) is its length in `texts`, read in turn.
   */
  readonly numbers: Float64Array;
  readonly names: readonly string[];
  /** Every text, one after another: one string to carry, not a million. */
  readonly texts: string;
  /** The message templates `numbers` names by index. */
  readonly templates: readonly LocalizedText[];
}

/** What a problem keeps beside its public fields (lintProblem.ts): read here to be carried, nowhere else. */
interface ProblemInside {
  readonly template: LocalizedText;
  readonly locale: Locale;
  readonly args: Readonly<Record<string, string | number>> | undefined;
}

const NONE = -1;
/** An argument's value kinds. */
const NUMBER = 0;
const STRING = 1;

/** Writes lists of problems into columns, list after list. */
export class ProblemColumnWriter {
  private numbers: Float64Array;
  private length = 0;
  private readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly templates: LocalizedText[] = [];
  private readonly templateIndex = new Map<LocalizedText, number>();

  /** `expected`: about how many problems will be added (the columns grow as needed). */
  constructor(expected = 1_024) {
    this.numbers = new Float64Array(Math.max(64, 10 * expected));
  }

  /** Adds `list`; returns where its problems end in the columns (what `readProblems` reads up to). */
  add(list: readonly LintProblem[]): number {
    for (const problem of list) {
      const { template, locale, args } = problem as unknown as ProblemInside;
      this.room(64);
      this.push(this.name(problem.ruleId));
      this.push(this.name(problem.severity));
      this.push(problem.start);
      this.push(problem.end);
      this.push(this.template(template));
      this.push(this.name(locale));
      if (args === undefined) this.push(NONE);
      else this.args(args);
      this.edits(problem.fix);
      this.relatedLocations(problem.related);
    }
    return this.length;
  }

  /** The arguments' count, then each one's name, kind and value. Read with `for…in`: no array of keys per problem. */
  private args(args: Readonly<Record<string, string | number>>): void {
    const countAt = this.length++;
    let count = 0;
    for (const key in args) {
      const value = args[key];
      this.room(3);
      this.push(this.name(key));
      if (typeof value === 'number') {
        this.push(NUMBER);
        this.push(value);
      } else {
        this.push(STRING);
        this.push(this.text(value));
      }
      count++;
    }
    this.numbers[countAt] = count;
  }

  columns(): ProblemColumns {
    return { numbers: this.numbers.slice(0, this.length), names: this.names, texts: this.texts.join(''), templates: this.templates };
  }

  // The fix and the related locations, each a count and its entries: two methods, not one taking what to
  // read of each entry as a function, which made a closure for every problem.
  private edits(list: readonly Edit[] | undefined): void {
    if (list === undefined) return this.push(NONE);
    this.room(1 + 3 * list.length);
    this.push(list.length);
    for (const edit of list) {
      this.push(edit.start);
      this.push(edit.end);
      this.push(this.text(edit.newText));
    }
  }

  private relatedLocations(list: readonly RelatedLocation[] | undefined): void {
    if (list === undefined) return this.push(NONE);
    this.room(1 + 3 * list.length);
    this.push(list.length);
    for (const related of list) {
      this.push(related.start);
      this.push(related.end);
      this.push(this.text(related.message));
    }
  }

  private room(count: number): void {
    if (this.length + count <= this.numbers.length) return;
    const grown = new Float64Array(Math.max(2 * this.numbers.length, this.length + count));
    grown.set(this.numbers.subarray(0, this.length));
    this.numbers = grown;
  }

  private push(value: number): void {
    this.numbers[this.length++] = value;
  }

  private text(text: string): number {
    this.texts.push(text);
    return text.length;
  }

  private name(name: string): number {
    return indexIn(this.names, this.nameIndex, name);
  }

  private template(template: LocalizedText): number {
    return indexIn(this.templates, this.templateIndex, template);
  }
}

/** Where `value` stands in `list` (found through `index`), added at its end the first time it is met. */
function indexIn<T>(list: T[], index: Map<T, number>, value: T): number {
  let at = index.get(value);
  if (at === undefined) {
    at = list.length;
    list.push(value);
    index.set(value, at);
  }
  return at;
}

/** Reads lists of problems back from columns, list after list, in the order they were added. */
export class ProblemColumnReader {
  private at = 0;
  private textAt = 0;

  constructor(private readonly columns: ProblemColumns) {}

  /** The problems of the next list, which ends at `end` (what `add` returned), made again. */
  next(end: number): LintProblem[] {
    const { numbers: n, names, templates } = this.columns;
    const list: LintProblem[] = [];
    let i = this.at;
    while (i < end) {
      const ruleId = names[n[i]];
      const severity = names[n[i + 1]] as LintProblem['severity'];
      const start = n[i + 2];
      const problemEnd = n[i + 3];
      const template = templates[n[i + 4]];
      const locale = names[n[i + 5]] as Locale;
      i += 6;
      let args: Record<string, string | number> | undefined;
      const argCount = n[i++];
      if (argCount !== NONE) {
        args = {};
        for (let a = 0; a < argCount; a++, i += 3) args[names[n[i]]] = n[i + 1] === NUMBER ? n[i + 2] : this.text(n[i + 2]);
      }
      let fix: Edit[] | undefined;
      const fixCount = n[i++];
      if (fixCount !== NONE) {
        fix = [];
        for (let e = 0; e < fixCount; e++, i += 3) fix.push({ start: n[i], end: n[i + 1], newText: this.text(n[i + 2]) });
      }
      let related: RelatedLocation[] | undefined;
      const relatedCount = n[i++];
      if (relatedCount !== NONE) {
        related = [];
        for (let r = 0; r < relatedCount; r++, i += 3) related.push({ start: n[i], end: n[i + 1], message: this.text(n[i + 2]) });
      }
      list.push(new LintProblem(ruleId, severity, start, problemEnd, template, locale, args, fix, related));
    }
    this.at = i;
    return list;
  }

  private text(length: number): string {
    const text = this.columns.texts.slice(this.textAt, this.textAt + length);
    this.textAt += length;
    return text;
  }
}

/** One list of problems kept as columns (`compactProblems`), made again each time it is read. */
export function compactProblems(list: readonly LintProblem[]): ProblemColumns {
  const writer = new ProblemColumnWriter(list.length);
  writer.add(list);
  return writer.columns();
}

/** Every problem of columns holding one list, made again. */
export function problemsIn(columns: ProblemColumns): LintProblem[] {
  return new ProblemColumnReader(columns).next(columns.numbers.length);
}

/** Lists of problems to columns and back: what a read-once analysis keeps a long document's problems as. */
export interface ProblemColumnsCodec {
  compact(list: readonly LintProblem[]): ProblemColumns;
  expand(columns: ProblemColumns): LintProblem[];
}

/**
 * The codec a caller hands a read-once analysis (AnalysisOptions.problemColumns) to keep a long document's
 * problems as columns. Given, not imported by regions.ts: a build that never analyses read-once (the server,
 * whose browser bundle has a size budget) carries none of this module.
 */
export const problemColumns: ProblemColumnsCodec = { compact: compactProblems, expand: problemsIn };
