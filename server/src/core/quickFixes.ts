// The quick fixes for the problems an editor asks about (its diagnostics at a selection): each problem's
// own fix, "join this paragraph" once per paragraph, "fix every problem of this rule" and "turn this rule
// off" once per rule. What is offered is bounded whatever the editor sends: VS Code asks again at every
// selection change, and a select-all sends every diagnostic of the document.

import { compatibleEdits } from './fix';
import { joinParagraphEdits } from './breaks/join';
import { disableForDocumentEdit, disableForLineEdit } from './directives';
import { linesOf } from './lines';
import type { ArticleModel } from './model';
import { ruleById } from './rules';
import type { Edit, Problem } from './rules/rule';

/** What a diagnostic points at, in source offsets of the analysed text. */
export interface ProblemRef {
  readonly ruleId: string;
  readonly start: number;
  readonly end: number;
}

/** What an analysis offers for a list of problem references; `refs` are indices into that list. */
export interface QuickFixPlan {
  /** One problem's own fix. */
  readonly fixes: ReadonlyArray<{ readonly ref: number; readonly edits: readonly Edit[] }>;
  /** Join every wrap of one paragraph: the wrap problems asked about that lie in it. */
  readonly joins: ReadonlyArray<{ readonly refs: readonly number[]; readonly edits: readonly Edit[] }>;
  /** Fix every problem of a rule (offered when it has more than one fixable problem). */
  readonly ruleFixes: ReadonlyArray<{ readonly ref: number; readonly ruleId: string; readonly count: number }>;
  /** Turn a rule off for the line of its first problem asked about, or for the whole document. */
  readonly disables: ReadonlyArray<{ readonly ref: number; readonly ruleId: string; readonly forLine?: Edit; readonly forDocument?: Edit }>;
}

/** The parts of an analysis quick fixes read. */
export interface QuickFixSource {
  readonly model: ArticleModel;
  problemsNear(focus: number, limit: number): readonly Problem[];
  fixableByRule(): ReadonlyMap<string, number>;
}

/**
 * At most this many single-problem fixes and paragraph joins per request: a menu of hundreds is read by
 * nobody, and each carries its edits to the editor.
 */
export const MAX_OFFERS = 20;

/** How many problems either side of an offset are looked through for the one a diagnostic shows. */
const LOOKUP_WINDOW = 64;

export function quickFixes(analysis: QuickFixSource, refs: readonly ProblemRef[]): QuickFixPlan {
  const { model } = analysis;
  // Read one line or block at a time where it stands: a large document's regions are not placed for them.
  const lines = linesOf(model);
  const fixes: Array<{ ref: number; edits: readonly Edit[] }> = [];
  const joins = new Map<number, { refs: number[]; edits: readonly Edit[] }>();
  const ruleFixes: Array<{ ref: number; ruleId: string; count: number }> = [];
  const disables: Array<{ ref: number; ruleId: string; forLine?: Edit; forDocument?: Edit }> = [];
  const seenRules = new Set<string>();
  const addToJoin = (index: number, offset: number) => {
    const block = lines.blockAt(offset);
    if (!block) return;
    const join = joins.get(block.index);
    if (join) join.refs.push(index);
    else if (joins.size < MAX_OFFERS) {
      const edits = joinParagraphEdits(lines, offset);
      // A paragraph with one wrap is joined by that problem's own fix.
      if (edits.length > 1) joins.set(block.index, { refs: [index], edits });
    }
  };
  const seenProblems = new Set<string>();
  for (let index = 0; index < refs.length; index++) {
    const ref = refs[index];
    const rule = ruleById(ref.ruleId);
    if (!rule) continue;
    // The problem is the current analysis's: a diagnostic of an older version, or one sent twice, offers nothing more.
    const problem = problemAt(analysis, ref);
    const key = `${ref.ruleId} ${ref.start} ${ref.end}`;
    if (problem && !seenProblems.has(key)) {
      seenProblems.add(key);
      if (problem.fix && fixes.length < MAX_OFFERS) fixes.push({ ref: index, edits: problem.fix });
      if (rule.wrap) addToJoin(index, ref.start);
    }
    if (!seenRules.has(rule.id)) {
      seenRules.add(rule.id);
      const count = analysis.fixableByRule().get(rule.id) ?? 0;
      if (count > 1) ruleFixes.push({ ref: index, ruleId: rule.id, count });
      disables.push({
        ref: index,
        ruleId: rule.id,
        forLine: disableForLineEdit(model, lines, rule.id, ref.start),
        forDocument: disableForDocumentEdit(model, lines, rule.id),
      });
    }
  }
  return { fixes, joins: [...joins.values()], ruleFixes, disables };
}

/** The edits fixing every problem of one rule (all that can be applied together). */
export function ruleFixEdits(problems: readonly Problem[], ruleId: string): Edit[] {
  return compatibleEdits(problems.filter((problem) => problem.ruleId === ruleId && problem.fix));
}

/** The problem `ref` shows, exactly. */
function problemAt(analysis: QuickFixSource, ref: ProblemRef): Problem | undefined {
  return analysis
    .problemsNear(ref.start, LOOKUP_WINDOW)
    .find((problem) => problem.ruleId === ref.ruleId && problem.start === ref.start && problem.end === ref.end);
}
