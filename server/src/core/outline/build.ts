// Assembles the flat outline: title, bylines, labelled sections (paired with their titles) and
// the plain headings no label claimed.

import type { ArticleModel, Block, Fragment, Role } from '../model';
import type { OutlineEntry } from './types';
import { compactString } from '../compactText';
import { boxReadingsOf, placedBoxHit, placedHeadings, placedTitleUnit, type BoxReadings } from './boxPairing';
import { firstIndex } from '../search';
import { inlineLabelLines, movedHit, numberedInlineLabels, runsWhereNumbersRepeat, seriesKey, type LabelHit } from './sections';
import type { TitleUnit } from './titles';
import { ModelSlot } from '../parts';

/** An entry as this build makes it: its end is widened to its span before the outline is returned. */
type Draft = { -readonly [K in keyof OutlineEntry]: OutlineEntry[K] };

interface Item {
  readonly entry: Draft;
  readonly order: number;
  /** The line the entry starts on (a section's label or title, a heading's first line; -1 for a byline). */
  readonly line: number;
  /** Sections of one series are listed by number. */
  readonly series?: string;
  readonly number?: number;
}

interface Section {
  readonly hit: LabelHit;
  readonly title?: TitleUnit;
  readonly level: number;
}

/** The most characters a wrapped title leaves on its second line for the outline to take them. */
const TITLE_TAIL = 6;
/** A title this close to its label (in lines) is part of the section's span. */
const ADJACENT = 2;

/**
 * What the outline reads of a document's lines besides its box labels and title units (boxReadingsOf), all
 * in the document's numbering and offsets: of a model read whole, its own parts (wholeOutlineSource); of a
 * document made of regions, each region's reading kept in it and placed (regions.ts), so that a version
 * places no region's lines for its outline.
 */
export interface OutlineSource {
  readonly fragmentCount: number;
  /** Fragment i, as placed in the document. */
  fragment(i: number): Fragment;
  /** Where fragment i starts and ends in the document (its `start` and `end`, without placing it). */
  fragmentStart(i: number): number;
  fragmentEnd(i: number): number;
  role(i: number): Role;
  /** The first block the layout made the title, else the first block (there is one when there is a fragment). */
  titleBlock(): Block;
  /** What the inline label lines (inlineLabelLines with the given width) and the bylines are placed from. */
  regionReadings(width: number): RegionReadings;
}

export interface Byline {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Models whose lines the outline reads another way (a document's, region by region): set as the model is made. */
const readElsewhere = new ModelSlot<OutlineSource>();

/** Declares, as `model` is made and before anything asks, how the outline reads its lines. */
export function outlineLinesWith(model: ArticleModel, source: OutlineSource): void {
  readElsewhere.set(model, source);
}

/** A model's own parts as the outline reads them. */
export function wholeOutlineSource(model: Pick<ArticleModel, 'fragments' | 'roles' | 'blocks' | 'blockOfFragment'>): OutlineSource {
  return {
    fragmentCount: model.fragments.length,
    fragment: (i) => model.fragments[i],
    fragmentStart: (i) => model.fragments[i].start,
    fragmentEnd: (i) => model.fragments[i].end,
    role: (i) => model.roles[i],
    titleBlock: () => model.blocks[firstTitleBlock(model.blocks)] ?? model.blocks[0],
    // The whole model as one region, whose readings read all of it.
    regionReadings: (width) => ({
      fragments: ZERO,
      offsets: ZERO,
      viewStarts: ZERO,
      viewEnds: Float64Array.of(Infinity),
      inline: [inlineLabelLines(model, width)],
      bylines: [bylinesOf(model.blocks)],
    }),
  };
}

const ZERO = Float64Array.of(0);

/** The index of the first of blocks [from, to) the layout made the title, or -1. */
export function firstTitleBlock(blocks: readonly Block[], from = 0, to = blocks.length): number {
  for (let i = from; i < to; i++) if (blocks[i].role === 'title') return i;
  return -1;
}

/** The bylines among blocks [from, to), in order. */
export function bylinesOf(blocks: readonly Block[], from = 0, to = blocks.length): Byline[] {
  const bylines: Byline[] = [];
  for (let i = from; i < to; i++) {
    const block = blocks[i];
    if (block.role === 'byline') bylines.push({ text: compactString(block.text), start: block.start, end: block.end });
  }
  return bylines;
}

/**
 * What the outline of one version reads besides its lines' starts and ends: the box labels and their titles,
 * the strong title units, the inline label lines, the title block and its tail, the bylines. The outline is
 * assembled from these alone (assembleOutline), comparing offsets and taking the least or greatest of them, so
 * a version whose readings are the previous version's moved by an edit has that version's outline, moved
 * (outline/carryOver.ts).
 */
export interface OutlineReadings {
  readonly fragmentCount: number;
  /** The end of the last line. */
  readonly documentEnd: number;
  readonly width: number;
  readonly titleBlock: Block;
  readonly titleTail: TitleTail | undefined;
  /**
   * What the box labels, the titles they took (pairing.titles), the strong title units, every inline label line
   * (numbered series or not) and the bylines are placed from, region by region.
   */
  readonly parts: { readonly box: BoxReadings; readonly regions: RegionReadings };
}

/** The lines the outline of `model` reads (of a document made of regions, its regions' readings). */
export function outlineSourceOf(model: ArticleModel): OutlineSource {
  return readElsewhere.get(model) ?? wholeOutlineSource(model);
}

/**
 * The readings of a model with at least one line: what its labels, titles, headings, inline label lines and
 * bylines are placed from. They are placed where they are read (assembleOutline): a version whose readings are
 * the previous version's moved, compared region by region (carryOver.ts), places only those of the regions the
 * edit reached.
 */
export function outlineReadings(model: ArticleModel, lines: OutlineSource): OutlineReadings {
  const box = boxReadingsOf(model);
  const { width } = box;
  const titleBlock = lines.titleBlock();
  return {
    fragmentCount: lines.fragmentCount,
    documentEnd: lines.fragmentEnd(lines.fragmentCount - 1),
    width,
    titleBlock,
    titleTail: titleTailAfter(lines, titleBlock.lastFragment),
    parts: { box, regions: lines.regionReadings(width) },
  };
}

/**
 * What a document's inline label lines and bylines are placed from: each region's own (in its numbering and
 * offsets, kept in it), where each region stands, and the span of text around each that its labels and titles
 * were read with in view (a model read whole is one region).
 */
export interface RegionReadings {
  /** Where each region's first line and first character stand in the document. */
  readonly fragments: Float64Array;
  readonly offsets: Float64Array;
  /** The first character of the text each region's readings read (its own and the lines in view), and the character after the last. */
  readonly viewStarts: Float64Array;
  readonly viewEnds: Float64Array;
  readonly inline: ReadonlyArray<readonly LabelHit[]>;
  readonly bylines: ReadonlyArray<readonly Byline[]>;
}

/** Region k's inline label lines, placed in the document, added to `into`. */
export function placedRegionInline(r: RegionReadings, k: number, into: LabelHit[] = []): LabelHit[] {
  for (const hit of r.inline[k]) into.push(movedHit(hit, r.fragments[k], r.offsets[k]));
  return into;
}

/** Region k's bylines, placed in the document, added to `into`. */
export function placedRegionBylines(r: RegionReadings, k: number, into: Byline[] = []): Byline[] {
  const offset = r.offsets[k];
  for (const b of r.bylines[k]) into.push({ text: b.text, start: b.start + offset, end: b.end + offset });
  return into;
}

/** The outline from a version's readings; of its lines it reads only where they start and end. */
export function assembleOutline(lines: OutlineSource, readings: OutlineReadings): OutlineEntry[] {
  const { titleBlock, titleTail, documentEnd, parts } = readings;
  const labels = parts.box;
  const box: LabelHit[] = [];
  const titles: Array<TitleUnit | undefined> = [];
  for (let i = 0; i < labels.box.length; i++) {
    box.push(placedBoxHit(labels, i));
    titles.push(placedTitleUnit(labels, i));
  }
  // Only the strong title units: the outline lists no other unit but the titles labels took.
  const headings: TitleUnit[] = [];
  for (let k = 0; k < labels.surroundings.length; k++) placedHeadings(labels, k, headings);
  const bylines: Byline[] = [];
  const hits: LabelHit[] = [];
  for (let k = 0; k < parts.regions.offsets.length; k++) {
    placedRegionBylines(parts.regions, k, bylines);
    placedRegionInline(parts.regions, k, hits);
  }
  const inline = numberedInlineLabels(hits);
  const inlineLevel = inlineLevels(inline, box.length > 0 ? 2 : 1);
  const sections: Section[] = [
    ...box.map((hit, i) => ({ hit, title: titles[i], level: 1 })),
    ...inline.map((hit) => ({ hit, title: hit.inlineTitle, level: inlineLevel.get(seriesKey(hit.label))! })),
  ];

  const articleTitle = compactString(titleBlock.text) + (titleTail?.text ?? '');
  const titleEnd = titleTail?.end ?? titleBlock.end;
  // The lines a section's label or title stands on, the titles the sections took, and the first section's line.
  const claimed = new Set<number>();
  const usedTitles = new Set<string>();
  let firstSection = Infinity;
  for (const { hit, title } of sections) {
    claimed.add(hit.fragment);
    if (title) {
      for (let i = title.first; i <= title.last; i++) claimed.add(i);
      usedTitles.add(title.text);
    }
    if (hit.fragment < firstSection) firstSection = hit.fragment;
  }
  usedTitles.add(articleTitle);

  const body: Item[] = [];
  for (const section of sections) body.push(sectionEntry(lines, section));
  for (const unit of headings) {
    if (claimed.has(unit.first) || usedTitles.has(unit.text) || unit.first === titleBlock.firstFragment) continue;
    if (titleTail && unit.first === titleTail.index) continue;
    usedTitles.add(unit.text);
    const level = unit.first > firstSection ? 2 : 1;
    body.push({ entry: plainEntry('heading', unit.text, unit.start, unit.end, level), order: unit.start, line: unit.first });
  }
  for (const byline of bylines) body.push({ entry: plainEntry('byline', byline.text, byline.start, byline.end, 1), order: byline.start, line: -1 });

  const ordered = withSpans(lines, inReadingOrder(body), documentEnd);
  const title: OutlineEntry = {
    kind: 'title',
    level: 0,
    name: articleTitle,
    title: articleTitle,
    selectionStart: titleBlock.start,
    selectionEnd: titleEnd,
    start: titleBlock.start,
    end: documentEnd,
  };
  return [title, ...ordered];
}

/** The end of a wrapped title the layout left on the lines after it: its first line, its text (compact), where it ends. */
interface TitleTail {
  readonly index: number;
  readonly text: string;
  readonly end: number;
}

/**
 * The end of a wrapped title the layout left on the next line (种业振兴跑出 / “加速度”,
 * …的相关设 / 置), or on the two lines before the byline (a title set over three or four lines).
 */
function titleTailAfter(lines: OutlineSource, titleLast: number): TitleTail | undefined {
  const next = oneLineTail(lines, titleLast);
  if (next) return { index: next.index, text: compactString(next.text), end: next.end };
  return tailBeforeByline(lines, titleLast);
}

function oneLineTail(lines: OutlineSource, titleLast: number): Fragment | undefined {
  const title = lines.fragment(titleLast);
  if (titleLast + 1 >= lines.fragmentCount) return undefined;
  const next = lines.fragment(titleLast + 1);
  if (lines.role(titleLast + 1) !== 'body' && lines.role(titleLast + 1) !== 'heading') return undefined;
  const tail = compactString(next.text);
  if (tail.length > TITLE_TAIL || tail.length >= compactString(title.text).length) return undefined;
  if (/[。，；：！？,.;:!?、]$/.test(title.text) || /[。，；：、,;:]/.test(tail) || !/\p{Script=Han}/u.test(tail)) return undefined;
  // A short line after a title may also be a heading of its own (词汇, 文化): only a lone
  // character or a quoted phrase (跑出 / “加速度”) is surely the title's end.
  return tail.length === 1 || /^[“《「][^”》」]+[”》」]$/.test(tail) ? next : undefined;
}

/**
 * A title in its larger type set over three or four lines, each filled and the last what is left, then the
 * byline (`兴新图景——江西` / `赣州乡村振兴一线` / `见闻` / `本报记者聂晚晴`): one or two lines, each no wider
 * than the line before it, none with a sentence or clause mark, and the byline right after them.
 */
function tailBeforeByline(lines: OutlineSource, titleLast: number): TitleTail | undefined {
  let previous = compactString(lines.fragment(titleLast).text);
  let text = '';
  for (let i = titleLast + 1; i <= titleLast + 2 && i + 1 < lines.fragmentCount; i++) {
    if (lines.role(i) !== 'body' && lines.role(i) !== 'heading') return undefined;
    const line = compactString(lines.fragment(i).text);
    if (/[。，；：！？,.;:!?、]$/.test(previous) || /[。，；：、,;:]/.test(line) || !/\p{Script=Han}/u.test(line) || line.length > previous.length) return undefined;
    text += line;
    previous = line;
    if (lines.role(i + 1) === 'byline') return { index: titleLast + 1, text, end: lines.fragmentEnd(i) };
  }
  return undefined;
}

function sectionEntry(lines: OutlineSource, section: Section): Item {
  const { hit, title, level } = section;
  const form = hit.inlineTitle ? (hit.label.form === 'box' ? 'box' : 'inline') : 'box';
  const name = !title ? hit.label.text : form === 'inline' ? `${hit.label.text}${title.text}` : `${hit.label.text}  ${title.text}`;
  const near = title !== undefined && Math.abs(title.first - hit.fragment) <= ADJACENT;
  const start = near ? Math.min(hit.start, title.start) : hit.start;
  const selectionEnd = form === 'inline' && title ? title.end : hit.end;
  const entry: Draft = {
    kind: 'section',
    level,
    name,
    label: hit.label.text,
    title: title?.text ?? '',
    form,
    selectionStart: hit.start,
    selectionEnd,
    start,
    end: Math.max(selectionEnd, near ? title.end : hit.end, lines.fragmentEnd(hit.fragment)),
  };
  const line = near && title.start < hit.start ? title.first : hit.fragment;
  return { entry, order: start, line, series: seriesKey(hit.label), number: hit.label.number };
}

/**
 * A series' sections (in document order) in number order within each run: a series that starts again
 * (（一）（二） under each of 一、 and 二、, or articles pasted one after another) is cut where a number
 * comes back, and the runs stay in document order.
 */
function inNumberOrderPerRun(list: readonly Item[]): Item[] {
  return runsWhereNumbersRepeat(list, (item) => item.number!).flatMap((run) => run.sort((a, b) => a.number! - b.number!));
}

function plainEntry(kind: 'heading' | 'byline', name: string, start: number, end: number, level: number): Draft {
  return { kind, level, name, title: name, form: kind === 'heading' ? 'plain' : undefined, selectionStart: start, selectionEnd: end, start, end };
}

/** Document order, except that the sections of one series take their slots in number order. */
function inReadingOrder(body: readonly Item[]): Item[] {
  const byPosition = [...body].sort((a, b) => a.order - b.order);
  const bySeries = new Map<string, Item[]>();
  for (const item of byPosition) {
    if (item.series === undefined) continue;
    if (!bySeries.has(item.series)) bySeries.set(item.series, []);
    bySeries.get(item.series)!.push(item);
  }
  for (const [series, list] of bySeries) bySeries.set(series, inNumberOrderPerRun(list));
  const next = new Map<string, number>();
  return byPosition.map((item) => {
    if (item.series === undefined) return item;
    const index = next.get(item.series) ?? 0;
    next.set(item.series, index + 1);
    return bySeries.get(item.series)![index];
  });
}

/**
 * A section or heading spans up to the next entry of the same or a higher rank, in document order: each
 * entry's end is widened where it stands (the entries are this build's own, made just before; no copy).
 */
function withSpans(lines: OutlineSource, items: readonly Item[], documentEnd: number): OutlineEntry[] {
  const anchors = items.filter((item) => item.entry.kind !== 'byline').sort((a, b) => a.entry.start - b.entry.start);
  // The anchors' starts and lines, for the searches below.
  const startOf = new Float64Array(anchors.length);
  const lineOf = new Int32Array(anchors.length);
  for (let i = 0; i < anchors.length; i++) {
    startOf[i] = anchors[i].entry.start;
    lineOf[i] = anchors[i].line;
  }
  const nextOfRank = nextAtMostLevel(anchors);
  const entries: OutlineEntry[] = [];
  for (const { entry } of items) {
    entries.push(entry);
    if (entry.kind === 'byline') continue;
    // The first anchor after the entry of the same or a higher rank, found in constant time per entry.
    const after = firstAfter(startOf, entry.start);
    const next = after < anchors.length ? (nextOfRank.get(entry.level)?.[after] ?? anchors.length) : anchors.length;
    const end = next < anchors.length ? textEndBefore(lines, startOf[next], lineOf[next]) : documentEnd;
    if (end > entry.end) entry.end = end;
  }
  return entries;
}

/**
 * The end of the text before `offset`: of the last line starting before it, at most `offset` (0 when none),
 * looked for from line `near` (the line an entry starting at `offset` starts on): a line or two read, not a
 * search over the document's lines.
 */
function textEndBefore(lines: OutlineSource, offset: number, near: number): number {
  let i = Math.min(near, lines.fragmentCount - 1);
  while (i >= 0 && lines.fragmentStart(i) >= offset) i--;
  while (i + 1 < lines.fragmentCount && lines.fragmentStart(i + 1) < offset) i++;
  return i < 0 ? 0 : Math.min(lines.fragmentEnd(i), offset);
}

/** For each level and each index i, the first index at or after i whose anchor's level is at most that level. */
function nextAtMostLevel(anchors: readonly Item[]): Map<number, Int32Array> {
  const table = new Map<number, Int32Array>();
  for (const level of new Set(anchors.map((anchor) => anchor.entry.level))) {
    const next = new Int32Array(anchors.length + 1).fill(anchors.length);
    for (let i = anchors.length - 1; i >= 0; i--) next[i] = anchors[i].entry.level <= level ? i : next[i + 1];
    table.set(level, next);
  }
  return table;
}

/** Index of the first anchor starting after `offset` (the anchors' starts, sorted). */
function firstAfter(starts: Float64Array, offset: number): number {
  return firstIndex(starts.length, (i) => starts[i] > offset);
}

function inlineLevels(inline: readonly LabelHit[], firstLevel: number): Map<string, number> {
  const levels = new Map<string, number>();
  for (const hit of inline) {
    const key = seriesKey(hit.label);
    if (!levels.has(key)) levels.set(key, Math.min(firstLevel + levels.size, 3));
  }
  return levels;
}

