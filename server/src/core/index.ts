// The core's public face: analyse a text once, then ask for problems, fixes, outline and figures.

import { applyEdits, compatibleEdits, editsBetween, fixAllEdits as fixAllEditsOf, fixAllText, MAX_FIX_PASSES } from './fix';
import { lint } from './lint';
import { derive, parseArticle, type ArticleModel, type ModelOptions } from './model';
import { ProblemSet } from './problemSet';
import { analyzeRegions, regionSteps, WHOLE_DOCUMENT_LIMIT, type RegionalAnalysis, type RegionCache } from './regions';
import { figuresOf, figureAt, type Figure } from './figures';
import { outlineOf, speakerEntries, type OutlineEntry } from './outline';
import { speakersOf, type Speaker } from './speakers';
import type { Edit, Problem } from './rules/rule';
import type { Settings } from './settings';

export interface Analysis {
  readonly model: ArticleModel;
  readonly settings: Settings;
  /** Every problem, in document order (for a large document, a list built on first use). */
  readonly problems: readonly Problem[];
  /** How many problems there are (a large document's are counted without building their list). */
  readonly problemCount: number;
  /**
   * At most `limit` problems, in document order: all of them when there are no more, else those nearest
   * the offset `focus` (what an editor, which shows only so many, should show where the user works).
   */
  problemsNear(focus: number, limit: number): readonly Problem[];
  /** How many problems of each rule carry a fix. */
  fixableByRule(): ReadonlyMap<string, number>;
  readonly outline: readonly OutlineEntry[];
  readonly figures: readonly Figure[];
  readonly speakers: readonly Speaker[];
  /** The outline followed by the people quoted, grouped under `groupName`. */
  outlineWithSpeakers(groupName: string): readonly OutlineEntry[];
  figureAt(offset: number): Figure | undefined;
  /** What the analysis of the next version may take over (large documents only). */
  readonly regions?: RegionCache;
}

/**
 * Parses the text once; problems, outline and figures are computed on first use and kept (a large
 * document's regions are linted as they are parsed, so a region need not be kept twice). Give the
 * analysis of the document's previous version as `previous` and a large document re-analyses only the
 * regions an edit touched (regions.ts); the result is the same as without it.
 */
export function analyze(text: string, settings: Settings, previous?: Analysis): Analysis {
  const options: ModelOptions = { cjkLatinSpacing: settings.cjkLatinSpacing };
  if (text.length <= WHOLE_DOCUMENT_LIMIT) {
    const model = parseArticle(text, options);
    return analysisOf(model, settings, () => new ProblemSet([{ offset: 0, list: lint(model, settings) }]));
  }
  return regionalAnalysis(analyzeRegions(text, options, settings, previous?.regions), settings);
}

/**
 * `analyze` for a caller that must stay responsive: a large document is analysed one region at a time
 * (rules included), awaiting `pause()` between regions so other work can run; the result is the same.
 */
export async function analyzeInSteps(text: string, settings: Settings, previous: Analysis | undefined, pause: () => Promise<void>): Promise<Analysis> {
  if (text.length <= WHOLE_DOCUMENT_LIMIT) return analyze(text, settings, previous);
  const options: ModelOptions = { cjkLatinSpacing: settings.cjkLatinSpacing };
  const steps = regionSteps(text, options, settings, previous?.regions);
  for (;;) {
    const step = steps.next();
    if (step.done) return regionalAnalysis(step.value, settings);
    await pause();
  }
}

function regionalAnalysis(regional: RegionalAnalysis, settings: Settings): Analysis {
  const { model } = regional;
  // Figures are found per region (reusing unchanged ones) and kept where figuresOf looks for them.
  const prepareFigures = () => void derive(model, 'figures', regional.figures);
  return analysisOf(model, settings, () => regional.problems(settings), prepareFigures, regional.cache);
}

function analysisOf(
  model: ArticleModel,
  settings: Settings,
  findProblems: () => ProblemSet,
  prepareFigures = (): void => undefined,
  regions?: RegionCache,
): Analysis {
  let problems: ProblemSet | undefined;
  let fixable: ReadonlyMap<string, number> | undefined;
  const problemSet = () => (problems ??= findProblems());
  return {
    model,
    settings,
    regions,
    get problems() {
      return problemSet().list();
    },
    get problemCount() {
      return problemSet().count;
    },
    problemsNear: (focus, limit) => problemSet().near(focus, limit),
    fixableByRule: () => (fixable ??= problemSet().fixableByRule()),
    get outline() {
      return outlineOf(model);
    },
    get figures() {
      prepareFigures();
      return figuresOf(model);
    },
    get speakers() {
      return speakersOf(model);
    },
    outlineWithSpeakers: (groupName) => [...outlineOf(model), ...speakerEntries(model, groupName)],
    figureAt: (offset) => {
      prepareFigures();
      return figureAt(model, offset);
    },
  };
}

export function lintText(text: string, settings: Settings): readonly Problem[] {
  return analyze(text, settings).problems;
}

/** Applies every fix (optionally only those `accept` takes) until the text is stable. */
export function fixAll(text: string, settings: Settings, accept?: (problem: Problem) => boolean): string {
  return fixAllText(text, (current) => lintText(current, settings), accept).text;
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
export type { LineIndex } from './text';
export { foldsOf, type Fold } from './folds';
export { quickFixes, ruleFixEdits, MAX_OFFERS, type ProblemRef, type QuickFixPlan, type QuickFixSource } from './quickFixes';
export { unreadableReason } from './input';
export { describeFigure, figureSummary } from './figureText';
export { highlightsOf, type HighlightKind } from './highlights';
export { settingsLayerProblems } from './settingsCheck';
export type { Figure } from './figures';
export type { OutlineEntry } from './outline';
export type { Speaker } from './speakers';
export type { ArticleModel } from './model';
export { rules, ruleById } from './rules';
export { mergeSettings, defaultSettings, parseLocale, type Settings, type Severity, type Locale, type SettingsLayer } from './settings';
