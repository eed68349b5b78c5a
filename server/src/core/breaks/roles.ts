// The role of each fragment: fixed ones known from the fragment alone (labels, bylines, directives),
// and the title and headings, known once the breaks have grouped fragments into blocks.

import { isLabel } from '../labels';
import type { Fragment, Role } from '../article';
import { endsSentence } from './evidence';
import { emWidth } from './width';

const BYLINE = /^(据|来源[:：]|（?记者|本报记者|新华社|通讯员)[\p{Script=Han}A-Za-z·\s]{0,16}(电|报道|社|）)?$/u;

/** Roles a fragment has whatever its neighbours: a directive, a box label (信号一) or a byline (据新华社). */
export function fixedRole(fragment: Fragment, isDirective: boolean): Role | undefined {
  if (isDirective) return 'directive';
  if (isLabel(fragment.text)) return 'label';
  if (BYLINE.test(fragment.text)) return 'byline';
  return undefined;
}

/** Headings are short and carry no sentence punctuation inside; a paragraph may be a single short line too. */
const HEADING_MAX_EM = 32;
const SENTENCE_INSIDE = /[。！？；，,;]/;

/**
 * Roles of the fragments of one block (first..last inclusive): the first content block is the title;
 * a block of at most two lines, short, without sentence punctuation inside, is a heading.
 */
export function blockRole(fragments: readonly Fragment[], first: number, last: number, isFirstContent: boolean): Role {
  if (isFirstContent) return 'title';
  if (last - first > 1) return 'body';
  let text = '';
  for (let i = first; i <= last; i++) text += fragments[i].text;
  const body = text.replace(/[？?！!]$/, '');
  if (emWidth(text) > HEADING_MAX_EM || SENTENCE_INSIDE.test(body) || endsSentence(body)) return 'body';
  return 'heading';
}
