// How the CLI prints problems, outlines and figures: for people (text) and for programs (JSON).

import { figureSummary, problemColumns, type Analysis, type LineIndex, type Problem, type ProblemColumns } from '../../server/src/core';
import type { Messages, Totals } from './messages';

export interface FileReport {
  readonly file: string;
  readonly analysis: Analysis;
  /** The problems to show (the CLI may hide hints and information). */
  readonly problems: ShownProblems;
  /** Regions' problems formatted already, by the thread that found them (cli/src/shares.ts). */
  readonly formatted?: FormattedParts;
}

/**
 * A region's problems as printed (the lines of a text or GitHub report, the items of a JSON one), made from the
 * columns the region keeps them in before the shares of a large document are joined, by the thread that
 * analysed the region.
 */
export interface FormattedPart {
  /** Where the region stands: the offset its problems were placed at. */
  readonly offset: number;
  readonly printed: Printed;
  /** The problems shown among them. */
  readonly counts: ProblemCounts;
}

/**
 * Formatted parts by the columns they were made from: the report takes a part whole where the joined analysis
 * offers the same columns at the same offset (Analysis.forEachProblem's `takenWhole`), which it does only
 * where the region's problems are shown as they were found.
 */
export type FormattedParts = ReadonlyMap<ProblemColumns, FormattedPart>;

/** The report formats: each states the problems one after another, so a region's can be formatted apart. */
export type ReportFormat = 'text' | 'github' | 'json';

/**
 * The problems a report shows, each handed over once in document order with the offset to add to its
 * start and end (Analysis.forEachProblem): no list of them is built. A raw 10 MB extraction has about a
 * million problems in some 200 regions; listing them copied all but the first region's (problem, fix and
 * edits), some 150 MB the garbage collector then marked again while the report was built.
 */
export interface ShownProblems {
  /**
   * With `takenWhole`, a region's problems as it keeps them in columns are offered whole first (none
   * silenced); it returns the counts of those shown when it took them, and they are not handed over.
   */
  forEach(visit: (problem: Problem, offset: number) => void, takenWhole?: (columns: ProblemColumns, offset: number) => ProblemCounts | undefined): void;
  /** How many there are of each severity, and with a fix: counted as they were first handed over. */
  readonly counts: ProblemCounts;
}

/** Whether a problem is shown: with `quiet` only warnings and errors are. */
function isShown(problem: Problem, quiet: boolean): boolean {
  return !quiet || problem.severity === 'warning' || problem.severity === 'error';
}

type ProblemPass = (visit: (problem: Problem, offset: number) => void, takenWhole?: (columns: ProblemColumns, offset: number) => boolean) => void;

/** The analysis's problems, or with `quiet` only its warnings and errors. */
export function shownProblems(analysis: Analysis, quiet: boolean): ShownProblems {
  if (!quiet) return new CountedProblems((visit, takenWhole) => analysis.forEachProblem(visit, takenWhole));
  return new CountedProblems((visit, takenWhole) =>
    analysis.forEachProblem((problem, offset) => {
      if (isShown(problem, true)) visit(problem, offset);
    }, takenWhole),
  );
}

function noCounts(): { -readonly [K in keyof ProblemCounts]: number } {
  return { error: 0, warning: 0, information: 0, hint: 0, fixable: 0 };
}

function count(counts: { -readonly [K in keyof ProblemCounts]: number }, problem: Problem): void {
  counts[problem.severity]++;
  if (problem.fix) counts.fixable++;
}

/**
 * Problems counted during the first pass over them (the report's), not by a pass of their own: a large
 * document's problems are kept as columns and made again at each pass (the core's RegionProblems.compact),
 * and counting them apart made every one of them twice (~2 % of a raw megabyte's run).
 */
class CountedProblems implements ShownProblems {
  private counted: ProblemCounts | undefined;

  constructor(private readonly each: ProblemPass) {}

  forEach(visit: (problem: Problem, offset: number) => void, takenWhole?: (columns: ProblemColumns, offset: number) => ProblemCounts | undefined): void {
    const whole = takenWhole && ((columns: ProblemColumns, offset: number) => takenWhole(columns, offset) !== undefined);
    if (this.counted) return this.each(visit, whole);
    const counts = noCounts();
    this.each(
      (problem, offset) => {
        count(counts, problem);
        visit(problem, offset);
      },
      takenWhole &&
        ((columns, offset) => {
          const taken = takenWhole(columns, offset);
          if (!taken) return false;
          for (const key of Object.keys(counts) as Array<keyof ProblemCounts>) counts[key] += taken[key];
          return true;
        }),
    );
    this.counted = counts;
  }

  get counts(): ProblemCounts {
    if (!this.counted) this.forEach(() => undefined);
    return this.counted!;
  }
}

export interface Sections {
  outline: boolean;
  figures: boolean;
}

function where(lines: LineIndex, offset: number): { line: number; column: number } {
  const position = lines.positionAt(offset);
  return { line: position.line + 1, column: position.character + 1 };
}

/**
 * What is printed for a file: its text, or, for a long report, the text's UTF-8 in pieces. A raw 10 MB
 * extraction has about a million problems: its report held as one string (a rope of some ten million
 * pieces, 240 MB of two-byte text) kept the garbage collector marking it until it was written, some 9 s of
 * a 34 s run; encoded as it grows, the report is 120 MB of bytes the collector does not look into.
 */
export type Printed = string | readonly Uint8Array[];

/** Characters of a report gathered before they are encoded: a string this long stays out of V8's large-object space. */
const REPORT_PIECE = 1 << 14;
const UTF8 = new TextEncoder();

/** Gathers a report, line by line, into a Printed. */
class ReportText {
  private text = '';
  private pieces: Uint8Array[] | undefined;

  add(line: string): void {
    this.text += line;
    if (this.text.length >= REPORT_PIECE) {
      (this.pieces ??= []).push(UTF8.encode(this.text));
      this.text = '';
    }
  }

  /** Adds what is printed already (a formatted part): the same bytes as its lines added one by one. */
  addPrinted(printed: Printed): void {
    if (typeof printed === 'string') return this.add(printed);
    if (this.text.length > 0) {
      (this.pieces ??= []).push(UTF8.encode(this.text));
      this.text = '';
    }
    (this.pieces ??= []).push(...printed);
  }

  done(): Printed {
    if (!this.pieces) return this.text;
    if (this.text.length > 0) this.pieces.push(UTF8.encode(this.text));
    return this.pieces;
  }
}

/** One problem's line in a report of `format` on `file`, its positions read in `lines` (the document's). */
function problemLine(format: 'text' | 'github', file: string, lines: LineIndex): (problem: Problem, offset: number) => string {
  if (format === 'text') {
    return (problem, offset) => {
      const { line, column } = where(lines, problem.start + offset);
      return `${file}:${line}:${column}  ${problem.severity}  ${problem.message}  [${problem.ruleId}]\n`;
    };
  }
  return (problem, offset) => githubAnnotation(file, lines, problem, offset);
}

/** The lines of every problem shown, those of regions formatted already taken as they are. */
function problemLines(report: FileReport, format: 'text' | 'github', out: ReportText): void {
  const line = problemLine(format, report.file, report.analysis.model.lineIndex);
  const { formatted } = report;
  report.problems.forEach(
    (problem, offset) => out.add(line(problem, offset)),
    formatted &&
      ((columns, offset) => {
        const part = formatted.get(columns);
        if (part?.offset !== offset) return undefined;
        out.addPrinted(part.printed);
        return part.counts;
      }),
  );
}

/**
 * A region's problems (`columns`, the region standing at `offset`) as a report of `format` on `file` prints
 * them, `lines` being the document's line index: what the report takes whole where the joined analysis shows
 * the region's problems as found. `problemLines` and `fileJsonEntry` make the same bytes one by one (a JSON
 * part is its items joined by commas, without the separator before the first).
 */
export function formatPart(columns: ProblemColumns, offset: number, format: ReportFormat, file: string, lines: LineIndex, quiet: boolean): FormattedPart {
  const out = new ReportText();
  const counts = noCounts();
  const shown = problemColumns.expand(columns).filter((problem) => isShown(problem, quiet));
  for (const problem of shown) count(counts, problem);
  if (format === 'json') {
    for (let at = 0; at < shown.length; at += JSON_PROBLEMS_AT_ONCE) {
      const slice = shown.slice(at, at + JSON_PROBLEMS_AT_ONCE).map((problem) => problemJson(lines, problem, offset));
      out.add(at > 0 ? `,${jsonItems(slice)}` : jsonItems(slice));
    }
  } else {
    const line = problemLine(format, file, lines);
    for (const problem of shown) out.add(line(problem, offset));
  }
  return { offset, printed: out.done(), counts };
}

export function formatFileReport(report: FileReport, sections: Sections, say: Messages): Printed {
  const { analysis, file } = report;
  const out = new ReportText();
  problemLines(report, 'text', out);
  if (sections.outline) {
    out.add(`\n${say.outline}: ${file}\n`);
    for (const entry of analysis.outlineWithSpeakers(say.peopleQuoted)) {
      const { line } = where(analysis.model.lineIndex, entry.selectionStart);
      const detail = entry.detail ? ` — ${entry.detail}` : '';
      out.add(`${'  '.repeat(entry.level + 1)}${entry.name}${detail}  (${line})\n`);
    }
  }
  if (sections.figures) {
    out.add(`\n${say.figures}: ${file}\n`);
    for (const figure of analysis.figures) {
      const [start] = figure.ranges[0] ?? [0];
      const { line, column } = where(analysis.model.lineIndex, start);
      out.add(`  ${line}:${column}  ${figureSummary(figure, analysis.settings.locale)}\n`);
    }
  }
  if (sections.outline || sections.figures) out.add('\n');
  return out.done();
}

export interface ProblemCounts {
  readonly error: number;
  readonly warning: number;
  readonly information: number;
  readonly hint: number;
  readonly fixable: number;
}

/** A warning or an error among the problems shown makes the run fail. */
export function isFailing(counts: ProblemCounts): boolean {
  return counts.error + counts.warning > 0;
}

/** The totals the summary line states: problems of the files linted, files fixed and skipped. */
export function totalsOf(perFile: readonly ProblemCounts[], fixed: number, skipped: number, notFixed: number): Totals {
  const counts = { error: 0, warning: 0, information: 0, hint: 0, fixable: 0 };
  for (const file of perFile) {
    for (const key of Object.keys(counts) as Array<keyof ProblemCounts>) counts[key] += file[key];
  }
  const problems = counts.error + counts.warning + counts.information + counts.hint;
  return { ...counts, problems, files: perFile.length, fixed, skipped, notFixed };
}

function problemJson(lines: LineIndex, problem: Problem, offset: number) {
  const start = where(lines, problem.start + offset);
  const end = where(lines, problem.end + offset);
  return {
    ruleId: problem.ruleId,
    severity: problem.severity,
    message: problem.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    fixable: Boolean(problem.fix),
  };
}

/** One file's entry in the JSON report (`{ files: [...] }`). */
export function fileJson(report: FileReport, sections: Sections): unknown {
  const problems: unknown[] = [];
  report.problems.forEach((problem, offset) => problems.push(problemJson(report.analysis.model.lineIndex, problem, offset)));
  return { file: report.file, problems, ...fileJsonSections(report, sections) };
}

/** The fields of a file's entry after its problems: outline, speakers and figures, when asked for. */
function fileJsonSections({ analysis }: FileReport, sections: Sections): object {
  return {
    ...(sections.outline
      ? {
          outline: analysis.outline.map((entry) => ({ ...entry, line: where(analysis.model.lineIndex, entry.selectionStart).line })),
          speakers: analysis.speakers.map((speaker) => ({ ...speaker, line: where(analysis.model.lineIndex, speaker.start).line })),
        }
      : {}),
    ...(sections.figures
      ? {
          figures: analysis.figures.map((figure) => ({
            ...figure,
            line: where(analysis.model.lineIndex, figure.ranges[0]?.[0] ?? 0).line,
            summary: figureSummary(figure, analysis.settings.locale),
          })),
        }
      : {}),
  };
}

/** Problems serialized at once in a file's JSON entry: a raw 10 MB extraction has about a million. */
const JSON_PROBLEMS_AT_ONCE = 256;

/**
 * A slice of problems' JSON as its items stand in a file's entry in the report: the array without its
 * brackets ("[\n" … "\n]"), its items one level deeper (as in the whole array), every line break indented for
 * the entry's depth in the report; consecutive slices are joined by a comma.
 */
function jsonItems(slice: readonly unknown[]): string {
  return JSON.stringify(slice, null, 2).slice(1, -2).replace(/\n/g, '\n  ').replace(/\n/g, '\n    ');
}

/**
 * A file's entry in the JSON report as it stands there, `jsonReportEntry(fileJson(report, sections))` byte
 * for byte, built a slice of problems at a time into a Printed: the entry of a raw 10 MB extraction, held
 * whole as objects and then as one string, took 4 GB.
 */
export function fileJsonEntry(report: FileReport, sections: Sections): Printed {
  const out = new ReportText();
  // The entry is built as at depth 0 (JSON.stringify(entry, null, 2)), each line break indented for the
  // entry's depth in the report as it is added: JSON.stringify leaves no line break inside a string.
  const add = (text: string) => out.add(text.replace(/\n/g, '\n    '));
  add(`\n{\n  "file": ${JSON.stringify(report.file)},\n  "problems": `);
  const lines = report.analysis.model.lineIndex;
  const { formatted } = report;
  let slice: unknown[] = [];
  let written = 0;
  const addSlice = () => {
    out.add(`${written > 0 ? ',' : '['}${jsonItems(slice)}`);
    written += slice.length;
    slice = [];
  };
  report.problems.forEach(
    (problem, offset) => {
      slice.push(problemJson(lines, problem, offset));
      if (slice.length === JSON_PROBLEMS_AT_ONCE) addSlice();
    },
    formatted &&
      ((columns, offset) => {
        const part = formatted.get(columns);
        if (part?.offset !== offset) return undefined;
        const { error, warning, information, hint } = part.counts;
        const shown = error + warning + information + hint;
        if (shown === 0) return part.counts;
        if (slice.length > 0) addSlice();
        out.add(written > 0 ? ',' : '[');
        out.addPrinted(part.printed);
        written += shown;
        return part.counts;
      }),
  );
  if (slice.length > 0) addSlice();
  add(written > 0 ? '\n  ]' : '[]');
  // The other fields as an object of their own, without its opening brace: the same fields at the same depth.
  const rest = JSON.stringify(fileJsonSections(report, sections), null, 2);
  add(rest === '{}' ? '\n}' : `,${rest.slice(1)}`);
  return out.done();
}

/**
 * The JSON report, `JSON.stringify({ files, fixed?, failed }, null, 2)` byte for byte, written as it goes:
 * the opening, each file's entry (jsonReportEntry) as it comes, then the rest. Holding every file's entry
 * until the end kept the whole batch's problems alive and built the report as one string.
 */
export const JSON_REPORT_OPENING = '{\n  "files": [';

/** A file's entry in the `files` array of the report, indented for its depth there. */
export function jsonReportEntry(entry: unknown): string {
  // JSON.stringify escapes the line breaks within strings: every one left is between two lines to indent.
  return `\n    ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n    ')}`;
}

/** What follows the entries: the end of the `files` array, then the other fields of the report. */
export function jsonReportClosing(entries: number, rest: { fixed?: readonly string[]; failed: readonly unknown[] }): string {
  // The rest as an object of its own, without its opening brace: the same fields at the same depth.
  return `${entries > 0 ? '\n  ]' : ']'},${JSON.stringify(rest, null, 2).slice(1)}\n`;
}

/** GitHub Actions workflow-command severities: anything below a warning is a notice. */
const GITHUB_LEVELS = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

/**
 * One GitHub Actions annotation per problem (`::warning file=…,line=…::message`), so a CI job's problems
 * show on the lines of the pull request. Property values and messages are escaped as the runner asks.
 */
export function githubAnnotations(report: FileReport): Printed {
  const out = new ReportText();
  problemLines(report, 'github', out);
  return out.done();
}

function githubAnnotation(file: string, lines: LineIndex, problem: Problem, offset: number): string {
  const start = where(lines, problem.start + offset);
  const end = where(lines, problem.end + offset);
  const properties = [
    `file=${escapeProperty(file)}`,
    `line=${start.line}`,
    `col=${start.column}`,
    `endLine=${end.line}`,
    ...(end.line === start.line ? [`endColumn=${end.column}`] : []),
    `title=${escapeProperty(`article-lint(${problem.ruleId})`)}`,
  ];
  return `::${GITHUB_LEVELS[problem.severity]} ${properties.join(',')}::${escapeData(problem.message)}\n`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
