// Quick fixes (this problem, all of its rule, the whole paragraph) and source.fixAll.article.

import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllEdits, ruleById, type Analysis } from '../core';
import { compatibleEdits } from '../core/fix';
import { joinParagraphEdits } from '../core/breaks/join';
import { disableForDocumentEdit, disableForLineEdit } from '../core/directives';
import type { Edit, Problem } from '../core/rules/rule';
import { toTextEdit } from './convert';
import { message } from './messages';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.article`;

const WRAP_RULES = new Set(['broken-line', 'broken-word', 'split-figure', 'stranded-punctuation']);

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

/**
 * The code actions at the diagnostics asked about. With `deferEdits` (the client resolves edits), the
 * document-wide fixes carry a DeferredFix and get their edit in `resolveDeferredFix`: in a large
 * document they are tens of thousands of edits, which should be built only for the action picked.
 */
export function codeActions(params: CodeActionParams, document: TextDocument, analysis: Analysis, deferEdits = false): CodeAction[] {
  const { only } = params.context;
  const { model, settings } = analysis;
  const actions: CodeAction[] = [];
  const uri = document.uri;
  const workspaceEdit = (edits: readonly Edit[]) => ({ changes: { [uri]: edits.map((edit) => toTextEdit(model.lineIndex, edit)) } });
  const documentWide = (ruleId?: string): Pick<CodeAction, 'edit' | 'data'> =>
    deferEdits ? { data: { uri, version: document.version, ruleId } satisfies DeferredFix } : { edit: workspaceEdit(documentWideEdits(analysis, ruleId)) };

  if (wants(only, CodeActionKind.QuickFix)) {
    const offeredRules = new Set<string>();
    const offeredDisable = new Set<string>();
    // Turning a rule off comes after every fix, as in other linters' menus.
    const disableActions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'article') continue;
      const ruleId = String(diagnostic.code ?? '');
      // The fix is the current analysis's: a diagnostic of an older version no longer matches a problem.
      const fix = problemAt(analysis, ruleId, document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end))?.fix;
      if (fix) {
        actions.push({
          title: message(settings.locale, 'fixOne', { message: textOf(diagnostic) }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: workspaceEdit(fix),
        });
      }
      if (!offeredRules.has(ruleId)) {
        offeredRules.add(ruleId);
        if ((analysis.fixableByRule().get(ruleId) ?? 0) > 1) {
          actions.push({
            title: message(settings.locale, 'fixRule', { rule: ruleId }),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            ...documentWide(ruleId),
          });
        }
      }
      if (!offeredDisable.has(ruleId) && ruleById(ruleId)) {
        offeredDisable.add(ruleId);
        const forLine = disableForLineEdit(model, ruleId, document.offsetAt(diagnostic.range.start));
        if (forLine) {
          disableActions.push({
            title: message(settings.locale, 'disableRuleForLine', { rule: ruleId }),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: workspaceEdit([forLine]),
          });
        }
        const disable = disableForDocumentEdit(model, ruleId);
        if (disable) {
          disableActions.push({
            title: message(settings.locale, 'disableRule', { rule: ruleId }),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: workspaceEdit([disable]),
          });
        }
      }
      if (WRAP_RULES.has(ruleId)) {
        const paragraph = joinParagraphEdits(model, document.offsetAt(diagnostic.range.start));
        if (paragraph.length > 1) {
          actions.push({
            title: message(settings.locale, 'joinParagraph'),
            kind: CodeActionKind.QuickFix,
            diagnostics: diagnosticsInside(params.context.diagnostics, diagnostic),
            edit: workspaceEdit(paragraph),
          });
        }
      }
    }
    actions.push(...disableActions);
  }

  if (only && wants(only, FIX_ALL_KIND) && only.some((kind) => kind.startsWith(CodeActionKind.Source))) {
    actions.push({ title: message(settings.locale, 'fixAll'), kind: FIX_ALL_KIND, ...documentWide() });
  }
  return actions;
}

/** Fills in the edit of a deferred action, when the analysis is still of the version it was offered for. */
export function resolveDeferredFix(action: CodeAction, analysis: Analysis, version: number): CodeAction {
  const deferred = action.data as DeferredFix;
  if (deferred.version !== version) return action;
  const edits = documentWideEdits(analysis, deferred.ruleId);
  return { ...action, edit: { changes: { [deferred.uri]: edits.map((edit) => toTextEdit(analysis.model.lineIndex, edit)) } } };
}

function documentWideEdits(analysis: Analysis, ruleId: string | undefined): Edit[] {
  if (ruleId === undefined) return fixAllEdits(analysis.model.text, analysis.settings);
  return compatibleEdits(analysis.problems.filter((problem) => problem.ruleId === ruleId && problem.fix));
}

/** How many problems either side of an offset are looked through for the one a diagnostic shows. */
const LOOKUP_WINDOW = 64;

/** The problem of rule `ruleId` on exactly [start, end). */
function problemAt(analysis: Analysis, ruleId: string, start: number, end: number): Problem | undefined {
  return analysis.problemsNear(start, LOOKUP_WINDOW).find((problem) => problem.ruleId === ruleId && problem.start === start && problem.end === end);
}

function textOf(diagnostic: Diagnostic): string {
  const text: unknown = diagnostic.message;
  return typeof text === 'string' ? text : String((text as { value?: unknown })?.value ?? '');
}

function diagnosticsInside(all: readonly Diagnostic[], diagnostic: Diagnostic): Diagnostic[] {
  return all.filter((other) => other.source === 'article' && WRAP_RULES.has(String(other.code ?? ''))).concat(
    all.includes(diagnostic) ? [] : [diagnostic],
  );
}
