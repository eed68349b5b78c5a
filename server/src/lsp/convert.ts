// Core values (UTF-16 offsets) to LSP values (positions), and back.

import {
  DiagnosticSeverity,
  DiagnosticTag,
  SymbolKind,
  type Diagnostic,
  type DocumentSymbol,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import { ruleById, type Edit, type LineIndex, type OutlineEntry, type Problem } from '../core';
import { DIAGNOSTIC_SOURCE, rulePageUri } from './protocol';

/** Offsets to positions: the model's line index, or the editor's document at the analysed version. */
export interface Positions {
  positionAt(offset: number): Position;
}

export function toRange(lineIndex: Positions, start: number, end: number): Range {
  return { start: lineIndex.positionAt(start), end: lineIndex.positionAt(end) };
}

export function toTextEdit(lineIndex: Positions, edit: Edit): TextEdit {
  return { range: toRange(lineIndex, edit.start, edit.end), newText: edit.newText };
}

const SEVERITY: Record<Problem['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Where the rule pages live (the docs shipped with the extension, a URI ending in `/`); set at initialize. */
let ruleDocsBase: string | undefined;
/** Each rule's page, worked out once: a raw megabyte has 10 000 diagnostics. */
const ruleDocUris = new Map<string, string>();

export function setRuleDocsBase(base: string | undefined): void {
  ruleDocsBase = base === undefined || base.endsWith('/') ? base : `${base}/`;
  ruleDocUris.clear();
}

export function ruleDocUri(ruleId: string): string | undefined {
  if (ruleDocsBase === undefined) return undefined;
  let uri = ruleDocUris.get(ruleId);
  if (uri === undefined) {
    uri = rulePageUri(ruleDocsBase, ruleId);
    ruleDocUris.set(ruleId, uri);
  }
  return uri;
}

/**
 * The problem as a diagnostic. Its fix is not sent along: a raw megabyte shows a thousand diagnostics after
 * every keystroke, and a quick fix asks the analysis of the current version for it (lsp/codeActions.ts).
 * For a client that completes diagnostics (ArticleInitializationOptions.completesDiagnostics) the source
 * and the rule's page are left out: it adds them from the code. `offset` is added to the problem's offsets
 * (a problem as its region keeps it: Analysis.forEachProblemNear).
 */
export function toDiagnostic(lineIndex: Positions, problem: Problem, uri: string, completedByClient = false, offset = 0): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(lineIndex, problem.start + offset, problem.end + offset),
    severity: SEVERITY[problem.severity],
    code: problem.ruleId,
    message: problem.message,
  };
  if (!completedByClient) {
    diagnostic.source = DIAGNOSTIC_SOURCE;
    const href = ruleDocUri(problem.ruleId);
    if (href !== undefined) diagnostic.codeDescription = { href };
  }
  if (ruleById(problem.ruleId)?.marksUnnecessary) diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (problem.related && problem.related.length > 0) {
    diagnostic.relatedInformation = problem.related.map((related) => ({
      location: { uri, range: toRange(lineIndex, related.start + offset, related.end + offset) },
      message: related.message,
    }));
  }
  return diagnostic;
}

const SYMBOL_KIND: Record<string, SymbolKind> = {
  title: SymbolKind.File,
  section: SymbolKind.Namespace,
  heading: SymbolKind.String,
  byline: SymbolKind.Event,
  speaker: SymbolKind.Constant,
  speakers: SymbolKind.Package,
};

/**
 * Nests the flat outline by level: each entry becomes a child of the nearest shallower entry before it.
 * Optional fields are left out when empty (a leaf has no `children`, an entry without detail no
 * `detail`): a long article has thousands of entries, and every character is sent and parsed.
 */
export function toDocumentSymbols(lineIndex: LineIndex, entries: readonly OutlineEntry[]): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const stack: Array<{ level: number; symbol: DocumentSymbol }> = [];
  for (const entry of entries) {
    const selectionRange = toRange(lineIndex, entry.selectionStart, entry.selectionEnd);
    const end = Math.max(entry.end, entry.selectionEnd);
    // Ranges are shared where they are equal (most entries span just their title); none is ever changed.
    const range = entry.start === entry.selectionStart && end === entry.selectionEnd ? selectionRange : toRange(lineIndex, entry.start, end);
    const symbol: DocumentSymbol = {
      name: entry.name.length > 0 ? entry.name : '…',
      kind: SYMBOL_KIND[entry.kind] ?? SymbolKind.String,
      range: containing(range, selectionRange),
      selectionRange,
    };
    if (entry.detail) symbol.detail = entry.detail;
    while (stack.length > 0 && stack[stack.length - 1].level >= entry.level) stack.pop();
    const parent = stack[stack.length - 1]?.symbol;
    if (parent) {
      (parent.children ??= []).push(symbol);
      parent.range = containing(parent.range, symbol.range);
    } else roots.push(symbol);
    stack.push({ level: entry.level, symbol });
  }
  return roots;
}

/** LSP requires a symbol's range to contain its selection range and its children (`outer` itself when it does). */
function containing(outer: Range, inner: Range): Range {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  const start = before(outer.start, inner.start) ? outer.start : inner.start;
  const end = before(inner.end, outer.end) ? outer.end : inner.end;
  return start === outer.start && end === outer.end ? outer : { start, end };
}

/** Whether an editor's value is a range (anything else from the wire is ignored). */
export function isRange(value: unknown): value is Range {
  const range = value as Range | undefined;
  return isPosition(range?.start) && isPosition(range?.end);
}

function isPosition(value: unknown): boolean {
  const position = value as { line?: unknown; character?: unknown } | undefined;
  return Number.isInteger(position?.line) && Number.isInteger(position?.character);
}
