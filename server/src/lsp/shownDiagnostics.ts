// The diagnostics a document shows, made again after an edit only for the problems that are new.
//
// After an edit the core takes over every region the edit did not touch with the very list of problems it
// had (Analysis.forEachProblemNear hands each problem over with its region's list), so the diagnostics made
// for that list's problems hold as long as the region's text stands where it stood: at the same line and
// character, with as many characters before the next region. A diagnostic's positions are then the same
// (a region starts a line; its text and the blank lines after it are unchanged), and so are its rule,
// severity and message (the list is the settings'). Typing in a paragraph of a raw megabyte, which shows
// the 1,000 problems around it, then converts the edited region's (a few hundred), not all 1,000.
//
// Only the lists shown by the latest publication are kept, so what is kept never exceeds what was sent.

import type { Diagnostic, Position } from 'vscode-languageserver';
import type { Analysis, Problem } from '../core';
import { toDiagnostic, type Positions } from './convert';

/** The diagnostics made of one list's problems, and where the list stood when they were made. */
interface ListDiagnostics {
  readonly at: Position;
  /** Characters from where the list stands to where the next one does (Infinity for the last). */
  readonly span: number;
  /** By the problem's index in the list. */
  readonly byIndex: Diagnostic[];
}

/** What was published: the diagnostics in order and the document offsets they span. */
export interface Shown {
  readonly diagnostics: Diagnostic[];
  /** Where the first shown problem starts and the last ends (0 when none is shown). */
  readonly start: number;
  readonly end: number;
}

export class ShownDiagnostics {
  private kept = new Map<readonly Problem[], ListDiagnostics>();

  constructor(
    private readonly uri: string,
    readonly completedByClient: boolean,
  ) {}

  /**
   * The diagnostics of `analysis.problemsNear(focus, limit)`, with positions from `positions` (the document
   * at the analysed version), each the one made for a previous version where its list still stands as it stood.
   */
  near(analysis: Analysis, positions: Positions, focus: number, limit: number): Shown {
    const previous = this.kept;
    const kept = new Map<readonly Problem[], ListDiagnostics>();
    const diagnostics: Diagnostic[] = [];
    let start = 0;
    let end = 0;
    let current: readonly Problem[] | undefined;
    let currentOffset = -1;
    let record: ListDiagnostics | undefined;
    analysis.forEachProblemNear(focus, limit, (problem, offset, list, index, nextOffset) => {
      if (list !== current || offset !== currentOffset) {
        current = list;
        currentOffset = offset;
        const at = positions.positionAt(offset);
        const span = nextOffset - offset;
        const shownAlready = kept.get(list);
        if (!shownAlready) kept.set(list, (record = listDiagnostics(previous.get(list), at, span)));
        // One list at two places (a first analysis takes a repeated region over from its twin): the second
        // place's diagnostics are made for this publication only.
        else record = standsAt(shownAlready, at, span) ? shownAlready : { at, span, byIndex: [] };
      }
      let diagnostic = record!.byIndex[index];
      if (!diagnostic) {
        diagnostic = toDiagnostic(positions, problem, this.uri, this.completedByClient, offset);
        // A problem reaching past its list's span reads text that may have changed: made again each time.
        if (withinSpan(problem, record!.span)) record!.byIndex[index] = diagnostic;
      }
      if (diagnostics.length === 0) start = problem.start + offset;
      end = problem.end + offset;
      diagnostics.push(diagnostic);
    });
    this.kept = kept;
    return { diagnostics, start, end };
  }
}

/** `previous` when its list stands where it stood, with as many characters to the next list; else a new record. */
function listDiagnostics(previous: ListDiagnostics | undefined, at: Position, span: number): ListDiagnostics {
  return previous && standsAt(previous, at, span) ? previous : { at, span, byIndex: [] };
}

function standsAt(record: ListDiagnostics, at: Position, span: number): boolean {
  return record.at.line === at.line && record.at.character === at.character && record.span === span;
}

/** Whether the problem's ranges (its own and related ones) lie within its list's first `span` characters. */
function withinSpan(problem: Problem, span: number): boolean {
  if (problem.start < 0 || problem.end > span) return false;
  return !problem.related || problem.related.every((related) => related.start >= 0 && related.end <= span);
}
