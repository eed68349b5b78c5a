// Large documents are analysed in regions, so an edit re-analyses only the region it touched.
//
// A document over WHOLE_DOCUMENT_LIMIT characters is cut, after at least REGION_LENGTH characters, at
// the next paragraph end that is beyond doubt: a line ending a sentence, one blank line, and a line
// that starts flush. Each region is parsed and linted as an article of its own (without a title when it
// is not the first), and the regions are placed side by side into one model of the whole document,
// which is still built once per version. A region whose text did not change since the previous
// version is taken over from it as it was: its problems, figures and lines are kept in its own
// offsets, so nothing in it is copied; only when the document model's fragments, breaks or blocks are
// first asked for are the regions placed side by side, moved by what the edit added or removed.
//
// A region keeps no model of its own once placed: its fragments, breaks and blocks are then those of
// the document's model (a copy in the region's own offsets would double the memory a large document
// takes). The region's own model, which its rules and figures read, is rebuilt from them when needed.

import { endsSentence, wordsAcrossLines, WORDS_ACROSS_KEY, type WordAnswers, type WordsAcrossLines } from './breaks/evidence';
import { figuresOf, type Figure } from './figures';
import { DirectiveIndex, type Directive } from './directives';
import { runRules } from './lint';
import { parseArticle, type ArticleModel, type Block, type Fragment, type LineBreak, type ModelOptions, type Role } from './model';
import { ProblemSet } from './problemSet';
import { firstIndex } from './search';
import type { Problem } from './rules/rule';
import type { Settings } from './settings';
import { dominantEol, hasBom, LineIndex, type Eol } from './text';

/** Documents up to this length are analysed whole. */
export const WHOLE_DOCUMENT_LIMIT = 32_000;
/** A region runs at least this long before it may end. */
export const REGION_LENGTH = 4_000;

/** Where a region stands: its offset in the document, and how many lines, fragments and blocks come before it. */
interface Placement {
  readonly offset: number;
  readonly line: number;
  readonly fragment: number;
  readonly block: number;
}

const ORIGIN: Placement = { offset: 0, line: 0, fragment: 0, block: 0 };

/** The fragments, breaks, blocks and roles of a document (or of a region, in its own numbering). */
interface Parts {
  readonly fragments: readonly Fragment[];
  readonly breaks: readonly LineBreak[];
  readonly blocks: readonly Block[];
  readonly roles: readonly Role[];
  readonly blockOfFragment: readonly number[];
}

interface GrowingParts extends Parts {
  readonly fragments: Fragment[];
  readonly breaks: LineBreak[];
  readonly blocks: Block[];
  readonly roles: Role[];
  readonly blockOfFragment: number[];
}

/**
 * One region's analysis in one version of the document, placed at `at`. Its fragments, breaks, blocks
 * and roles are read from `source`, where the region stands at `from`: its own model's parts when it was
 * just parsed, else the parts of the document it was last placed in (a region keeps no copy of its own).
 * Its lines, problems, figures and directives are in its own offsets and numbering, so a region taken
 * over at another place is not copied at all: only a document that is asked for its parts places them.
 */
export interface RegionAnalysis {
  readonly text: string;
  /** What the model was parsed with besides the text. */
  readonly parsedWith: string;
  readonly options: ModelOptions;
  readonly at: Placement;
  readonly lines: LineIndex;
  readonly fragmentCount: number;
  readonly blockCount: number;
  /** Moved to the document's parts once those are built (the region's own arrays can then go). */
  source: Parts;
  from: Placement;
  readonly directives: readonly Directive[];
  /** What the word segmenter answered about its lines: a parse of the region after an edit reuses it. */
  readonly words: WordAnswers;
  readonly problems: { readonly settings: Settings; readonly list: readonly Problem[] };
  /** Found on first use. */
  figures?: readonly Figure[];
}

/** The regions of one version, for the next version to take over. */
export interface RegionCache {
  /** In document order. */
  readonly list: readonly RegionAnalysis[];
  /** Each region by the offset it starts at. */
  readonly byOffset: ReadonlyMap<number, RegionAnalysis>;
  readonly textLength: number;
  readonly size: number;
}

export interface RegionalAnalysis {
  readonly model: ArticleModel;
  readonly cache: RegionCache;
  /** The problems under `settings`, region by region (problemSet.ts). */
  problems(settings: Settings): ProblemSet;
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

/** Analyses and lints a large document region by region, taking over unchanged regions from `previous`. */
export function analyzeRegions(text: string, options: ModelOptions, settings: Settings, previous?: RegionCache): RegionalAnalysis {
  const steps = regionSteps(text, options, settings, previous);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same, one region per step, so a caller can let other work run between steps. */
export function* regionSteps(text: string, options: ModelOptions, settings: Settings, previous?: RegionCache): Generator<void, RegionalAnalysis> {
  const eol = dominantEol(text);
  // Without a previous version, regions of the same text met earlier in this one (a repeated part).
  const byText = previous ? undefined : new Map<string, RegionAnalysis>();
  const byOffset = new Map<number, RegionAnalysis>();
  const regions: RegionAnalysis[] = [];
  const directives: Directive[] = [];
  // What the edits added or removed in all: how far the text after the last edit moved.
  const totalShift = previous ? text.length - previous.textLength : 0;
  // The previous version's region after the last one taken over.
  let next = 0;
  // A first analysis places each region as it is parsed, so the region's own arrays go at once (kept
  // until a first request, they would all outlive the young generation: a 10 MB article's peak grew by
  // 50 MB); after an edit, placing waits for the first request that needs the parts.
  const placed: GrowingParts | undefined = previous ? undefined : { fragments: [], breaks: [], blocks: [], roles: [], blockOfFragment: [] };
  let at: Placement = ORIGIN;
  for (const [start, end] of regionBounds(text, eol)) {
    const regionText = text.slice(start, end);
    const continues = start > 0;
    const parsedWith = `${continues}${options.cjkLatinSpacing}${eol}`;
    at = { offset: start, line: at.line, fragment: at.fragment, block: at.block };
    // A region of the previous version is looked for among the few after the last one taken over (an edit
    // re-parses one region, or merges or splits a few), then where the text after the last edit moved to,
    // and compared: no string is hashed, which would read the whole document.
    const known = previous ? followingRegion(previous, next, regionText) ?? sameText(previous.byOffset.get(start - totalShift), regionText) : byText!.get(regionText);
    let region: RegionAnalysis;
    if (known?.parsedWith === parsedWith) {
      // Found by a binary search on offsets: a 10 MB document has thousands of regions.
      if (previous) next = firstIndex(previous.list.length, (i) => previous.list[i].at.offset >= known.at.offset) + 1;
      region = withSettings(takeOver(known, at), settings);
      if (placed) place(placed, region);
    } else {
      // After an edit the region gets a copy of its own text: a slice would keep this whole version of
      // the document alive for as long as the region stays unchanged.
      const ownText = previous ? detached(regionText) : regionText;
      // The region the edit changed is most likely the next one of the previous version: its lines the edit
      // did not touch are answered as they were.
      const hints = previous?.list[next]?.words;
      region = parseRegion(ownText, parsedWith, { ...options, region: { eol, continues } }, at, settings, hints);
      if (placed) place(placed, region);
      yield;
    }
    byText?.set(regionText, region);
    byOffset.set(start, region);
    regions.push(region);
    for (const d of region.directives) directives.push({ ...d, fragment: d.fragment + at.fragment, line: d.line + at.line });
    // The region's last line (which ends with its line ending) and the blank line after it.
    at = {
      offset: end,
      line: at.line + region.lines.lineCount + (end < text.length ? 0 : -1),
      fragment: at.fragment + region.fragmentCount,
      block: at.block + region.blockCount,
    };
  }
  const model = documentModel(text, eol, options, regions, directives, placed);
  let figures: readonly Figure[] | undefined;
  return {
    model,
    cache: { list: regions, byOffset, textLength: text.length, size: regions.length },
    problems: (settings) => {
      const parts = regions.map((region) => ({ offset: region.at.offset, list: withSettings(region, settings).problems.list }));
      if (model.directives.length === 0) return new ProblemSet(parts);
      const directives = new DirectiveIndex(model.directives, (fragment) => model.fragments[fragment + 1]?.line);
      return new ProblemSet(parts, (problem, offset) => directives.isDisabled(problem.ruleId, model.lineIndex.lineAt(problem.start + offset)));
    },
    figures() {
      figures ??= regions.flatMap((region) => moveFigures((region.figures ??= figuresOf(regionModel(region))), ORIGIN, region.at));
      return figures;
    },
  };
}

/** How many regions of the previous version after the last one taken over are compared with a new one. */
const LOOKAHEAD = 4;

function followingRegion(previous: RegionCache, next: number, text: string): RegionAnalysis | undefined {
  for (let i = next; i < Math.min(next + LOOKAHEAD, previous.list.length); i++) if (previous.list[i].text === text) return previous.list[i];
  return undefined;
}

function sameText(region: RegionAnalysis | undefined, text: string): RegionAnalysis | undefined {
  return region !== undefined && region.text === text ? region : undefined;
}

/**
 * A copy of a string that shares no memory with the string it was sliced from. (V8 keeps a slice as a
 * view of its parent; adding a character makes a new string that slicing then flattens into a copy.)
 */
function detached(text: string): string {
  return (' ' + text).slice(1);
}

function parseRegion(
  text: string,
  parsedWith: string,
  options: ModelOptions,
  at: Placement,
  settings: Settings,
  wordHints: WordAnswers | undefined,
): RegionAnalysis {
  const model = parseArticle(text, options, wordHints);
  // Taken before the rules run: the wrap rules ask more pairs, then let the model's answers go.
  const across = model.derived.get(WORDS_ACROSS_KEY) as WordsAcrossLines;
  const problems = { settings, list: runRules(model, settings) };
  return {
    text,
    parsedWith,
    options,
    at,
    lines: model.lineIndex,
    fragmentCount: model.fragments.length,
    blockCount: model.blocks.length,
    source: model,
    from: ORIGIN,
    directives: model.directives,
    words: across.answers(),
    problems,
  };
}

/** A region of the previous version (or one met earlier in this one) placed at `at`: nothing in it is copied. */
function takeOver(region: RegionAnalysis, at: Placement): RegionAnalysis {
  return { ...region, at };
}

/** The region with its problems under `settings` (linted again when they were found under others). */
function withSettings(region: RegionAnalysis, settings: Settings): RegionAnalysis {
  if (region.problems.settings === settings) return region;
  return { ...region, problems: { settings, list: runRules(regionModel(region), settings) } };
}

/** The region's own model, as parsing its text gave it, rebuilt from the document's parts. */
function regionModel(region: RegionAnalysis): ArticleModel {
  const { text, options } = region;
  const lineIndex = region.lines;
  const own: GrowingParts = { fragments: [], breaks: [], blocks: [], roles: [], blockOfFragment: [] };
  appendRegion(own, region.source, region.from, region, ORIGIN);
  return {
    text,
    eol: options.region?.eol ?? dominantEol(text),
    bom: hasBom(text),
    lineIndex,
    get lines() {
      return lineIndex.lines;
    },
    ...own,
    directives: region.directives,
    options,
    derived: new Map<string, unknown>([[WORDS_ACROSS_KEY, wordsAcrossLines(own.fragments, region.words)]]),
  };
}

/**
 * The model of the whole document from its regions. Its line index is put together from theirs; its
 * fragments, breaks, blocks and roles only when first asked for (the outline, figures, a code action):
 * diagnostics after an edit need none of them, and placing every region after the edit is most of what
 * re-analysing a large document would otherwise cost.
 */
function documentModel(
  text: string,
  eol: Eol,
  options: ModelOptions,
  regions: readonly RegionAnalysis[],
  directives: readonly Directive[],
  placedParts?: Parts,
): ArticleModel {
  // Joined on first use: the language server converts the diagnostics' offsets with the editor's copy.
  let joinedLines: LineIndex | undefined;
  const lineIndex = (): LineIndex =>
    (joinedLines ??= LineIndex.joined(
      regions.map((region) => ({ lines: region.lines, offset: region.at.offset })),
      text.length,
    ));
  let parts = placedParts;
  const placed = (): Parts => (parts ??= placeRegions(regions));
  return {
    text,
    eol,
    bom: hasBom(text),
    get lineIndex() {
      return lineIndex();
    },
    get lines() {
      return lineIndex().lines;
    },
    get fragments() {
      return placed().fragments;
    },
    get roles() {
      return placed().roles;
    },
    get breaks() {
      return placed().breaks;
    },
    get blocks() {
      return placed().blocks;
    },
    get blockOfFragment() {
      return placed().blockOfFragment;
    },
    directives,
    options,
    derived: new Map(),
  };
}

/** Every region's parts placed into one set for the document; each region then reads its parts from there. */
function placeRegions(regions: readonly RegionAnalysis[]): Parts {
  const parts: GrowingParts = { fragments: [], breaks: [], blocks: [], roles: [], blockOfFragment: [] };
  for (const region of regions) place(parts, region);
  return parts;
}

/** Appends the region's parts to the document's; the region then reads them from there. */
function place(parts: GrowingParts, region: RegionAnalysis): void {
  appendRegion(parts, region.source, region.from, region, region.at);
  // Its own model's arrays (or an older version's) are no longer needed.
  region.source = parts;
  region.from = region.at;
}

/**
 * Appends a region's fragments, breaks, blocks and roles, read from `source` where the region stands
 * at `from` (a region's own model stands at ORIGIN), to `target`, moved to `to`; the objects themselves
 * when the region has not moved. Between two regions comes a seam break.
 */
function appendRegion(
  target: GrowingParts,
  source: Parts,
  from: Placement,
  counts: { readonly fragmentCount: number; readonly blockCount: number },
  to: Placement,
): void {
  const offset = to.offset - from.offset;
  const line = to.line - from.line;
  const fragment = to.fragment - from.fragment;
  const block = to.block - from.block;
  const moved = offset !== 0 || line !== 0 || fragment !== 0 || block !== 0;
  const first = target.fragments.length;
  for (let i = from.fragment; i < from.fragment + counts.fragmentCount; i++) {
    const f = source.fragments[i];
    target.fragments.push(
      moved
        ? {
            index: f.index + fragment,
            line: f.line + line,
            lineStart: f.lineStart + offset,
            start: f.start + offset,
            end: f.end + offset,
            lineEnd: f.lineEnd + offset,
            text: f.text,
          }
        : f,
    );
    target.roles.push(source.roles[i]);
    target.blockOfFragment.push(source.blockOfFragment[i] + block);
  }
  if (first > 0 && counts.fragmentCount > 0) target.breaks.push(seamBreak(target, first));
  for (let i = from.fragment; i < from.fragment + counts.fragmentCount - 1; i++) {
    const b = source.breaks[i];
    target.breaks.push(
      moved
        ? {
            index: b.index + fragment,
            kind: b.kind,
            reason: b.reason,
            confidence: b.confidence,
            blankLines: b.blankLines,
            joiner: b.joiner,
            keepsLeadingSpace: b.keepsLeadingSpace,
            start: b.start + offset,
            end: b.end + offset,
          }
        : b,
    );
  }
  for (let i = from.block; i < from.block + counts.blockCount; i++) {
    const b = source.blocks[i];
    target.blocks.push(
      moved
        ? {
            index: b.index + block,
            role: b.role,
            firstFragment: b.firstFragment + fragment,
            lastFragment: b.lastFragment + fragment,
            start: b.start + offset,
            end: b.end + offset,
            text: b.text,
            pieces:
              offset === 0 || b.pieces.length === 0
                ? b.pieces
                : b.pieces.map((piece) => ({ logicalStart: piece.logicalStart, sourceStart: piece.sourceStart + offset, length: piece.length })),
          }
        : b,
    );
  }
}

/** The break between the last fragment of one region and the first (`first`) of the next: one blank line, a paragraph end. */
function seamBreak(parts: Parts, first: number): LineBreak {
  const before = parts.fragments[first - 1];
  const after = parts.fragments[first];
  const bothBody = parts.roles[first - 1] === 'body' && parts.roles[first] === 'body';
  return {
    index: first - 1,
    kind: bothBody ? 'paragraph' : 'block',
    reason: 'region-edge',
    confidence: 1,
    blankLines: after.line - before.line - 1,
    joiner: '',
    keepsLeadingSpace: false,
    start: before.end,
    end: after.start,
  };
}

function moveFigures(figures: readonly Figure[], from: Placement, to: Placement): readonly Figure[] {
  const offset = to.offset - from.offset;
  const block = to.block - from.block;
  if (offset === 0 && block === 0) return figures;
  return figures.map((figure) => ({
    ...figure,
    ranges: figure.ranges.map(([start, end]) => [start + offset, end + offset] as const),
    block: figure.block + block,
  }));
}
