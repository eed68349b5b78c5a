// The core's public face: analyse a text once, then ask for problems, fixes, outline and figures.

import { applyEdits, compatibleEdits, editsBetween, fixAllEdits as fixAllEditsOf, fixAllText, MAX_FIX_PASSES } from './fix';
import { foldsOf, type Fold } from './folds';
import type { ArticleModel, ModelOptions } from './model';
import type { DocumentFacts } from './breaks/style';
import { ProblemSet, type TakenWhole } from './problemSet';
import { analyzeRegions, regionSteps, type Layouts, type Placing, type RegionalAnalysis, type RegionCache, type RegionShare, type Speakers } from './regions';
import { joinShares, sharedRegions, type AnalysedShare, type SharedRegions } from './regionShares';
import { figuresOf, figureAt, type Figure } from './figures';
import { outlineFollows, outlineOf, speakerEntries, type OutlineEntry, type OutlineVersion } from './outline';
import { documentHighlights, type Highlight } from './highlights';
import { part } from './parts';
import type { DocumentText } from './documentText';
import { speakersFollow, speakersOf, type Speaker } from './speakers';
import { textChange } from './outline/carryOver';
import type { Edit, Problem } from './rules/rule';
import type { Settings } from './settings';
import type { ProblemColumnsCodec } from './sharedProblems';

export interface Analysis {
  readonly model: ArticleModel;
  readonly settings: Settings;
  /** What the whole document says about its extractor's habits, settled once for the version (breaks/style.ts). */
  readonly facts: DocumentFacts;
  /** Every problem, in document order (for a large document, a list built on first use). */
  readonly problems: readonly Problem[];
  /** How many problems there are (a large document's are counted without building their list). */
  readonly problemCount: number;
  /**
   * At most `limit` problems, in document order: all of them when there are no more, else those nearest
   * the offset `focus` (what an editor, which shows only so many, should show where the user works).
   */
  problemsNear(focus: number, limit: number): readonly Problem[];
  /**
   * The problems `problemsNear` gives, in document order, without moving them: each as its region keeps it,
   * with the offset to add to its positions, its region's list, its index there and where the next list
   * starts (Infinity after the last). A region an edit did not touch keeps the same list, with the same problems, from
   * version to version: what a caller made of them (the language server's diagnostics) can be kept by list.
   */
  forEachProblemNear(focus: number, limit: number, visit: (problem: Problem, offset: number, list: readonly Problem[], index: number, nextOffset: number) => void): void;
  /**
   * Hands over every problem once, in document order, without a list of them all: each problem as found in
   * its region, with the offset to add to its start and end (its fix and related locations too). For a
   * caller that reads each problem once (the CLI's report): the list would copy every problem of a region
   * after the first, a million problems in a raw 10 MB extraction, kept until the process ends. With
   * `takenWhole`, a region's problems kept as columns and none silenced are offered whole first
   * (problemSet.ts ProblemSet.forEach): the CLI's report takes those another thread formatted already.
   */
  forEachProblem(visit: (problem: Problem, offset: number) => void, takenWhole?: TakenWhole): void;
  /** How many problems of each rule carry a fix. */
  fixableByRule(): ReadonlyMap<string, number>;
  readonly outline: readonly OutlineEntry[];
  readonly figures: readonly Figure[];
  readonly speakers: readonly Speaker[];
  /** The outline followed by the people quoted, grouped under `groupName`. */
  outlineWithSpeakers(groupName: string): readonly OutlineEntry[];
  /** The outline with speakers and the text it is of, for comparing with another version's (outlineStandsAsIn). */
  outlineVersion(groupName: string): OutlineVersion;
  /** What an editor can fold: each section and each paragraph spread over several lines (folds.ts). */
  readonly folds: readonly Fold[];
  /** What semantic highlighting colours: roles and figures. */
  readonly highlights: readonly Highlight[];
  figureAt(offset: number): Figure | undefined;
  /** What the analysis of the next version may take over (its regions). */
  readonly regions: RegionCache;
}

/** How the analysis is cut into regions (a cache only: the answers are the same for any region length). */
export interface AnalysisOptions {
  /** Regions run about this many characters, at least a quarter of it (regions.ts REGION_LENGTH by default). */
  readonly regionLength?: number;
  /**
   * When the regions' parts are placed into the document's model (regions.ts Placing): as each region is
   * laid out by default; 'on-first-use' for a caller that reads only the problems and the line index.
   * The answers are the same either way.
   */
  readonly placing?: Placing;
  /**
   * When the people quoted are read (regions.ts Speakers): when first asked by default; 'in-steps' for a
   * caller that will ask for the outline after the analysis (the language server), so that request only
   * builds the outline. The answers are the same either way.
   */
  readonly speakers?: Speakers;
  /**
   * What a region keeps of its layout once its problems and labels are read (regions.ts Layouts): kept by
   * default; 'read-once' for a caller that analyses the text once and reads only the problems and the line
   * index (the CLI): dropped, and laid out again if asked for after all. The answers are the same either way.
   */
  readonly layouts?: Layouts;
  /**
   * With 'read-once' layouts: how a document of many regions keeps its problems until they are read, as columns
   * of numbers (`problemColumns`) rather than a million objects every collection copies; without it, as objects.
   */
  readonly problemColumns?: ProblemColumnsCodec;
}

/**
 * Parses the text once, region by region, with the document's facts settled for the whole text (one
 * pipeline for every document: regions.ts); problems, outline and figures are computed on first use and
 * kept. Give the analysis of the document's previous version as `previous` and only the regions an edit
 * touched (or whose inputs it changed) are analysed again; the result is the same as without it.
 * The text is a string, or an editor's copy in pieces (PieceText, documentText.ts), read without joining it.
 */
export function analyze(text: DocumentText, settings: Settings, previous?: Analysis, analysisOptions: AnalysisOptions = {}): Analysis {
  const options: ModelOptions = { cjkLatinSpacing: settings.cjkLatinSpacing };
  return regionalAnalysis(
    analyzeRegions(text, options, settings, previous?.regions, analysisOptions.regionLength ?? previous?.regions?.regionLength, analysisOptions.placing, analysisOptions.speakers, analysisOptions.layouts, undefined, analysisOptions.problemColumns),
    settings,
    previous,
  );
}

/**
 * One thread's share of a large document analysed once (regionShares.ts): the regions whose first cut starts
 * in [share.from, share.to), laid out, linted and their labels read with the whole document's facts; the
 * document's own steps are left to `analyzeShared`. `analysisOptions` as `analyze`'s ('read-once' layouts:
 * what another thread receives carries none).
 */
export function analyzeShare(text: DocumentText, settings: Settings, share: RegionShare, analysisOptions: AnalysisOptions = {}): AnalysedShare {
  const options: ModelOptions = { cjkLatinSpacing: settings.cjkLatinSpacing };
  const { cache, facts } = analyzeRegions(text, options, settings, undefined, analysisOptions.regionLength, analysisOptions.placing, analysisOptions.speakers, analysisOptions.layouts, share, analysisOptions.problemColumns);
  return { cache, facts };
}

/** A share's regions as plain data, for the thread that analyses the whole document (a structured clone carries it). */
export function shareToSend(share: AnalysedShare): SharedRegions {
  return sharedRegions(share);
}

/**
 * The analysis of `text` from its shares: this thread's (`own`) and the other threads' (`others`), all of the
 * same text with the same settings and region length. Every region of a share is taken over as from a previous
 * version; what none covers is analysed here. The answers are `analyze`'s.
 */
export function analyzeShared(text: DocumentText, settings: Settings, own: AnalysedShare, others: readonly SharedRegions[], analysisOptions: AnalysisOptions = {}): Analysis {
  const options: ModelOptions = { cjkLatinSpacing: settings.cjkLatinSpacing };
  const previous = joinShares(text, settings, own, others);
  return regionalAnalysis(
    analyzeRegions(text, options, settings, previous, previous.regionLength, analysisOptions.placing, analysisOptions.speakers, analysisOptions.layouts, undefined, analysisOptions.problemColumns),
    settings,
    undefined,
  );
}

/**
 * `analyze` for a caller that must stay responsive: the document is analysed one region at a time (rules
 * included), awaiting `pause()` between regions so other work can run; the result is the same.
 */
export async function analyzeInSteps(
  text: DocumentText,
  settings: Settings,
  previous: Analysis | undefined,
  pause: () => Promise<void>,
  analysisOptions: AnalysisOptions = {},
): Promise<Analysis> {
  const options: ModelOptions = { cjkLatinSpacing: settings.cjkLatinSpacing };
  const steps = regionSteps(
    text,
    options,
    settings,
    previous?.regions,
    analysisOptions.regionLength ?? previous?.regions?.regionLength,
    analysisOptions.placing,
    analysisOptions.speakers,
    analysisOptions.layouts,
    undefined,
    analysisOptions.problemColumns,
  );
  for (;;) {
    const step = steps.next();
    if (step.done) return regionalAnalysis(step.value, settings, previous);
    await pause();
  }
}

function regionalAnalysis(regional: RegionalAnalysis, settings: Settings, previous: Analysis | undefined): Analysis {
  // The outline of a version an edit left as it was is the previous version's, moved (outline/carryOver.ts).
  if (previous) {
    outlineFollows(regional.model, regional.cache.text, previous.model, previous.regions.text);
    // The people quoted likewise (speakers.ts carriedSpeakers).
    speakersFollow(regional.model, previous.model, () => textChange(previous.regions.text, regional.cache.text));
  }
  return new DocumentAnalysis(regional.model, settings, () => regional.problems(settings), regional.cache, regional.facts);
}

const foldsPart = part((model): readonly Fold[] => foldsOf(model));
const highlightsPart = part((model): readonly Highlight[] => documentHighlights(model, () => figuresOf(model)));

/**
 * An analysis: its problems found on first use, every other part computed from the read-only model on first
 * use and kept beside it (parts.ts). A class, not an object literal with getters: V8 makes each getter of a
 * literal an accessor pair in the old generation, and that pair, dead or not, keeps its closure's context —
 * here the whole analysis — through every scavenge until the next full collection (a batch's analyses piled
 * up in the old generation; docs/performance-log.md, batch26). A class's getters are made once.
 */
class DocumentAnalysis implements Analysis {
  // Declared, not defined as fields (the browser's bundle is kept small): the constructor sets them.
  declare readonly model: ArticleModel;
  declare readonly settings: Settings;
  declare private readonly findProblems: () => ProblemSet;
  declare readonly regions: RegionCache;
  declare readonly facts: DocumentFacts;
  private found: ProblemSet | undefined;
  private fixable: ReadonlyMap<string, number> | undefined;

  constructor(model: ArticleModel, settings: Settings, findProblems: () => ProblemSet, regions: RegionCache, facts: DocumentFacts) {
    this.model = model;
    this.settings = settings;
    this.findProblems = findProblems;
    this.regions = regions;
    this.facts = facts;
  }

  // Methods as properties bound to this analysis: a caller may pass one on alone (or spread the analysis).
  readonly problemsNear = (focus: number, limit: number): readonly Problem[] => this.problemSet().near(focus, limit);
  readonly forEachProblemNear: Analysis['forEachProblemNear'] = (focus, limit, visit) => this.problemSet().forEachNear(focus, limit, visit);
  readonly forEachProblem: Analysis['forEachProblem'] = (visit, takenWhole) => this.problemSet().forEach(visit, takenWhole);
  readonly fixableByRule = (): ReadonlyMap<string, number> => (this.fixable ??= this.problemSet().fixableByRule());
  readonly outlineWithSpeakers = (groupName: string): readonly OutlineEntry[] => [...outlineOf(this.model), ...speakerEntries(this.model, groupName)];
  readonly outlineVersion = (groupName: string): OutlineVersion => ({
    entries: this.outlineWithSpeakers(groupName),
    text: this.regions.text,
    outline: outlineOf(this.model),
    speakers: speakersOf(this.model),
    groupName,
  });
  readonly figureAt = (offset: number): Figure | undefined => figureAt(this.model, offset);

  private problemSet(): ProblemSet {
    return (this.found ??= this.findProblems());
  }

  get problems(): readonly Problem[] {
    return this.problemSet().list();
  }

  get problemCount(): number {
    return this.problemSet().count;
  }

  get outline(): readonly OutlineEntry[] {
    return outlineOf(this.model);
  }

  get figures(): readonly Figure[] {
    return figuresOf(this.model);
  }

  get speakers(): readonly Speaker[] {
    return speakersOf(this.model);
  }

  get folds(): readonly Fold[] {
    return foldsPart(this.model);
  }

  get highlights(): readonly Highlight[] {
    return highlightsPart(this.model);
  }
}

export function lintText(text: string, settings: Settings, analysisOptions?: AnalysisOptions): readonly Problem[] {
  return analyze(text, settings, undefined, analysisOptions).problems;
}

/** Applies every fix (optionally only those `accept` takes) until the text is stable. */
export function fixAll(text: string, settings: Settings, accept?: (problem: Problem) => boolean, analysisOptions?: AnalysisOptions): string {
  return fixAllText(text, (current) => lintText(current, settings, analysisOptions), accept).text;
}

/** Fix all as edits of `text`, for an editor to apply. */
export function fixAllEdits(text: string, settings: Settings, accept?: (problem: Problem) => boolean): Edit[] {
  return fixAllEditsOf(text, (current) => lintText(current, settings), accept);
}

/** Format Document: the clean article, which is what fixing every fixable problem gives. */
export function formatArticle(text: string, settings: Settings): string {
  return fixAll(text, settings);
}

/**
 * `fixAllEdits` of the analysed text for a caller that must stay responsive and be able to give up: the
 * first pass takes the analysis's own problems, each later pass is analysed in steps, and `pause()`
 * runs between steps (it may throw to abandon the work, e.g. when the request was cancelled).
 */
export async function fixAllEditsInSteps(
  analysis: Analysis,
  pause: () => Promise<void>,
  accept: (problem: Problem) => boolean = () => true,
): Promise<Edit[]> {
  const { settings } = analysis;
  const text = analysis.model.text;
  const firstPass = compatibleEdits(analysis.problems.filter(accept));
  if (firstPass.length === 0) return [];
  const afterFirst = applyEdits(text, firstPass);
  let current = afterFirst;
  let previous = analysis;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    await pause();
    previous = await analyzeInSteps(current, settings, previous, pause);
    const edits = compatibleEdits(previous.problems.filter(accept));
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
  }
  return current === afterFirst ? firstPass : editsBetween(text, current);
}

export type { Problem, Edit, Rule, LocalizedText } from './rules/rule';
export { localize } from './rules/rule';
export { LineIndex } from './text';
export type { TakenWhole } from './problemSet';
export type { CutCounts, Layouts, Placing, RegionShare, Speakers } from './regions';
export { sharedBuffers, shareLineIndex, shareProblemColumns, sharedProblemColumns, type AnalysedShare, type SharedRegions } from './regionShares';
export type { Fold } from './folds';
export { quickFixes, ruleFixEdits, MAX_OFFERS, type ProblemRef, type QuickFixPlan, type QuickFixSource } from './quickFixes';
export { unreadableReason } from './input';
export { PieceText, type DocumentText } from './documentText';
export { firstIndex, lastAtMost } from './search';
export { problemColumns, type ProblemColumns, type ProblemColumnsCodec } from './sharedProblems';
export { describeFigure, figureSummary } from './figureText';
export type { HighlightKind } from './highlights';
export { settingsLayerProblems } from './settingsCheck';
export type { Figure } from './figures';
export { outlineStandsAsIn, type OutlineEntry, type OutlineVersion } from './outline';
export type { Speaker } from './speakers';
export type { ArticleModel } from './model';
export type { DocumentFacts } from './breaks/style';
export type { Highlight } from './highlights';
export { rules, ruleById } from './rules';
/** What each rule checks, by id, for the settings' descriptions (`npm run gen:settings`). */
export { ruleDescriptions } from './rules/descriptions';
export { mergeSettings, defaultSettings, parseLocale, type Settings, type Severity, type Locale, type SettingsLayer } from './settings';
export { settingDescriptions, settingTexts, type SettingDescription, type SettingText } from './settingsSchema';
/** For training the break model (scripts/train): the features of every break, weighed with given weights. */
export { breakRows, type BreakRow } from './breaks/training';
export { BREAK_FEATURES, type BreakWeights } from './breaks/features';
