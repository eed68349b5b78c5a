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
  /**
   * Some line fills a column. Without one the text is not column lines at all but formatted blocks (an
   * article already repaired, or typed by hand), and a blank line in it was put there to part blocks.
   */
  readonly hasColumns: boolean;
  /**
   * The document reports what people said (`宋建武说，`, `司长韦振华指出，`) often enough to be news
   * prose, whose paragraphs are short (a few sentences, rarely past 90 characters).
   */
  readonly reportsSpeech: boolean;
}

/**
 * A speech verb closing an attribution (`教授宋建武说，`, `有关部门表示：`), not a fixed phrase built on 说
 * (`一般来说，` `比如说，` `也就是说，` `换句话说，` `听说，`).
 */
const ATTRIBUTION = /(?<![来如是话听])(?:说|表示|指出|认为|强调)[，：,:]/g;
/** What every match of ATTRIBUTION ends with (a cheap test before the full pattern). */
const ATTRIBUTION_END = /[说示出为调][，：,:]/;
const HAS_SPACE = /\s/;
/** Attributions a news document shows at least, and per how many sentences. */
const MIN_ATTRIBUTIONS = 2;
const SENTENCES_PER_ATTRIBUTION = 10;

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
  const columns = columnWidths(widths);
  return {
    blankShare,
    blanksAreRare: blankShare < 0.35,
    blanksAreCommon: blankShare > 0.55,
    indents: indented >= 3 && indented / breaks >= INDENT_SHARE,
    widths,
    columns,
    hasColumns: columns.some((column) => !Number.isNaN(column)),
    reportsSpeech: reportsSpeech(fragments),
  };
}

function reportsSpeech(fragments: readonly Fragment[]): boolean {
  let attributions = 0;
  let sentences = 0;
  // An attribution may be cut by a wrap (`宋建武` / `说，`): each fragment is read after the last few
  // characters of the one before, and a match counts where it ends.
  let tail = '';
  for (const fragment of fragments) {
    const text = tail + (HAS_SPACE.test(fragment.text) ? fragment.text.replace(/\s+/g, '') : fragment.text);
    // Every attribution ends in a verb's last character and a comma or colon: most fragments have none.
    if (ATTRIBUTION_END.test(text)) {
      for (const match of text.matchAll(ATTRIBUTION)) if (match.index + match[0].length > tail.length) attributions++;
    }
    sentences += sentenceEnds(fragment.text);
    tail = text.slice(-3);
  }
  return attributions >= MIN_ATTRIBUTIONS && attributions * SENTENCES_PER_ATTRIBUTION >= sentences;
}

/** Sentence-ending marks (。！？) in a text. */
function sentenceEnds(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '。' || ch === '！' || ch === '？') count++;
  }
  return count;
}
