// What the whole document says about its extractor's habits: whether blank lines mark anything,
// whether paragraphs are indented, and how wide its columns are.

import type { Fragment } from '../model';
import { columnWidths, emWidth } from './width';

export interface DocumentStyle {
  /** Share of breaks with a blank line inside. */
  readonly blankShare: number;
  /** Blank lines are rare, so one marks a boundary (column, box or paragraph). */
  readonly blanksAreRare: boolean;
  /** Blank lines are the rule, so a break without one is a wrap. */
  readonly blanksAreCommon: boolean;
  /** Enough lines start with spaces that leading whitespace is indentation (not lost text). */
  readonly indents: boolean;
  /** Printed width of each fragment in ems. */
  readonly widths: readonly number[];
  /** Width of the column each fragment was set in, in ems. */
  readonly columns: readonly number[];
}

/** Below this share of indented lines, leading whitespace is an accident (lost text), not a convention. */
const INDENT_SHARE = 0.04;

export function readStyle(text: string, fragments: readonly Fragment[]): DocumentStyle {
  let blanks = 0;
  let indented = 0;
  for (let i = 0; i < fragments.length; i++) {
    if (i > 0 && fragments[i].line - fragments[i - 1].line > 1) blanks++;
    if (i > 0 && fragments[i].start > fragments[i].lineStart && !/^\f+$/.test(text.slice(fragments[i].lineStart, fragments[i].start))) indented++;
  }
  const breaks = Math.max(1, fragments.length - 1);
  const blankShare = blanks / breaks;
  const widths = fragments.map((fragment) => emWidth(fragment.text));
  return {
    blankShare,
    blanksAreRare: blankShare < 0.35,
    blanksAreCommon: blankShare > 0.55,
    indents: indented >= 3 && indented / breaks >= INDENT_SHARE,
    widths,
    columns: columnWidths(widths),
  };
}
