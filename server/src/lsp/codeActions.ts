// Quick fixes (this problem, all of its rule, the whole paragraph) and source.fixAll.article.

import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllEdits, type Analysis } from '../core';
import { compatibleEdits } from '../core/fix';
import { joinParagraphEdits } from '../core/breaks/join';
import type { Edit } from '../core/rules/rule';
import { toTextEdit, type DiagnosticData } from './convert';
import { message } from './messages';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.article`;

const WRAP_RULES = new Set(['broken-line', 'broken-word', 'split-figure', 'stranded-punctuation']);

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

export function codeActions(params: CodeActionParams, document: TextDocument, analysis: Analysis): CodeAction[] {
  const { only } = params.context;
  const { model, settings } = analysis;
  const actions: CodeAction[] = [];
  const uri = document.uri;
  const workspaceEdit = (edits: readonly Edit[]) => ({ changes: { [uri]: edits.map((edit) => toTextEdit(model.lineIndex, edit)) } });

  if (wants(only, CodeActionKind.QuickFix)) {
    const offeredRules = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'article') continue;
      const data = diagnostic.data as DiagnosticData | undefined;
      if (data?.fix && data.version === document.version) {
        actions.push({
          title: message(settings.locale, 'fixOne', { message: textOf(diagnostic) }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: { changes: { [uri]: data.fix } },
        });
      }
      const ruleId = String(diagnostic.code ?? '');
      if (!offeredRules.has(ruleId)) {
        offeredRules.add(ruleId);
        const sameRule = analysis.problems.filter((problem) => problem.ruleId === ruleId && problem.fix);
        if (sameRule.length > 1) {
          actions.push({
            title: message(settings.locale, 'fixRule', { rule: ruleId }),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: workspaceEdit(compatibleEdits(sameRule)),
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
  }

  if (only && wants(only, FIX_ALL_KIND) && only.some((kind) => kind.startsWith(CodeActionKind.Source))) {
    const edits = fixAllEdits(model.text, settings);
    actions.push({ title: message(settings.locale, 'fixAll'), kind: FIX_ALL_KIND, edit: workspaceEdit(edits) });
  }
  return actions;
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
