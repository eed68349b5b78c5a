// The role of each fragment: fixed ones known from the fragment alone (labels, bylines, directives),
// and the title and headings, known once the breaks have grouped fragments into blocks.

import { isLabel } from '../labels';
import type { Fragment, Role } from '../article';
import { endsSentence } from './evidence';
import { emWidth } from './width';

/** Reporters' names: two to eight Han (or ·) each, several parted by 、 or spaces (王建国、刘晓燕). */
const NAMES = '[\\p{Script=Han}·]{2,8}(?:[、\\s]+[\\p{Script=Han}·]{2,8}){0,5}';
const REPORTER = `(?:本报)?(?:特约)?(?:记者|通讯员)\\s*${NAMES}`;
/** A news agency or paper: 新华社, 本报, or a name ending as one (人民日报, 中央电视台, 人民网). */
const MEDIA = '(?:新华社|中新社|本报|\\p{Script=Han}{1,8}?(?:日报|晚报|通讯社|电视台|网))';
/**
 * A byline or dateline standing as a whole fragment: 本报记者王建国、刘晓燕, （记者岑牧野）, 记者 张三,
 * 据新华社, 新华社电, 来源：…, and a reprint's dateline with its reporter (据新华社郑州9月12日电（记者岑牧野）:
 * on its own line in 3 of the corpus's 4 articles with one). Not 记者 or 据 before ordinary words
 * (记者从工业和信息化, 据文化和旅游部数据, 据可能被…: a wrapped line of a paragraph), nor a paper's or an
 * agency's own dateline (本报北京4月8日电（记者柴晓楠）种子是…, 新华社北京…电（记者…）…: the first
 * paragraph starts with it, in all 5 of the corpus's articles with one), even cut after its reporter.
 */
const BYLINE = new RegExp(
  '^(?:' +
    [
      '来源[:：][\\p{Script=Han}A-Za-z·\\s]{0,16}',
      `本报(?:特约)?(?:记者|通讯员)\\s*${NAMES}`,
      `(?:记者|通讯员)[\\s:：]+${NAMES}`,
      `[（(]${REPORTER}[）)]`,
      '据(?:新华社|中新社|\\p{Script=Han}{1,8}?(?:日报|晚报|通讯社|电视台|网))(?:电|报道|消息)?',
      '(?:新华社|中新社)电?',
      `据${MEDIA}\\s*\\p{Script=Han}{0,8}?\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*电\\s*[（(]${REPORTER}[）)]`,
    ].join('|') +
    ')$',
  'u',
);
/** Longer than any byline (a dateline with six reporters): such a fragment is not tried against BYLINE. */
const BYLINE_MAX = 80;

/**
 * The kinds of box documentation prose sets apart under a word of their own, unnumbered (a handbook's
 * sidebars: BACK TO BASICS 基础知识, SECURITY 安全, IN PRACTICE 实务, TIP 提示, NOTE 说明, CAUTION 小心,
 * VOCABULARY 词汇, GOING FURTHER 进一步, QUICK LOOK 速览, CULTURE 文化, COMMUNITY 社区, TOOL 工具…). On
 * the corpus every line that is one of them stands alone in the truth (31 of 31 基础知识, 16 of 16 安全),
 * and the line after it is the box's title (decide.ts `title-after-box-word`). Not labels to `isLabel`:
 * not numbered, not a series the outline pairs.
 */
const BOX_WORDS: ReadonlySet<string> = new Set([
  '基础知识', '基本知识', '回到基础', '回到基本', '安全', '实务', '实践', '提示', '秘诀', '技巧', '注意', '备注',
  '说明', '注释', '小心', '当心', '警告', '词汇', '术语', '进一步', '深入', '进阶', '速览', '文化', '社区',
  '工具', '特例', '替代', '补充',
]);

/** A whole fragment that is an unnumbered box word of documentation prose (基础知识, 安全, 实务). */
export function isBoxWord(text: string): boolean {
  return text.length <= 8 && BOX_WORDS.has(text.replace(/\s/g, ''));
}

/** Roles a fragment has whatever its neighbours: a directive, a box label (信号一) or a byline (据新华社). */
export function fixedRole(fragment: Fragment, isDirective: boolean): Role | undefined {
  if (isDirective) return 'directive';
  if (isLabel(fragment.text)) return 'label';
  if (fragment.text.length <= BYLINE_MAX && BYLINE.test(fragment.text)) return 'byline';
  return undefined;
}

/** Headings are short and carry no sentence punctuation inside; a paragraph may be a single short line too. */
const HEADING_MAX_EM = 32;
const SENTENCE_INSIDE = /[。！？；，,;]/;

/**
 * Roles of the fragments of one block (first..last inclusive): the first content block is the title;
 * a block of at most two lines (or a title the layout joined over three, `wrappedTitle`), short, without
 * sentence punctuation inside, is a heading.
 */
export function blockRole(fragments: readonly Fragment[], first: number, last: number, isFirstContent: boolean, wrappedTitle = false): Role {
  if (isFirstContent) return 'title';
  if (last - first > 1 && !wrappedTitle) return 'body';
  let text = '';
  for (let i = first; i <= last; i++) text += fragments[i].text;
  const body = text.replace(/[？?！!]$/, '');
  if (emWidth(text) > HEADING_MAX_EM || SENTENCE_INSIDE.test(body) || endsSentence(body)) return 'body';
  return 'heading';
}
