// Applying fixes: one problem's, all of one rule's, or everything (fix all = Format Document).

import type { Edit, Problem } from './rules/rule';
import { isHighSurrogate, isLowSurrogate } from './charClasses';
import { firstIndex } from './search';

/** Applies edits that do not overlap; edits are given in any order. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

/**
 * Picks the fixes of as many problems as can be applied together: a problem's edits go in whole or not
 * at all, and no two edits overlap (touching is fine, except two insertions at one point).
 */
export function compatibleEdits(problems: readonly Problem[]): Edit[] {
  // `taken` stays sorted and free of overlaps, so each edit need only be checked against its neighbours.
  const taken: Edit[] = [];
  const withFix = problems.filter((problem) => problem.fix && problem.fix.length > 0);
  withFix.sort((a, b) => a.start - b.start);
  for (const problem of withFix) {
    const edits = problem.fix!;
    if (!edits.every((edit) => fitsBetweenNeighbours(taken, edit))) continue;
    if (edits.length > 1 && overlapsEachOther(edits)) continue;
    for (const edit of edits) taken.splice(insertionIndex(taken, edit), 0, edit);
  }
  return taken;
}

/** Where `edit` goes among `sorted` (by start, then end): after every edit that starts before it or at it and ends no later. */
function insertionIndex(sorted: readonly Edit[], edit: Edit): number {
  return firstIndex(sorted.length, (i) => sorted[i].start > edit.start || (sorted[i].start === edit.start && sorted[i].end > edit.end));
}

function fitsBetweenNeighbours(sorted: readonly Edit[], edit: Edit): boolean {
  const index = insertionIndex(sorted, edit);
  for (let i = Math.max(0, index - 2); i < Math.min(sorted.length, index + 2); i++) {
    if (overlaps(sorted[i], edit)) return false;
  }
  return true;
}

function overlapsEachOther(edits: readonly Edit[]): boolean {
  for (let i = 0; i < edits.length; i++) for (let j = i + 1; j < edits.length; j++) if (overlaps(edits[i], edits[j])) return true;
  return false;
}

function overlaps(a: Edit, b: Edit): boolean {
  const aInserts = a.start === a.end;
  const bInserts = b.start === b.end;
  if (aInserts && bInserts) return a.start === b.start;
  if (aInserts) return a.start > b.start && a.start < b.end;
  if (bInserts) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** The most passes fix-all makes; each pass re-analyses the text its previous pass produced. */
export const MAX_FIX_PASSES = 10;

/**
 * The edits, in the original text's offsets, that turn `original` into `fixed`: the first pass's own edits when
 * one pass was enough, otherwise one edit spanning what changed (common prefix and suffix left alone).
 */
export function editsBetween(original: string, fixed: string): Edit[] {
  if (original === fixed) return [];
  let prefix = 0;
  const limit = Math.min(original.length, fixed.length);
  while (prefix < limit && original.charCodeAt(prefix) === fixed.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    original.charCodeAt(original.length - 1 - suffix) === fixed.charCodeAt(fixed.length - 1 - suffix)
  ) {
    suffix++;
  }
  // Never split a surrogate pair, nor a CRLF line end (no LSP position lies between its CR and LF), between
  // an edit and the text kept around it.
  if (prefix > 0 && (isHighSurrogate(original.charCodeAt(prefix - 1)) || (original[prefix - 1] === '\r' && original[prefix] === '\n'))) prefix--;
  if (suffix > 0 && (isLowSurrogate(original.charCodeAt(original.length - suffix)) || (original[original.length - suffix] === '\n' && original[original.length - suffix - 1] === '\r'))) suffix--;
  return [{ start: prefix, end: original.length - suffix, newText: fixed.slice(prefix, fixed.length - suffix) }];
}

/**
 * Fix all as edits of the original text: the first pass's edits when they finish the job (so the editor keeps
 * cursors and undo steps small), else the span that changed.
 */
export function fixAllEdits(
  text: string,
  lintText: (text: string) => readonly Problem[],
  accept: (problem: Problem) => boolean = () => true,
): Edit[] {
  const firstPass = compatibleEdits(lintText(text).filter(accept));
  if (firstPass.length === 0) return [];
  const afterFirst = applyEdits(text, firstPass);
  const final = fixAllText(afterFirst, lintText, accept).text;
  return final === afterFirst ? firstPass : editsBetween(text, final);
}

/**
 * Fixes everything `lintText` finds until nothing fixable is left (fixes that overlap wait for the
 * next pass). Returns the final text and the number of passes that changed something.
 */
export function fixAllText(
  text: string,
  lintText: (text: string) => readonly Problem[],
  accept: (problem: Problem) => boolean = () => true,
): { text: string; passes: number } {
  let current = text;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = compatibleEdits(lintText(current).filter(accept));
    if (edits.length === 0) return { text: current, passes: pass };
    const next = applyEdits(current, edits);
    if (next === current) return { text: current, passes: pass };
    current = next;
  }
  return { text: current, passes: MAX_FIX_PASSES };
}
