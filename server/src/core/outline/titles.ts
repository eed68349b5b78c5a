// Which lines read as a section title: short, unpunctuated, standing between sentence ends.
// Works on fragments so that a title the layout left inside a paragraph is still found.

import { isHan, isClosingMark } from '../charClasses';
import { endsSentence } from '../breaks/evidence';
import type { ArticleModel, Fragment } from '../model';
import { compactLength, compactString } from '../compactText';
import { unitAt } from '../figures/lexicon';
import { isTitleEnd, isTitleText, MAX_TITLE, mayWrapOnto, readsAsTitleRest } from '../titleText';

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

/** A title unit moved `fragment` lines and `offset` characters on (the unit itself when it does not move). */
export function movedTitle(unit: TitleUnit, fragment: number, offset: number): TitleUnit {
  if (fragment === 0 && offset === 0) return unit;
  return { first: unit.first + fragment, last: unit.last + fragment, text: unit.text, start: unit.start + offset, end: unit.end + offset, strong: unit.strong };
}

/** A line starting with these continues the line before it. */
const CONTINUING_START = /^[，。、；：！？）》”’,.;:!?)\]]/;

export { isTitleText };

/**
 * A line after the title that is shorter than the title's last line is the rest of a wrapped title; as wide
 * as it, too, when the byline follows within two lines (a title set over three or four lines in its larger
 * type, each filled: `兴新图景——江西` / `赣州乡村振兴一线` / `见闻` / `本报记者聂晚晴`).
 */
function wrapsTitle(model: OutlineLines, index: number): boolean {
  const title = compactString(model.fragments[index - 1].text);
  const line = compactString(model.fragments[index].text);
  if (endsLikeSentence(title)) return false;
  return line.length < title.length || (line.length === title.length && bylineWithin(model, index + 1, 2));
}

/** A byline stands on line `index` or the `lines - 1` lines after it. */
function bylineWithin(model: OutlineLines, index: number, lines: number): boolean {
  for (let i = index; i < index + lines && i < model.fragments.length; i++) if (model.roles[i] === 'byline') return true;
  return false;
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
  return found && wrappedOn(model, found, typicalWidth, true);
}

/**
 * `title`, with the lines it wraps onto that the layout did not join (wrapsOnto). A heading block the layout
 * set apart takes a short line after it only where a label vouches for it as a title (`afterLabel`): else
 * the line may be a heading of its own (`添加帐号` / `额度`).
 */
function wrappedOn(model: OutlineLines, title: TitleUnit, typicalWidth: number, afterLabel: boolean): TitleUnit {
  let last = title.last;
  let length = title.text.length;
  while (last - title.first + 1 < MAX_TITLE_LINES) {
    const next = wrapsOnto(model, last, length, typicalWidth, title.strong && !afterLabel);
    if (next === undefined) break;
    last++;
    length += next;
    // What the layout joined of the lines wrapped onto (a heading block of its own) goes on the title whole.
    const block = model.blocks[model.blockOfFragment[last]];
    if (model.roles[last] === 'heading' && block.firstFragment === last && block.lastFragment > last) {
      const end = headingLastLine(model, last, block.lastFragment);
      for (let i = last + 1; i <= end; i++) length += compactString(model.fragments[i].text).length;
      if (length > MAX_TITLE) break;
      last = end;
    }
  }
  return last > title.last ? unit(model, title.first, last, title.strong) : title;
}

/** The most lines a title the layout did not join is read over (a heading in its larger type wraps onto two or three). */
const MAX_TITLE_LINES = 3;

/**
 * Whether line `index` (a title's line; the title so far `length` characters) wraps onto the next, and if so
 * the next line's length. A word or two after a title is its end (`车间`, `持`). Longer, the next line goes
 * on the title as a heading set in its larger type wraps: it fills its line and goes on with what is left,
 * on the very next line (a blank line between ends the title), no wider than the line before it, and
 * narrower than a paragraph's indented first line (`特色产业“链”起增收路` / `赣南是全国著名的脐橙主`, as
 * wide as the title, opens the paragraph). It reads as a title (no sentence or clause mark, no speaker's
 * cue), the layout did not join it to the line after it (a paragraph's first line: `按病组（DRG）和按病种分值`),
 * and it is no piece pdfminer cut from a paragraph's first line at a figure (`截至` / `4` / `月底`).
 */
function wrapsOnto(model: OutlineLines, index: number, length: number, typicalWidth: number, heading: boolean): number | undefined {
  const next = model.fragments[index + 1];
  const role = model.roles[index + 1];
  if (!next || (role !== 'body' && role !== 'heading')) return undefined;
  const first = compactString(model.fragments[index].text);
  const second = compactString(next.text);
  if (!mayWrapOnto(first, second) || length + second.length > MAX_TITLE || continuesInto(model, index + 1)) return undefined;
  const after = model.fragments[index + 2];
  // A piece pdfminer cut from a paragraph's first line at a figure (`截至` / `4` / `月底`, `自` / blank / `2020`).
  const cutAtFigure = after !== undefined && /^[0-9A-Za-z]/.test(after.text.trimStart());
  const apart = next.line !== model.fragments[index].line + 1;
  if (!heading && second.length < first.length && !(apart && cutAtFigure) && (/[？！?!]$/.test(second) || role === 'heading' || isTitleEnd(first, second))) {
    return second.length;
  }
  if (apart || second.length >= typicalWidth - 2) return undefined;
  // The layout set the line apart from the title and joined it to the paragraph after it (when it joined all
  // three, it took the title for the paragraph's first line too, and says nothing of the line).
  const block = model.blockOfFragment;
  const opensParagraph = model.roles[index + 2] === 'body' && block[index + 2] === block[index + 1] && block[index] !== block[index + 1];
  if (opensParagraph || cutAtFigure) return undefined;
  return readsAsTitleRest(first, second) ? second.length : undefined;
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
  if (heading) return heading.last === index ? wrappedFrom(model, heading, typicalWidth) : undefined;
  const line = narrowBodyLineTitle(model, index, typicalWidth);
  if (!line) return undefined;
  const wrapped = wrappedFrom(model, line, typicalWidth);
  return wrapped !== line || endsUnit(model, index - 1) ? wrapped : undefined;
}

/** `title`, with the line before it when that line opens a title wrapped onto it (reading back from a label after it). */
function wrappedFrom(model: OutlineLines, title: TitleUnit, typicalWidth: number): TitleUnit {
  for (let back = 1; back < MAX_TITLE_LINES; back++) {
    const opening = titleOpeningAt(model, title.first - back, typicalWidth);
    if (opening && opening.last >= title.first) return opening.last === title.last ? opening : title;
  }
  return title;
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
    const found = titleOpeningAt(model, i, typicalWidth);
    if (found && !wrapsFromAbove(model, i, typicalWidth)) units.push(found);
  }
  return units;
}

/**
 * The title opening at line `index` with its wrapped lines, as titleUnits reads one: a heading read at its
 * block's first line, or a narrow body line, standing after a sentence end (opensCleanly).
 */
function titleOpeningAt(model: OutlineLines, index: number, typicalWidth: number): TitleUnit | undefined {
  if (index < 0) return undefined;
  const role = model.roles[index];
  // The cheap tests first: a heading is read at its block's first line, a body line only if narrow enough.
  let found: TitleUnit | undefined;
  if (role === 'heading') {
    if (model.blocks[model.blockOfFragment[index]].firstFragment !== index) return undefined;
    found = headingBlockUnit(model, index);
  } else if (role === 'body' && compactLength(model.fragments[index].text, typicalWidth - 2) <= typicalWidth - 2) {
    found = bodyLineTitle(model, index);
  }
  return found && opensCleanly(model, index) ? wrappedOn(model, found, typicalWidth, false) : undefined;
}

/** Line `index` is the wrapped end of a title opening on a line or two above it (read with that title, not as one of its own). */
function wrapsFromAbove(model: OutlineLines, index: number, typicalWidth: number): boolean {
  for (let back = 1; back < MAX_TITLE_LINES; back++) {
    const title = titleOpeningAt(model, index - back, typicalWidth);
    if (title) return title.last >= index;
  }
  return false;
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
