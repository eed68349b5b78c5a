// One file through the CLI: read, fix if asked, analyse, and render what is printed for it. The same
// function runs in the main thread and in the workers of a parallel batch, so both print the same.

import * as path from 'node:path';
import { analyze, fixAll, mergeSettings, parseLocale, type Settings, type SettingsLayer } from '../../server/src/core';
import { ConfigError, findProjectConfig, readSettingsFile } from '../../server/src/node/projectConfig';
import { InputError, readArticle, writeArticleAtomically } from './files';
import { countProblems, fileJson, formatFileReport, githubAnnotations, type ProblemCounts } from './report';

export interface LintOptions {
  readonly fix: boolean;
  readonly stdout: boolean;
  readonly outline: boolean;
  readonly figures: boolean;
  readonly format: 'text' | 'json' | 'github';
  readonly config?: string;
  readonly noConfig: boolean;
  readonly locale?: string;
  readonly quiet: boolean;
}

export interface FileOutcome {
  /** What is printed for the file, in its turn: its report, or its fixed text with --fix --stdout. */
  readonly printed: string;
  /** The file's entry in the JSON report. */
  readonly json?: unknown;
  readonly counts: ProblemCounts;
}

/** A failure to report in one line and exit 2 with: unreadable input or a bad settings file. */
export function isUserError(error: unknown): error is InputError | ConfigError {
  return error instanceof InputError || error instanceof ConfigError;
}

function localeFromEnvironment(): string | undefined {
  return process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || undefined;
}

function settingsFor(file: string, options: LintOptions, explicitLayer: SettingsLayer | undefined): Settings {
  const environment = localeFromEnvironment();
  const locale = parseLocale(options.locale) ?? parseLocale(environment?.replace(/[._].*$/, '') === 'C' ? 'en' : environment) ?? 'en';
  let projectLayer: SettingsLayer | undefined = explicitLayer;
  if (!options.config && !options.noConfig) {
    const found = findProjectConfig(file === '-' ? process.cwd() : path.dirname(path.resolve(file)));
    if (found) projectLayer = readSettingsFile(found);
  }
  return mergeSettings(projectLayer, { locale });
}

/** Throws InputError or ConfigError (see isUserError) for input the user must fix. */
export function lintFile(file: string, options: LintOptions, explicitLayer: SettingsLayer | undefined): FileOutcome {
  const article = readArticle(file);
  const settings = settingsFor(file, options, explicitLayer);
  if (article.text.length > settings.maxDocumentLength) {
    throw new InputError(`${article.path}: ${article.text.length} characters is more than maxDocumentLength (${settings.maxDocumentLength})`);
  }
  let text = article.text;
  let printed = '';
  if (options.fix) {
    const fixed = fixAll(text, settings);
    if (options.stdout) printed = (article.bom ? '\uFEFF' : '') + fixed;
    else if (fixed !== text) {
      if (article.path === '-') throw new InputError('cannot write a fix back to standard input (use --stdout)');
      writeArticleAtomically(article, fixed);
    }
    text = fixed;
  }
  const analysis = analyze(text, settings);
  const problems = options.quiet
    ? analysis.problems.filter((problem) => problem.severity === 'warning' || problem.severity === 'error')
    : analysis.problems;
  const report = { file: article.path, analysis, problems };
  const sections = { outline: options.outline, figures: options.figures };
  if (!options.stdout) {
    if (options.format === 'text') printed = formatFileReport(report, sections);
    else if (options.format === 'github') printed = githubAnnotations(report);
  }
  return { printed, json: options.format === 'json' ? fileJson(report, sections) : undefined, counts: countProblems(problems) };
}
