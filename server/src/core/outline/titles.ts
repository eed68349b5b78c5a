// Which lines read as a section title: short, unpunctuated, standing between sentence ends.
// Works on fragments so that a title the layout left inside a paragraph is still found.

import { isHan, isClosingMark } from '../charClasses';
import { endsSentence } from '../breaks/evidence';
import type { ArticleModel, Fragment } from '../model';
import { compactLength, compactString } from './compact';
import { unitAt } from '../figures/lexicon';

/**
 * What reading titles and labels needs of a model: its lines, their roles and blocks. A whole document's
 * model, or a few regions placed side by side (regions.ts reads a region's labels with its neighbours in view).
 */
export type OutlineLines = Pick<ArticleModel, 'fragments' | 'roles' | 'blocks' | 'blockOfFragment'>;

/** A run of fragments that reads as one title. */
export interface TitleUnit {
  readonly first: number;
  readonly last: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The layout gave it its own heading block (rather than leaving it in a paragraph). */
  readonly strong: boolean;
}

const MAX_TITLE = 40;
/** A title never ends with these: the line continues. */
const CONTINUING_END = /[，、；：,;:（(“‘《—]$/;
/** A line starting with these continues the line before it. */
const CONTINUING_START = /^[，。、；：！？）》”’,.;:!?)\]]/;
const DATELINE = /^(据|本报|记者|新华社|来源|编者按|通讯员)|电（|（记者/;

/** Whether a piece of text can be a section title (`网络强国战略思想形成`, `如何成为Debian开发者？`). */
export function isTitleText(text: string, allowComma = true): boolean {
  if (text.length < 2 || text.length > MAX_TITLE) return false;
  if (/[。；;]/.test(text) || CONTINUING_END.test(text)) return false;
  if (!allowComma && /[，,：:]/.test(text)) return false;
  if (DATELINE.test(text)) return false;
  // Latin words (Debian, GOsa) count for nothing either way: the rest must be mostly Han.
  let han = 0;
  let other = 0;
  for (const ch of text) {
    if (isHan(ch)) han++;
    else if (!/[A-Za-z\s]/.test(ch)) other++;
  }
  return han >= 2 && han >= other;
}

/** A line after the title that is shorter than the title's last line is the rest of a wrapped title. */
function wrapsTitle(model: OutlineLines, index: number): boolean {
  const title = compactString(model.fragments[index - 1].text);
  const line = compactString(model.fragments[index].text);
  return !endsLikeSentence(title) && line.length < title.length;
}

/** The fragment ends a sentence, or is not body text: a title may follow it. */
export function endsUnit(model: OutlineLines, index: number): boolean {
  if (index < 0) return true;
  if (model.roles[index] !== 'body') return true;
  return endsLikeSentence(model.fragments[index].text);
}

/**
 * Stricter than `endsUnit`, for titles no label vouches for: the fragment before must end a
 * sentence, be a label or byline, or be a heading that itself opens cleanly (not `2017` /
 * `年我国…`, a figure the layout mistook for a heading). pdfminer prints the figures of a text box
 * apart from their sentences: after a figure standing alone between sentences (`…显现。` / `8%` /
 * `智能农机跑出抢收速度`), a line that does not start with a unit (`年`, `万亩`) opens cleanly. A line
 * right after the article title is the title's second line or a subtitle, never a section title.
 */
export function opensCleanly(model: OutlineLines, index: number): boolean {
  const previous = index - 1;
  if (previous < 0) return true;
  const role = model.roles[previous];
  if (role === 'title') return !wrapsTitle(model, index);
  if (role === 'label' || role === 'byline' || role === 'directive') return true;
  if (endsLikeSentence(model.fragments[previous].text)) return true;
  if (role !== 'heading') return false;
  const heading = headingBlockUnit(model, previous);
  if (heading) return opensCleanly(model, heading.first);
  const readsOnFromFigure = unitAt(compactString(model.fragments[index].text), 0) !== undefined;
  return isStrayFigure(model, previous) && !readsOnFromFigure && opensCleanly(model, previous);
}

/** A figure standing alone (`8%`, `17.6`): pdfminer prints the figures of a text box apart from their sentences. */
function isStrayFigure(model: OutlineLines, index: number): boolean {
  const block = model.blocks[model.blockOfFragment[index]];
  return block.firstFragment === block.lastFragment && STRAY_FIGURE.test(model.fragments[index].text);
}

const STRAY_FIGURE = /^[\d.,%\s]+$/;

/**
 * The layout's endsSentence (breaks/evidence.ts), read more loosely for titles and speakers: a Latin full
 * stop ends a sentence too, and spaces may stand between the marks (`。 ”`), as text read for the outline
 * keeps the extractor's spaces.
 */
export function endsLikeSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && (isClosingMark(text[i]) || text[i] === ' ')) i--;
  return i >= 0 && (text[i] === '.' || endsSentence(text[i]));
}

function continuesInto(model: OutlineLines, index: number): boolean {
  const next: Fragment | undefined = model.fragments[index + 1];
  return next !== undefined && CONTINUING_START.test(next.text);
}

function unit(model: OutlineLines, first: number, last: number, strong: boolean): TitleUnit {
  // Only the text: not where each of its characters stands (compactFragments), an offset per character of
  // every title candidate of the document, read by nothing here.
  let text = compactString(model.fragments[first].text);
  for (let i = first + 1; i <= last; i++) text += compactString(model.fragments[i].text);
  return {
    first,
    last,
    text,
    start: model.fragments[first].start,
    end: model.fragments[last].end,
    strong,
  };
}

/** The heading block holding fragment `index`, if the layout made one that can be a title. */
function headingBlockUnit(model: OutlineLines, index: number): TitleUnit | undefined {
  const block = model.blocks[model.blockOfFragment[index]];
  if (block.role !== 'heading') return undefined;
  const last = headingLastLine(model, block.firstFragment, block.lastFragment);
  const found = unit(model, block.firstFragment, last, true);
  return isTitleText(found.text) && !continuesInto(model, last) ? found : undefined;
}

/**
 * The last line of a heading block (lines first..last) that belongs to the heading. A lone character
 * after a blank line, with a figure after it, is a piece the extractor cut from the next paragraph's
 * first line at that figure, which the layout joined to the heading (`（四）观测能力持续提升` / blank /
 * `自` / blank / `2020`, for 自2020年…).
 */
export function headingLastLine(model: Pick<OutlineLines, 'fragments'>, first: number, last: number): number {
  if (last === first) return last;
  const tail = model.fragments[last];
  const text = compactString(tail.text);
  const apart = tail.line - model.fragments[last - 1].line > 1;
  const cutAtFigure = /^[0-9A-Za-z]/.test(model.fragments[last + 1]?.text ?? '');
  return apart && text.length === 1 && isHan(text) && cutAtFigure ? last - 1 : last;
}

/** The title starting at fragment `index` (just after a label), if one does. */
export function titleStartingAt(model: OutlineLines, index: number, typicalWidth: number): TitleUnit | undefined {
  if (index >= model.fragments.length || model.roles[index] === 'label') return undefined;
  const heading = headingBlockUnit(model, index);
  const found = heading ? (heading.first === index ? heading : undefined) : narrowBodyLineTitle(model, index, typicalWidth);
  if (!found || found.first !== found.last) return found;
  return wrapsOnto(model, index) ? unit(model, index, index + 1, found.strong) : found;
}

/**
 * A title wrapped onto a second, shorter line the layout did not join (`如何成为Debian成员或` /
 * `Debian开发者？`, `…提供更多的支` / `持`). A body line after a title is never this short unless
 * it ends the title: it ends with ？ or ！, holds a word or two, or the layout calls it a heading.
 */
function wrapsOnto(model: OutlineLines, index: number): boolean {
  const next = model.fragments[index + 1];
  const role = model.roles[index + 1];
  if (!next || (role !== 'body' && role !== 'heading')) return false;
  const first = compactString(model.fragments[index].text);
  const second = compactString(next.text);
  if (/[？！?!”》）。]$/.test(first) || second.length >= first.length || first.length + second.length > MAX_TITLE) return false;
  if (/[，。、；：,;:]/.test(second) || !/\p{Script=Han}/u.test(second) || continuesInto(model, index + 1)) return false;
  return /[？！?!]$/.test(second) || second.length <= 3 || role === 'heading';
}

/**
 * A body line right after a label that reads as a title though it is as wide as a paragraph's first
 * line (a bold title in a narrow column): the pairing weighs its width against other candidates.
 */
export function widerTitleStartingAt(model: OutlineLines, index: number, typicalWidth: number): TitleUnit | undefined {
  if (index >= model.fragments.length || model.roles[index] !== 'body') return undefined;
  const line = bodyLineTitle(model, index);
  return line && line.text.length <= typicalWidth + 1 ? line : undefined;
}

/** The title ending at fragment `index` (just before a label), if one does. */
export function titleEndingAt(model: OutlineLines, index: number, typicalWidth: number): TitleUnit | undefined {
  if (index < 0 || model.roles[index] === 'label') return undefined;
  const heading = headingBlockUnit(model, index);
  if (heading) return heading.last === index ? heading : undefined;
  if (!endsUnit(model, index - 1)) return undefined;
  return narrowBodyLineTitle(model, index, typicalWidth);
}

/**
 * A body line next to a label reads as its title only if it is no wider than a paragraph's
 * indented first line: a full line next to a label is the paragraph the label was dropped before.
 */
function narrowBodyLineTitle(model: OutlineLines, index: number, typicalWidth: number): TitleUnit | undefined {
  const line = bodyLineTitle(model, index);
  return line && line.text.length <= typicalWidth - 2 ? line : undefined;
}

/** A single line the layout left in a paragraph that still reads as a title. */
function bodyLineTitle(model: OutlineLines, index: number): TitleUnit | undefined {
  const role = model.roles[index];
  if (role !== 'body' && role !== 'heading') return undefined;
  if (continuesInto(model, index)) return undefined;
  const text = compactString(model.fragments[index].text);
  if (!isTitleText(text, false)) return undefined;
  return unit(model, index, index, false);
}

/**
 * Every title-like unit of the document: heading blocks, and short body lines standing alone between
 * sentence ends (a title the extractor moved away from its label).
 */
export function titleUnits(model: OutlineLines, typicalWidth: number, from = 0, to = model.fragments.length): TitleUnit[] {
  const units: TitleUnit[] = [];
  for (let i = from; i < to; i++) {
    const role = model.roles[i];
    // The cheap tests first: a heading is read at its block's first line, a body line only if narrow enough.
    if (role === 'heading') {
      if (model.blocks[model.blockOfFragment[i]].firstFragment !== i) continue;
      const heading = headingBlockUnit(model, i);
      if (heading && opensCleanly(model, i)) units.push(heading);
    } else if (role === 'body' && compactLength(model.fragments[i].text, typicalWidth - 2) <= typicalWidth - 2 && opensCleanly(model, i)) {
      const line = bodyLineTitle(model, i);
      if (line) units.push(wrapsOnto(model, i) ? unit(model, i, i + 1, false) : line);
    }
  }
  return units;
}

/** How many body lines of each width (in characters) lines [from, to) hold: counts add up across regions. */
export function bodyWidths(model: OutlineLines, from = 0, to = model.fragments.length): Map<number, number> {
  const { fragments, roles } = model;
  const widths = new Map<number, number>();
  for (let i = from; i < to; i++) {
    if (roles[i] !== 'body') continue;
    const width = compactLength(fragments[i].text);
    widths.set(width, (widths.get(width) ?? 0) + 1);
  }
  return widths;
}

/**
 * The median width of body lines, in characters (titles are shorter than a full column line), from the
 * counts of each part of the document: the upper median of an even count, as a sorted list's [count / 2].
 */
export function medianWidth(counts: Iterable<ReadonlyMap<number, number>>): number {
  const total = new Map<number, number>();
  for (const widths of counts) for (const [width, count] of widths) total.set(width, (total.get(width) ?? 0) + count);
  let lines = 0;
  for (const count of total.values()) lines += count;
  if (lines === 0) return 0;
  let seen = 0;
  for (const width of [...total.keys()].sort((a, b) => a - b)) {
    seen += total.get(width)!;
    if (seen > lines >> 1) return width;
  }
  return 0;
}
