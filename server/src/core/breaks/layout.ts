// Layout analysis: the kind of every line break and the role of every fragment.
// Each break between body fragments is weighed (breaks/decide.ts); blocks then take their roles.

import { isAsciiLetter, isHan, isLatinOrDigit } from '../charClasses';
import type { BreakKind, Fragment, ModelOptions, Role } from '../model';
import type { Line } from '../text';
import type { Directive } from '../directives';
import { blockRole, fixedRole } from './roles';
import { decideBreaks, startsWithLostText, type DecideOptions, type Decision } from './decide';
import { readStyle, type DocumentStyle } from './style';
import { wordsAcrossLines, type WordAnswers, type WordsAcrossLines } from './evidence';

export interface LayoutInput {
  readonly text: string;
  readonly fragments: readonly Fragment[];
  readonly lines: readonly Line[];
  readonly directives: readonly Directive[];
  readonly options: ModelOptions;
  /** The segmenter's answers from an earlier parse of mostly the same lines (a region after an edit). */
  readonly wordHints?: WordAnswers;
}

export interface BreakDecision {
  readonly kind: BreakKind;
  readonly reason: string;
  /** The decision's probability (see Decision.confidence). */
  readonly confidence: number;
  readonly joiner: string;
  readonly keepsLeadingSpace: boolean;
}

export interface Layout {
  readonly roles: Role[];
  /** breaks[i] decides the break after fragments[i]. */
  readonly breaks: BreakDecision[];
  /** What the word segmenter answered about pairs of lines, for the wrap rules to reuse. */
  readonly wordsAcross: WordsAcrossLines;
}

export function analyzeLayout(input: LayoutInput): Layout {
  const { fragments } = input;
  const { fixed, style, wordsAcross, decisions } = weighBreaks(input);
  const roles = assignRoles(fragments, fixed, decisions);
  const breaks = decisions.map((decision, i): BreakDecision => {
    const before = fragments[i];
    const after = fragments[i + 1];
    const kind: BreakKind = decision.join ? 'wrap' : roles[i] === 'body' && roles[i + 1] === 'body' ? 'paragraph' : 'block';
    const keepsLeadingSpace = decision.join && startsWithLostText(after, style);
    return { kind, reason: decision.reason, confidence: decision.confidence, joiner: decision.join ? joinerFor(before, after, input.options) : '', keepsLeadingSpace };
  });
  return { roles, breaks, wordsAcross };
}

/**
 * The fixed roles and every break's decision. `decide` lets training weigh the breaks with other weights
 * and collect their features (scripts/train): the same code as here.
 */
export function weighBreaks(
  input: LayoutInput,
  decide?: DecideOptions,
): { fixed: Array<Role | undefined>; style: DocumentStyle; wordsAcross: WordsAcrossLines; decisions: Decision[] } {
  const { fragments, text } = input;
  const directiveFragments = new Set(input.directives.map((d) => d.fragment));
  const fixed = fragments.map((fragment) => fixedRole(fragment, directiveFragments.has(fragment.index)));
  const style = readStyle(text, fragments);
  const wordsAcross = wordsAcrossLines(fragments, input.wordHints);
  const decisions = decideBreaks(fragments, fixed, style, wordsAcross, decide);
  return { fixed, style, wordsAcross, decisions };
}

/** Fixed roles stand; other blocks are the title (the first), headings or body. */
function assignRoles(fragments: readonly Fragment[], fixed: ReadonlyArray<Role | undefined>, decisions: readonly Decision[]): Role[] {
  const roles: Role[] = new Array(fragments.length);
  let seenContent = false;
  let first = 0;
  while (first < fragments.length) {
    let last = first;
    while (last < decisions.length && decisions[last].join) last++;
    const role = fixed[first] ?? blockRole(fragments, first, last, !seenContent);
    if (role !== 'directive') seenContent = true;
    for (let i = first; i <= last; i++) roles[i] = fixed[i] ?? role;
    first = last + 1;
  }
  return roles;
}

function joinerFor(before: Fragment, after: Fragment, options: ModelOptions): string {
  const last = before.text[before.text.length - 1];
  const first = after.text[0];
  if ((isAsciiLetter(last) || /[\d.,;:!?)]/.test(last)) && isAsciiLetter(first)) return ' ';
  if (options.cjkLatinSpacing === 'require' && ((isLatinOrDigit(last) && isHan(first)) || (isHan(last) && isLatinOrDigit(first)))) {
    return ' ';
  }
  return '';
}
