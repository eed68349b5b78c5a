// Layout analysis: the kind of every line break and the role of every fragment.
// Each break between body fragments is weighed (breaks/decide.ts); blocks then take their roles.

import { isAsciiLetter, isHan, isLatinOrDigit } from '../charClasses';
import type { BreakKind, Directive, Fragment, ModelOptions, Role } from '../article';
import { blockRole, fixedRole } from './roles';
import { decideBreaks, HEADING_WRAPPED, joinWrappedHeadings, joinWrappedTitles, mayAskAround, TITLE_WRAPPED, setHeadingsApart, startsWithLostText, type DecideOptions, type Decision } from './decide';
import { readStyle, type DocumentFacts, type DocumentStyle, type LineWidths } from './style';
import { wordsAcrossLines, type LookAhead, type WordAnswers, type WordsAcrossLines } from './evidence';

export interface LayoutInput {
  readonly text: string;
  readonly fragments: readonly Fragment[];
  readonly directives: readonly Directive[];
  readonly options: ModelOptions;
  /** The segmenter's answers from an earlier parse of mostly the same lines (a region after an edit). */
  readonly wordHints?: WordAnswers;
  /** Lay out only part of the fragments, with the document's facts given (a region: see regions.ts). */
  readonly view?: LayoutView;
}

/**
 * A region of a document with the lines around it in view: fragments [from, to) are its own, the ones
 * before and after are read only as neighbours. The break before `from` ends a block; the break after
 * the region's last fragment (when a fragment follows) is weighed too, as the seam.
 */
export interface LayoutView {
  readonly from: number;
  readonly to: number;
  readonly facts: DocumentFacts;
  /** A block that is not a directive comes before the region: then the title did. */
  readonly contentBefore: boolean;
  /** The widths of the fragments in view and of their columns, when counting them measured them (regions.ts). */
  readonly widths?: LineWidths;
}

export interface BreakDecision {
  readonly kind: BreakKind;
  readonly reason: string;
  /** The decision's probability (see Decision.confidence). */
  readonly confidence: number;
  readonly joiner: string;
  readonly keepsLeadingSpace: boolean;
}

/**
 * A break as laid out, made with `new`, not as an object literal: a region's breaks are read once, into its
 * model (model.ts parseRegion), and a literal's allocation site that V8 tenured early in a first analysis made
 * every later region's in the old generation, where they stayed as garbage until a full collection (see
 * model.ts LineFragment).
 */
class LaidOutBreak implements BreakDecision {
  constructor(
    readonly kind: BreakKind,
    readonly reason: string,
    readonly confidence: number,
    readonly joiner: string,
    readonly keepsLeadingSpace: boolean,
  ) {}
}

export interface Layout {
  /** The role of each fragment laid out (the view's own, from its first). */
  readonly roles: Role[];
  /** breaks[i] decides the break after the i-th fragment laid out. */
  readonly breaks: BreakDecision[];
  /** With a view and a fragment after it: the decision at the seam after the region's last fragment. */
  readonly seam?: Decision;
  /** What the word segmenter answered about pairs of lines (all in view), for the wrap rules to reuse. */
  readonly wordsAcross: WordsAcrossLines;
}

export function analyzeLayout(input: LayoutInput): Layout {
  const { fragments } = input;
  const from = input.view?.from ?? 0;
  const to = input.view?.to ?? fragments.length;
  const weighed = weighBreaks(input);
  const { fixed, style, wordsAcross, decisions } = weighed;
  applyHeadingRules(input, weighed);
  const roles = assignRoles(fragments, fixed, decisions, from, to, input.view?.contentBefore ?? false);
  const breaks: BreakDecision[] = [];
  for (let i = from; i + 1 < to; i++) {
    const decision = decisions[i];
    const before = fragments[i];
    const after = fragments[i + 1];
    const bothBody = roles[i - from] === 'body' && roles[i + 1 - from] === 'body';
    const kind: BreakKind = decision.join ? 'wrap' : bothBody ? 'paragraph' : 'block';
    const keepsLeadingSpace = decision.join && startsWithLostText(after, style);
    breaks.push(new LaidOutBreak(kind, decision.reason, decision.confidence, decision.join ? joinerFor(before, after, input.options) : '', keepsLeadingSpace));
  }
  const seam = to < fragments.length && to > from ? decisions[to - 1] : undefined;
  return { roles, breaks, seam, wordsAcross };
}

/** What weighBreaks finds: the fixed roles, the document's style, the segmenter's answers and the decisions. */
export interface WeighedBreaks {
  readonly fixed: Array<Role | undefined>;
  readonly style: DocumentStyle;
  readonly wordsAcross: WordsAcrossLines;
  readonly decisions: Decision[];
}

/**
 * The fixed roles and every break's decision. `decide` lets training weigh the breaks with other weights
 * and collect their features (scripts/train): the same code as here.
 */
export function weighBreaks(
  input: LayoutInput,
  decide?: DecideOptions,
): WeighedBreaks {
  const { fragments, text } = input;
  const from = input.view?.from ?? 0;
  const to = input.view?.to ?? fragments.length;
  const directiveFragments = new Set(input.directives.map((d) => d.fragment));
  // Pushed, not mapped, as the model's breaks are (model.ts parseRegion): one map for every document's roles.
  const fixed: Array<Role | undefined> = [];
  for (const fragment of fragments) fixed.push(fixedRole(fragment, directiveFragments.has(fragment.index)));
  const style = readStyle(text, fragments, input.view?.facts, input.view?.widths);
  const range = { from, to: Math.min(to, fragments.length - 1) };
  // The segmenter answers ahead only pairs the breaks weighed may ask about: none after the last (the lines
  // in view after the region), at distance two only around a line that may intrude.
  const lookAhead: LookAhead = { until: range.to, around: (j) => mayAskAround(fragments, fixed, j) };
  const wordsAcross = wordsAcrossLines(fragments, input.wordHints, text, lookAhead);
  const decisions = decideBreaks(fragments, fixed, style, wordsAcross, range, decide);
  return { fixed, style, wordsAcross, decisions };
}

/**
 * The layout's rules after the fitted model (breaks/decide.ts): headings in their larger type set apart
 * from a paragraph or joined to their wrapped end, in place. Training applies them to judge them too.
 */
export function applyHeadingRules(input: LayoutInput, weighed: WeighedBreaks): void {
  const { fragments } = input;
  const range = { from: input.view?.from ?? 0, to: Math.min(input.view?.to ?? fragments.length, fragments.length - 1) };
  setHeadingsApart(fragments, weighed.fixed, weighed.style, weighed.wordsAcross, weighed.decisions, range);
  joinWrappedHeadings(fragments, weighed.style, weighed.decisions, range);
  joinWrappedTitles(fragments, weighed.fixed, weighed.style, weighed.wordsAcross, weighed.decisions, range);
}

/** Fixed roles stand; other blocks are the title (the first), headings or body. */
function assignRoles(
  fragments: readonly Fragment[],
  fixed: ReadonlyArray<Role | undefined>,
  decisions: readonly Decision[],
  from: number,
  to: number,
  contentBefore: boolean,
): Role[] {
  const roles: Role[] = new Array(to - from);
  let seenContent = contentBefore;
  let first = from;
  while (first < to) {
    let last = first;
    let wrappedTitle = true;
    while (last + 1 < to && decisions[last].join) {
      const reason = decisions[last].reason;
      if (reason !== TITLE_WRAPPED && reason !== HEADING_WRAPPED) wrappedTitle = false;
      last++;
    }
    const role = fixed[first] ?? blockRole(fragments, first, last, !seenContent, wrappedTitle);
    if (role !== 'directive') seenContent = true;
    for (let i = first; i <= last; i++) roles[i - from] = fixed[i] ?? role;
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
