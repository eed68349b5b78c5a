// Finding the labels that number an article's sections: boxes (信号一 on a line of its own) and
// inline prefixes (一、…, （一）…). A series counts only if the document really numbers with it.

import { isHighSurrogate, isLowSurrogate } from '../charClasses';
import { parseBoxLabel, parseInlineLabel, parseSeriesLabel, WEAK_SERIES, type Label } from '../labels';
import type { Steps } from '../parts';
import { compactString, sourceRange } from '../compactText';
import { compactFragments } from './compact';
import { HEADING_FULL_SHARE, HEADING_TAIL } from '../breaks/width';
import { endsLikeSentence, endsUnit, headingLastLine, isTitleText, movedTitle, type OutlineLines, type TitleUnit } from './titles';

export interface LabelHit {
  readonly label: Label;
  readonly fragment: number;
  /** Source range of the label itself. */
  readonly start: number;
  readonly end: number;
  /** The title printed on the label's own line (一、网络底座不断夯实, 信号一  标题). */
  readonly inlineTitle?: TitleUnit;
}

/** A label hit moved by `fragment` lines and `offset` characters (a new object). */
export function movedHit(hit: LabelHit, fragment: number, offset: number): LabelHit {
  const title = hit.inlineTitle;
  return {
    label: hit.label,
    fragment: hit.fragment + fragment,
    start: hit.start + offset,
    end: hit.end + offset,
    inlineTitle: title && movedTitle(title, fragment, offset),
  };
}

/** What numbering reads of a hit: its label (a document's hits need not be placed to be numbered). */
type NumberedHit = Pick<LabelHit, 'label'>;

const BOX_WITH_TITLE = /^(\S{2,4}?)[\s\u3000]+(\S.*)$/u;
/** One UTF-16 unit of white space (every white space character is in the BMP). */
const SPACE = /\s/;
/** What may not stand in a title's line (a regular expression's `.`). */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * A title and, after a gap an extractor prints between two boxes on one baseline (two spaces or more, a tab or
 * an ideographic space), a box label: the label set to the right of its title. The label is the line's last
 * 2–5 non-space characters; the whitespace before it begins with the gap at its first place; the title is
 * what precedes the gap and begins with a non-space character. This is what
 * /^(\S.*?)(?: {2,}|\t|\u3000)[\s\u3000]*(\S{2,5})$/u matches, read once from the line's end: that expression
 * backtracks cubically over a long run of spaces (a line of 4,000 took minutes).
 */
export function titleAndBoxLabel(text: string): { title: string; label: string } | undefined {
  let labelStart = text.length;
  let characters = 0;
  while (labelStart > 0 && !SPACE.test(text[labelStart - 1])) {
    const pair = labelStart >= 2 && isLowSurrogate(text.charCodeAt(labelStart - 1)) && isHighSurrogate(text.charCodeAt(labelStart - 2));
    labelStart -= pair ? 2 : 1;
    if (++characters > 5) return undefined;
  }
  if (characters < 2) return undefined;
  let spaceStart = labelStart;
  while (spaceStart > 0 && SPACE.test(text[spaceStart - 1])) spaceStart--;
  if (spaceStart === 0 || SPACE.test(text[0])) return undefined;
  let gap = spaceStart;
  while (gap < labelStart && !(text[gap] === '\t' || text[gap] === '\u3000' || (text[gap] === ' ' && text[gap + 1] === ' '))) gap++;
  if (gap === labelStart) return undefined;
  const title = text.slice(0, gap);
  return LINE_TERMINATOR.test(title) ? undefined : { title, label: text.slice(labelStart) };
}

/**
 * Every line of [from, to) that reads as a box label (信号一, or 信号一  标题), whether or not the document
 * numbers its series: which series it numbers is read over the whole document (numberedBoxLabels).
 */
export function boxLabelLines(model: OutlineLines, from = 0, to = model.fragments.length): LabelHit[] {
  const hits: LabelHit[] = [];
  for (let index = from; index < to; index++) {
    if (model.roles[index] === 'directive' || model.roles[index] === 'title') continue;
    const fragment = model.fragments[index];
    const label = parseSeriesLabel(fragment.text);
    if (label) {
      hits.push({ label, fragment: index, start: fragment.start, end: fragment.end });
      continue;
    }
    const withTitle = boxLabelWithTitle(model, index);
    if (withTitle) hits.push(withTitle);
  }
  return hits;
}

/**
 * The box label lines of the whole document (in document order) of the series it numbers, one per number
 * in each run; `opensUnit` says whether the line before a hit ends a unit (endsUnit). Pauses between its
 * passes (parts.ts Steps).
 */
export function* numberedBoxLabels<T extends NumberedHit>(hits: readonly T[], opensUnit: (hit: T) => boolean): Steps<T[]> {
  const numbered = keepNumberedSeries(hits, (hit) => parseBoxLabel(hit.label.text) !== undefined && !WEAK_SERIES.has(hit.label.series));
  // A pause between the two passes: each reads every label hit of the document.
  yield;
  return yield* onePerNumber(numbered, opensUnit);
}

/**
 * A box label numbers one section of its run: when a number occurs twice in a run (第一 as a label, and
 * 第一 / 季度 wrapped in a sentence), the one that interrupts no sentence wins, else the first.
 */
function* onePerNumber<T extends NumberedHit>(hits: readonly T[], opensUnit: (hit: T) => boolean): Steps<T[]> {
  // By series, then by run and number as one integer (a label's number is 1–99).
  const chosen = new Map<string, Map<number, T>>();
  const runs = runsOf(hits);
  yield;
  for (const [i, hit] of hits.entries()) {
    const series = seriesKey(hit.label);
    let inSeries = chosen.get(series);
    if (!inSeries) chosen.set(series, (inSeries = new Map()));
    const key = runs[i] * 100 + hit.label.number;
    const current = inSeries.get(key);
    if (!current || (!opensUnit(current) && opensUnit(hit))) inSeries.set(key, hit);
  }
  const kept = new Set<T>();
  for (const inSeries of chosen.values()) for (const hit of inSeries.values()) kept.add(hit);
  return hits.filter((hit) => kept.has(hit));
}

/**
 * A series' items, in document order, cut into runs where a number comes again: articles pasted one after
 * another each have their own 信号一…, and （一）（二） may stand under each of 一、 and 二、.
 */
export function runsWhereNumbersRepeat<T>(items: readonly T[], numberOf: (item: T) => number): T[][] {
  const runs: T[][] = [];
  let seen = new Set<number>();
  for (const item of items) {
    const number = numberOf(item);
    if (runs.length === 0 || seen.has(number)) {
      runs.push([]);
      seen = new Set();
    }
    seen.add(number);
    runs[runs.length - 1].push(item);
  }
  return runs;
}

/**
 * The run of its series each hit (in document order) belongs to. Articles pasted one after another each
 * have their own 信号一…: a series starts again where its first number comes back and the next number
 * follows it (a lone 第一 wrapped in a later sentence starts nothing).
 */
function runsOf(hits: readonly NumberedHit[]): number[] {
  const current = new Map<string, { run: number; first: number; numbers: Set<number> }>();
  // The next hit of the same series after each hit.
  const nextInSeries: Array<NumberedHit | undefined> = [];
  const lastSeen = new Map<string, NumberedHit>();
  for (let i = hits.length - 1; i >= 0; i--) {
    const key = seriesKey(hits[i].label);
    nextInSeries[i] = lastSeen.get(key);
    lastSeen.set(key, hits[i]);
  }
  return hits.map((hit, i) => {
    const key = seriesKey(hit.label);
    const number = hit.label.number;
    const run = current.get(key);
    if (!run) {
      current.set(key, { run: 0, first: number, numbers: new Set([number]) });
      return 0;
    }
    const next = nextInSeries[i];
    if (run.numbers.has(number) && number === run.first && next?.label.number === number + 1) {
      current.set(key, { run: run.run + 1, first: number, numbers: new Set([number]) });
      return run.run + 1;
    }
    run.numbers.add(number);
    return run.run;
  });
}

/**
 * `信号一  网络强国战略思想形成`: a known box label and its title printed on one line; or the title first, the
 * label after a gap (`网络强国战略思想形成    信号一`).
 */
function boxLabelWithTitle(model: OutlineLines, index: number): LabelHit | undefined {
  const fragment = model.fragments[index];
  const match = BOX_WITH_TITLE.exec(fragment.text);
  const label = match && parseBoxLabel(match[1]);
  if (!match || !label) return titleWithBoxLabel(model, index);
  const title = compactString(match[2]);
  if (!isTitleText(title)) return undefined;
  const titleStart = fragment.start + fragment.text.indexOf(match[2], match[1].length);
  return {
    label,
    fragment: index,
    start: fragment.start,
    end: fragment.start + match[1].length,
    inlineTitle: { first: index, last: index, text: title, start: titleStart, end: fragment.end, strong: true },
  };
}

/** `网络强国战略思想形成    信号一`: a title and the known box label set to its right, on one line. */
function titleWithBoxLabel(model: OutlineLines, index: number): LabelHit | undefined {
  const fragment = model.fragments[index];
  const split = titleAndBoxLabel(fragment.text);
  if (!split) return undefined;
  const label = parseBoxLabel(split.label);
  const title = compactString(split.title);
  if (!label || !isTitleText(title)) return undefined;
  const labelStart = fragment.end - split.label.length;
  return {
    label,
    fragment: index,
    start: labelStart,
    end: fragment.end,
    inlineTitle: { first: index, last: index, text: title, start: fragment.start, end: fragment.start + split.title.length, strong: true },
  };
}

/**
 * The lines of [from, to) that read as inline labels with their titles, in order, whether or not the document
 * numbers their series (numberedInlineLabels). `titleEnd`: the line where the title of the last such line
 * before `from` ends (a line right after a labelled heading needs no unit to end before it), if any. Reads
 * one line before `from` and up to two after `to`.
 */
export function inlineLabelLines(model: OutlineLines, typicalWidth: number, from = 0, to = model.fragments.length, titleEnd?: number): LabelHit[] {
  const hits: LabelHit[] = [];
  let lastTitleEnd = titleEnd;
  for (let index = from; index < to; index++) {
    if (model.roles[index] === 'directive' || model.roles[index] === 'label') continue;
    const afterHeading = lastTitleEnd === index - 1;
    if (!afterHeading && !endsUnit(model, index - 1)) continue;
    const fragment = model.fragments[index];
    const label = parseInlineLabel(fragment.text);
    if (!label) continue;
    const last = inlineTitleEnd(model, index, typicalWidth);
    if (runsOn(model, last, typicalWidth)) continue;
    const compact = compactFragments(model, index, last);
    const labelLength = compactString(label.text).length;
    const title = compact.text.slice(labelLength).trim();
    if (!isTitleText(title)) continue;
    const labelRange = sourceRange(compact, 0, labelLength);
    const titleRange = sourceRange(compact, compact.text.length - title.length, compact.text.length);
    hits.push({
      label,
      fragment: index,
      start: labelRange.start,
      end: labelRange.end,
      inlineTitle: { first: index, last, text: title, ...titleRange, strong: model.roles[index] === 'heading' },
    });
    lastTitleEnd = last;
  }
  return hits;
}

/** The inline label lines (inlineLabelLines, of the whole document in order) of the series the document numbers. */
export function numberedInlineLabels(hits: readonly LabelHit[]): LabelHit[] {
  return keepNumberedSeries(hits, (hit) => hit.inlineTitle?.strong === true);
}

/** A full body line that does not end a sentence runs on into the next line: a paragraph, not a heading. */
function runsOn(model: OutlineLines, last: number, typicalWidth: number): boolean {
  const next = model.fragments[last + 1];
  if (!next || model.roles[last] !== 'body' || model.roles[last + 1] !== 'body' || parseInlineLabel(next.text)) return false;
  const line = compactString(model.fragments[last].text);
  return line.length >= typicalWidth - 1 && !endsLikeSentence(line);
}

/** The last fragment of a heading that starts at `index` and may wrap onto a short second line. */
function inlineTitleEnd(model: OutlineLines, index: number, typicalWidth: number): number {
  const block = model.blocks[model.blockOfFragment[index]];
  if (block.role === 'heading' && block.firstFragment === index) return headingTailEnd(model, headingLastLine(model, index, block.lastFragment), typicalWidth);
  const next = model.fragments[index + 1];
  if (!next || model.roles[index + 1] !== 'body' || parseInlineLabel(next.text)) return index;
  const line = compactString(model.fragments[index].text);
  const rest = compactString(next.text);
  const fullLine = line.length >= typicalWidth - 1 && !/[。；]/.test(line);
  const shortEnd = rest.length < typicalWidth - 1 && isTitleText(rest.length >= 2 ? rest : `${line}${rest}`);
  return fullLine && shortEnd ? index + 1 : index;
}

/**
 * A labelled heading wrapped onto a short second line the layout set as a heading of its own
 * (`（三）为纳赫兹引力波探测提供新` / `样本`): the heading's line filled the column (in the heading's larger
 * type), the tail is a word or two with no punctuation and no label of its own.
 */
function headingTailEnd(model: OutlineLines, last: number, typicalWidth: number): number {
  const next = model.fragments[last + 1];
  if (!next || model.roles[last + 1] !== 'heading' || parseInlineLabel(next.text)) return last;
  const line = compactString(model.fragments[last].text);
  const tail = compactString(next.text);
  const full = line.length >= HEADING_FULL_SHARE * typicalWidth && !/[。；，、：！？]$/.test(line);
  return full && tail.length <= HEADING_TAIL && /^\p{Script=Han}+$/u.test(tail) ? last + 1 : last;
}

/**
 * Keeps the labels of series numbered at least twice (一 and 二); a lone label is kept only if
 * `trusted` says its kind is unmistakable (信号一 on its own line, a heading the layout found).
 */
function keepNumberedSeries<T extends NumberedHit>(hits: readonly T[], trusted: (hit: T) => boolean): T[] {
  const numbers = new Map<string, Set<number>>();
  for (const hit of hits) {
    const key = seriesKey(hit.label);
    if (!numbers.has(key)) numbers.set(key, new Set());
    numbers.get(key)!.add(hit.label.number);
  }
  return hits.filter((hit) => (numbers.get(seriesKey(hit.label))?.size ?? 0) >= 2 || trusted(hit));
}

export function seriesKey(label: Label): string {
  // Asked several times for every label of a long document at each version: one string per series, kept.
  let byStyle = SERIES_KEYS.get(label.form);
  if (!byStyle) SERIES_KEYS.set(label.form, (byStyle = new Map()));
  let key = byStyle.get(label.style);
  if (key === undefined) {
    if (byStyle.size >= SERIES_KEYS_LIMIT) byStyle.clear();
    byStyle.set(label.style, (key = `${label.form}:${label.style}`));
  }
  return key;
}

const SERIES_KEYS = new Map<string, Map<string, string>>();
/** Bounds the kept keys, so text full of odd series cannot make them grow without end. */
const SERIES_KEYS_LIMIT = 10_000;
