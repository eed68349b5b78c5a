// Layout analysis: the role of every fragment and the kind of every line break.

import { isClosingMark, isCjkPunct, isLatinOrDigit, isAsciiLetter, isSentenceEnd, isHan } from '../charClasses';
import type { BreakKind, Fragment, ModelOptions, Role } from '../model';
import type { Line } from '../text';
import type { Directive } from '../directives';
import { isLabel } from '../labels';

export interface LayoutInput {
  readonly text: string;
  readonly fragments: readonly Fragment[];
  readonly lines: readonly Line[];
  readonly directives: readonly Directive[];
  readonly options: ModelOptions;
}

export interface BreakDecision {
  readonly kind: BreakKind;
  readonly reason: string;
  readonly joiner: string;
  readonly keepsLeadingSpace: boolean;
}

export interface Layout {
  readonly roles: Role[];
  /** breaks[i] decides the break after fragments[i]. */
  readonly breaks: BreakDecision[];
}

const BYLINE = /^(据|来源[:：]|（?记者|本报记者|新华社|通讯员)[\p{Script=Han}A-Za-z·\s]{0,16}(电|报道|社|）)?$/u;

export function analyzeLayout(input: LayoutInput): Layout {
  const { fragments, text } = input;
  const directiveFragments = new Set(input.directives.map((d) => d.fragment));
  const roles: Role[] = fragments.map((fragment) => (directiveFragments.has(fragment.index) ? 'directive' : 'body'));
  const firstContent = roles.indexOf('body');
  for (let i = 0; i < fragments.length; i++) {
    if (roles[i] !== 'body') continue;
    const fragmentText = fragments[i].text;
    if (i === firstContent) roles[i] = 'title';
    else if (isLabel(fragmentText)) roles[i] = 'label';
    else if (BYLINE.test(fragmentText)) roles[i] = 'byline';
    else if (looksLikeHeading(fragments, roles, i)) roles[i] = 'heading';
  }
  const indentedShare = shareIndented(fragments);
  const breaks = fragments.slice(0, -1).map((before, i) => {
    const after = fragments[i + 1];
    const keepsLeadingSpace = after.start > after.lineStart && indentedShare < 0.2 && isHan(text[after.start]);
    const kind = decideKind(before, after, roles[i], roles[i + 1]);
    return { kind: kind.kind, reason: kind.reason, joiner: joinerFor(before, after, input.options), keepsLeadingSpace };
  });
  return { roles, breaks };
}

function decideKind(before: Fragment, after: Fragment, beforeRole: Role, afterRole: Role): { kind: BreakKind; reason: string } {
  if (beforeRole !== 'body') return { kind: 'block', reason: `after-${beforeRole}` };
  if (afterRole !== 'body') return { kind: 'block', reason: `before-${afterRole}` };
  if (isCjkPunct(after.text[0]) && !'“‘（《'.includes(after.text[0])) return { kind: 'wrap', reason: 'next-starts-with-punctuation' };
  if (endsSentence(before.text)) return { kind: 'paragraph', reason: 'sentence-end' };
  return { kind: 'wrap', reason: 'mid-sentence' };
}

function endsSentence(fragmentText: string): boolean {
  let i = fragmentText.length - 1;
  while (i >= 0 && isClosingMark(fragmentText[i])) i--;
  return i >= 0 && isSentenceEnd(fragmentText[i]) && (i === fragmentText.length - 1 || fragmentText[fragmentText.length - 1] === '”' || fragmentText[fragmentText.length - 1] === '）');
}

function looksLikeHeading(fragments: readonly Fragment[], roles: readonly Role[], i: number): boolean {
  const fragmentText = fragments[i].text;
  if (fragmentText.length < 4 || fragmentText.length > 30) return false;
  if (/[，。、；：！？,.;:!?“”]/.test(fragmentText)) return false;
  const previous = fragments[i - 1];
  if (!previous) return false;
  const previousEnds = roles[i - 1] !== 'body' || endsSentence(previous.text) || /^信号/.test(previous.text);
  if (!previousEnds) return false;
  const next = fragments[i + 1];
  return !next || isLabel(next.text) || (roles[i - 1] === 'label') || Math.abs(fragmentText.length - typicalWidth(fragments, i)) > 3;
}

function typicalWidth(fragments: readonly Fragment[], around: number): number {
  const widths: number[] = [];
  for (let j = Math.max(0, around - 8); j < Math.min(fragments.length, around + 8); j++) {
    if (j !== around) widths.push(fragments[j].text.length);
  }
  widths.sort((a, b) => a - b);
  return widths[widths.length >> 1] ?? 0;
}

function shareIndented(fragments: readonly Fragment[]): number {
  if (fragments.length === 0) return 0;
  let indented = 0;
  for (const fragment of fragments) if (fragment.start > fragment.lineStart) indented++;
  return indented / fragments.length;
}

function joinerFor(before: Fragment, after: Fragment, options: ModelOptions): string {
  const last = before.text[before.text.length - 1];
  const first = after.text[0];
  if (isAsciiLetter(last) && isAsciiLetter(first)) return ' ';
  if (options.cjkLatinSpacing === 'require' && ((isLatinOrDigit(last) && isHan(first)) || (isHan(last) && isLatinOrDigit(first)))) {
    return ' ';
  }
  return '';
}
