// Large documents are analysed in regions, so an edit re-analyses only the region it touched.
//
// A document over WHOLE_DOCUMENT_LIMIT characters is cut, after at least REGION_LENGTH characters, at
// the next paragraph end that is beyond doubt: a line ending a sentence, one blank line, and a line
// that starts flush. Each region is parsed and linted as an article of its own (without a title when it
// is not the first), and the regions are placed side by side into one model of the whole document,
// which is still built once per version. A region whose text did not change since the previous
// version is taken over from it as it was, moved by the length the edit added or removed before it.

import { endsSentence } from './breaks/evidence';
import { figuresOf, type Figure } from './figures';
import { runRules, withoutSilenced } from './lint';
import { parseArticle, type ArticleModel, type Block, type Fragment, type LineBreak, type ModelOptions } from './model';
import type { Edit, Problem } from './rules/rule';
import type { Settings } from './settings';
import { dominantEol, hasBom, LineIndex, type Eol } from './text';

/** Documents up to this length are analysed whole. */
export const WHOLE_DOCUMENT_LIMIT = 32_000;
/** A region runs at least this long before it may end. */
export const REGION_LENGTH = 4_000;

/** One region's own analysis, in offsets of the region's text. */
interface RegionAnalysis {
  readonly text: string;
  /** What the model was parsed with besides the text. */
  readonly parsedWith: string;
  readonly model: ArticleModel;
  problems?: { readonly settings: Settings; readonly list: readonly Problem[] };
  figures?: readonly Figure[];
  /** The model's parts moved to where the region last stood in the document. */
  placed?: PlacedParts;
}

interface PlacedParts {
  readonly at: string;
  readonly fragments: readonly Fragment[];
  readonly breaks: readonly LineBreak[];
  readonly blocks: readonly Block[];
}

/** The regions of one version, by key, for the next version to take over. */
export type RegionCache = ReadonlyMap<string, RegionAnalysis>;

interface Placed {
  readonly region: RegionAnalysis;
  /** Where the region starts in the document, and how many lines, fragments and blocks come before it. */
  readonly offset: number;
  readonly line: number;
  readonly fragment: number;
  readonly block: number;
}

export interface RegionalAnalysis {
  readonly model: ArticleModel;
  readonly cache: RegionCache;
  problems(settings: Settings): Problem[];
  figures(): readonly Figure[];
}

/** Where regions start and end: [start, end) pairs; the blank line between two regions belongs to neither. */
export function regionBounds(text: string, eol: Eol): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  const gap = eol + eol;
  let start = 0;
  for (;;) {
    const seam = seamAfter(text, start + REGION_LENGTH, gap);
    if (seam < 0) break;
    bounds.push([start, seam + eol.length]);
    start = seam + gap.length;
  }
  bounds.push([start, text.length]);
  return bounds;
}

/** The first line end at or after `from` that closes a sentence and is followed by one blank line and a flush line. */
function seamAfter(text: string, from: number, gap: string): number {
  for (let at = text.indexOf(gap, from); at >= 0; at = text.indexOf(gap, at + 1)) {
    const next = text.charCodeAt(at + gap.length);
    if (!(next > 0x20) || isSpaceLike(next)) continue;
    let lineStart = at;
    while (lineStart > 0 && at - lineStart < 64 && !isLineEnd(text.charCodeAt(lineStart - 1))) lineStart--;
    if (endsSentence(text.slice(lineStart, at))) return at;
  }
  return -1;
}

function isLineEnd(code: number): boolean {
  return code === 10 || code === 13;
}

/** Whitespace and invisible marks a line may begin with (an indent, or lost text). */
function isSpaceLike(code: number): boolean {
  return code === 0xa0 || code === 0x3000 || code === 0xfeff || code === 0x200b || (code >= 0x2000 && code <= 0x200a);
}

/** Analyses a large document region by region, taking over unchanged regions from `previous`. */
export function analyzeRegions(text: string, options: ModelOptions, previous?: RegionCache): RegionalAnalysis {
  const steps = regionSteps(text, options, previous);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same, one region per step, so a caller can let other work run between steps; with `lintWith`
 * each step also runs the rules over its region (the problems are then ready when the steps end).
 */
export function* regionSteps(text: string, options: ModelOptions, previous?: RegionCache, lintWith?: Settings): Generator<void, RegionalAnalysis> {
  const eol = dominantEol(text);
  const cache = new Map<string, RegionAnalysis>();
  const placed: Placed[] = [];
  let line = 0;
  let fragment = 0;
  let block = 0;
  for (const [start, end] of regionBounds(text, eol)) {
    const regionText = text.slice(start, end);
    const continues = start > 0;
    const parsedWith = `${continues}${options.cjkLatinSpacing}${eol}`;
    let region = previous?.get(regionText) ?? cache.get(regionText);
    if (region?.parsedWith !== parsedWith) {
      region = { text: regionText, parsedWith, model: parseArticle(regionText, { ...options, region: { eol, continues } }) };
      if (lintWith) regionProblems(region, lintWith);
      yield;
    }
    cache.set(regionText, region);
    placed.push({ region, offset: start, line, fragment, block });
    // The region's last line (which ends with its line ending) and the blank line after it.
    line += region.model.lineIndex.lineCount + (end < text.length ? 0 : -1);
    fragment += region.model.fragments.length;
    block += region.model.blocks.length;
  }
  const model = placeModels(text, eol, options, placed);
  let figures: readonly Figure[] | undefined;
  return {
    model,
    cache,
    problems: (settings) => withoutSilenced(model, placed.flatMap((at) => moveProblems(regionProblems(at.region, settings), at.offset))),
    figures() {
      figures ??= placed.flatMap((at) => moveFigures((at.region.figures ??= figuresOf(at.region.model)), at));
      return figures;
    },
  };
}

function regionProblems(region: RegionAnalysis, settings: Settings): readonly Problem[] {
  if (region.problems?.settings !== settings) region.problems = { settings, list: runRules(region.model, settings) };
  return region.problems.list;
}

/** One model of the whole document from its regions' models. */
function placeModels(text: string, eol: Eol, options: ModelOptions, placed: readonly Placed[]): ArticleModel {
  const fragments: Fragment[] = [];
  const breaks: LineBreak[] = [];
  const blocks: Block[] = [];
  const roles: ArticleModel['roles'][number][] = [];
  const blockOfFragment: number[] = [];
  const directives: ArticleModel['directives'][number][] = [];
  for (const at of placed) {
    const { model } = at.region;
    if (fragments.length > 0 && model.fragments.length > 0) breaks.push(seamBreak(fragments, roles, model, at));
    const parts = placeParts(at);
    for (const fragment of parts.fragments) fragments.push(fragment);
    for (const lineBreak of parts.breaks) breaks.push(lineBreak);
    for (const block of parts.blocks) blocks.push(block);
    for (const role of model.roles) roles.push(role);
    for (const index of model.blockOfFragment) blockOfFragment.push(index + at.block);
    for (const d of model.directives) directives.push({ ...d, fragment: d.fragment + at.fragment, line: d.line + at.line });
  }
  const lineIndex = LineIndex.of(text);
  return {
    text,
    eol,
    bom: hasBom(text),
    lineIndex,
    get lines() {
      return lineIndex.lines;
    },
    fragments,
    roles,
    breaks,
    blocks,
    blockOfFragment,
    directives,
    options,
    derived: new Map(),
  };
}

/** The region's fragments, breaks and blocks where it stands now (kept from the last version when it has not moved). */
function placeParts(at: Placed): PlacedParts {
  const { region, offset, line } = at;
  const key = `${offset} ${line} ${at.fragment} ${at.block}`;
  if (region.placed?.at === key) return region.placed;
  const { model } = region;
  const fragments = model.fragments.map((f): Fragment => ({
    index: f.index + at.fragment,
    line: f.line + line,
    lineStart: f.lineStart + offset,
    start: f.start + offset,
    end: f.end + offset,
    lineEnd: f.lineEnd + offset,
    text: f.text,
  }));
  const breaks = model.breaks.map((b): LineBreak => ({
    index: b.index + at.fragment,
    kind: b.kind,
    reason: b.reason,
    blankLines: b.blankLines,
    joiner: b.joiner,
    keepsLeadingSpace: b.keepsLeadingSpace,
    start: b.start + offset,
    end: b.end + offset,
  }));
  const blocks = model.blocks.map((b): Block => ({
    index: b.index + at.block,
    role: b.role,
    firstFragment: b.firstFragment + at.fragment,
    lastFragment: b.lastFragment + at.fragment,
    start: b.start + offset,
    end: b.end + offset,
    text: b.text,
    pieces: b.pieces.map((piece) => ({ logicalStart: piece.logicalStart, sourceStart: piece.sourceStart + offset, length: piece.length })),
  }));
  region.placed = { at: key, fragments, breaks, blocks };
  return region.placed;
}

/** The break between the last fragment placed so far and a region's first: one blank line, a paragraph end. */
function seamBreak(fragments: readonly Fragment[], roles: readonly string[], model: ArticleModel, at: Placed): LineBreak {
  const before = fragments[fragments.length - 1];
  const after = model.fragments[0];
  const bothBody = roles[roles.length - 1] === 'body' && model.roles[0] === 'body';
  return {
    index: fragments.length - 1,
    kind: bothBody ? 'paragraph' : 'block',
    reason: 'region-edge',
    blankLines: after.line + at.line - before.line - 1,
    joiner: '',
    keepsLeadingSpace: false,
    start: before.end,
    end: after.start + at.offset,
  };
}

function moveProblems(problems: readonly Problem[], offset: number): readonly Problem[] {
  if (offset === 0) return problems;
  const move = (edit: Edit): Edit => ({ start: edit.start + offset, end: edit.end + offset, newText: edit.newText });
  return problems.map((problem) => ({
    ...problem,
    start: problem.start + offset,
    end: problem.end + offset,
    fix: problem.fix?.map(move),
    related: problem.related?.map((related) => ({ ...related, start: related.start + offset, end: related.end + offset })),
  }));
}

function moveFigures(figures: readonly Figure[], at: Placed): Figure[] {
  return figures.map((figure) => ({
    ...figure,
    ranges: figure.ranges.map(([start, end]) => [start + at.offset, end + at.offset] as const),
    block: figure.block + at.block,
  }));
}
