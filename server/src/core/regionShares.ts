// A large document's regions shared between threads, for a caller that analyses a text once (the CLI).
//
// Once the document's facts are settled (every thread cuts the whole text and counts it, or its own cuts
// and takes the others' counts from their threads: a fraction of the work), a region is laid out, linted and its labels read with nothing but its text, the lines in view
// around it and those facts (regions.ts). So each thread analyses a share of the regions
// (`RegionShare`), a thread that is not the caller's hands its regions over as plain data
// (`SharedRegions`, what a structured clone carries: no layout, which nothing the CLI prints reads, and
// which is laid out again should anything read it after all), and the caller's thread takes every share
// over as a previous version of the same text would be taken over (regions.ts, `previous`): the
// document's own steps (the labels' width and pairing, the document's rules, the directives) run there,
// once, over every region. What a region handed over was found with is what it is keyed on, as after an
// edit: a region whose problems read the block after it, or whose labels read lines of regions another
// thread had, finds them again. So the answers are those of one analysis, whatever the shares.

import { LabelHits, LabelReadings } from './outline/readings';
import type { LabelCensus, LabelSurroundings } from './outline/boxPairing';
import type { DocumentFacts } from './breaks/style';
import type { WordAnswers } from './breaks/evidence';
import type { ModelOptions } from './model';
import type { Directive } from './directives';
import { compactProblems, problemsIn, type ProblemColumns } from './sharedProblems';
import {
  compactedProblems,
  LaidOutAgain,
  layingOutAgain,
  ORIGIN,
  regionsLineIndex,
  type Cut,
  type RegionAnalysis,
  type RegionCache,
} from './regions';
import type { Settings } from './settings';
import { LineIndex } from './text';
import type { DocumentText } from './documentText';

/** One region of a share as plain data: where it stands, and what it found and keyed its findings on. */
interface RegionRecord {
  readonly start: number;
  readonly end: number;
  readonly counts: RegionAnalysis['counts'];
  readonly laidOutWith: string;
  readonly fragmentCount: number;
  readonly blockCount: number;
  readonly seamDecision: RegionAnalysis['seamDecision'];
  readonly directives: readonly Directive[];
  readonly blockAfter: string;
  /** Its problems as columns (sharedProblems.ts): numbers and a few strings, not a million objects. */
  readonly problems: ProblemColumns;
  readonly firstBlockKey: string | undefined;
  readonly labelCensus: LabelCensus | undefined;
  /** What its labels and titles read: the width, and the regions in view by where they start, with the gaps between them. */
  readonly labelSurroundings: { readonly key: ReadonlyArray<number | { readonly region: number }>; readonly read: LabelSurroundings } | undefined;
}

/** The regions one thread analysed, as a structured clone carries them to another. */
export interface SharedRegions {
  readonly regions: readonly RegionRecord[];
}

/** What a thread's share of a document became (regions.ts, analysed with a `RegionShare`). */
export interface AnalysedShare {
  readonly cache: RegionCache;
  readonly facts: DocumentFacts;
}

/** The regions of `share` as plain data (its layouts and the word segmenter's answers stay behind). */
export function sharedRegions(share: AnalysedShare): SharedRegions {
  const startOf = new Map<LineIndex, number>();
  for (const region of share.cache.list) startOf.set(region.lines, region.at.offset);
  const regions = share.cache.list.map((region): RegionRecord => {
    let labelSurroundings: RegionRecord['labelSurroundings'];
    const kept = region.labelSurroundings;
    if (kept) {
      const key = kept.key.map((entry) => (entry instanceof LineIndex ? { region: startOf.get(entry) ?? -1 } : (entry as number)));
      labelSurroundings = { key, read: kept.read };
    }
    return {
      start: region.at.offset,
      end: region.at.offset + region.text.length,
      counts: region.counts,
      laidOutWith: region.laidOutWith,
      fragmentCount: region.fragmentCount,
      blockCount: region.blockCount,
      seamDecision: region.seamDecision,
      directives: region.directives,
      blockAfter: region.problems.blockAfter,
      problems: region.problems.compact ?? compactProblems(region.problems.list),
      firstBlockKey: region.firstBlockKey,
      labelCensus: region.labelCensus,
      labelSurroundings,
    };
  });
  return { regions };
}

/**
 * The buffers of `shared` that a thread handing it over may move rather than copy (a transfer list): its
 * problems' numbers, each region's own, which the sending thread reads no more. Copied, the worker's share of
 * a raw 10 MB extraction (~70 MB of numbers) took ~75 ms to post and ~35 ms to receive.
 */
export function sharedBuffers(shared: SharedRegions): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const record of shared.regions) buffers.add(record.problems.numbers.buffer as ArrayBuffer);
  return [...buffers];
}

/** A region's problems as the columns it keeps them in, and the offset the region stands at. */
export interface RegionColumns {
  readonly offset: number;
  readonly columns: ProblemColumns;
}

/**
 * The problems of each region of `share` that keeps them as columns (a read-once analysis of more than a
 * few regions), in document order: what this thread can make something of before the shares are joined.
 * Where the joined analysis keeps a region's problems as they were found, it offers these same columns
 * (Analysis.forEachProblem's `takenWhole`). None when a region of the share has directives: the joined
 * analysis then offers no region's problems whole (a directive may silence problems anywhere after it).
 */
export function shareProblemColumns(share: AnalysedShare): RegionColumns[] {
  if (share.cache.list.some((region) => region.directives.length > 0)) return [];
  const parts: RegionColumns[] = [];
  for (const region of share.cache.list) {
    const columns = region.problems.compact;
    if (columns) parts.push({ offset: region.at.offset, columns });
  }
  return parts;
}

/**
 * The problems of each region of another thread's share as received (`SharedRegions`): the columns the joined
 * analysis takes over, and offers whole, where it keeps a region's problems as that thread found them. None
 * when a region of the share has directives, as with `shareProblemColumns`.
 */
export function sharedProblemColumns(shared: SharedRegions): RegionColumns[] {
  if (shared.regions.some((record) => record.directives.length > 0)) return [];
  return shared.regions.map((record) => ({ offset: record.start, columns: record.problems }));
}

/**
 * The document's line index over the regions of `share`, put together from the regions' own indexes (the
 * joined analysis's is put together the same way, regions.ts documentModel): it answers for offsets within
 * them, as the document's would, and a region's problems stand within it. What a thread formats its own
 * regions' report lines with; an index of the whole text, made on each thread, took ~50 ms of CPU there on
 * a 10 MB document. The lines before the share's first region are counted, not indexed.
 */
export function shareLineIndex(share: AnalysedShare): LineIndex {
  const { list, text } = share.cache;
  const first = list.length > 0 ? list[0].at.offset : 0;
  return regionsLineIndex(list, text.length, lineEndsBefore(text, first, share.cache.hasCarriageReturn));
}

/** How many lines end before `offset` (a line's start) in `text`: `\n`, `\r\n` and a lone `\r` each end one, as in LineIndex. */
function lineEndsBefore(text: DocumentText, offset: number, hasCarriageReturn: boolean): number {
  let count = 0;
  if (!hasCarriageReturn) {
    for (let end = text.indexOf('\n'); end >= 0 && end < offset; end = text.indexOf('\n', end + 1)) count++;
    return count;
  }
  for (let i = 0; i < offset; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

/** No answers of the word segmenter: a region laid out again asks it afresh (its answers are the same). */
const NO_WORDS: WordAnswers = { source: '', spans: new Uint16Array(0), codes: new Uint8Array(0) };

/**
 * The regions of `own` (this thread's share) and of `others` (the other threads' shares of the same text,
 * analysed with the same settings) as one previous version of `text`, for the analysis that takes them all
 * over (index.ts analyzeShared).
 */
export function joinShares(text: DocumentText, settings: Settings, own: AnalysedShare, others: readonly SharedRegions[]): RegionCache {
  const { cache, facts } = own;
  const options: ModelOptions = { cjkLatinSpacing: settings.cjkLatinSpacing, eol: cache.eol };
  const list: RegionAnalysis[] = [...cache.list];
  const firstCut = new Map<number, number>();
  cache.cuts.forEach((cut, i) => firstCut.set(cut.start, i));
  // Whether content came before each cut, as the analysis counts it.
  const contentBefore: boolean[] = [];
  let content = 0;
  for (const cut of cache.cuts) {
    contentBefore.push(content > 0);
    content += cut.counts.content;
  }
  for (const share of others) {
    const byStart = new Map<number, RegionAnalysis>();
    const received: Array<{ region: RegionAnalysis; record: RegionRecord }> = [];
    for (const record of share.regions) {
      const first = firstCut.get(record.start);
      if (first === undefined) continue;
      let last = first;
      while (last < cache.cuts.length && cache.cuts[last].end < record.end) last++;
      if (last === cache.cuts.length || cache.cuts[last].end !== record.end) continue;
      const region = receivedRegion(text, cache.cuts, first, last, record, options, settings, facts, contentBefore[first]);
      byStart.set(record.start, region);
      received.push({ region, record });
    }
    // What a region's labels read names the regions in view by their line indexes (regions.ts readsAsBefore).
    for (const { region, record } of received) {
      const kept = record.labelSurroundings;
      if (!kept) continue;
      const key: unknown[] = [];
      for (const entry of kept.key) {
        if (typeof entry === 'number') key.push(entry);
        else {
          const lines = byStart.get(entry.region)?.lines;
          if (!lines) break;
          key.push(lines);
        }
      }
      if (key.length === kept.key.length) region.labelSurroundings = { key, read: revived(kept.read, LabelReadings.prototype) };
    }
    for (const { region } of received) list.push(region);
  }
  list.sort((a, b) => a.at.offset - b.at.offset);
  const byOffset = new Map<number, RegionAnalysis>();
  for (const region of list) byOffset.set(region.at.offset, region);
  return { list, byOffset, size: list.length, regionLength: cache.regionLength, text, eol: cache.eol, hasCarriageReturn: cache.hasCarriageReturn, cuts: cache.cuts, labels: {} };
}

/** A region handed over as `record`, laid out from cuts[first..last] again should anything read its layout. */
function receivedRegion(
  text: DocumentText,
  cuts: readonly Cut[],
  first: number,
  last: number,
  record: RegionRecord,
  options: ModelOptions,
  settings: Settings,
  facts: DocumentFacts,
  contentBefore: boolean,
): RegionAnalysis {
  const { start, end } = record;
  const regionText = text.slice(start, end);
  const problems = compactedProblems(settings, record.blockAfter, record.problems, problemsIn);
  const census = record.labelCensus;
  return {
    text: regionText,
    before: text.slice(cuts[first].viewStart, start),
    after: text.slice(end, cuts[last].viewEnd),
    counts: record.counts,
    laidOutWith: record.laidOutWith,
    options,
    at: { offset: start, line: 0, fragment: 0, block: 0 },
    lines: LineIndex.of(regionText),
    fragmentCount: record.fragmentCount,
    blockCount: record.blockCount,
    seamDecision: record.seamDecision,
    source: new LaidOutAgain(layingOutAgain(text, cuts, first, last, options, record.laidOutWith, facts, contentBefore, settings, false)),
    from: ORIGIN,
    directives: record.directives,
    words: NO_WORDS,
    wordsFrom: 0,
    problems,
    firstBlockKey: record.firstBlockKey,
    labelCensus: census && { ...census, hits: revived(census.hits, LabelHits.prototype) },
    own: {},
  };
}

/** An object a structured clone carried (its own fields only), given back its class. */
function revived<T extends object>(clone: T, prototype: T): T {
  return Object.setPrototypeOf(clone, prototype) as T;
}
