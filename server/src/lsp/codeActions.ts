// Quick fixes (this problem, the whole paragraph, all of its rule, turn the rule off) and source.fixAll.article,
// as LSP code actions. What is offered is decided in the core (core/quickFixes.ts).

import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { quickFixes, ruleFixEdits, type Analysis, type Edit, type ProblemRef } from '../core';
import { isRange, toTextEdit, type Positions } from './convert';
import { message } from './messages';
import { DIAGNOSTIC_SOURCE } from './protocol';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.article`;

/**
 * A client that cannot resolve code actions gets a rule's document-wide fix inline only while it is
 * this small: building every fix of a rule of a large document at each selection change is what
 * codeAction/resolve is for.
 */
export const INLINE_RULE_FIX_LIMIT = 500;

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/** What a code action whose edit is computed on codeAction/resolve carries instead. */
export interface DeferredFix {
  readonly uri: string;
  readonly version: number;
  /** Fix every problem of one rule, or everything. */
  readonly ruleId?: string;
}

export interface CodeActionTarget {
  readonly uri: string;
  readonly version: number;
  /** Positions of the analysed text (the session's document). */
  readonly positions: Positions & { offsetAt(position: { line: number; character: number }): number };
  readonly analysis: Analysis;
  /** The client fetches edits with codeAction/resolve. */
  readonly deferEdits: boolean;
}

/**
 * The quick fixes at the diagnostics asked about, and fix-all when the source kind is asked for. Each
 * fix-all action is computed by the caller (it may take long, and honours cancellation): here it is
 * only described, with `fixAll` telling whether it was asked for.
 */
export function quickFixActions(params: CodeActionParams, target: CodeActionTarget): CodeAction[] {
  if (!wants(params.context.only, CodeActionKind.QuickFix)) return [];
  const { uri, version, positions, analysis, deferEdits } = target;
  const { locale } = analysis.settings;
  const workspaceEdit = (edits: readonly Edit[]): WorkspaceEdit => ({ changes: { [uri]: edits.map((edit) => toTextEdit(positions, edit)) } });
  const diagnostics = articleDiagnostics(params.context.diagnostics);
  const refs: ProblemRef[] = diagnostics.map((diagnostic) => ({
    ruleId: String(diagnostic.code),
    start: positions.offsetAt(diagnostic.range.start),
    end: positions.offsetAt(diagnostic.range.end),
  }));
  const plan = quickFixes(analysis, refs);
  const actions: CodeAction[] = [];
  for (const fix of plan.fixes) {
    const diagnostic = diagnostics[fix.ref];
    actions.push({
      title: message(locale, 'fixOne', { message: textOf(diagnostic) }),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: workspaceEdit(fix.edits),
    });
  }
  for (const join of plan.joins) {
    actions.push({
      title: message(locale, 'joinParagraph'),
      kind: CodeActionKind.QuickFix,
      diagnostics: join.refs.map((ref) => diagnostics[ref]),
      edit: workspaceEdit(join.edits),
    });
  }
  for (const ruleFix of plan.ruleFixes) {
    const action: CodeAction = {
      title: message(locale, 'fixRule', { rule: ruleFix.ruleId }),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostics[ruleFix.ref]],
    };
    if (deferEdits) action.data = { uri, version, ruleId: ruleFix.ruleId } satisfies DeferredFix;
    else if (ruleFix.count <= INLINE_RULE_FIX_LIMIT) action.edit = workspaceEdit(ruleFixEdits(analysis.problems, ruleFix.ruleId));
    else continue;
    actions.push(action);
  }
  // Turning a rule off comes after every fix, as in other linters' menus.
  for (const disable of plan.disables) {
    const diagnostic = diagnostics[disable.ref];
    if (disable.forLine) {
      actions.push({
        title: message(locale, 'disableRuleForLine', { rule: disable.ruleId }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit([disable.forLine]),
      });
    }
    if (disable.forDocument) {
      actions.push({
        title: message(locale, 'disableRule', { rule: disable.ruleId }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit([disable.forDocument]),
      });
    }
  }
  return actions;
}

/** Whether the request asks for source.fixAll.article (only when a source kind is named: it is never a quick fix). */
export function wantsFixAll(params: CodeActionParams): boolean {
  const { only } = params.context;
  return only !== undefined && wants(only, FIX_ALL_KIND) && only.some((kind) => kind.startsWith(CodeActionKind.Source));
}

export function fixAllAction(locale: Analysis['settings']['locale'], fields: Pick<CodeAction, 'edit' | 'data'>): CodeAction {
  return { title: message(locale, 'fixAll'), kind: FIX_ALL_KIND, ...fields };
}

export function isDeferredFix(data: unknown): data is DeferredFix {
  const fix = data as DeferredFix | undefined;
  return typeof fix?.uri === 'string' && typeof fix.version === 'number' && (fix.ruleId === undefined || typeof fix.ruleId === 'string');
}

/** The edits of a rule's document-wide fix, as a workspace edit. */
export function ruleFixEdit(uri: string, positions: Positions, analysis: Analysis, ruleId: string): WorkspaceEdit {
  return { changes: { [uri]: ruleFixEdits(analysis.problems, ruleId).map((edit) => toTextEdit(positions, edit)) } };
}

function articleDiagnostics(diagnostics: unknown): Diagnostic[] {
  if (!Array.isArray(diagnostics)) return [];
  return diagnostics.filter(
    (diagnostic): diagnostic is Diagnostic =>
      diagnostic?.source === DIAGNOSTIC_SOURCE && (typeof diagnostic.code === 'string') && isRange(diagnostic.range),
  );
}

function textOf(diagnostic: Diagnostic): string {
  const text: unknown = diagnostic.message;
  return typeof text === 'string' ? text : String((text as { value?: unknown })?.value ?? '');
}
